package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Streak misbehaving in every way WireMock can make it, against the real deployment (H2 store, a
 * server made as the admin API makes it): each fault must end in a clear tool error within the
 * configured deadline, and leave the server healthy with no threads, connections or heap behind.
 */
class StreakFaultsTest {
  static final Duration DEADLINE = Duration.ofSeconds(1);
  static final String API_KEY = "strk_faults_key_never_logged";

  @TempDir static Path dir;
  static WireMockServer streak;
  static LiveDeployment live;
  static URI url;

  /** One misbehaviour of Streak's, and what the model must be told about it. */
  record Misbehaviour(String name, ResponseDefinitionBuilder answer, String error, String says) {}

  static final List<Misbehaviour> FAULTS =
      List.of(
          new Misbehaviour(
              "connection reset",
              aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
              "streak_unavailable",
              "failed before an answer"),
          new Misbehaviour(
              "empty reply",
              aResponse().withFault(Fault.EMPTY_RESPONSE),
              "streak_unavailable",
              "failed before an answer"),
          new Misbehaviour(
              "garbage then close",
              aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
              "streak_unavailable",
              "failed before an answer"),
          new Misbehaviour(
              "malformed chunk",
              aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
              "streak_unavailable",
              "failed before an answer"),
          new Misbehaviour(
              "malformed JSON",
              aResponse()
                  .withStatus(200)
                  .withHeader("Content-Type", "application/json")
                  .withBody("{\"key\": \"b1\", \"name\": "),
              "bad_answer",
              "not JSON"),
          new Misbehaviour("500", aResponse().withStatus(500).withBody("boom"), null, "500"),
          new Misbehaviour(
              "502", aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"), null, "502"),
          new Misbehaviour(
              "503", aResponse().withStatus(503).withBody("{\"error\":\"busy\"}"), null, "503"),
          new Misbehaviour(
              "headers later than the deadline",
              okJson("{\"key\":\"b1\"}").withFixedDelay(3_000),
              "streak_unavailable",
              "within 1 s"),
          new Misbehaviour(
              "body slower than the deadline",
              okJson("{\"key\":\"b1\",\"notes\":\"" + "x".repeat(4_000) + "\"}")
                  .withChunkedDribbleDelay(30, 3_000),
              "streak_unavailable",
              "within 1 s"));

  @BeforeAll
  static void start() throws Exception {
    live = new LiveDeployment(dir, DEADLINE);
    streak = live.streak;
    streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(okJson("[]")));
    url = live.server(API_KEY, List.of());
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Test
  void everyFaultIsAClearToolErrorWithinTheDeadlineAndLeavesNothingBehind() throws Exception {
    // One good call first: the very first call into Streak loads the HTTP client's classes on
    // both sides, which on a busy machine took longer than the 1 s deadline, so a connection
    // reset read as a timeout (one fresh-clone run in about ten). The faults are what is tested.
    streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
    assertTrue(!call().path("result").path("isError").asBoolean(), "the warm-up call");
    // A first round warms every pool (threads, connections, caches) to its working size.
    List<String> problems = round();
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    long threads = JvmGauges.settled(StreakFaultsTest::threadCount);
    long pool = JvmGauges.settled(StreakFaultsTest::requestPoolThreads);
    Map<String, Long> byName = JvmGauges.threadsByName();
    long connections = JvmGauges.settled(StreakFaultsTest::connectionsToStreak);
    long heap = JvmGauges.heapAfterGc();
    assertTrue(
        threads > 0 && connections > 0,
        "the counts see the server: " + threads + ", " + connections);

    // The second round must come back to the same place: nothing grows per fault.
    problems = round();
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    // Threads outside the request pool are fixed in number: a leak of one per fault adds ten.
    assertTrue(
        JvmGauges.settled(StreakFaultsTest::threadCount) <= threads + 2,
        "threads after the second round: "
            + threadCount()
            + ", after the first: "
            + threads
            + "; changed: "
            + JvmGauges.changed(byName, JvmGauges.threadsByName()));
    // The request pool grows with the requests that overlapped, which varies with the machine's
    // load (35 after a second round, 3 over the first, was seen), and shrinks only after a minute
    // idle; the storm overlaps at most its callers, besides the pool's acceptor and selectors. A
    // leak of one per fault adds ten a round on top.
    assertTrue(
        JvmGauges.settled(StreakFaultsTest::requestPoolThreads)
            <= Math.max(pool, STORM_CALLERS + POOL_OVERHEAD) + 2,
        "request pool threads after the second round: "
            + requestPoolThreads()
            + ", after the first: "
            + pool
            + "; changed: "
            + JvmGauges.changed(byName, JvmGauges.threadsByName()));
    // Idle keep-alive connections from the storm stay pooled: as many as the storm's calls that
    // overlapped, which varies with the machine's load (23 after one round, 32 after the next, was
    // seen) but never exceeds its callers. A leak of one per fault adds ten a round on top.
    assertTrue(
        JvmGauges.settled(StreakFaultsTest::connectionsToStreak)
            <= Math.max(connections, STORM_CALLERS) + 2,
        "connections to Streak: "
            + connectionsToStreak()
            + ", after the first round: "
            + connections);
    long heapNow = JvmGauges.heapAfterGc();
    assertTrue(
        heapNow <= heap + 8 * 1024 * 1024,
        "heap after GC grew from " + heap / 1024 + " KiB to " + heapNow / 1024 + " KiB");

    // And the server is still well.
    var health =
        McpHttp.send(
            java.net.http.HttpRequest.newBuilder(live.base().resolve("/healthz")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode(), health.body());
    streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
    JsonNode ok = call().path("result");
    assertTrue(!ok.path("isError").asBoolean(), ok.toString());
    assertEquals("b1", ok.path("structuredContent").path("key").asString());
  }

  /**
   * Every fault, then a storm of 429s from {@link #STORM_CALLERS} callers at once; what went wrong,
   * in words.
   */
  private List<String> round() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Misbehaviour fault : FAULTS) {
      streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(fault.answer()));
      long start = System.nanoTime();
      JsonNode result = call().path("result");
      long ms = (System.nanoTime() - start) / 1_000_000;
      String text = result.path("content").path(0).path("text").asString();
      JsonNode structured = result.path("structuredContent");
      if (!result.path("isError").asBoolean()
          || !text.contains(fault.says())
          || (fault.error() != null && !fault.error().equals(structured.path("error").asString()))
          || (fault.error() == null
              && !fault.says().equals(structured.path("status").asString()))) {
        problems.add(fault.name() + ": " + result);
      }
      // The deadline bounds the wait; the slack covers a busy machine, not a second attempt.
      if (ms > DEADLINE.toMillis() + 2_000) {
        problems.add(fault.name() + ": answered after " + ms + " ms");
      }
    }
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    ExecutorService callers = Executors.newFixedThreadPool(STORM_CALLERS);
    try {
      List<Future<McpHttp.Answer>> storm = new ArrayList<>();
      for (int i = 0; i < 128; i++) {
        storm.add(
            callers.submit(
                () ->
                    McpHttp.post(
                        url, McpHttp.call(1, TOOL, ARGS), "MCP-Protocol-Version", "2025-11-25")));
      }
      for (Future<McpHttp.Answer> f : storm) {
        McpHttp.Answer a = f.get();
        JsonNode result = a.json().path("result");
        if (a.status() != 200
            || !result.path("isError").asBoolean()
            || !"7".equals(a.header("retry-after"))) {
          problems.add("429 storm: " + a.status() + " " + a.headers() + " " + a.body());
        }
      }
    } finally {
      callers.shutdown();
    }
    return problems;
  }

  /** Callers in the 429 storm at once; each holds at most one connection to Streak. */
  static final int STORM_CALLERS = 32;

  static final String TOOL = "get_single_streak_box_by_id";
  static final String ARGS = "{\"box_key\":\"b1\"}";

  private static JsonNode call() throws Exception {
    McpHttp.Answer a =
        McpHttp.post(url, McpHttp.call(1, TOOL, ARGS), "MCP-Protocol-Version", "2025-11-25");
    assertEquals(200, a.status(), a.body());
    return a.json();
  }

  /** The request pool's acceptor and selectors, besides the threads serving requests. */
  static final int POOL_OVERHEAD = 4;

  /** The server's request pool (Jetty's), which grows and shrinks with the load. */
  private static int requestPoolThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("mcp-http"))
            .count();
  }

  /**
   * The server's other threads, fixed in number: the call log, the cleaner, the keep-alive and body
   * deadline timers, the Streak client's selector and the store's. WireMock's, the test client's
   * and the request pool are left out.
   */
  private static int threadCount() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .map(Thread::getName)
            .filter(
                n ->
                    (n.startsWith("mcp-") && !n.startsWith("mcp-http"))
                        || n.startsWith("call-log")
                        || n.startsWith("expiry")
                        || n.startsWith("streak-")
                        || n.startsWith("H2")
                        || n.startsWith("MVStore")
                        || (n.startsWith("HttpClient-") && !n.contains("Worker")))
            .count();
  }

  /** Open TCP connections from this JVM to the Streak stand-in's port (client side). */
  private static int connectionsToStreak() {
    String port = String.format("%04X", streak.port());
    int open = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.strip().split("\\s+");
          // remote address ends with :PORT; state 01 is ESTABLISHED
          if (f.length > 3 && f[2].endsWith(":" + port) && f[3].equals("01")) {
            open++;
          }
        }
      } catch (java.io.IOException e) {
        // no IPv6 table on this machine
      }
    }
    return open;
  }
}
