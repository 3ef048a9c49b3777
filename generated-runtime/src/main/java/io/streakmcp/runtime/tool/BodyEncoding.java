package io.streakmcp.runtime.tool;

/** How a method sends its body: legacy v1 creates are form-encoded, everything else JSON. */
public enum BodyEncoding {
  NONE,
  JSON,
  FORM
}
