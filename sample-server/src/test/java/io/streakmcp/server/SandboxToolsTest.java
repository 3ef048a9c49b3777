package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.StaticServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.server.generated.StreakToolRegistry;
import io.streakmcp.server.sandbox.SandboxStreak;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every generated tool runs against the sandbox unchanged: one session that finds, creates, reads,
 * updates and deletes through all of them, checking what each change did. When a tool is added to
 * the records, this test fails until the sandbox answers it too.
 */
class SandboxToolsTest {
  private static final String KEY =
      Secrets.remember("sandbox-test-key-" + java.util.UUID.randomUUID());
  private static final long DAY = 86_400_000L;

  private SandboxStreak streak;
  private McpHttpServer http;
  private final Set<String> called = new TreeSet<>();

  @BeforeEach
  void start() throws Exception {
    streak = SandboxStreak.start("127.0.0.1", 0, KEY, Clock.systemUTC());
    StreakClient client =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(5)),
            streak.baseUrl(),
            KEY,
            Duration.ofSeconds(10),
            Clock.systemUTC());
    McpServerContext context =
        new McpServerContext("s1", ToolCatalog.of(new StreakToolRegistry()), client);
    http =
        new McpHttpServer(
                new StaticServerResolver(Map.of(TestServer.TOKEN, context)),
                McpRuntime.engine(ServerInfo.streak("t"), TestServer.SECRET, Clock.systemUTC()),
                HttpServerConfig.loopback(0, TestServer.SECRET),
                null)
            .start();
  }

  @AfterEach
  void stop() {
    http.close();
    streak.close();
  }

  @Test
  void everyToolWorksAgainstTheSandbox() throws Exception {
    JsonNode me = ok("get_streak_current_user", "{}");
    ok("get_single_streak_user_by_id", "{\"user_key\":\"" + me.path("key").asString() + "\"}");
    String team = ok("list_all_streak_teams", "{}").path("result").path(0).path("key").asString();
    ok("get_single_streak_team_by_id", "{\"team_key\":\"" + team + "\"}");
    assertEquals(
        4,
        ok("list_all_streak_team_users", "{\"team_key\":\"" + team + "\"}").path("result").size());

    // A pipeline of our own, so every write below starts from a known state.
    JsonNode pipeline =
        ok(
            "create_a_streak_pipeline",
            "{\"name\":\"Partners\",\"team_key\":\""
                + team
                + "\",\"stages\":[\"Intro\",\"Live\"]}");
    String p = pipeline.path("key").asString();
    ok("get_single_streak_pipeline_by_id", "{\"pipeline_key\":\"" + p + "\"}");
    assertEquals(3, ok("list_all_streak_pipelines", "{}").path("result").size());
    JsonNode stages =
        ok("list_all_streak_stages", "{\"pipeline_key\":\"" + p + "\"}").path("result");
    String intro = stages.path(0).path("key").asString();
    String live = stages.path(1).path("key").asString();
    String extra =
        ok("create_a_streak_stage", "{\"pipeline_key\":\"" + p + "\",\"name\":\"Paused\"}")
            .path("key")
            .asString();
    ok("update_a_streak_stage_by_id", stageArgs(p, extra, ",\"name\":\"On hold\""));
    assertEquals(
        "On hold",
        ok("get_single_streak_stage_by_id", stageArgs(p, extra, "")).path("name").asString());
    ok(
        "update_a_streak_pipeline_by_id",
        "{\"pipeline_key\":\""
            + p
            + "\",\"stage_order\":[\""
            + live
            + "\",\""
            + intro
            + "\",\""
            + extra
            + "\"]}");
    ok("delete_a_streak_stage_by_id", stageArgs(p, extra, ""));

    String tier =
        ok(
                "create_a_streak_field",
                "{\"pipeline_key\":\"" + p + "\",\"name\":\"Tier\",\"type\":\"DROPDOWN\"}")
            .path("key")
            .asString();
    JsonNode items =
        ok(
                "update_a_streak_field_by_id",
                fieldArgs(
                    p,
                    tier,
                    ",\"dropdown_settings\":{\"items\":[{\"name\":\"Gold\"},{\"name\":\"Silver\"}]}"))
            .path("dropdownSettings")
            .path("items");
    String gold = items.path(0).path("key").asString();
    ok("get_single_streak_field_by_id", fieldArgs(p, tier, ""));
    assertEquals(
        1, ok("list_all_streak_fields", "{\"pipeline_key\":\"" + p + "\"}").path("result").size());

    // A box, its field values and its activity.
    String box =
        ok(
                "create_a_streak_box",
                "{\"pipeline_key\":\""
                    + p
                    + "\",\"name\":\"Contoso partnership\",\"stage_key\":\""
                    + intro
                    + "\"}")
            .path("key")
            .asString();
    ok(
        "update_a_streak_box_by_id",
        "{\"box_key\":\"" + box + "\",\"stage_key\":\"" + live + "\",\"notes\":\"Signed.\"}");
    ok(
        "update_a_streak_box_field_value_by_id",
        "{\"box_key\":\"" + box + "\",\"field_key\":\"" + tier + "\",\"value\":\"" + gold + "\"}");
    assertEquals(
        gold,
        ok(
                "get_single_streak_box_field_value_by_id",
                "{\"box_key\":\"" + box + "\",\"field_key\":\"" + tier + "\"}")
            .path("value")
            .asString());
    ok("list_all_streak_box_field_values", boxArgs(box));
    JsonNode read = ok("get_single_streak_box_by_id", boxArgs(box));
    assertEquals(live, read.path("stageKey").asString());
    assertEquals("Signed.", read.path("notes").asString());
    assertEquals(
        1, ok("list_all_streak_boxes", "{\"pipeline_key\":\"" + p + "\"}").path("result").size());
    assertEquals(
        "Contoso partnership",
        ok("search_streak_crm", "{\"query\":\"contoso\"}")
            .path("results")
            .path("boxes")
            .path(0)
            .path("name")
            .asString());

    long due = System.currentTimeMillis() + 2 * DAY;
    String task =
        ok(
                "create_a_streak_box_task",
                "{\"box_key\":\"" + box + "\",\"text\":\"Kick-off\",\"due_date\":" + due + "}")
            .path("key")
            .asString();
    ok("update_a_streak_task_by_id", "{\"task_key\":\"" + task + "\",\"status\":\"DONE\"}");
    assertEquals(
        "DONE",
        ok("get_single_streak_task_by_id", "{\"task_key\":\"" + task + "\"}")
            .path("status")
            .asString());
    ok("list_all_streak_box_tasks", boxArgs(box));
    ok("list_all_streak_upcoming_tasks", "{\"direction\":\"future\",\"include_completed\":true}");
    String comment =
        ok(
                "create_a_streak_box_comment",
                "{\"box_key\":\"" + box + "\",\"message\":\"Welcome aboard\"}")
            .path("key")
            .asString();
    ok(
        "update_a_streak_comment_by_id",
        "{\"comment_key\":\"" + comment + "\",\"message\":\"Welcome!\"}");
    assertEquals(
        "Welcome!",
        ok("get_single_streak_comment_by_id", "{\"comment_key\":\"" + comment + "\"}")
            .path("message")
            .asString());
    assertEquals(1, ok("list_all_streak_box_comments", boxArgs(box)).path("result").size());
    ok("delete_a_streak_comment_by_id", "{\"comment_key\":\"" + comment + "\"}");
    String meeting =
        ok(
                "create_a_streak_box_meeting",
                "{\"box_key\":\""
                    + box
                    + "\",\"meeting_type\":\"CALL_LOG\",\"start_timestamp\":"
                    + due
                    + "}")
            .path("key")
            .asString();
    ok(
        "update_a_streak_meeting_by_id",
        "{\"meeting_key\":\"" + meeting + "\",\"notes\":\"Agenda sent\"}");
    ok("get_single_streak_meeting_by_id", "{\"meeting_key\":\"" + meeting + "\"}");
    ok("list_all_streak_box_meetings", boxArgs(box));
    ok("delete_a_streak_meeting_by_id", "{\"meeting_key\":\"" + meeting + "\"}");
    ok("list_all_streak_box_threads", boxArgs(box));
    ok("list_all_streak_box_files", boxArgs(box));
    ok("list_all_streak_pipeline_webhooks", "{\"pipeline_key\":\"" + p + "\"}");

    // Contacts and organisations of the team.
    String org =
        ok(
                "create_a_streak_organization",
                "{\"team_key\":\""
                    + team
                    + "\",\"name\":\"Contoso\",\"domains\":[\"contoso.example\"]}")
            .path("key")
            .asString();
    String contact =
        ok(
                "create_a_streak_contact",
                "{\"team_key\":\""
                    + team
                    + "\",\"given_name\":\"Mia\",\"email_addresses\":[\"mia@contoso.example\"]}")
            .path("key")
            .asString();
    ok(
        "update_a_streak_contact_by_id",
        "{\"contact_key\":\"" + contact + "\",\"org_links\":[{\"key\":\"" + org + "\"}]}");
    assertEquals(
        org,
        ok("get_single_streak_contact_by_id", "{\"contact_key\":\"" + contact + "\"}")
            .path("orgLinks")
            .path(0)
            .path("key")
            .asString());
    ok(
        "update_a_streak_organization_by_id",
        "{\"organization_key\":\"" + org + "\",\"name\":\"Contoso Ltd\"}");
    assertEquals(
        "Contoso Ltd",
        ok("get_single_streak_organization_by_id", "{\"organization_key\":\"" + org + "\"}")
            .path("name")
            .asString());
    assertEquals(
        25,
        ok("list_all_streak_contacts", "{\"team_key\":\"" + team + "\",\"limit\":50}")
            .path("result")
            .size());
    assertEquals(
        13,
        ok("list_all_streak_organizations", "{\"team_key\":\"" + team + "\",\"limit\":50}")
            .path("result")
            .size());
    ok("delete_a_streak_contact_by_id", "{\"contact_key\":\"" + contact + "\"}");
    ok("delete_a_streak_organization_by_id", "{\"organization_key\":\"" + org + "\"}");

    // Refusals Streak makes: a pipeline with boxes cannot go, nor a stage that holds one.
    assertEquals(
        400, refused("delete_a_streak_pipeline_by_id", "{\"pipeline_key\":\"" + p + "\"}"));
    assertEquals(400, refused("delete_a_streak_stage_by_id", stageArgs(p, live, "")));
    // Deleting the box takes its tasks with it; then the field and the pipeline can go.
    ok("delete_a_streak_box_by_id", boxArgs(box));
    assertEquals(404, refused("get_single_streak_task_by_id", "{\"task_key\":\"" + task + "\"}"));
    String other =
        ok("create_a_streak_box", "{\"pipeline_key\":\"" + p + "\",\"name\":\"Scratch\"}")
            .path("key")
            .asString();
    String scratchTask =
        ok("create_a_streak_box_task", "{\"box_key\":\"" + other + "\",\"text\":\"Tidy up\"}")
            .path("key")
            .asString();
    ok("delete_a_streak_task_by_id", "{\"task_key\":\"" + scratchTask + "\"}");
    ok("delete_a_streak_box_by_id", boxArgs(other));
    ok("delete_a_streak_field_by_id", fieldArgs(p, tier, ""));
    ok("delete_a_streak_pipeline_by_id", "{\"pipeline_key\":\"" + p + "\"}");
    assertEquals(
        404, refused("get_single_streak_pipeline_by_id", "{\"pipeline_key\":\"" + p + "\"}"));

    Set<String> all =
        ToolCatalog.of(new StreakToolRegistry()).all().stream()
            .map(ToolEntry::name)
            .collect(Collectors.toCollection(TreeSet::new));
    all.removeAll(called);
    assertEquals(Set.of(), all, "tools this session never ran against the sandbox");
  }

  @Test
  void theStandInRefusesAsStreakDoesAndARefusedUpdateChangesNothing() throws Exception {
    assertEquals(401, rest("GET", "/v1/users/me", null, "wrong-key").statusCode());
    assertEquals(401, rest("GET", "/v1/users/me", null, null).statusCode());
    var unknown = rest("GET", "/v1/no-such-thing", null, KEY);
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("\"error\""), unknown.body());
    assertEquals(405, rest("PATCH", "/v1/boxes/abc", "{}", KEY).statusCode());
    assertEquals(400, rest("GET", "/v1/search", null, KEY).statusCode(), "query or name is needed");

    String sales = pipelineKey("Sales");
    JsonNode box =
        ok("list_all_streak_boxes", "{\"pipeline_key\":\"" + sales + "\",\"limit\":1}")
            .path("result")
            .path(0);
    String key = box.path("key").asString();
    // A valid name with an unknown stage: Streak refuses the whole update.
    var refusedUpdate =
        rest("POST", "/v1/boxes/" + key, "{\"name\":\"Renamed\",\"stageKey\":\"999999\"}", KEY);
    assertEquals(404, refusedUpdate.statusCode(), refusedUpdate.body());
    assertEquals(
        box.path("name").asString(),
        ok("get_single_streak_box_by_id", boxArgs(key)).path("name").asString());
    // A value of the wrong type for a field is refused the same way.
    String checkbox = null;
    for (JsonNode f :
        ok("list_all_streak_fields", "{\"pipeline_key\":\"" + sales + "\"}").path("result")) {
      if (f.path("type").asString().equals("CHECKBOX")) {
        checkbox = f.path("key").asString();
      }
    }
    var badValue =
        rest(
            "POST",
            "/v1/boxes/" + key,
            "{\"name\":\"Renamed\",\"fields\":{\"" + checkbox + "\":\"yes\"}}",
            KEY);
    assertEquals(400, badValue.statusCode(), badValue.body());
    assertTrue(badValue.body().contains("true or false"), badValue.body());
    assertEquals(
        box.path("name").asString(),
        ok("get_single_streak_box_by_id", boxArgs(key)).path("name").asString());
  }

  @Test
  void listsPageThroughTheSeedToTheEnd() throws Exception {
    String hiring = pipelineKey("Hiring");
    int seen = 0;
    int pages = 0;
    String cursor = null;
    do {
      JsonNode page =
          ok(
              "list_all_streak_boxes",
              "{\"pipeline_key\":\""
                  + hiring
                  + "\",\"limit\":20"
                  + (cursor == null ? "" : ",\"next_cursor\":\"" + cursor + "\"")
                  + "}");
      seen += page.path("result").size();
      pages++;
      cursor = page.path("next_cursor").isString() ? page.path("next_cursor").asString() : null;
    } while (cursor != null);
    JsonNode pipeline =
        ok("get_single_streak_pipeline_by_id", "{\"pipeline_key\":\"" + hiring + "\"}");
    assertEquals(pipeline.path("boxCount").asInt(), seen);
    assertTrue(pages >= 3, "the demo needs paging: " + pages + " pages");
  }

  // ---- helpers ----

  private String pipelineKey(String name) throws Exception {
    for (JsonNode p : ok("list_all_streak_pipelines", "{}").path("result")) {
      if (p.path("name").asString().equals(name)) {
        return p.path("key").asString();
      }
    }
    throw new AssertionError("no pipeline " + name);
  }

  private JsonNode ok(String tool, String args) throws Exception {
    JsonNode result = result(tool, args);
    assertFalse(result.path("isError").asBoolean(), tool + " " + args + " -> " + result);
    return result.path("structuredContent");
  }

  /** Calls a tool that must fail as Streak refused it; answers Streak's status. */
  private int refused(String tool, String args) throws Exception {
    JsonNode result = result(tool, args);
    assertTrue(result.path("isError").asBoolean(), tool + " should fail: " + result);
    assertEquals(
        "streak_error",
        result.path("structuredContent").path("error").asString(),
        result.toString());
    return result.path("structuredContent").path("status").asInt();
  }

  private JsonNode result(String tool, String args) throws Exception {
    called.add(tool);
    URI url = URI.create("http://127.0.0.1:" + http.port() + "/mcp/" + TestServer.TOKEN);
    JsonNode answer =
        McpHttp.post(url, McpHttp.call(1, tool, args), "MCP-Protocol-Version", "2025-11-25").json();
    assertFalse(answer.has("error"), tool + ": " + answer);
    return answer.path("result");
  }

  private java.net.http.HttpResponse<String> rest(
      String method, String path, String body, String key) throws Exception {
    var b =
        java.net.http.HttpRequest.newBuilder(URI.create(streak.baseUrl() + path))
            .method(
                method,
                body == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (key != null) {
      b.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString((key + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return McpHttp.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private static String boxArgs(String box) {
    return "{\"box_key\":\"" + box + "\"}";
  }

  private static String stageArgs(String p, String stage, String more) {
    return "{\"pipeline_key\":\"" + p + "\",\"stage_key\":\"" + stage + "\"" + more + "}";
  }

  private static String fieldArgs(String p, String field, String more) {
    return "{\"pipeline_key\":\"" + p + "\",\"field_key\":\"" + field + "\"" + more + "}";
  }
}
