package io.streakmcp.generator.model;

/** Why the quality gate left a method out. Each has a stable code for reports and tests. */
public enum DropReason {
  /** No record documents the method. */
  UNDOCUMENTED("GATE-UNDOCUMENTED"),
  /** The record's summary is shorter than the configured minimum. */
  SUMMARY_TOO_SHORT("GATE-SHORT-SUMMARY"),
  /** The record's summary says nothing the tool name does not. */
  SUMMARY_ECHOES_NAME("GATE-ECHOES-NAME");

  private final String code;

  DropReason(String code) {
    this.code = code;
  }

  /** The stable code, e.g. {@code GATE-UNDOCUMENTED}. */
  public String code() {
    return code;
  }
}
