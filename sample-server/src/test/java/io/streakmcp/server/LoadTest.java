package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.streakmcp.runtime.servers.CallRecord;
import io.streakmcp.runtime.servers.ExpiryCleaner;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load on the real deployment: many tools/calls from a fixed pool of callers across several
 * accounts and MCP servers, every answer checked, then the heap, the threads and the call log
 * compared with where a warm-up left them.
 *
 * <p>The build runs a short form (2,000 warm-up and 4,000 measured calls at concurrency 64); the
 * full form is {@code bash benchmarks/load.sh} ({@code -Dload.calls=100000 -Dload.concurrency=64}).
 * Speed is printed in the summary line, never asserted.
 */
class LoadTest {
  static final long CALLS = Long.getLong("load.calls", 4_000);
  static final long WARM_UP = Long.getLong("load.warmup", 2_000);
  static final int CONCURRENCY = Integer.getInteger("load.concurrency", 64);
  static final int ACCOUNTS = Integer.getInteger("load.accounts", 4);

  /**
   * How much the heap's live set may grow from after the warm-up to the end, whatever the number of
   * calls. What legitimately grows is bounded by size, not by calls: chiefly the H2 store's page
   * cache holding more of the call log, a table itself bounded (10,000 calls per server, pruned
   * each minute, so 160,000 rows here). Over 100,000 calls the heap grew 7.4 to 9.0 MiB in four
   * runs; in one, the class histogram put 5.2 MiB of it in H2's cache entries, rows and values and
   * in byte arrays. A planted leak of 8 KiB per call failed it: the short form's 4,000 calls grew
   * the heap 34.9 MiB.
   */
  static final long HEAP_GROWTH_BOUND = 16L * 1024 * 1024;

  /**
   * How many more live threads the end may have than after the warm-up, the Streak stand-in's
   * (WireMock's) pool left out. The load's own pools are fixed, and the server's are bounded
   * (Jetty's request pool at 64) and mostly at their working size after the warm-up; the slack is
   * for a bounded pool still growing toward its size, and for the other test classes' pools that
   * share this JVM in the build (there the count rose by 6 once, with 219 -> 219 alone). A thread
   * leaked per session is 64 more, one per call thousands.
   */
  static final int THREAD_GROWTH_BOUND = 16;

  @TempDir Path dir;

  @Test
  void manyToolCallsAcrossManyServersWithNoProtocolErrorAndNoGrowth() throws Exception {
    try (LiveDeployment live =
        new LiveDeployment(dir, Duration.ofSeconds(30), LoadStreak.options())) {
      LoadStreak.stub(live.streak);
      LoadFleet fleet = LoadFleet.create(live.deployment.store(), live.base(), ACCOUNTS);
      LoadTally warmUp = new LoadTally(fleet.size());
      LoadTally measured = new LoadTally(fleet.size());
      try (LoadDriver driver = new LoadDriver(fleet, CONCURRENCY)) {
        driver.run(WARM_UP, warmUp);
        assertNoProtocolErrors("warm-up", warmUp);
        flushCallLog(live);
        long heapBefore = JvmGauges.heapAfterGc();
        // Taken after the reading, so the histogram's own few hundred KiB count against the end.
        HeapHistogram classesBefore = HeapHistogram.take();
        int threadsBefore = JvmGauges.threadsExcept(LoadStreak.POOL);
        Map<String, Long> threadNamesBefore = JvmGauges.threadsByName();

        driver.run(CALLS, measured);
        flushCallLog(live);
        long heapAfter = JvmGauges.heapAfterGc();
        int threadsAfter = JvmGauges.threadsExcept(LoadStreak.POOL);
        int standInThreads = JvmGauges.threadsOf(LoadStreak.POOL);
        String threadsChanged = JvmGauges.changed(threadNamesBefore, JvmGauges.threadsByName());

        String summary =
            summary(fleet, measured, heapBefore, heapAfter, threadsBefore, threadsAfter, live);
        System.out.println(summary);
        System.out.println("LOAD threads changed by name: " + threadsChanged);
        Files.writeString(
            Path.of(System.getProperty("load.summary.file", "target/load-summary.txt")),
            summary + "\n");

        assertNoProtocolErrors("measured", measured);
        assertEquals(CALLS, measured.calls.get(), "every call answered");
        assertTrue(measured.rateLimited.get() > 0, "the planted 429s were made");
        assertEquals(0, live.deployment.calls().dropped(), "call log entries dropped");
        assertCallLogHoldsEveryCall(live, fleet, warmUp, measured);
        if (heapAfter - heapBefore > HEAP_GROWTH_BOUND) {
          fail(
              String.format(
                  Locale.ROOT,
                  "heap after GC grew from %.1f to %.1f MiB over %d calls; grew most: %s",
                  mib(heapBefore),
                  mib(heapAfter),
                  CALLS,
                  HeapHistogram.take().largestGrowthSince(classesBefore, 8)));
        }
        // The Streak stand-in's pool grows with the calls that overlapped (48 -> 65 was seen) up
        // to its own bound; it is not the server, so it is held to that bound and left out above.
        assertTrue(
            standInThreads <= LoadStreak.POOL_BOUND,
            "the stand-in's pool has " + standInThreads + " threads; " + threadsChanged);
        assertTrue(
            threadsAfter <= threadsBefore + THREAD_GROWTH_BOUND,
            "threads grew from "
                + threadsBefore
                + " to "
                + threadsAfter
                + "; by name: "
                + threadsChanged);
      }
    }
  }

