package io.streakmcp.runtime.mcp;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.server.McpServerContext;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one JSON-RPC message for one MCP server, whatever the transport. Every failure becomes the
 * wire result the error table in conventions.md (C11) assigns to it; a bug becomes -32603 with a
 * reference, and the exception goes to the log only.
 */
public final class McpEngine {
  private static final Logger LOG = LoggerFactory.getLogger(McpEngine.class);

  private final Map<String, Handler> legacy;
  private final Map<String, Handler> modern;

  /** One method's handler: params in, result out (or an RpcException). */
  @FunctionalInterface
  interface Handler {
    Object handle(IncomingMessage message, RequestContext context);
  }

  private final ServerInfo info;
  private final ToolHandlers tools;

  public McpEngine(ServerInfo info, ToolHandlers tools) {
    this.info = info;
    this.tools = tools;
    Handlers handlers = new Handlers(info, tools);
    this.legacy =
        Map.of(
            Methods.INITIALIZE, handlers::initialize,
            Methods.PING, (m, c) -> Json.object(),
            Methods.TOOLS_LIST, tools::list,
            Methods.TOOLS_CALL, tools::call);
    this.modern =
        Map.of(
            Methods.SERVER_DISCOVER, handlers::discover,
            Methods.TOOLS_LIST, tools::list,
            Methods.TOOLS_CALL, tools::call);
  }

  /**
   * Decides the era of a message and the version it is served under.
   *
   * @param headers lower-case HTTP headers, or null on stdio
   * @param legacyVersion the version negotiated for this session or connection, if any
   */
  public RequestContext context(
      IncomingMessage message,
      McpServerContext server,
      Map<String, String> headers,
      String legacyVersion) {
    if (isModern(message.params(), message.method(), headers)) {
      return new RequestContext(server, Era.MODERN, ModernMeta.check(message, headers));
    }
    return new RequestContext(server, Era.LEGACY, legacyVersion);
  }

  /** Whether a request (params, method, headers) is served statelessly as 2026-07-28. */
  public static boolean isModern(JsonNode params, String method, Map<String, String> headers) {
    return ModernMeta.isModern(params, method, headers);
  }

  /** The live schema cache, so a transport can tell clients when an account's tools change. */
  public io.streakmcp.runtime.live.LiveSchemaCache liveSchema() {
    return tools.liveSchema();
  }

  /** Serves one message in its context. Never throws. */
  public Reply handle(IncomingMessage message, RequestContext context) {
    if (!message.isRequest()) {
      // Notifications (initialized, cancelled, ...) and responses need no answer.
      return Reply.accepted();
    }
    Handler handler = (context.era() == Era.MODERN ? modern : legacy).get(message.method());
    try {
      if (handler == null) {
        throw new RpcException(
            ErrorCodes.METHOD_NOT_FOUND,
            "Method not found: " + message.method(),
            null,
            context.era() == Era.MODERN ? 404 : 200);
      }
      Object result = handler.handle(message, context);
      Reply reply =
          result instanceof Reply r
              ? r
              : Reply.ok(Responses.result(message.id(), (ObjectNode) result));
      if (context.era() == Era.MODERN
          && reply.body() != null
          && reply.body().get("result") instanceof ObjectNode body) {
        decorateModern(body);
      }
      return reply;
    } catch (RpcException e) {
      return new Reply(Responses.error(message.id(), e), e.httpStatus(), Map.of());
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "internal error (ref {}) serving {} for server {}",
          ref,
          message.method(),
          context.server().serverId(),
          e);
      RpcException internal =
          new RpcException(ErrorCodes.INTERNAL_ERROR, "Internal error (ref " + ref + ")");
      return new Reply(Responses.error(message.id(), internal), 200, Map.of());
    }
  }

  /** Every 2026-07-28 result says it is complete and who answered. */
  private void decorateModern(ObjectNode result) {
    if (!result.has("resultType")) {
      result.put("resultType", "complete");
    }
    ObjectNode meta =
        result.has("_meta") ? (ObjectNode) result.get("_meta") : result.putObject("_meta");
    if (!meta.has(ModernMeta.SERVER_INFO)) {
      meta.set(ModernMeta.SERVER_INFO, info.implementation());
    }
  }

  /** Lifecycle handlers: initialize (legacy) and server/discover (modern). */
  private record Handlers(ServerInfo info, ToolHandlers tools) {
    ObjectNode initialize(IncomingMessage m, RequestContext c) {
      JsonNode requested = m.params().get("protocolVersion");
      if (requested == null || !requested.isString()) {
        throw new RpcException(
            ErrorCodes.INVALID_PARAMS,
            "initialize needs params.protocolVersion (a string such as \""
                + ProtocolVersions.LEGACY.get(0)
                + "\")");
      }
      ObjectNode result =
          Json.object().put("protocolVersion", ProtocolVersions.negotiate(requested.stringValue()));
      result.set("capabilities", capabilities());
      result.set("serverInfo", info.implementation());
      if (info.instructions() != null) {
        result.put("instructions", info.instructions());
      }
      return result;
    }

    ObjectNode discover(IncomingMessage m, RequestContext c) {
      ObjectNode result = Json.object();
      ProtocolVersions.MODERN.forEach(result.putArray("supportedVersions")::add);
      result.set("capabilities", capabilities());
      if (info.instructions() != null) {
        result.put("instructions", info.instructions());
      }
      ToolHandlers.cacheHints(result, ToolHandlers.TTL_MS);
      result.putObject("_meta").set(ModernMeta.SERVER_INFO, info.implementation());
      return result;
    }

    private static ObjectNode capabilities() {
      ObjectNode capabilities = Json.object();
      capabilities.putObject("tools").put("listChanged", true);
      return capabilities;
    }
  }
}
