/**
 * Transports on embedded Jetty 12 (Streamable HTTP at /mcp/{token}, the legacy HTTP+SSE pair at
 * /mcp/{token}/sse and /mcp/{token}/messages) and stdio. They move bytes and enforce origin, size
 * and session rules; the MCP meaning lives in the engine.
 */
package io.streakmcp.runtime.transport;
