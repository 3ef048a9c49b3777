package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.server.CallRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

  /** The most calls written in one transaction. */
  static final int MAX_BATCH = 2_000;

  /**
   * How long the writer collects calls before a commit. Each commit rewrites the log's changed
   * pages on disk; at 250 ms and 500 calls per commit that was a tenth of the server's CPU under
   * load. A crash loses at most this window of the log, which is a record of use, not of data.
   */
  static final Duration GATHER = Duration.ofSeconds(1);

  private final ServerStore store;
  private final Clock clock;
  private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(10_000);
  private final Thread writer;
  private volatile boolean running = true;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * Calls ever queued, counted in queue order (under {@link #order}), and calls the writer has
   * finished with (written, or failed and logged). The queue is FIFO with one writer, so once
   * {@code settled} reaches the count {@code queued} had when a flush began, everything queued
   * before it is done, however much has been queued since.
   */
  private final Object order = new Object();

  private final AtomicLong queued = new AtomicLong();
  private final AtomicLong settled = new AtomicLong();

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
      Entry entry = new Entry(serverId, new CallRecord(tool, clock.millis(), status, durationMs));
      boolean taken;
      synchronized (order) {
        taken = queue.offer(entry);
        if (taken) {
          queued.incrementAndGet();
        }
      }
      if (!taken) {
        dropped.incrementAndGet();
      }
    };
  }

  /**
   * Waits until everything queued so far is written, or until {@code within} has passed, since a
   * store that hangs must not hang its caller too. Returns whether everything was written. Calls
   * queued meanwhile are not waited for, so steady traffic does not hold a flush to its deadline.
   */
  public boolean flush(Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    long target;
    synchronized (order) {
      target = queued.get();
    }
    while (settled.get() < target) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** Calls queued or being written right now. */
  public long pending() {
    return queued.get() - settled.get();
  }

  public long dropped() {
    return dropped.get();
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
        gather(batch);
        Map<String, List<CallRecord>> byServer = new LinkedHashMap<>();
        batch.forEach(
            e -> byServer.computeIfAbsent(e.serverId(), k -> new ArrayList<>()).add(e.call()));
        try {
          store.callLog().appendCalls(byServer);
        } catch (Exception failure) {
          LOG.warn("could not write {} call log entries: {}", batch.size(), failure.toString());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        settled.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  /**
   * Waits a little for more entries before writing: under load that is one commit (one disk write,
   * as the store syncs every commit) for up to {@link #MAX_BATCH} calls, not one per call.
   */
  private void gather(List<Entry> batch) throws InterruptedException {
    queue.drainTo(batch, MAX_BATCH - batch.size());
    long deadline = System.nanoTime() + GATHER.toNanos();
    while (running && batch.size() < MAX_BATCH) {
      long left = deadline - System.nanoTime();
      Entry next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, MAX_BATCH - batch.size());
    }
  }

  /** How long {@link #close()} gives the writer to write what is queued. */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /**
   * Stops taking new work and writes what is queued, for at most {@link #CLOSE_WAIT}; a store that
   * does not answer by then loses the rest, and the log says how much.
   */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      LOG.warn("call log: {} entries not written at shutdown; the store did not answer", pending());
    }
  }
}
