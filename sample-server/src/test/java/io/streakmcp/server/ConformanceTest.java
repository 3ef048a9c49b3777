package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official conformance suite, both eras, against the committed baselines. A baseline lists only
 * scenarios that cannot apply to a Streak tools server (each with its reason); a listed scenario
 * that starts passing fails the run too, so the baseline cannot go stale.
 */
class ConformanceTest extends WithTestServer {
  @BeforeAll
  static void prepare() {
    NodeClients.assumeInstalled();
  }

  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "conformance-legacy, conformance-baseline-legacy.yml, initialize-era",
    "conformance-modern, conformance-baseline-legacy.yml, initialize-era",
    "conformance-modern, conformance-baseline-2026-07-28.yml, 2026-07-28",
  })
  void passesEverythingThatApplies(String suite, String baseline, String era) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "node_modules/" + suite + "/dist/index.js",
                "server",
                "--url",
                server.mcpUrl().toString(),
                "--expected-failures",
                baseline));
    if (era.equals("2026-07-28")) {
      args.addAll(List.of("--suite", "all", "--spec-version", "2026-07-28"));
    }
    NodeClients.Run run = NodeClients.node(args);
    String tail =
        run.stdout().length() > 6000
            ? run.stdout().substring(run.stdout().length() - 6000)
            : run.stdout();
    assertEquals(0, run.exit(), tail + run.stderr());
    assertTrue(run.stdout().contains("Baseline check passed"), tail);
    for (String mustPass : List.of("server-initialize", "tools-list", "dns-rebinding-protection")) {
      if (!era.equals("2026-07-28") || !mustPass.equals("server-initialize")) {
        assertTrue(run.stdout().contains("✓ " + mustPass), mustPass + " must pass:\n" + tail);
      }
    }
  }
}
