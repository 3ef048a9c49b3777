package io.streakmcp.runtime.mcp;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.live.LiveSchemaCache;
import io.streakmcp.runtime.live.SchemaEnricher;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.tools.CursorCodec;
import io.streakmcp.runtime.tools.CursorState;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.runtime.tools.ToolInvoker;
import io.streakmcp.runtime.tools.ToolOutcome;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** tools/list and tools/call, adapted to the revision of each request. */
public final class ToolHandlers {
  /** The per-call log: {@code io.streakmcp.calls}. */
  private static final Logger CALLS = LoggerFactory.getLogger("io.streakmcp.calls");

  /** How long modern clients may cache results that carry no live schema (server/discover). */
  static final long TTL_MS = 60_000;

  /** Where a call result carries Streak's rate-limit facts. */
  public static final String RATE_LIMIT_META = "io.streakmcp/ratelimit";

  private final ToolInvoker invoker;
  private final CursorCodec cursors;
  private final int pageSize;

  private final LiveSchemaCache live;

  public ToolHandlers(
      ToolInvoker invoker, CursorCodec cursors, int pageSize, LiveSchemaCache live) {
    this.invoker = invoker;
    this.cursors = cursors;
    this.pageSize = pageSize;
    this.live = live;
  }

  LiveSchemaCache liveSchema() {
    return live;
  }

  Object list(IncomingMessage m, RequestContext c) {
    ToolCatalog catalog = c.server().catalog();
    int from = 0;
    JsonNode cursor = m.params().get("cursor");
    if (cursor != null && !cursor.isNull()) {
      if (!cursor.isString()) {
        throw new RpcException(ErrorCodes.INVALID_PARAMS, "Invalid cursor: it must be a string");
      }
      try {
        from =
            cursors
                .decode(cursor.stringValue(), c.server().serverId() + "/tools/list", "")
                .offset();
      } catch (CursorCodec.InvalidCursorException e) {
        throw new RpcException(ErrorCodes.INVALID_PARAMS, "Invalid cursor: " + e.getMessage());
      }
    }
    List<ToolEntry> all = catalog.all();
    boolean structured = ProtocolVersions.hasStructuredContent(c.protocolVersion());
    boolean annotations = ProtocolVersions.hasAnnotations(c.protocolVersion());
    ObjectNode result = Json.object();
    ArrayNode tools = result.putArray("tools");
    int to = Math.min(all.size(), from + pageSize);
    LiveSchemaCache.Result schema = null;
    for (ToolEntry entry : all.subList(Math.min(from, to), to)) {
      ObjectNode wire = ToolCatalog.wire(entry, structured, annotations);
      if (SchemaEnricher.enriches(entry.name())) {
        if (schema == null) {
          schema = live.get(c.server().accountId(), c.server().streak());
        }
        wire.set(
            "inputSchema",
            schema
                .schema()
                .map(a -> SchemaEnricher.enrich(entry.name(), entry.inputSchema(), a))
                .orElseGet(() -> SchemaEnricher.unavailable(entry.inputSchema(), entry.name())));
      }
      tools.add(wire);
    }
    if (to < all.size()) {
      result.put(
          "nextCursor",
          cursors.encode(
              c.server().serverId() + "/tools/list",
              "",
              new CursorState(0, null, to, pageSize, 0)));
    }
    if (c.era() == Era.MODERN) {
      // The live schema is re-read once per TTL, so that is when a client should look again.
      cacheHints(result, live.ttl().toMillis());
    }
    return result;
  }

  Object call(IncomingMessage m, RequestContext c) {
    JsonNode name = m.params().get("name");
    if (name == null || !name.isString()) {
      throw new RpcException(
          ErrorCodes.INVALID_PARAMS,
          "tools/call needs params.name, the name of a tool from tools/list");
    }
    JsonNode arguments = m.params().get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      throw new RpcException(ErrorCodes.INVALID_PARAMS, "params.arguments must be an object");
    }
    ToolEntry tool =
        c.server()
            .catalog()
            .find(name.stringValue())
            .orElseThrow(
                () ->
                    new RpcException(
                        ErrorCodes.INVALID_PARAMS,
                        "Unknown tool: "
                            + name.stringValue()
                            + "; call tools/list for the tools offered"));
    ObjectNode args = arguments instanceof ObjectNode o ? o : Json.object();
    long start = System.nanoTime();
    ToolOutcome outcome =
        invoker.call(
            tool, args, c.server().streak(), c.server().serverId(), c.server().accountId());
    int ms = (int) ((System.nanoTime() - start) / 1_000_000);
    String status = status(outcome);
    c.server().calls().record(tool.name(), status, ms);
    // One line per call on its own logger, so operators can keep or silence it apart from the
    // rest. Never the arguments: they hold customer data.
    CALLS
        .atInfo()
        .addKeyValue("server", c.server().serverId())
        .addKeyValue("tool", tool.name())
        .addKeyValue("status", status)
        .addKeyValue("ms", ms)
        .log("tool call");
    ObjectNode result = Json.object();
    result.putArray("content").addObject().put("type", "text").put("text", outcome.text());
    if (outcome.structured() != null
        && ProtocolVersions.hasStructuredContent(c.protocolVersion())) {
      if (outcome.isError()) {
        result.set("structuredContent", outcome.structured());
      } else {
        // A success's text is its structured content already written as JSON: reuse those bytes
        // instead of writing the tree a second time (the largest single cost of a call's JSON).
        result.putRawValue("structuredContent", new RawValue(outcome.text()));
      }
    }
    if (outcome.isError()) {
      result.put("isError", true);
    }
    if (c.era() == Era.MODERN) {
      result.put("resultType", "complete");
    }
    Map<String, String> headers = outcome.rateLimitHeaders();
    if (headers.isEmpty()) {
      return result;
    }
    // The same facts inside the result, for transports without headers (stdio, SSE).
    ObjectNode limits = result.putObject("_meta").putObject(RATE_LIMIT_META);
    headers.forEach((k, v) -> limits.put(k, Long.parseLong(v)));
    return new Reply(Responses.result(m.id(), result), 200, headers);
  }

  /** What the call log says of an outcome: ok, or the kind of tool error. */
  private static String status(ToolOutcome outcome) {
    if (!outcome.isError()) {
      return "ok";
    }
    return outcome.structured() == null
        ? "error"
        : outcome.structured().path("error").asString("error");
  }

  static void cacheHints(ObjectNode result, long ttlMs) {
    // Tools depend on the server token, so caches must not be shared between tokens.
    result.put("ttlMs", ttlMs).put("cacheScope", "private");
  }
}
