package io.streakmcp.generator.diagnostics;

import java.nio.file.Path;

/**
 * A place in a record file, 1-based like javac, so IDEs link {@code file:line:col}.
 *
 * @param file the record file
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record SourcePosition(Path file, int line, int column) {

  /** The position of a whole file, when nothing finer is known. */
  public static SourcePosition of(Path file) {
    return new SourcePosition(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file.toString();
  }
}
