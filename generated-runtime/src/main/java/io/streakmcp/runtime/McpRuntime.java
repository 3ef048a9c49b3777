package io.streakmcp.runtime;

import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.mcp.ToolHandlers;
import io.streakmcp.runtime.tools.CursorCodec;
import io.streakmcp.runtime.tools.ToolInvoker;

/** Wires the engine: one place that says which parts the runtime is made of. */
public final class McpRuntime {
  /** tools/list page size: small enough that paging is exercised, large enough to be rare. */
  public static final int TOOLS_PAGE_SIZE = 50;

  private McpRuntime() {}

  /**
   * @param cursorSecret signs list and tools/list cursors; instances that share clients must share
   *     it
   */
  public static McpEngine engine(ServerInfo info, byte[] cursorSecret) {
    CursorCodec cursors = new CursorCodec(cursorSecret);
    return new McpEngine(
        info, new ToolHandlers(new ToolInvoker(cursors), cursors, TOOLS_PAGE_SIZE));
  }
}
