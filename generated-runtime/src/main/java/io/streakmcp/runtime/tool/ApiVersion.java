package io.streakmcp.runtime.tool;

/** Streak's API version; chosen per method, never per resource. */
public enum ApiVersion {
  V1("v1"),
  V2("v2");

  private final String segment;

  ApiVersion(String segment) {
    this.segment = segment;
  }

  /** The path segment under the API root, {@code v1} or {@code v2}. */
  public String segment() {
    return segment;
  }
}
