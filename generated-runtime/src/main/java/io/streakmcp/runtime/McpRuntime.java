package io.streakmcp.runtime;

import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.mcp.ToolHandlers;
import io.streakmcp.runtime.tools.CursorCodec;
import io.streakmcp.runtime.tools.ToolInvoker;
import java.time.Clock;

/** Wires the engine: one place that says which parts the runtime is made of. */
public final class McpRuntime {
  /** tools/list page size: small enough that paging is exercised, large enough to be rare. */
  public static final int TOOLS_PAGE_SIZE = 50;

  private McpRuntime() {}

  /**
   * @param secret the deployment's secret; instances behind one load balancer share it, so a cursor
   *     made by one is accepted by another
   */
  public static McpEngine engine(ServerInfo info, ServerSecret secret, Clock clock) {
    CursorCodec cursors = new CursorCodec(secret.derive("cursor"), clock);
    return new McpEngine(
        info, new ToolHandlers(new ToolInvoker(cursors), cursors, TOOLS_PAGE_SIZE));
  }
}
