package io.streakmcp.runtime.transport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * The open event streams of this instance, by account (the servers of an account share its live
 * schema, so a change is news to all of them), and a keep-alive for each, which first ends the
 * streams whose server is no longer served. Only a live connection is held here; nothing in it is
 * needed by another instance.
 */
public final class NotificationHub implements AutoCloseable {
  private final Map<String, Set<SseStream>> streams = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mcp-sse-keepalive");
            t.setDaemon(true);
            return t;
          });

  private final int maxPerKey;

  NotificationHub(long keepAliveSeconds, int maxPerKey) {
    this.maxPerKey = maxPerKey;
    timer.scheduleAtFixedRate(
        this::keepAliveNow, keepAliveSeconds, keepAliveSeconds, TimeUnit.SECONDS);
  }

  /** The key of an account's streams that hear its notifications (its servers share them). */
  static String notified(String accountId) {
    return "notified:" + accountId;
  }

  /**
   * The key of an account's streams that carry keep-alives only (a listen without tool changes):
   * counted per account like the others, but never sent notifications.
   */
  static String quiet(String accountId) {
    return "quiet:" + accountId;
  }

  /**
   * Registers a stream unless its key already has its maximum open; false then. Adding and the
   * removal of an emptied set are each one atomic step on the map, so a stream registered as
   * another closes can never land in a set the map has already dropped.
   */
  boolean add(String key, SseStream stream) {
    boolean[] added = {false};
    streams.compute(
        key,
        (k, set) -> {
          Set<SseStream> into = set == null ? ConcurrentHashMap.newKeySet() : set;
          if (into.size() < maxPerKey) {
            added[0] = into.add(stream);
          }
          return into.isEmpty() ? null : into;
        });
    return added[0];
  }

  void remove(String key, SseStream stream) {
    // Drop an emptied set so accounts that come and go leave nothing behind.
    streams.computeIfPresent(
        key,
        (k, set) -> {
          set.remove(stream);
          return set.isEmpty() ? null : set;
        });
  }

  /** Sends a JSON-RPC notification to every open stream of an account on this instance. */
  public void publish(String accountId, ObjectNode notification) {
    for (SseStream s : List.copyOf(streams.getOrDefault(notified(accountId), Set.of()))) {
      s.notify(notification);
    }
  }

  /** How many streams are open, for tests and health. */
  public int openStreams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  /**
   * One keep-alive round now: every stream whose server is revoked or expired ends (within one
   * interval of the change, on every instance), and the others get a keep-alive. The timer runs it
   * every interval; tests call it to skip the wait. A store that cannot be read ends nothing, and
   * is not asked again this round: each ask could wait out the store's timeout, and the keep-alives
   * must still go out.
   */
  public void keepAliveNow() {
    boolean storeReadable = true;
    for (Set<SseStream> set : streams.values()) {
      for (SseStream stream : List.copyOf(set)) {
        if (storeReadable) {
          try {
            if (!stream.stillServed()) {
              stream.close();
              continue;
            }
          } catch (RuntimeException unreadable) {
            storeReadable = false;
          }
        }
        stream.keepAlive();
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    streams.values().forEach(set -> List.copyOf(set).forEach(SseStream::close));
  }
}
