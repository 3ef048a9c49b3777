package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.mcp.Reply;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.MessageParser;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.server.McpServerContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.databind.JsonNode;

/**
 * The 2024-11-05 HTTP+SSE transport: GET {@code /mcp/{token}/sse} opens the stream and names a
 * message URL; POSTs there are answered 202 and their responses travel on the stream. The stream is
 * a live connection, so these sessions live on the instance that holds it (a load balancer needs
 * affinity for this transport only).
 */
final class LegacySse {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(String serverId, SseStream stream, AtomicReference<String> version) {}

  private final Dispatch dispatch;
  private final EventStreams streams;
  private final int maxRequestBytes;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  LegacySse(Dispatch dispatch, EventStreams streams, int maxRequestBytes) {
    this.dispatch = dispatch;
    this.streams = streams;
    this.maxRequestBytes = maxRequestBytes;
  }

  void open(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      String token,
      BooleanSupplier stillServed) {
    byte[] id = new byte[18];
    RANDOM.nextBytes(id);
    String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    streams.open(
        request,
        response,
        callback,
        NotificationHub.notified(server.accountId()),
        stillServed,
        () -> sessions.remove(sessionId),
        stream -> {
          sessions.put(
              sessionId,
              new Session(
                  server.serverId(), stream, new AtomicReference<>(ProtocolVersions.V2024_11_05)));
          if (!stream.isOpen()) {
            sessions.remove(sessionId); // closed before its session was stored
            return;
          }
          stream.send("endpoint", "/mcp/" + token + "/messages?sessionId=" + sessionId);
        });
  }

  void message(
      Request request,
      Response response,
      Callback callback,
      McpServerContext server,
      Map<String, String> headers)
      throws Exception {
    Fields query = Request.extractQueryParameters(request);
    String sessionId = query.getValue("sessionId");
    Session session = sessionId == null ? null : sessions.get(sessionId);
    if (session == null
        || !session.serverId().equals(server.serverId())
        || !session.stream().isOpen()) {
      HttpExchange.error(
          response,
          callback,
          404,
          ErrorCodes.TRANSPORT,
          "Unknown or closed SSE session; open /sse again");
      return;
    }
    JsonNode json = HttpExchange.readJson(request, response, callback, headers, maxRequestBytes);
    if (json == null) {
      return;
    }
    IncomingMessage message;
    try {
      message = MessageParser.message(json);
    } catch (RpcException e) {
      // This transport answers on the stream; the POST itself was received.
      HttpExchange.json(response, callback, 202, null, Map.of());
      session.stream()
          .send("message", Json.write(Responses.error(MessageParser.readableId(json), e)));
      return;
    }
    Reply reply = dispatch.serve(message, server, headers, session.version().get());
    if (Methods.INITIALIZE.equals(message.method())
        && reply.body() != null
        && reply.body().has("result")) {
      session.version().set(reply.body().get("result").path("protocolVersion").asString());
    }
    HttpExchange.json(response, callback, 202, null, reply.headers());
    if (reply.body() != null) {
      session.stream().send("message", Json.write(reply.body()));
    }
  }
}
