package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (an unknown path, a URI it cannot parse, a request too large) as a small JSON
 * body: the status and its standard reason, nothing else. Jetty's default pages, even with messages
 * and stacks off, echo the request URL, and an MCP URL carries its token, so a mistyped {@code
 * /mcp/<token>/x} would have shown the credential to whatever logs or displays the answer.
 */
final class JsonErrorHandler extends ErrorHandler {
  JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    // The message is ignored on purpose: Jetty's messages may quote the URI or a header.
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  private static byte[] body(int code) {
    String reason = HttpStatus.getMessage(code);
    return Json.bytes(
        Json.object().put("status", code).put("error", reason == null ? "Error" : reason));
  }
}
