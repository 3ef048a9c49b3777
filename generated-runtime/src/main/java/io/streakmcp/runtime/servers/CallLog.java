package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.server.CallRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes call logs off the request path: calls are queued and written in batches by one thread. The
 * queue is bounded; when the store falls behind, calls are dropped and counted rather than slowing
 * tool calls down.
 */
public final class CallLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallLog.class);

  private record Entry(String serverId, CallRecord call) {}

  private final ServerStore store;
  private final Clock clock;
  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);
  private final Thread writer;
  private volatile boolean running = true;
  private volatile long dropped;

  public CallLog(ServerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.writer = new Thread(this::drain, "call-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** The recorder for one server. */
  public CallRecorder recorder(String serverId) {
    return (tool, status, durationMs) -> {
      if (!queue.offer(
          new Entry(serverId, new CallRecord(tool, clock.millis(), status, durationMs)))) {
        dropped++;
      }
    };
  }

  /** Waits until everything queued so far is written (for tests and shutdown). */
  public void flush() throws InterruptedException {
    while (!queue.isEmpty()) {
      Thread.sleep(5);
    }
    Thread.sleep(20);
  }

  public long dropped() {
    return dropped;
  }

  private void drain() {
    List<Entry> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 499);
        Map<String, List<CallRecord>> byServer = new LinkedHashMap<>();
        batch.forEach(
            e -> byServer.computeIfAbsent(e.serverId(), k -> new ArrayList<>()).add(e.call()));
        for (var e : byServer.entrySet()) {
          store.appendCalls(e.getKey(), e.getValue());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warn("could not write {} call log entries: {}", batch.size(), e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
