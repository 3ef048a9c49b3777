/**
 * The MCP server core, independent of transport: picks the protocol era per request, checks the
 * modern request metadata, and dispatches initialize, ping, server/discover, tools/list and
 * tools/call through one table of handlers.
 */
package io.streakmcp.runtime.mcp;
