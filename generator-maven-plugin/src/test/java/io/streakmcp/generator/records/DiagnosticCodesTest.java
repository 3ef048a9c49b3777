package io.streakmcp.generator.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.model.ModelAssembler;
import io.streakmcp.generator.model.QualityGate;
import io.streakmcp.generator.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One test per diagnostic code: each asserts the code, the file, the line and the column. */
class DiagnosticCodesTest {
  private static final String SURFACE =
      """
      methods:
        - resource: box
          kind: get
          verb: GET
          version: v1
          path: /boxes/{boxKey}
          body: none
          paging: none
        - resource: box
          kind: list
          plural: boxes
          verb: GET
          version: v1
          path: /pipelines/{pipelineKey}/boxes
          query: [stageKey]
          body: none
          paging: page_limit
      """;
  private static final String RECORD =
      """
      records:
        - tool: get_single_streak_box_by_id
          title: Get box
          summary: One box with its stage, notes and custom field values.
          tags: [boxes]
          params:
            boxKey: {type: string, description: Box., source: list_all_streak_boxes}
        - tool: list_all_streak_boxes
          title: List boxes
          summary: Boxes of one pipeline, optionally only one stage.
          tags: [boxes]
          params:
            pipelineKey: {type: string, description: Pipeline.}
            stageKey: {type: string, description: Stage.}
      """;

  @TempDir Path docs;

  @Test
  void validRecordsPass() throws Exception {
    write(SURFACE, RECORD);
    var tools = assemble();
    assertEquals(2, tools.tools().size());
  }

  @Test
  void yamlSyntax() {
    write(SURFACE, "records:\n  - tool: [unclosed\n");
    // The parser points at the end of the line where the closing bracket is missing.
    expect(DiagnosticCode.DOC_YAML_SYNTAX, "records/boxes.yaml", 2, 20);
  }

  @Test
  void duplicateKey() {
    write(
        SURFACE, RECORD.replace("    title: Get box\n", "    title: Get box\n    title: Again\n"));
    expect(DiagnosticCode.DOC_DUPLICATE_KEY, "records/boxes.yaml", 4, 10);
  }

  @Test
  void unknownKey() {
    write(SURFACE, RECORD.replace("    title: Get box\n", "    title: Get box\n    summery: x\n"));
    expect(DiagnosticCode.DOC_UNKNOWN_KEY, "records/boxes.yaml", 4, 14);
  }

  @Test
  void missingKey() {
    write(
        SURFACE,
        RECORD.replace(
            "    tags: [boxes]\n    params:\n      boxKey", "    params:\n      boxKey"));
    expect(DiagnosticCode.DOC_MISSING_KEY, "records/boxes.yaml", 2, 5);
  }

  @Test
  void wrongType() {
    write(
        SURFACE,
        RECORD.replace(
            "tags: [boxes]\n    params:\n      boxKey", "tags: boxes\n    params:\n      boxKey"));
    expect(DiagnosticCode.DOC_WRONG_TYPE, "records/boxes.yaml", 5, 11);
  }

  @Test
  void unknownType() {
    write(SURFACE, RECORD.replace("boxKey: {type: string", "boxKey: {type: strng"));
    expect(DiagnosticCode.DOC_UNKNOWN_TYPE, "records/boxes.yaml", 7, 22);
  }

  @Test
  void notAllowedValue() {
    write(
        SURFACE.replace(
            "verb: GET\n    version: v1\n    path: /boxes",
            "verb: PATCH\n    version: v1\n    path: /boxes"),
        RECORD);
    expect(DiagnosticCode.DOC_NOT_ALLOWED_VALUE, "surface/boxes.yaml", 4, 11);
  }

  @Test
  void badName() {
    write(
        SURFACE.replace("resource: box\n    kind: get", "resource: Box-Thing\n    kind: get"),
        RECORD);
    expect(DiagnosticCode.DOC_BAD_NAME, "surface/boxes.yaml", 2, 15);
  }

  @Test
  void badLength() {
    write(SURFACE, RECORD.replace("title: Get box", "title: Go"));
    expect(DiagnosticCode.DOC_BAD_LENGTH, "records/boxes.yaml", 3, 12);
  }

  @Test
  void duplicateItem() {
    write(
        SURFACE,
        RECORD.replace(
            "tags: [boxes]\n    params:\n      boxKey",
            "tags: [boxes, boxes]\n    params:\n      boxKey"));
    expect(DiagnosticCode.DOC_DUPLICATE_ITEM, "records/boxes.yaml", 5, 11);
  }

  @Test
  void duplicateTool() {
    write(
        SURFACE + SURFACE.substring(SURFACE.indexOf("  - resource: box\n    kind: list")), RECORD);
    expect(DiagnosticCode.DOC_DUPLICATE_TOOL, "surface/boxes.yaml", 18, 5);
  }

