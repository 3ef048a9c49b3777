package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.protocol.ErrorCodes;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
   * Opens a stream registered under a hub key ({@link NotificationHub#notified} or {@link
   * NotificationHub#quiet}), or answers 429 and returns null when that key already has its maximum
   * of open streams. The hub ends it once {@code stillServed} turns false.
   *
   * <p>The stream is held from before it is registered until {@code first} has written what the
   * stream says first (the legacy transport's endpoint, a listen acknowledgement, a keep-alive): a
   * notification published meanwhile waits for it, so it can neither commit the response before its
   * headers are set nor arrive before the event a client expects first.
   */
  SseStream open(
      Request request,
      Response response,
      Callback callback,
      String key,
      BooleanSupplier stillServed,
      Runnable onClose,
      Consumer<SseStream> first) {
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
            },
            stillServed);
    holder[0] = stream;
    stream.hold();
    try {
      if (!hub.add(key, stream)) {
        HttpExchange.error(
            response,
            callback,
            429,
            ErrorCodes.TRANSPORT,
            "Too many open event streams for this account; close one and try again");
        return null;
      }
      // Jetty reports a failed connection here when it sees one; a client that simply closes an
      // HTTP/1.1 stream is seen at the next write, a keep-alive at the latest.
      request.addFailureListener(failure -> stream.close());
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
      response.getHeaders().put("X-Accel-Buffering", "no");
      first.accept(stream);
      return stream;
    } finally {
      stream.release();
    }
  }
}
