package io.streakmcp.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental promises: same records, same bytes; unchanged records, nothing written. */
class GeneratorTest {
  @TempDir Path work;

  @Test
  void sameRecordsGiveByteIdenticalOutput() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var first = Fixtures.request(docs, work.resolve("a"));
    var second = Fixtures.request(docs, work.resolve("b"));
    new Generator().generate(first);
    new Generator().generate(second);
    assertEquals(contents(work.resolve("a")), contents(work.resolve("b")));
  }

  @Test
  void unchangedRecordsSkipAndTouchNoFile() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    GenerateOutcome first = new Generator().generate(request);
    assertFalse(first.skipped());
    Map<Path, FileTime> before = times(work.resolve("out"));
    GenerateOutcome second = new Generator().generate(request);
    assertTrue(second.skipped());
    assertEquals(first.report(), second.report(), "a skip shows the stored report");
    assertEquals(before, times(work.resolve("out")));
  }

  /**
   * A new version of one of the plugin's dependencies (JavaPoet, the runtime) regenerates; the same
   * ones skip. The fingerprint used to cover the plugin's own jar only.
   */
  @Test
  void aChangedGeneratorDependencyRegenerates() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var base = Fixtures.request(docs, work.resolve("out"));
    var withJavaPoet =
        with(base, base.basePackage(), List.of("com.palantir.javapoet:javapoet:0.7.0"));
    new Generator().generate(withJavaPoet);
    assertTrue(new Generator().generate(withJavaPoet).skipped());
    var newer = with(base, base.basePackage(), List.of("com.palantir.javapoet:javapoet:0.8.0"));
    assertFalse(new Generator().generate(newer).skipped());
  }

  @Test
  void aChangedRecordRegeneratesOnlyWhatChanged() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    Path records = docs.resolve("records/widgets.yaml");
    Files.writeString(
        records,
        Files.readString(records)
            .replace(
                "Widgets of one pipeline, newest first", "Widgets of a pipeline, oldest first"));
    GenerateOutcome outcome = new Generator().generate(request);
    assertFalse(outcome.skipped());
    // Only the list tool's class: the description lives there, not in its schema.
    assertEquals(1, outcome.writes().written());
    assertEquals(0, outcome.writes().deleted());
  }

  @Test
  void aRemovedRecordDeletesItsFilesAndNothingElse() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    Path mine = request.outputs().sources().resolve("com/example/streak/Handwritten.java");
    Files.writeString(mine, "class Handwritten {}\n");
    Path records = docs.resolve("records/widgets.yaml");
    String text = Files.readString(records);
    Files.writeString(records, text.substring(0, text.indexOf("  # Deliberately hostile")));
    GenerateOutcome outcome = new Generator().generate(request);
    assertEquals(2, outcome.writes().deleted(), "the tool class and its input schema");
    assertFalse(
        Files.exists(
            request
                .outputs()
                .sources()
                .resolve("com/example/streak/tools/EchoStreakHostileText.java")));
    assertTrue(Files.exists(mine), "a file the plugin did not write is never deleted");
  }

  /**
   * With the state file gone (a cleaned folder, a damaged file), the last generation's files are
   * found by their marks: a class and a schema of a tool no longer generated are deleted, while a
   * file the plugin did not write stays. They used to stay and be compiled.
   */
  @Test
  void aLostStateStillDeletesStaleFilesAndOnlyThose() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    Path sources = request.outputs().sources();
    Path mine = sources.resolve("com/example/streak/Handwritten.java");
    Files.writeString(mine, "@Generated(\"org.example.Other\") class Handwritten {}\n");
    Path myJson = request.outputs().resources().resolve("streak-mcp/notes.input.json");
    Files.writeString(myJson, "{}");
    Files.delete(request.outputs().stateFile());
    Path records = docs.resolve("records/widgets.yaml");
    String text = Files.readString(records);
    Files.writeString(records, text.substring(0, text.indexOf("  # Deliberately hostile")));
    GenerateOutcome outcome = new Generator().generate(request);
    assertEquals(2, outcome.writes().deleted(), "the tool class and its input schema");
    assertFalse(
        Files.exists(sources.resolve("com/example/streak/tools/EchoStreakHostileText.java")));
    assertFalse(
        Files.exists(
            request
                .outputs()
                .resources()
                .resolve("streak-mcp/schemas/echo_streak_hostile_text.input.json")));
    assertTrue(Files.exists(mine), "a file the plugin did not write is never deleted");
    assertTrue(Files.exists(myJson), "nor one outside its schema folder");
    assertTrue(new Generator().generate(request).skipped(), "and the state is whole again");
  }

  /** A base package beyond ASCII (Java allows any letters) keeps a state the next build reads. */
  @Test
  void aNonAsciiBasePackageStillSkipsUnchangedBuilds() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var base = Fixtures.request(docs, work.resolve("out"));
    var request = with(base, "com.exämple.straße", base.generatorDependencies());
    assertFalse(new Generator().generate(request).skipped());
    assertTrue(
        Files.exists(request.outputs().sources().resolve("com/exämple/straße/tools")),
        "generated under the package asked for");
    assertTrue(new Generator().generate(request).skipped());
  }

  @Test
  void aDeletedOutputFileIsRestoredEvenWithUnchangedRecords() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    Files.delete(
        request
            .outputs()
            .resources()
            .resolve("streak-mcp/schemas/list_all_streak_widgets.input.json"));
    GenerateOutcome outcome = new Generator().generate(request);
    assertFalse(outcome.skipped());
    assertEquals(1, outcome.writes().written());
  }

  @Test
  void brokenRecordsGenerateNothing() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    Path records = docs.resolve("records/widgets.yaml");
    Files.writeString(records, Files.readString(records).replace("type: integer", "type: int"));
    var request = Fixtures.request(docs, work.resolve("out"));
    assertThrows(RecordSetException.class, () -> new Generator().generate(request));
    assertFalse(Files.exists(work.resolve("out")));
  }

  @Test
  void checkNamesUndocumentedMethodsAndHonoursTheAllowList() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    CheckOutcome strict = new Generator().check(new CheckRequest(docs, 20, java.util.List.of()));
    assertFalse(strict.passed());
    assertEquals(
        java.util.List.of("delete_a_streak_widget_by_id"),
        strict.violations().stream().map(d -> d.tool()).toList());
    CheckOutcome allowed =
        new Generator()
            .check(new CheckRequest(docs, 20, java.util.List.of("delete_a_streak_widget_by_id")));
    assertTrue(allowed.passed());
    CheckOutcome typo =
        new Generator()
            .check(
                new CheckRequest(
                    docs,
                    20,
                    java.util.List.of(
                        "delete_a_streak_widget_by_id", "delete_a_streak_wdget_by_id")));
    assertFalse(typo.passed());
    assertEquals(java.util.List.of("delete_a_streak_wdget_by_id"), typo.unknownAllowed());
  }

  @Test
  void aDamagedStateFileCostsOneFullGenerationNotABrokenBuild() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    Path state = request.outputs().stateFile();
    for (String damage :
        List.of("OTHER:x\tdead", "SOURCE:../../../etc/passwd\t" + "0".repeat(64), "no colon")) {
      Files.writeString(state, Files.readString(state) + damage + "\n");
      GenerateOutcome outcome = new Generator().generate(request);
      assertFalse(outcome.skipped(), damage);
      assertTrue(new Generator().generate(request).skipped(), "the state is whole again");
    }
  }

  @Test
  void aHandEditedOutputIsRegeneratedEvenWithUnchangedRecords() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    Path schema =
        request
            .outputs()
            .resources()
            .resolve("streak-mcp/schemas/list_all_streak_widgets.input.json");
    String original = Files.readString(schema);
    Files.writeString(schema, original.replace("integer", "number"));
    GenerateOutcome outcome = new Generator().generate(request);
    assertEquals(1, outcome.writes().written());
    assertEquals(original, Files.readString(schema));
  }

  @Test
  void aMissingRecordsFolderIsAClearError() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    try (Stream<Path> walk = Files.walk(docs.resolve("records"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    var e =
        assertThrows(
            java.io.IOException.class,
            () -> new Generator().generate(Fixtures.request(docs, work.resolve("out"))));
    assertTrue(e.getMessage().startsWith("no records directory at"), e.getMessage());
  }

  private static Map<String, String> contents(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private static Map<Path, FileTime> times(Path root) throws Exception {
    Map<Path, FileTime> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(p, Files.getLastModifiedTime(p));
      }
    }
    return out;
  }

  /** {@code base} with another base package and generator dependencies. */
  private static GenerateRequest with(
      GenerateRequest base, String basePackage, List<String> dependencies) {
    return new GenerateRequest(
        base.docsDirectory(), base.outputs(), basePackage, base.minSummaryLength(), dependencies);
  }
}