  @Test
  void badToolName() {
    write(
        SURFACE.replace(
            "resource: box\n    kind: get", "resource: " + "x".repeat(50) + "\n    kind: get"),
        RECORD);
    expect(DiagnosticCode.DOC_BAD_TOOL_NAME, "surface/boxes.yaml", 2, 15);
  }

  @Test
  void kindMismatch() {
    write(SURFACE.replace("kind: get\n", "kind: get\n    plural: boxes\n"), RECORD);
    expect(DiagnosticCode.DOC_KIND_MISMATCH, "surface/boxes.yaml", 4, 13);
  }

  @Test
  void unknownTool() {
    write(
        SURFACE,
        RECORD.replace("tool: get_single_streak_box_by_id", "tool: get_single_streak_bx_by_id"));
    expect(DiagnosticCode.DOC_UNKNOWN_TOOL, "records/boxes.yaml", 2, 11);
  }

  @Test
  void duplicateRecord() {
    write(SURFACE, RECORD + RECORD.substring(RECORD.indexOf("  - tool: list_all")));
    expect(DiagnosticCode.DOC_DUPLICATE_RECORD, "records/boxes.yaml", 15, 11);
  }

  @Test
  void missingPathParam() {
    write(
        SURFACE, RECORD.replace("      pipelineKey: {type: string, description: Pipeline.}\n", ""));
    expect(DiagnosticCode.DOC_MISSING_PATH_PARAM, "records/boxes.yaml", 13, 7);
  }

  @Test
  void unknownParam() {
    write(
        SURFACE,
        RECORD.replace(
            "stageKey: {type: string, description: Stage.}",
            "stage: {type: string, description: Stage.}"));
    expect(DiagnosticCode.DOC_UNKNOWN_PARAM, "records/boxes.yaml", 14, 14);
  }

  @Test
  void bodyNotAllowed() {
    write(
        SURFACE,
        RECORD.replace(
            "    tags: [boxes]\n    params:\n      boxKey",
            "    tags: [boxes]\n    body:\n      name: {type: string, description: Name.}\n    params:\n      boxKey"));
    expect(DiagnosticCode.DOC_BODY_NOT_ALLOWED, "records/boxes.yaml", 7, 7);
  }

  @Test
  void argumentClashOnReservedPagingName() {
    write(
        SURFACE.replace("query: [stageKey]", "query: [stageKey, limit]"),
        RECORD.replace(
            "stageKey: {type: string, description: Stage.}",
            "stageKey: {type: string, description: Stage.}\n      limit: {type: integer, description: Max.}"));
    expect(DiagnosticCode.DOC_ARGUMENT_CLASH, "records/boxes.yaml", 15, 14);
  }

  @Test
  void unknownSource() {
    write(SURFACE, RECORD.replace("source: list_all_streak_boxes", "source: list_all_streak_bxes"));
    expect(DiagnosticCode.DOC_UNKNOWN_SOURCE, "records/boxes.yaml", 7, 15);
  }

  @Test
  void aRequiredKeySourcedFromItsOwnToolHasNoStart() {
    write(
        SURFACE,
        RECORD.replace("source: list_all_streak_boxes", "source: get_single_streak_box_by_id"));
    Diagnostic d = expect(DiagnosticCode.DOC_SOURCE_CYCLE, "records/boxes.yaml", 7, 15);
    assertEquals(
        "get_single_streak_box_by_id needs box_key from get_single_streak_box_by_id itself",
        d.found());
  }

  @Test
  void requiredKeysSourcedFromEachOtherAreOneLoopReportedOnce() {
    write(
        SURFACE,
        RECORD.replace(
            "pipelineKey: {type: string, description: Pipeline.}",
            "pipelineKey: {type: string, description: Pipeline., source: get_single_streak_box_by_id}"));
    Diagnostic d = expect(DiagnosticCode.DOC_SOURCE_CYCLE, "records/boxes.yaml", 7, 15);
    assertEquals(
        "get_single_streak_box_by_id needs box_key from list_all_streak_boxes, which needs"
            + " pipeline_key from get_single_streak_box_by_id: a loop",
        d.found());
  }

  @Test
  void anOptionalKeyMayComeFromItsOwnTool() throws Exception {
    write(
        SURFACE,
        RECORD.replace(
            "stageKey: {type: string, description: Stage.}",
            "stageKey: {type: string, description: Stage., source: list_all_streak_boxes}"));
    assertEquals(2, assemble().tools().size());
  }

  @Test
  void overwritesNotUpdate() {
    write(
        SURFACE,
        RECORD.replace("    title: Get box\n", "    title: Get box\n    overwrites: true\n"));
    expect(DiagnosticCode.DOC_OVERWRITES_NOT_UPDATE, "records/boxes.yaml", 4, 17);
  }

