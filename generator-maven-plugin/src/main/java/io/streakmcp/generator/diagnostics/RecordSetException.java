package io.streakmcp.generator.diagnostics;

import java.util.List;

/** Thrown when the records have errors: nothing is generated from a broken record set. */
public final class RecordSetException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;
  private final String summary;

  public RecordSetException(List<Diagnostic> diagnostics, int fileCount) {
    super(message(diagnostics, fileCount));
    this.diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    this.summary = summary(diagnostics, fileCount);
  }

  /** The closing line alone, e.g. "2 errors in 1 of 12 record files; no sources were generated". */
  public String summary() {
    return summary;
  }

  private static String message(List<Diagnostic> diagnostics, int fileCount) {
    StringBuilder sb = new StringBuilder(summary(diagnostics, fileCount));
    diagnostics.stream().sorted(Diagnostic.ORDER).forEach(d -> sb.append('\n').append(d.format()));
    return sb.toString();
  }

  /** Every problem, sorted by position. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String summary(List<Diagnostic> diagnostics, int fileCount) {
    long files = diagnostics.stream().map(d -> d.position().file()).distinct().count();
    int n = diagnostics.size();
    return n
        + (n == 1 ? " error" : " errors")
        + " in "
        + files
        + " of "
        + fileCount
        + " record files; no sources were generated";
  }
}
