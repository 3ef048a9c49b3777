package io.streakmcp.runtime.mcp;

/** Legacy revisions open with initialize; modern ones carry everything in each request. */
public enum Era {
  LEGACY,
  MODERN
}
