package io.streakmcp.runtime;

import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.live.LiveSchemaCache;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.mcp.ToolHandlers;
import io.streakmcp.runtime.tools.CursorCodec;
import io.streakmcp.runtime.tools.ToolInvoker;
import java.time.Clock;
import java.time.Duration;

/** Wires the engine: one place that says which parts the runtime is made of. */
public final class McpRuntime {
  /** tools/list page size: small enough that paging is exercised, large enough to be rare. */
  public static final int TOOLS_PAGE_SIZE = 50;

  /** How long an account's live schema is reused before Streak is asked again. */
  public static final Duration DEFAULT_SCHEMA_TTL = Duration.ofSeconds(60);

  private McpRuntime() {}

  /**
   * @param secret the deployment's secret; instances behind one load balancer share it, so a cursor
   *     made by one is accepted by another
   */
  public static McpEngine engine(ServerInfo info, ServerSecret secret, Clock clock) {
    return engine(info, secret, clock, DEFAULT_SCHEMA_TTL);
  }

  /**
   * @param schemaTtl how long an account's live schema (pipelines, stages, fields) is reused
   */
  public static McpEngine engine(
      ServerInfo info, ServerSecret secret, Clock clock, Duration schemaTtl) {
    CursorCodec cursors = new CursorCodec(secret.derive("cursor"), clock);
    LiveSchemaCache live = new LiveSchemaCache(schemaTtl, clock);
    return new McpEngine(
        info, new ToolHandlers(new ToolInvoker(cursors, live), cursors, TOOLS_PAGE_SIZE, live));
  }
}
