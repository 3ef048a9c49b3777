package io.streakmcp.runtime.server;

import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;

/**
 * One MCP server as a request sees it.
 *
 * @param serverId a stable, non-secret id, for logs, cursors and session binding
 * @param accountId the integrated account it serves; its live schema is shared by its servers
 * @param catalog the tools this server offers (after its filters)
 * @param streak the client for the server's Streak account
 * @param requiresPlatformToken MCP requests must also carry a platform API token
 * @param calls where its tools/call outcomes are recorded
 */
public record McpServerContext(
    String serverId,
    String accountId,
    ToolCatalog catalog,
    StreakClient streak,
    boolean requiresPlatformToken,
    CallRecorder calls) {

  /** A server open to anyone with its URL, its own account, with no call log. */
  public McpServerContext(String serverId, ToolCatalog catalog, StreakClient streak) {
    this(serverId, serverId, catalog, streak, false, CallRecorder.NONE);
  }
}
