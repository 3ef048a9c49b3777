package io.streakmcp.runtime.tool;

/** Where a tool argument goes in the Streak request. */
public enum ArgumentLocation {
  PATH,
  QUERY,
  BODY
}
