/**
 * The HTTP client for Streak, on java.net.http: Basic auth, v1 and v2 under one base URL, JSON or
 * form bodies, percent-encoded path parameters, timeouts and rate-limit headers. Knows nothing of
 * MCP.
 */
package io.streakmcp.runtime.streak;
