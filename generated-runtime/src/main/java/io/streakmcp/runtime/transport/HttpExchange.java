package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.MessageParser;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;

/** Small helpers over one Jetty request and response. */
public final class HttpExchange {
  private HttpExchange() {}

  /**
   * Lower-case header names to their first value; Accept, a list, to all its values joined, as RFC
   * 9110 lets a client split a list across several lines. (Headers that must come once are refused
   * by {@link RepeatedHeaders} before this is read.)
   */
  static Map<String, String> headers(Request request) {
    Map<String, String> out = new HashMap<>();
    for (HttpField f : request.getHeaders()) {
      String name = f.getName().toLowerCase(Locale.ROOT);
      if (name.equals("accept")) {
        out.merge(name, f.getValue(), (first, more) -> first + ", " + more);
      } else {
        out.putIfAbsent(name, f.getValue());
      }
    }
    return out;
  }

  /**
   * Before an answer that may leave the request's body unread (every error): what of the body has
   * arrived is skipped, and if more is still to come, the answer says the connection closes. Jetty
   * closes such a connection after answering; unannounced, a client sent its next request on it and
   * got no answer at all (seen after a 413).
   */
  public static void closeIfBodyUnread(Response response) {
    if (!response.getRequest().consumeAvailable()) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
  }

  /**
   * The JSON body of a POST, or null after an error answer: wrong Content-Type (415), an Accept
   * that allows neither JSON nor events (406), too large (413), not JSON (400, -32700).
   */
  static JsonNode readJson(
      Request request,
      Response response,
      Callback callback,
      Map<String, String> headers,
      int maxBytes)
      throws IOException {
    if (!MediaType.isJson(headers.get("content-type"))) {
      error(
          response,
          callback,
          415,
          ErrorCodes.TRANSPORT,
          "Content-Type must be application/json (UTF-8)");
      return null;
    }
    String accept = headers.get("accept");
    if (!MediaType.accepts(accept, MediaType.JSON)
        && !MediaType.accepts(accept, MediaType.EVENT_STREAM)) {
      error(
          response,
          callback,
          406,
          ErrorCodes.TRANSPORT,
          "Accept must allow application/json or text/event-stream");
      return null;
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(maxBytes + 1);
    }
    if (body.length > maxBytes) {
      error(
          response,
          callback,
          413,
          ErrorCodes.INVALID_REQUEST,
          "Request too large: the limit is " + maxBytes + " bytes");
      return null;
    }
    try {
      return MessageParser.parseJson(body);
    } catch (RpcException e) {
      json(response, callback, 400, Responses.error(null, e), Map.of());
      return null;
    }
  }

  /**
   * Answers with one JSON-RPC message: as JSON, or as a one-event stream when the client's Accept
   * takes events but not JSON (both are valid Streamable HTTP answers).
   */
  static void reply(
      Response response,
      Callback callback,
      int status,
      JsonNode body,
      Map<String, String> extraHeaders,
      String accept) {
    boolean eventsOnly =
        accept != null
            && MediaType.accepts(accept, MediaType.EVENT_STREAM)
            && !MediaType.accepts(accept, MediaType.JSON);
    if (body == null || !eventsOnly || status != 200) {
      json(response, callback, status, body, extraHeaders);
      return;
    }
    response.setStatus(200);
    extraHeaders.forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    String event = "event: message\ndata: " + Json.write(body) + "\n\n";
    response.write(true, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), callback);
  }

  static void json(
      Response response,
      Callback callback,
      int status,
      JsonNode body,
      Map<String, String> extraHeaders) {
    response.setStatus(status);
    extraHeaders.forEach((k, v) -> response.getHeaders().put(k, v));
    if (body == null) {
      callback.succeeded();
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(Json.bytes(body)), callback);
  }

  /** An error without a request id (transport-level), as a JSON-RPC error body. */
  static void error(Response response, Callback callback, int status, int code, String message) {
    closeIfBodyUnread(response);
    json(
        response,
        callback,
        status,
        Responses.error(null, new RpcException(code, message, null, status)),
        Map.of());
  }

  static void methodNotAllowed(Response response, Callback callback, String allow) {
    response.getHeaders().put(HttpHeader.ALLOW, allow);
    error(response, callback, 405, ErrorCodes.TRANSPORT, "Method not allowed; use " + allow);
  }
}