  private static void assertNoProtocolErrors(String phase, LoadTally tally) {
    assertEquals(
        0,
        tally.protocolErrors.get(),
        phase + ": protocol errors, the first of them:\n" + String.join("\n", tally.samples()));
  }

  /** Waits, boundedly, for the call log's writer; fails rather than hang a build if it is stuck. */
  private static void flushCallLog(LiveDeployment live) throws Exception {
    assertTrue(
        live.deployment.calls().flush(Duration.ofSeconds(120)),
        "the call log was not written within 120 s");
  }

  /**
   * Every tools/call is in its server's log, the 429s as rate_limited, read through the store and
   * through the admin API. The store keeps a server's newest 10,000 calls (pruned each minute), so
   * past that only the bound can be checked.
   */
  private static void assertCallLogHoldsEveryCall(
      LiveDeployment live, LoadFleet fleet, LoadTally warmUp, LoadTally measured) throws Exception {
    List<String> wrong = new ArrayList<>();
    int kept = ExpiryCleaner.CALLS_KEPT_PER_SERVER;
    for (int s = 0; s < fleet.size(); s++) {
      LoadFleet.Target target = fleet.targets.get(s);
      long sent = warmUp.perServer.get(s) + measured.perServer.get(s);
      long limited = warmUp.rateLimitedPerServer.get(s) + measured.rateLimitedPerServer.get(s);
      List<CallRecord> log =
          live.deployment
              .store()
              .callLog()
              .calls(target.serverId(), (int) Math.min(sent + 1, kept + 1L));
      long logged = log.size();
      long loggedLimited = log.stream().filter(c -> c.status().equals("rate_limited")).count();
      if (sent <= kept ? logged != sent || loggedLimited != limited : logged < kept) {
        wrong.add(
            target.name()
                + " "
                + target.serverId()
                + ": "
                + sent
                + " calls ("
                + limited
                + " 429s) sent, "
                + logged
                + " ("
                + loggedLimited
                + " rate_limited) logged");
      }
      HttpResponse<String> admin =
          McpHttp.send(
              HttpRequest.newBuilder(
                      live.base()
                          .resolve(
                              "/integrated-account/"
                                  + target.accountId()
                                  + "/mcp/"
                                  + target.serverId()
                                  + "/calls"))
                  .header("Authorization", "Bearer " + AdminApiTest.ADMIN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      int listed =
          admin.statusCode() == 200
              ? tools.jackson.databind.json.JsonMapper.shared()
                  .readTree(admin.body())
                  .path("result")
                  .size()
              : -1;
      if (listed != Math.min(500, logged)) {
        wrong.add(target.name() + ": the admin API lists " + listed + " calls");
      }
    }
    assertTrue(wrong.isEmpty(), "call log:\n" + String.join("\n", wrong));
  }

  private static String summary(
      LoadFleet fleet,
      LoadTally t,
      long heapBefore,
      long heapAfter,
      int threadsBefore,
      int threadsAfter,
      LiveDeployment live) {
    return String.format(
        Locale.ROOT,
        "LOAD calls=%d concurrency=%d servers=%d accounts=%d seconds=%.1f calls/s=%.0f"
            + " p50_ms=%.2f p99_ms=%.2f protocol_errors=%d rate_limited_passed=%d"
            + " heap_after_gc_mib=%.1f->%.1f threads=%d->%d call_log_dropped=%d"
            + " warmup_calls=%d sessions=%d",
        t.calls.get(),
        CONCURRENCY,
        fleet.size(),
        ACCOUNTS,
        t.seconds(),
        t.calls.get() / t.seconds(),
        t.latency.percentileMs(0.50),
        t.latency.percentileMs(0.99),
        t.protocolErrors.get(),
        t.rateLimited.get(),
        mib(heapBefore),
        mib(heapAfter),
        threadsBefore,
        threadsAfter,
        live.deployment.calls().dropped(),
        WARM_UP,
        t.sessions.get());
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
