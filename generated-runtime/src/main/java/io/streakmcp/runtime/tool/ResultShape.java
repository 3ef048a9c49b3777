package io.streakmcp.runtime.tool;

/** How Streak shapes a method's answer, so the runtime can normalise lists. */
public enum ResultShape {
  /** One JSON object. */
  OBJECT,
  /** A bare JSON array (readers also accept a {@code results} wrapper). */
  ARRAY,
  /** An object holding the list in {@code results} or {@code entries}. */
  RESULTS,
  /** An object keyed by entity key, such as a pipeline's stages. */
  KEYED_MAP,
  /** Not JSON: markdown or raw bytes. */
  TEXT
}
