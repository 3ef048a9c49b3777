package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.protocol.ErrorCodes;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Opens server-sent-event responses and registers them with the hub, within its limits. */
final class EventStreams {
  private final NotificationHub hub;

  EventStreams(NotificationHub hub) {
    this.hub = hub;
  }

  /**
   * Opens a stream for an account's notifications (its servers share its live schema; a null id:
   * keep-alives only), or answers 429 and returns null when that account already has its maximum of
   * open streams.
   */
  SseStream open(
      Request request, Response response, Callback callback, String serverId, Runnable onClose) {
    String key = serverId == null ? "" : serverId;
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
    if (!hub.add(key, stream)) {
      HttpExchange.error(
          response,
          callback,
          429,
          ErrorCodes.TRANSPORT,
          "Too many open event streams for this MCP server; close one and try again");
      return null;
    }
    // A client that goes away is noticed now, not at the next keep-alive: its slot frees at once.
    request.addFailureListener(failure -> stream.close());
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Accel-Buffering", "no");
    return stream;
  }
}
