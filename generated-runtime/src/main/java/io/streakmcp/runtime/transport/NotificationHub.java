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
 * The open notification streams of this instance, by MCP server, and a keep-alive for each. Only a
 * live connection is held here; nothing in it is needed by another instance.
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

  private final int maxPerServer;

  NotificationHub(long keepAliveSeconds, int maxPerServer) {
    this.maxPerServer = maxPerServer;
    timer.scheduleAtFixedRate(
        this::keepAlive, keepAliveSeconds, keepAliveSeconds, TimeUnit.SECONDS);
  }

  /** Registers a stream unless the server already has its maximum open; false then. */
  boolean add(String serverId, SseStream stream) {
    Set<SseStream> set = streams.computeIfAbsent(serverId, k -> ConcurrentHashMap.newKeySet());
    synchronized (set) {
      if (set.size() >= maxPerServer) {
        return false;
      }
      return set.add(stream);
    }
  }

  void remove(String serverId, SseStream stream) {
    Set<SseStream> set = streams.get(serverId);
    if (set != null) {
      set.remove(stream);
      // Drop an emptied set so servers that come and go leave nothing behind.
      streams.computeIfPresent(serverId, (k, v) -> v.isEmpty() ? null : v);
    }
  }

  /**
   * Sends a JSON-RPC notification to every open stream of a server on this instance. TODO(#5): the
   * live schema calls this when a pipeline's stages or fields change.
   */
  public void publish(String serverId, ObjectNode notification) {
    for (SseStream s : List.copyOf(streams.getOrDefault(serverId, Set.of()))) {
      s.notify(notification);
    }
  }

  /** How many streams are open, for tests and health. */
  public int openStreams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  private void keepAlive() {
    streams.values().forEach(set -> List.copyOf(set).forEach(SseStream::keepAlive));
  }

  @Override
  public void close() {
    timer.shutdownNow();
    streams.values().forEach(set -> List.copyOf(set).forEach(SseStream::close));
  }
}
