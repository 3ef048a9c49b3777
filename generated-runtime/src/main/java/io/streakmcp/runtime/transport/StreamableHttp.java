package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.Reply;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.MessageParser;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.server.McpServerContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Streamable HTTP transport at {@code /mcp/{token}}, both eras: POST for messages (with a
 * signed session id in the legacy era), GET for the legacy notification stream, and the 2026-07-28
 * {@code subscriptions/listen} stream.
 */
final class StreamableHttp {
  /** More messages than this in one 2025-03-26 batch is abuse, not a client. */
  static final int MAX_BATCH = 32;

  private final Dispatch dispatch;
  private final SessionCodec sessions;
  private final EventStreams streams;
  private final int maxRequestBytes;

  StreamableHttp(
      Dispatch dispatch, SessionCodec sessions, EventStreams streams, int maxRequestBytes) {
    this.dispatch = dispatch;
    this.sessions = sessions;
    this.streams = streams;
    this.maxRequestBytes = maxRequestBytes;
  }

  /**
   * @param stillServed whether this URL would still be served, for the stream a listen opens
   */
  void post(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers,
      BooleanSupplier stillServed)
      throws Exception {
    JsonNode json = HttpExchange.readJson(request, response, callback, headers, maxRequestBytes);
    if (json == null) {
      return;
    }
    JsonNode method = json.path("method");
    boolean modern =
        json.isObject()
            && McpEngine.isModern(
                json.get("params"), method.isString() ? method.stringValue() : null, headers);
    String legacyVersion = modern ? null : legacyVersion(response, callback, server, headers);
    if (!modern && legacyVersion == null) {
      return;
    }
    if (json.isArray()) {
      batch(response, callback, server, headers, (ArrayNode) json, legacyVersion);
      return;
    }
    IncomingMessage message;
    try {
      message = MessageParser.message(json);
    } catch (RpcException e) {
      HttpExchange.json(
          response,
          callback,
          e.httpStatus(),
          Responses.error(MessageParser.readableId(json), e),
          Map.of());
      return;
    }
    if (modern && Methods.SUBSCRIPTIONS_LISTEN.equals(message.method())) {
      listen(request, response, callback, server, headers, message, stillServed);
      return;
    }
    Reply reply = dispatch.serve(message, server, headers, legacyVersion);
    Map<String, String> extra = new HashMap<>(reply.headers());
    if (Methods.INITIALIZE.equals(message.method())
        && reply.body() != null
        && reply.body().has("result")) {
      String negotiated = reply.body().get("result").path("protocolVersion").asString();
      extra.put("Mcp-Session-Id", sessions.issue(server.serverId(), negotiated));
    }
    HttpExchange.reply(
        response, callback, reply.status(), reply.body(), extra, headers.get("accept"));
  }

  /**
   * The revision a legacy request is served under: its session's, else its version header's, else
   * 2025-03-26 as the spec says. A header that names no revision we speak is a 400; one we speak
   * defers to the session's (the official conformance suite sends such pairs); an unknown session
   * is a 404. Returns null after answering.
   */
  private String legacyVersion(
      Response response, Callback callback, McpServerContext server, Map<String, String> headers) {
    String header = headers.get("mcp-protocol-version");
    if (header != null && !ProtocolVersions.isLegacy(header.strip())) {
      HttpExchange.error(
          response,
          callback,
          400,
          ErrorCodes.TRANSPORT,
          "Unsupported MCP-Protocol-Version "
              + header
              + "; supported: "
              + String.join(", ", ProtocolVersions.LEGACY)
              + ", "
              + String.join(", ", ProtocolVersions.MODERN));
      return null;
    }
    String sessionId = headers.get("mcp-session-id");
    if (sessionId == null) {
      return header != null ? header.strip() : ProtocolVersions.LEGACY_HTTP_DEFAULT;
    }
    Optional<String> version = sessions.verify(sessionId, server.serverId());
    if (version.isEmpty()) {
      HttpExchange.error(
          response,
          callback,
          404,
          ErrorCodes.TRANSPORT,
          "Session not found; initialize again without a session id");
      return null;
    }
    return version.get();
  }

