package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One open server-sent-events response. Writes are serialised by a lock; a write that does not
 * finish in time, or fails, closes the stream, so a dead or stalled client never holds a thread or
 * a registration. Keep-alives skip a stream that is busy rather than wait for it.
 */
final class SseStream {
  /** A client that cannot take one event in this time is treated as gone. */
  private static final long WRITE_TIMEOUT_SECONDS = 5;

  private final Response response;
  private final Callback done;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final ReentrantLock lock = new ReentrantLock();
  private final Runnable onClose;
  private final BooleanSupplier stillServed;
  private volatile JsonNode subscriptionId;

  /**
   * @param stillServed whether the URL that opened the stream would still be served: false once its
   *     server is revoked or expired, or its platform token no longer accepted
   */
  SseStream(Response response, Callback done, Runnable onClose, BooleanSupplier stillServed) {
    this.response = response;
    this.done = done;
    this.onClose = onClose;
    this.stillServed = stillServed;
  }

  /** Holds back every other write until {@link #release()}; the holder's own writes go through. */
  void hold() {
    lock.lock();
  }

  void release() {
    lock.unlock();
  }

  boolean isOpen() {
    return open.get();
  }

  /** Marks a 2026-07-28 listen stream: its notifications carry this subscription id. */
  void subscription(JsonNode id) {
    this.subscriptionId = id;
  }

  /** Sends a JSON-RPC notification, tagged with the subscription id on a listen stream. */
  boolean notify(ObjectNode notification) {
    JsonNode id = subscriptionId;
    if (id == null) {
      return send("message", Json.write(notification));
    }
    ObjectNode tagged = notification.deepCopy();
    ObjectNode params =
        tagged.has("params") ? (ObjectNode) tagged.get("params") : tagged.putObject("params");
    ObjectNode meta =
        params.has("_meta") ? (ObjectNode) params.get("_meta") : params.putObject("_meta");
    meta.set("io.modelcontextprotocol/subscriptionId", id);
    return send("message", Json.write(tagged));
  }

  /** Sends one event; returns false (and closes) if the client is gone. */
  boolean send(String event, String data) {
    StringBuilder sb = new StringBuilder();
    if (event != null) {
      sb.append("event: ").append(event).append('\n');
    }
    // The JSON we send has no raw newlines; split anyway so SSE framing can never break.
    for (String line : data.split("\n", -1)) {
      sb.append("data: ").append(line).append('\n');
    }
    lock.lock();
    try {
      return write(sb.append('\n').toString());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the URL that opened the stream would still be served; throws when the store cannot be
   * read right now.
   */
  boolean stillServed() {
    return stillServed.getAsBoolean();
  }

  /** A comment line that keeps proxies from closing an idle stream; skipped when busy. */
  void keepAlive() {
    if (lock.tryLock()) {
      try {
        write(": keep-alive\n\n");
      } finally {
        lock.unlock();
      }
    }
  }

  private boolean write(String text) {
    if (!open.get()) {
      return false;
    }
    FutureCallback written = new FutureCallback();
    response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), written);
    try {
      written.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      return false;
    } catch (Exception e) {
      close();
      return false;
    }
  }

  void close() {
    if (open.compareAndSet(true, false)) {
      onClose.run();
      lock.lock();
      try {
        response.write(true, ByteBuffer.allocate(0), done);
      } finally {
        lock.unlock();
      }
    }
  }
}
