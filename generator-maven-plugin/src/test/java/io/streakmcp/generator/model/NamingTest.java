package io.streakmcp.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streakmcp.generator.diagnostics.SourcePosition;
import io.streakmcp.generator.records.SurfaceMethod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @ParameterizedTest
  @CsvSource({
    "list,   box_task, box_tasks, ,        , list_all_streak_box_tasks",
    "list,   box,      ,          ,        , list_all_streak_boxs",
    "get,    box,      ,          ,        , get_single_streak_box_by_id",
    "create, box_task, ,          ,        , create_a_streak_box_task",
    "update, box,      ,          ,        , update_a_streak_box_by_id",
    "delete, pipeline, ,          ,        , delete_a_streak_pipeline_by_id",
    "custom, crm,      ,          search,  , search_streak_crm",
    "list,   pipeline, ,          ,      v1, list_all_streak_pipelines_v1",
  })
  void toolNamesFollowTheScheme(
      String kind, String resource, String plural, String action, String variant, String name) {
    SurfaceMethod m =
        new SurfaceMethod(
            resource,
            plural,
            kind,
            action,
            variant,
            "GET",
            "v1",
            "/x",
            List.of(),
            "none",
            "none",
            "object",
            SourcePosition.of(Path.of("f")),
            java.util.Map.of(),
            "$");
    assertEquals(name, ToolNames.derive(m));
  }

  @ParameterizedTest
  @CsvSource({
    "pipelineKey, pipeline_key",
    "logoURL, logo_url",
    "hexGmailThreadId, hex_gmail_thread_id",
    "URLPath, url_path",
    "x2Value, x2_value",
    "already_snake, already_snake",
    "query, query",
  })
  void argumentNamesAreSnakeCase(String api, String argument) {
    assertEquals(argument, ArgumentNames.snake(api));
  }

  @Test
  void qualityGateJudgesWhatTheModelReads() {
    QualityGate gate = new QualityGate(40);
    assertEquals(
        DropReason.SUMMARY_TOO_SHORT,
        gate.judge(record("delete_a_streak_stage_by_id", "Deletes a stage.", List.of()), "r")
            .orElseThrow()
            .reason());
    assertEquals(
        DropReason.SUMMARY_ECHOES_NAME,
        gate.judge(
                record(
                    "list_all_streak_stages",
                    "Lists all the Streak stages for the stages list.",
                    List.of()),
                "r")
            .orElseThrow()
            .reason());
    assertEquals(
        true,
        gate.judge(
                record(
                    "list_all_streak_stages",
                    "Список всех этапов воронки с их ключами и названиями.",
                    List.of()),
                "r")
            .isEmpty(),
        "words of any script count");
    assertEquals(
        true,
        gate.judge(
                record(
                    "delete_a_streak_stage_by_id",
                    "Deletes a stage.",
                    List.of("Only an empty stage, and never the last one.")),
                "r")
            .isEmpty());
    assertEquals(
        DropReason.SUMMARY_ECHOES_NAME,
        gate.judge(
                record(
                    "get_single_streak_box_by_id",
                    "Gets a single Streak box by its id, the box.",
                    List.of()),
                "r")
            .orElseThrow()
            .reason());
    assertEquals(
        true,
        gate.judge(
                record(
                    "get_single_streak_box_by_id",
                    "One box with its stage, notes and custom field values.",
                    List.of()),
                "r")
            .isEmpty());
  }

  private static io.streakmcp.generator.records.DocRecord record(
      String tool, String summary, List<String> pitfalls) {
    return new io.streakmcp.generator.records.DocRecord(
        tool,
        "Title",
        summary,
        pitfalls,
        List.of("t"),
        false,
        java.util.Map.of(),
        java.util.Map.of(),
        null,
        SourcePosition.of(Path.of("f")),
        java.util.Map.of(),
        "$");
  }
}
