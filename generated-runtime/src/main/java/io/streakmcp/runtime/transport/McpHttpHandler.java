package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.Reply;
import io.streakmcp.runtime.mcp.RequestContext;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.MessageParser;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.ServerResolver;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes {@code /mcp/{token}} (Streamable HTTP, both eras) and {@code /mcp/{token}/sse} with {@code
 * /mcp/{token}/messages} (the legacy HTTP+SSE transport), after the origin, host, size and
 * content-type checks every request gets.
 */
public final class McpHttpHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);
  private static final Pattern ROUTE =
      Pattern.compile("^/mcp/([A-Za-z0-9_-]{1,200})(/sse|/messages)?/?$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServerResolver servers;
  private final McpEngine engine;
  private final HttpServerConfig config;
  private final OriginPolicy origins;
  private final SessionCodec sessions;
  private final NotificationHub hub;

  /** Legacy HTTP+SSE sessions: the answer goes on a live stream, so these are per instance. */
  private final Map<String, LegacySession> legacySessions = new ConcurrentHashMap<>();

  private record LegacySession(String serverId, SseStream stream, String[] version) {}

  public McpHttpHandler(
      ServerResolver servers, McpEngine engine, HttpServerConfig config, NotificationHub hub) {
    this.servers = servers;
    this.engine = engine;
    this.config = config;
    this.origins = new OriginPolicy(config.allowedOrigins(), config.allowedHosts());
    this.sessions = new SessionCodec(config.sessionSecret());
    this.hub = hub;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Matcher route = ROUTE.matcher(Request.getPathInContext(request));
    if (!route.matches()) {
      return false;
    }
    try {
      route(request, response, callback, route);
    } catch (RuntimeException e) {
      // A bug: the client gets a reference to quote, never the exception; the log gets both.
      String ref = java.util.UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "internal error (ref {}) on {} {}",
          ref,
          request.getMethod(),
          route.group(2) == null ? "/mcp/{token}" : "/mcp/{token}" + route.group(2),
          e);
      if (!response.isCommitted()) {
        HttpExchange.error(
            response, callback, 200, ErrorCodes.INTERNAL_ERROR, "Internal error (ref " + ref + ")");
      } else {
        callback.failed(e);
      }
    }
    return true;
  }

  private void route(Request request, Response response, Callback callback, Matcher route)
      throws Exception {
    Map<String, String> headers = HttpExchange.headers(request);
    Optional<String> refused = origins.check(headers.get("origin"), headers.get("host"));
    if (refused.isPresent()) {
      HttpExchange.error(
          response, callback, 403, ErrorCodes.TRANSPORT, "Forbidden: " + refused.get());
      return;
    }
    Optional<McpServerContext> server = servers.resolve(route.group(1));
    if (server.isEmpty()) {
      HttpExchange.error(
          response,
          callback,
          404,
          ErrorCodes.TRANSPORT,
          "No MCP server at this URL: the token is unknown, revoked or expired");
      return;
    }
    String method = request.getMethod();
    String sub = route.group(2);
    if ("/sse".equals(sub)) {
      if (!"GET".equals(method)) {
        HttpExchange.methodNotAllowed(response, callback, "GET");
      } else {
        openLegacySse(request, response, callback, server.get(), route.group(1));
      }
    } else if ("/messages".equals(sub)) {
      if (!"POST".equals(method)) {
        HttpExchange.methodNotAllowed(response, callback, "POST");
      } else {
        legacyMessage(request, response, callback, server.get(), headers);
      }
    } else {
      switch (method) {
        case "POST" -> streamablePost(request, response, callback, server.get(), headers);
        case "GET" -> streamableGet(response, callback, server.get(), headers);
        case "DELETE" -> HttpExchange.methodNotAllowed(response, callback, "POST, GET");
        default -> HttpExchange.methodNotAllowed(response, callback, "POST, GET");
      }
    }
  }

  private void streamablePost(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers)
      throws Exception {
    JsonNode json = readJson(request, response, callback, headers);
    if (json == null) {
      return;
    }
    String legacyVersion;
    String sessionId = headers.get("mcp-session-id");
    boolean modern =
        json.isObject()
            && McpEngine.isModern(json.get("params"), json.path("method").asString(), headers);
    if (sessionId != null && !modern) {
      Optional<String> version = sessions.verify(sessionId, server.serverId());
      if (version.isEmpty()) {
        HttpExchange.error(
            response,
            callback,
            404,
            ErrorCodes.TRANSPORT,
            "Session not found; initialize again without a session id");
        return;
      }
      legacyVersion = version.get();
    } else {
      String header = headers.get("mcp-protocol-version");
      if (!modern && header != null && !ProtocolVersions.isLegacy(header)) {
        HttpExchange.error(
            response,
            callback,
            400,
            ErrorCodes.TRANSPORT,
            "Unsupported MCP-Protocol-Version "
                + header
                + "; supported: "
                + String.join(", ", ProtocolVersions.LEGACY));
        return;
      }
      legacyVersion = header != null ? header : ProtocolVersions.LEGACY_HTTP_DEFAULT;
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
      listen(response, callback, server, headers, message);
      return;
    }
    Reply reply = serve(message, server, headers, legacyVersion);
    Map<String, String> extra = new HashMap<>(reply.headers());
    if (Methods.INITIALIZE.equals(message.method())
        && reply.body() != null
        && reply.body().has("result")) {
      String negotiated = reply.body().get("result").path("protocolVersion").asString();
      extra.put("Mcp-Session-Id", sessions.issue(server.serverId(), negotiated));
    }
    HttpExchange.json(response, callback, reply.status(), reply.body(), extra);
  }

  private Reply serve(
      IncomingMessage message,
      McpServerContext server,
      Map<String, String> headers,
      String legacyVersion) {
    RequestContext context;
    try {
      context = engine.context(message, server, headers, legacyVersion);
    } catch (RpcException e) {
      return new Reply(Responses.error(message.id(), e), e.httpStatus(), Map.of());
    }
    return engine.handle(message, context);
  }

  /** Batches exist only in 2025-03-26; elsewhere an array is not one JSON-RPC message. */
  private void batch(
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers,
      ArrayNode array,
      String legacyVersion) {
    if (!ProtocolVersions.allowsBatches(legacyVersion) || array.isEmpty()) {
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
                      + ", and never empty",
                  null,
                  400)),
          Map.of());
      return;
    }
    ArrayNode out = Json.array();
    for (JsonNode item : array) {
      try {
        Reply reply = serve(MessageParser.message(item), server, headers, legacyVersion);
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

  private void streamableGet(
      Response response, Callback callback, McpServerContext server, Map<String, String> headers) {
    String version = headers.get("mcp-protocol-version");
    String accept = headers.getOrDefault("accept", "");
    if ((version != null && ProtocolVersions.MODERN.contains(version))
        || !accept.contains("text/event-stream")) {
      // 2026-07-28 has no GET stream; a GET that does not want events is not ours either.
      HttpExchange.methodNotAllowed(response, callback, "POST");
      return;
    }
    String sessionId = headers.get("mcp-session-id");
    if (sessionId != null && sessions.verify(sessionId, server.serverId()).isEmpty()) {
      HttpExchange.error(response, callback, 404, ErrorCodes.TRANSPORT, "Session not found");
      return;
    }
    SseStream stream = openStream(response, callback, server.serverId(), null);
    stream.keepAlive();
  }

  /**
   * 2026-07-28 subscriptions/listen: acknowledge the subset of the requested notifications this
   * server honours (tool list changes), then keep the stream for them.
   */
  private void listen(
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers,
      IncomingMessage message) {
    try {
      engine.context(message, server, headers, null);
    } catch (RpcException e) {
      HttpExchange.json(
          response, callback, e.httpStatus(), Responses.error(message.id(), e), Map.of());
      return;
    }
    boolean tools = message.params().path("notifications").path("toolsListChanged").asBoolean();
    SseStream stream = openStream(response, callback, tools ? server.serverId() : null, null);
    stream.subscription(message.id());
    ObjectNode params = Json.object();
    ObjectNode honoured = params.putObject("notifications");
    if (tools) {
      honoured.put("toolsListChanged", true);
    }
    params.putObject("_meta").set("io.modelcontextprotocol/subscriptionId", message.id());
    stream.send(
        "message", Json.write(Responses.notification(Methods.SUBSCRIPTIONS_ACKNOWLEDGED, params)));
  }

  private void openLegacySse(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      String token) {
    byte[] id = new byte[18];
    RANDOM.nextBytes(id);
    String sessionId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    String[] version = {ProtocolVersions.V2024_11_05};
    SseStream stream =
        openStream(response, callback, server.serverId(), () -> legacySessions.remove(sessionId));
    legacySessions.put(sessionId, new LegacySession(server.serverId(), stream, version));
    stream.send("endpoint", "/mcp/" + token + "/messages?sessionId=" + sessionId);
  }

  private void legacyMessage(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers)
      throws Exception {
    Fields query = Request.extractQueryParameters(request);
    String sessionId = query.getValue("sessionId");
    LegacySession session = sessionId == null ? null : legacySessions.get(sessionId);
    if (session == null
        || !session.serverId().equals(server.serverId())
        || !session.stream().isOpen()) {
      HttpExchange.error(
          response,
          callback,
          404,
          ErrorCodes.TRANSPORT,
          "Unknown or closed SSE session; open " + "/sse again");
      return;
    }
    JsonNode json = readJson(request, response, callback, headers);
    if (json == null) {
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
    Reply reply = serve(message, server, null, session.version()[0]);
    if (Methods.INITIALIZE.equals(message.method())
        && reply.body() != null
        && reply.body().has("result")) {
      session.version()[0] = reply.body().get("result").path("protocolVersion").asString();
    }
    HttpExchange.json(response, callback, 202, null, reply.headers());
    if (reply.body() != null) {
      session.stream().send("message", Json.write(reply.body()));
    }
  }

  /**
   * Opens an event stream and registers it for a server's notifications; a null server id registers
   * it for none (a listen that asked for nothing we send), keep-alives only.
   */
  private SseStream openStream(
      Response response, Callback callback, String serverId, Runnable onClose) {
    String key = serverId == null ? "" : serverId;
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Accel-Buffering", "no");
    SseStream[] holder = new SseStream[1];
    SseStream stream =
        new SseStream(
            response,
            callback,
            () -> {
              hub.remove(key, holder[0]);
              if (onClose != null) {
                onClose.run();
              }
            });
    holder[0] = stream;
    hub.add(key, stream);
    return stream;
  }

  /** The parsed body, or null after an error answer (wrong type, too large, not JSON). */
  private JsonNode readJson(
      Request request, Response response, Callback callback, Map<String, String> headers)
      throws Exception {
    String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      HttpExchange.error(
          response, callback, 415, ErrorCodes.TRANSPORT, "Content-Type must be application/json");
      return null;
    }
    String accept = headers.get("accept");
    if (accept != null
        && !accept.contains("application/json")
        && !accept.contains("*/*")
        && !accept.contains("text/event-stream")) {
      HttpExchange.error(
          response,
          callback,
          406,
          ErrorCodes.TRANSPORT,
          "Accept must allow application/json or text/event-stream");
      return null;
    }
    byte[] body = HttpExchange.body(request, config.maxRequestBytes());
    if (body == null) {
      HttpExchange.error(
          response,
          callback,
          413,
          ErrorCodes.INVALID_REQUEST,
          "Request too large: the limit is " + config.maxRequestBytes() + " bytes");
      return null;
    }
    try {
      return MessageParser.parseJson(body);
    } catch (RpcException e) {
      HttpExchange.json(response, callback, 400, Responses.error(null, e), Map.of());
      return null;
    } catch (RuntimeException e) {
      LOG.debug("unreadable body", e);
      HttpExchange.error(response, callback, 400, ErrorCodes.PARSE_ERROR, "Parse error");
      return null;
    }
  }
}