  /** Batches exist only in 2025-03-26, without initialize, and never empty or huge. */
  private void batch(
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers,
      ArrayNode array,
      String legacyVersion) {
    if (legacyVersion == null
        || !ProtocolVersions.allowsBatches(legacyVersion)
        || array.isEmpty()
        || array.size() > MAX_BATCH) {
      HttpExchange.json(
          response,
          callback,
          400,
          Responses.error(
              null,
              new RpcException(
                  ErrorCodes.INVALID_REQUEST,
                  "Invalid request: batches are allowed only in "
                      + ProtocolVersions.V2025_03_26
                      + ", with 1 to "
                      + MAX_BATCH
                      + " messages",
                  null,
                  400)),
          Map.of());
      return;
    }
    ArrayNode out = Json.array();
    for (JsonNode item : array) {
      try {
        IncomingMessage message = MessageParser.message(item);
        if (Methods.INITIALIZE.equals(message.method())) {
          throw new RpcException(
              ErrorCodes.INVALID_REQUEST, "Invalid request: initialize cannot be part of a batch");
        }
        Reply reply = dispatch.serve(message, server, headers, legacyVersion);
        if (reply.body() != null) {
          out.add(reply.body());
        }
      } catch (RpcException e) {
        out.add(Responses.error(MessageParser.readableId(item), e));
      }
    }
    HttpExchange.json(
        response, callback, out.isEmpty() ? 202 : 200, out.isEmpty() ? null : out, Map.of());
  }

  /** The legacy standalone stream for server notifications; 2026-07-28 has none (405). */
  void get(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers,
      BooleanSupplier stillServed) {
    String version = headers.get("mcp-protocol-version");
    String accept = headers.get("accept");
    if ((version != null && ProtocolVersions.MODERN.contains(version.strip()))
        || accept == null
        || !MediaType.accepts(accept, MediaType.EVENT_STREAM)) {
      HttpExchange.methodNotAllowed(response, callback, "POST");
      return;
    }
    String sessionId = headers.get("mcp-session-id");
    if (sessionId != null && sessions.verify(sessionId, server.serverId()).isEmpty()) {
      HttpExchange.error(response, callback, 404, ErrorCodes.TRANSPORT, "Session not found");
      return;
    }
    streams.open(
        request,
        response,
        callback,
        NotificationHub.notified(server.accountId()),
        stillServed,
        null,
        SseStream::keepAlive);
  }

  /**
   * 2026-07-28 subscriptions/listen: acknowledge the subset of the requested notifications this
   * server honours (tool list changes), then keep the stream for them.
   */
  private void listen(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers,
      IncomingMessage message,
      BooleanSupplier stillServed) {
    try {
      dispatch.context(message, server, headers);
    } catch (RpcException e) {
      HttpExchange.json(
          response, callback, e.httpStatus(), Responses.error(message.id(), e), Map.of());
      return;
    }
    boolean tools = message.params().path("notifications").path("toolsListChanged").asBoolean();
    ObjectNode params = Json.object();
    ObjectNode honoured = params.putObject("notifications");
    if (tools) {
      honoured.put("toolsListChanged", true);
    }
    params.putObject("_meta").set("io.modelcontextprotocol/subscriptionId", message.id());
    String acknowledgement =
        Json.write(Responses.notification(Methods.SUBSCRIPTIONS_ACKNOWLEDGED, params));
    streams.open(
        request,
        response,
        callback,
        tools
            ? NotificationHub.notified(server.accountId())
            : NotificationHub.quiet(server.accountId()),
        stillServed,
        null,
        stream -> {
          stream.subscription(message.id());
          stream.send("message", acknowledgement);
        });
  }
}
