package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.protocol.ErrorCodes;
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
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.JsonNode;

/** Small helpers over one Jetty request and response. */
final class HttpExchange {
  private HttpExchange() {}

  /** Lower-case header names to their first value. */
  static Map<String, String> headers(Request request) {
    Map<String, String> out = new HashMap<>();
    for (HttpField f : request.getHeaders()) {
      out.putIfAbsent(f.getName().toLowerCase(Locale.ROOT), f.getValue());
    }
    return out;
  }

  /** The body, or null when it is longer than {@code max} bytes. */
  static byte[] body(Request request, int max) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? null : bytes;
    }
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
    json(
        response,
        callback,
        status,
        Responses.error(null, new RpcException(code, message, null, status)),
        Map.of());
  }

  static void plain(Response response, Callback callback, int status, String text) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
  }

  static void methodNotAllowed(Response response, Callback callback, String allow) {
    response.getHeaders().put(HttpHeader.ALLOW, allow);
    error(response, callback, 405, ErrorCodes.TRANSPORT, "Method not allowed; use " + allow);
  }
}
