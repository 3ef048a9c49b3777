package io.streakmcp.runtime.server;

import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;

/**
 * One MCP server as a request sees it.
 *
 * @param serverId a stable, non-secret id, for logs and session binding
 * @param catalog the tools this server offers (after its filters)
 * @param streak the client for the server's Streak account
 */
public record McpServerContext(String serverId, ToolCatalog catalog, StreakClient streak) {}