  @Test
  void everyProblemIsReportedAtOnceAndNothingElse() {
    write(
        SURFACE.replace(
            "verb: GET\n    version: v1\n    path: /boxes",
            "verb: PATCH\n    version: v1\n    path: /boxes"),
        RECORD
            .replace("boxKey: {type: string", "boxKey: {type: strng")
            .replace("title: Get box", "title: Go"));
    RecordSetException e = assertThrows(RecordSetException.class, this::assemble);
    assertEquals(
        List.of(
            DiagnosticCode.DOC_BAD_LENGTH,
            DiagnosticCode.DOC_UNKNOWN_TYPE,
            DiagnosticCode.DOC_NOT_ALLOWED_VALUE),
        e.diagnostics().stream().map(Diagnostic::code).toList());
    assertTrue(e.summary().startsWith("3 errors in 2 of 2 record files"), e.summary());
  }

  @Test
  void formatIsJavacShaped() {
    write(SURFACE, RECORD.replace("boxKey: {type: string", "boxKey: {type: strng"));
    RecordSetException e = assertThrows(RecordSetException.class, this::assemble);
    String line = e.diagnostics().get(0).format();
    assertTrue(
        line.matches(
            ".*records/boxes\\.yaml:7:22: error: \\[DOC-UNKNOWN-TYPE] "
                + "\\$\\.records\\[0]\\.params\\.boxKey\\.type: expected one of string, integer, number, "
                + "boolean, array, object; got \"strng\""),
        line);
  }

  @Test
  void notUtf8() throws Exception {
    write(SURFACE, RECORD);
    byte[] latin1 = RECORD.replace("Get box", "G\u00e9t box").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(docs.resolve("records/boxes.yaml"), latin1);
    expect(DiagnosticCode.DOC_NOT_UTF8, "records/boxes.yaml", 3, 13);
  }

  @Test
  void yamlAliasIsRefusedRatherThanTurnedIntoItsName() {
    write(
        SURFACE,
        RECORD
            .replace("summary: One box", "summary: &text One box")
            .replace(
                "boxKey: {type: string, description: Box.,",
                "boxKey: {type: string, description: *text,"));
    expect(DiagnosticCode.DOC_YAML_ALIAS, "records/boxes.yaml", 7, 43);
  }

  @Test
  void notPortable() {
    write(
        SURFACE,
        RECORD.replace(
            "stageKey: {type: string, description: Stage.}",
            "stageKey: {type: array, description: Stages.}"));
    expect(DiagnosticCode.DOC_NOT_PORTABLE, "records/boxes.yaml", 14, 17);
  }

  @Test
  void anyOtherMetaSchemaRuleFallsBackToDocSchema() throws Exception {
    JsonNode schema =
        JsonMapper.shared()
            .readTree("{\"type\":\"object\",\"properties\":{\"n\":{\"multipleOf\":5}}}");
    Path file = Fixtures.write(docs, "x.yaml", "n: 7\n");
    YamlDocument doc = new YamlDocumentReader().read(file).document();
    List<Diagnostic> found = new MetaSchemaValidator(schema).validate(doc);
    assertEquals(1, found.size());
    assertEquals(DiagnosticCode.DOC_SCHEMA, found.get(0).code());
    assertEquals("1:4", found.get(0).position().line() + ":" + found.get(0).position().column());
  }

  @Test
  void toolNamesThatMeetInOneJavaClassNameClash() {
    write(
        SURFACE
            + """
              - resource: box_
                kind: get
                verb: GET
                version: v2
                path: /boxes/{boxKey}
                body: none
                paging: none
            """
                .replace("box_\n", "bo_x\n"),
        RECORD);
    expect(DiagnosticCode.DOC_DUPLICATE_TOOL, "surface/boxes.yaml", 18, 5);
  }

  @Test
  void problemsInARecordTheGateDropsAreStillReported() {
    write(
        SURFACE,
        RECORD
            .replace(
                "summary: One box with its stage, notes and custom field values.", "summary: Box.")
            .replace("source: list_all_streak_boxes", "source: list_all_streak_bxes"));
    expect(DiagnosticCode.DOC_UNKNOWN_SOURCE, "records/boxes.yaml", 7, 15);
  }

  private void write(String surface, String record) {
    Fixtures.write(docs, "surface/boxes.yaml", surface);
    Fixtures.write(docs, "records/boxes.yaml", record);
  }

  private io.streakmcp.generator.model.ToolSet assemble() throws Exception {
    return new ModelAssembler(new QualityGate(20)).assemble(new DocumentationReader().read(docs));
  }

  private Diagnostic expect(DiagnosticCode code, String file, int line, int column) {
    RecordSetException e = assertThrows(RecordSetException.class, this::assemble);
    List<Diagnostic> found = e.diagnostics().stream().filter(x -> x.code() == code).toList();
    if (found.isEmpty()) {
      throw new AssertionError("no " + code + " in " + e.diagnostics());
    }
    Diagnostic d = found.get(0);
    assertEquals(1, found.size(), "reported once: " + found);
    assertEquals(docs.resolve(file), d.position().file(), d.format());
    assertEquals(
        line + ":" + column, d.position().line() + ":" + d.position().column(), d.format());
    return d;
  }
}
