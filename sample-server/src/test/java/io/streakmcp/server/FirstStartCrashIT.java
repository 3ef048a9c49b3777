package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at seeded random moments of a first start on a brand-new store (the default H2 file and
 * master key file, in an empty working directory); a start on what it left must come up and serve.
 * Half the kills land anywhere in the start; half in the 0.8 s after the schema check found a new
 * store, while Flyway loads and migrates. A kill inside V1 (a window of a few tens of ms) left a
 * store no later start could open; H2StoreTest builds that state deterministically.
 *
 * <p>The kill moments come from {@code -Dcrash.seed}, as in {@link CrashRecoveryIT}.
 */
class FirstStartCrashIT {
  final JarAdmin admin = new JarAdmin(Secrets.remember("crash-admin-" + JarAdmin.randomText()));
  WireMockServer streak;

  @BeforeEach
  void startStreak() {
    streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    streak.start();
    streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(okJson("[]")));
  }

  @AfterEach
  void stopStreak() {
    streak.stop();
  }

  @Test
  void aKillDuringAFirstStartLeavesAStoreTheNextStartOpens(@TempDir Path dir) throws Exception {
    Random random = new Random(CrashRecoveryIT.SEED ^ 0x5eed);
    Map<String, String> env =
        Map.of(
            "STREAK_MCP_ADMIN_TOKEN", admin.token(), "STREAK_BASE_URL", streak.baseUrl() + "/api");
    List<String> problems = new ArrayList<>();
    int attempts = Integer.getInteger("crash.firstStarts", 4);
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Path work = Files.createDirectories(dir.resolve("start-" + attempt));
      int port = ServeJar.freePort();
      Path log =
          CrashRecoveryIT.LOGS.resolve(
              "first-start-" + CrashRecoveryIT.SEED + "-" + attempt + ".log");
      Files.deleteIfExists(log);
      ServeJar first = ServeJar.serve(work, port, env, List.of(), log);
      String when = attempt % 2 == 1 ? anywhere(random) : afterTheSchemaCheck(random, work, first);
      first.killHard();
      ServeJar second = ServeJar.serve(work, port, env, List.of(), log);
      try {
        second.awaitHealthy(CrashRecoveryIT.START_LIMIT);
        int status = JarAdmin.toolsList(newServerUrl(second)).status();
        if (status != 200) {
          problems.add(
              "start " + attempt + " (killed " + when + "): tools/list answered " + status);
        }
        System.out.printf(
            "FirstStartCrashIT start %d killed %s: next start served%n", attempt, when);
      } catch (AssertionError e) {
        problems.add("start " + attempt + " (killed " + when + "): " + e.getMessage());
        System.out.printf(
            "FirstStartCrashIT start %d killed %s: next start FAILED%n", attempt, when);
      } finally {
        second.stop();
      }
    }
    assertTrue(
        problems.isEmpty(), "seed " + CrashRecoveryIT.SEED + ":\n" + String.join("\n", problems));
  }

  /** Waits a random moment of the start, and says which. */
  private static String anywhere(Random random) throws InterruptedException {
    long delay = random.nextInt(2500);
    Thread.sleep(delay);
    return delay + " ms after launch";
  }

  /**
   * Waits for the moment before Flyway migrates (H2 writes its trace file when the schema check
   * finds no history on the new store), then a random part of the migration, and says which.
   */
  private static String afterTheSchemaCheck(Random random, Path work, ServeJar jar)
      throws InterruptedException {
    Path trace = work.resolve("streak-mcp-data").resolve("streak-mcp.trace.db");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(trace) && jar.process().isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    long delay = random.nextInt(800);
    Thread.sleep(delay);
    return delay + " ms after the schema check";
  }

  /** An account and an MCP server made through the restarted jar's admin API: the server's URL. */
  private String newServerUrl(ServeJar jar) throws Exception {
    String key = Secrets.remember("strk_crash_" + JarAdmin.randomText());
    String account =
        admin
            .call(
                jar, "POST", "/integrated-account", "{\"name\":\"A\",\"api_key\":\"" + key + "\"}")
            .path("id")
            .asString();
    return Secrets.remember(
        admin
            .call(jar, "POST", "/integrated-account/" + account + "/mcp", "{\"name\":\"s\"}")
            .path("url")
            .asString());
  }
}
