package io.streakmcp.generator.diagnostics;

import java.util.Comparator;

/**
 * One problem in the records, printed in javac's shape:
 *
 * <pre>
 * boxes.yaml:41:15: error: [DOC-UNKNOWN-TYPE] $.records[0].params.boxKey.type: expected one of
 *   string, integer, number, boolean, array, object; got "strng"
 * </pre>
 *
 * @param code the stable diagnostic code
 * @param position the file, line and column
 * @param jsonPath where in the document, as a JSON path from {@code $}
 * @param expected what the rule wants
 * @param found what the file has
 */
public record Diagnostic(
    DiagnosticCode code, SourcePosition position, String jsonPath, String expected, String found) {

  /** Sorts by file, line, column, then code, so reports are stable. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.position().file().toString())
          .thenComparingInt(d -> d.position().line())
          .thenComparingInt(d -> d.position().column())
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::jsonPath);

  /** The javac-shaped line (with a continuation line when long). */
  public String format() {
    return position
        + ": error: ["
        + code.id()
        + "] "
        + jsonPath
        + ": expected "
        + expected
        + "; got "
        + found;
  }
}
