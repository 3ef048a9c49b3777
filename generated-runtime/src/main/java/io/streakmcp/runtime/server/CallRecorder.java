package io.streakmcp.runtime.server;

/** Where a server's tools/call outcomes go (tool, status, duration; never arguments). */
@FunctionalInterface
public interface CallRecorder {
  /** Records nothing: for stdio and embedded use. */
  CallRecorder NONE = (tool, status, durationMs) -> {};

  void record(String tool, String status, int durationMs);
}
