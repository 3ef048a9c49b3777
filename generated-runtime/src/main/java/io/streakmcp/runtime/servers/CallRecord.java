package io.streakmcp.runtime.servers;

/**
 * One tools/call in a server's log. Argument values are never recorded.
 *
 * @param tool the tool called
 * @param calledAt epoch milliseconds
 * @param status ok, or the kind of error (invalid_arguments, rate_limited, streak_error, ...)
 * @param durationMs how long the call took
 */
public record CallRecord(String tool, long calledAt, String status, int durationMs) {}
