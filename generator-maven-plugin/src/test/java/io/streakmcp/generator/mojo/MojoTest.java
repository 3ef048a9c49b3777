package io.streakmcp.generator.mojo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mojos as plain objects: fields set directly, log lines captured. */
class MojoTest {
  @TempDir Path work;

  @Test
  void generateWritesSourcesAndSkipsTheSecondTime() throws Exception {
    CapturingLog log = new CapturingLog();
    GenerateMojo mojo = generateMojo(Fixtures.copy("tiny", work.resolve("docs")), log);
    mojo.execute();
    assertTrue(Files.exists(work.resolve("src/com/example/streak/StreakToolRegistry.java")));
    assertTrue(
        log.contains("4 of 5 Streak methods generated as tools; 1 dropped"), log.lines::toString);
    assertTrue(
        log.contains("delete_a_streak_widget_by_id") && log.contains("GATE-UNDOCUMENTED"),
        log.lines::toString);
    log.lines.clear();
    mojo.execute();
    assertTrue(log.contains("generation skipped; no file written"), log.lines::toString);
  }

  @Test
  void generateFailsOnABadRecordWithItsCodeAndPosition() {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    Fixtures.write(docs, "records/broken.yaml", "records:\n  - tool: x\n    titel: y\n");
    CapturingLog log = new CapturingLog();
    MojoFailureException e =
        assertThrows(MojoFailureException.class, () -> generateMojo(docs, log).execute());
    assertTrue(e.getMessage().contains("no sources were generated"), e.getMessage());
    assertTrue(log.contains("broken.yaml:3:12: error: [DOC-UNKNOWN-KEY]"), log.lines::toString);
    assertTrue(log.contains("broken.yaml:2:5: error: [DOC-MISSING-KEY]"), log.lines::toString);
  }

  @Test
  void checkFailsNamingTheUndocumentedMethodAndPassesWhenAllowed() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    CheckMojo check = new CheckMojo();
    CapturingLog log = new CapturingLog();
    check.setLog(log);
    check.docsDirectory = docs.toFile();
    check.minSummaryLength = 40;
    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
    assertTrue(e.getMessage().contains("delete_a_streak_widget_by_id"), e.getMessage());
    check.allowUndocumented =
        List.of(
            new Exemption(
                "the fixture leaves this one out on purpose",
                List.of("delete_a_streak_widget_by_id")));
    log.lines.clear();
    check.execute();
    assertTrue(
        log.contains("quality gate passed: 4 documented tools, 1 undocumented"),
        log.lines::toString);
    assertTrue(
        log.contains("allowed undocumented (1): the fixture leaves this one out on purpose"),
        log.lines::toString);
  }

  /** Every exemption from the gate says why, names its tools, and names each tool once. */
  @Test
  void anAllowListEntryWithoutAReasonFailsTheCheck() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    CheckMojo check = new CheckMojo();
    check.setLog(new CapturingLog());
    check.docsDirectory = docs.toFile();
    check.minSummaryLength = 40;
    List<String> widget = List.of("delete_a_streak_widget_by_id");
    for (var bad :
        List.of(
            List.of(new Exemption(null, widget)),
            List.of(new Exemption("   todo   ", widget)),
            List.of(new Exemption("the fixture leaves these out on purpose", List.of())),
            List.of(
                new Exemption("the fixture leaves this one out on purpose", widget),
                new Exemption("and lists it again under another reason", widget)))) {
      check.allowUndocumented = bad;
      MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
      assertTrue(e.getMessage().contains("allow-list is not well formed"), e.getMessage());
    }
  }

  private GenerateMojo generateMojo(Path docs, CapturingLog log) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.setLog(log);
    mojo.docsDirectory = docs.toFile();
    mojo.sourceOutputDirectory = work.resolve("src").toFile();
    mojo.resourceOutputDirectory = work.resolve("res").toFile();
    mojo.basePackage = "com.example.streak";
    mojo.minSummaryLength = 40;
    return mojo;
  }

  /** Keeps every line the Mojo logs, at any level. */
  static final class CapturingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    boolean contains(String text) {
      return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public void info(CharSequence content) {
      lines.add(content.toString());
    }

    @Override
    public void warn(CharSequence content) {
      lines.add(content.toString());
    }

    @Override
    public void error(CharSequence content) {
      lines.add(content.toString());
    }
  }
}
