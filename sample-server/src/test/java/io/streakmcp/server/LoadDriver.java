package io.streakmcp.server;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a fixed pool of callers at the fleet. Caller {@code w} calls server {@code w % servers}
 * and speaks the protocol version {@code VERSIONS[w / servers % 4]}, so at concurrency 64 over 16
 * servers every server sees every version. Each phase opens new sessions.
 */
final class LoadDriver implements AutoCloseable {
  /** Half the callers on the current revision, the rest on the two earlier Streamable HTTP ones. */
  static final List<String> VERSIONS =
      List.of("2025-11-25", "2025-03-26", "2025-06-18", "2025-11-25");

  private final LoadFleet fleet;
  private final int concurrency;
  private final ExecutorService callers;
  private final ExecutorService clientThreads;
  private final HttpClient http;

  LoadDriver(LoadFleet fleet, int concurrency) {
    this.fleet = fleet;
    this.concurrency = concurrency;
    this.callers = Executors.newFixedThreadPool(concurrency, named("load-caller-"));
    // The client's own threads, fixed too, so the thread count the test watches does not move
    // with a cached pool's idle timeouts.
    this.clientThreads = Executors.newFixedThreadPool(4, named("load-client-"));
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(clientThreads)
            .build();
  }

  /**
   * Makes {@code calls} tools/calls across the fleet and waits for them. The wait is bounded only
   * so that a deadlock fails the test instead of hanging the build: the bound is minutes, far
   * beyond any healthy run, and is not a speed check.
   */
  void run(long calls, LoadTally tally) throws Exception {
    AtomicLong tickets = new AtomicLong(calls);
    List<Future<?>> running = new ArrayList<>();
    tally.started();
    for (int w = 0; w < concurrency; w++) {
      int server = w % fleet.size();
      String version = VERSIONS.get(w / fleet.size() % VERSIONS.size());
      running.add(
          callers.submit(
              new LoadWorker(w, server, fleet.targets.get(server), version, http, tickets, tally)));
    }
    long guardSeconds = 300 + calls / 100;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(guardSeconds);
    for (Future<?> f : running) {
      try {
        f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the load did not finish within " + guardSeconds + " s: a deadlock?", e);
      }
    }
    tally.ended();
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    // Java 17's HttpClient has no close(); its selector thread ends once the client is unreachable.
    callers.shutdownNow();
    clientThreads.shutdownNow();
  }
}
