package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.StaticServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The live schema: stages and fields by name, freshness, and one fetch per TTL. */
class LiveSchemaTest {
  static final String V = "2025-11-25";
  static final String SALES =
      "{\"key\":\"p1\",\"name\":\"Sales\",\"stageOrder\":[\"5001\",\"5002\"],"
          + "\"stages\":{\"5001\":{\"key\":\"5001\",\"name\":\"Verbal Agreement\"},"
          + "\"5002\":{\"key\":\"5002\",\"name\":\"Contract Sent\"}},"
          + "\"fields\":[{\"key\":\"1003\",\"name\":\"Seniority\",\"type\":\"DROPDOWN\","
          + "\"dropdownSettings\":{\"items\":[{\"key\":\"9001\",\"name\":\"Junior\"},"
          + "{\"key\":\"9002\",\"name\":\"Senior\"}]}},"
          + "{\"key\":\"1004\",\"name\":\"Start Date\",\"type\":\"DATE\"}%s]}";
  static final String HIRING =
      "{\"key\":\"p2\",\"name\":\"Hiring Team\",\"stageOrder\":[\"6001\"],"
          + "\"stages\":{\"6001\":{\"key\":\"6001\",\"name\":\"Technical Interview\"}%s},"
          + "\"fields\":[]}";

  WireMockServer streak;
  McpHttpServer http;

  /** The clock of the server under test; tests move it to age the cached schema. */
  private final MutableClock clock = new MutableClock();

  private void start(Duration ttl) throws Exception {
    streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    streak.start();
    pipelines("", "");
    StreakClient client = StreakStubs.client(streak, "k");
    McpServerContext context =
        new McpServerContext("s1", ToolCatalog.of(new StreakToolRegistry()), client);
    http =
        new McpHttpServer(
                new StaticServerResolver(java.util.Map.of(TestServer.TOKEN, context)),
                McpRuntime.engine(ServerInfo.streak("t"), TestServer.SECRET, clock, ttl),
                HttpServerConfig.loopback(0, TestServer.SECRET),
                null)
            .start();
  }

  private void pipelines(String extraField, String extraStage) {
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/pipelines"))
            .willReturn(
                okJson(
                    "["
                        + String.format(SALES, extraField)
                        + ","
                        + String.format(HIRING, extraStage)
                        + "]")));
  }

  @AfterEach
  void stop() {
    http.close();
    streak.stop();
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + http.port() + "/mcp/" + TestServer.TOKEN);
  }

  private JsonNode tool(String name) throws Exception {
    String cursor = null;
    do {
      JsonNode r =
          McpHttp.post(
                  url(),
                  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\""
                      + (cursor == null ? "" : ",\"params\":{\"cursor\":\"" + cursor + "\"}")
                      + "}",
                  "MCP-Protocol-Version",
                  V)
              .json()
              .path("result");
      for (JsonNode t : r.path("tools")) {
        if (t.path("name").asString().equals(name)) {
          return t;
        }
      }
      cursor = r.has("nextCursor") ? r.get("nextCursor").asString() : null;
    } while (cursor != null);
    throw new AssertionError(name);
  }

  private JsonNode call(String tool, String args) throws Exception {
    return McpHttp.post(url(), McpHttp.call(1, tool, args), "MCP-Protocol-Version", V)
        .json()
        .path("result");
  }

  @Test
  void schemasCarryStageNamesAndTypedFields() throws Exception {
    start(Duration.ofSeconds(60));
    JsonNode update = tool("update_a_streak_box_by_id").path("inputSchema").path("properties");
    assertTrue(
        update
            .path("stage_key")
            .path("description")
            .asString()
            .contains("Sales: Verbal Agreement, Contract Sent"),
        update.toString());
    assertEquals(
        "[\"Junior\",\"Senior\"]",
        update.path("fields").path("properties").path("seniority").path("enum").toString());
    assertTrue(update.path("fields").path("properties").has("start_date"));
    assertEquals(
        "[\"Verbal Agreement\",\"Contract Sent\",\"Technical Interview\"]",
        update.path("stage").path("enum").toString(),
        "stage names as an enum");
  }

  @Test
  void aStageMoveAndAFieldUpdateByNameReachStreakAsKeys() throws Exception {
    start(Duration.ofSeconds(60));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(okJson("{\"key\":\"b1\",\"pipelineKey\":\"p1\",\"stageKey\":\"5001\"}")));
    streak.stubFor(
        post(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(
                okJson(
                    "{\"key\":\"b1\",\"pipelineKey\":\"p1\",\"stageKey\":\"5002\",\"fields\":{\"1003\":\"9002\"}}")));
    JsonNode result =
        call(
            "update_a_streak_box_by_id",
            "{\"box_key\":\"b1\","
                + "\"stage_key\":\"Contract Sent\",\"fields\":{\"seniority\":\"Senior\","
                + "\"Start Date\":\"2026-12-01\"}}");
    assertFalse(result.path("isError").asBoolean(), result.toString());
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/boxes/b1"))
            .withRequestBody(
                equalToJson(
                    "{\"stageKey\":\"5002\",\"fields\":{\"1003\":\"9002\",\"1004\":1796083200000}}")));
    assertEquals(
        "Senior",
        result.path("structuredContent").path("fields_by_name").path("Seniority").asString(),
        "reads show names and keep the keys");
    assertEquals("9002", result.path("structuredContent").path("fields").path("1003").asString());
    // Keys still work, and need no lookup of the box.
    streak.resetRequests();
    call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"stage_key\":\"5001\"}");
    streak.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/boxes/b1")));
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/boxes/b1"))
            .withRequestBody(equalToJson("{\"stageKey\":\"5001\"}")));
    // The enum form of a stage name reaches Streak as the same key.
    streak.resetRequests();
    call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"stage\":\"Verbal Agreement\"}");
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/boxes/b1"))
            .withRequestBody(equalToJson("{\"stageKey\":\"5001\"}")));
  }

  /**
   * With a stage by name, the pipeline may be given by name too, spaces and all: it is turned into
   * its key before the path is built, and only a name that matches no pipeline is refused.
   */
  @Test
  void aBoxIsCreatedInAPipelineAndStageGivenByName() throws Exception {
    start(Duration.ofSeconds(60));
    streak.stubFor(
        post(urlPathEqualTo("/api/v2/pipelines/p2/boxes"))
            .willReturn(okJson("{\"key\":\"b9\",\"pipelineKey\":\"p2\",\"stageKey\":\"6001\"}")));
    JsonNode created = createInterviewBox("Hiring Team");
    assertFalse(created.path("isError").asBoolean(), created.toString());
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v2/pipelines/p2/boxes"))
            .withRequestBody(equalToJson("{\"name\":\"Ada\",\"stageKey\":\"6001\"}")));
    JsonNode unknown = createInterviewBox("Hiring Tea");
    assertTrue(unknown.path("isError").asBoolean(), unknown.toString());
    assertTrue(
        unknown.path("content").get(0).path("text").asString().contains("`pipeline_key`"),
        unknown.toString());
    streak.verify(1, postRequestedFor(anyUrl()));
  }

  private JsonNode createInterviewBox(String pipeline) throws Exception {
    return call(
        "create_a_streak_box",
        "{\"pipeline_key\":\""
            + pipeline
            + "\",\"name\":\"Ada\",\"stage_key\":\"Technical Interview\"}");
  }

  /** A value set by field name goes to Streak in the field's type, not as the text given. */
  @Test
  void aFieldValueByNameReachesStreakInItsType() throws Exception {
    start(Duration.ofSeconds(60));
    boxInPipeline("b1", "p1");
    streak.stubFor(
        post(urlPathEqualTo("/api/v1/boxes/b1/fields/1004"))
            .willReturn(okJson("{\"key\":\"1004\",\"value\":1796083200000}")));
    JsonNode set =
        call(
            "update_a_streak_box_field_value_by_id",
            "{\"box_key\":\"b1\",\"field_key\":\"Start Date\",\"value\":\"2026-12-01\"}");
    assertFalse(set.path("isError").asBoolean(), set.toString());
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/boxes/b1/fields/1004"))
            .withRequestBody(equalToJson("{\"value\":1796083200000}")));
  }

  /**
   * A value of the wrong type is a tool error that says what the field takes, and nothing is
   * written: a number for a tag field had cleared every tag of the box.
   */
  @Test
  void aValueOfTheWrongTypeIsRefusedAndNothingIsWritten() throws Exception {
    start(Duration.ofSeconds(60));
    pipelines(
        ",{\"key\":\"1005\",\"name\":\"Products\",\"type\":\"TAG\","
            + "\"tagSettings\":{\"tags\":[{\"key\":\"9101\",\"tag\":\"CRM\"}]}},"
            + "{\"key\":\"1006\",\"name\":\"Signed\",\"type\":\"CHECKBOX\"},"
            + "{\"key\":\"1007\",\"name\":\"Deal Size\",\"type\":\"TEXT_INPUT\"},"
            + "{\"key\":\"1008\",\"name\":\"Deal-Size\",\"type\":\"TEXT_INPUT\"}",
        "");
    boxInPipeline("b1", "p1");
    Map<String, String> refused =
        Map.of(
            "{\"Products\":5}", "a tag field takes a list of tag names",
            "{\"Products\":\"\"}", "a tag field takes a list of tag names",
            "{\"Products\":[{\"x\":1}]}", "a tag field takes a list of tag names",
            "{\"Signed\":[1]}", "a checkbox takes true or false",
            "{\"Start Date\":{\"a\":1}}", "a date takes an ISO date",
            "{\"Deal Size\":{\"a\":1}}", "a text field takes a string",
            "{\"deal_size\":\"big\"}", "names several fields of pipeline Sales");
    for (Map.Entry<String, String> c : refused.entrySet()) {
      JsonNode result =
          call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"fields\":" + c.getKey() + "}");
      assertTrue(result.path("isError").asBoolean(), c.getKey() + " -> " + result);
      String text = result.path("content").get(0).path("text").asString();
      assertTrue(text.contains(c.getValue()), c.getKey() + " -> " + text);
    }
    streak.verify(0, postRequestedFor(anyUrl()));
  }

  /** A stage key passes through as it is, even one that two pipelines both use. */
  @Test
  void aStageKeyThatTwoPipelinesShareIsSentAsItIs() throws Exception {
    start(Duration.ofSeconds(60));
    pipelines("", ",\"5001\":{\"key\":\"5001\",\"name\":\"Phone Screen\"}");
    streak.stubFor(post(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
    JsonNode moved =
        call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"stage_key\":\"5001\"}");
    assertFalse(moved.path("isError").asBoolean(), moved.toString());
    streak.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/boxes/b1")));
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v1/boxes/b1"))
            .withRequestBody(equalToJson("{\"stageKey\":\"5001\"}")));
  }

  /**
   * A stage name is matched in the box's own pipeline only: when that cannot be read, the name is
   * refused rather than matched in some other pipeline.
   */
  @Test
  void aStageNameIsNotMatchedAcrossPipelinesWhenTheBoxCannotBeRead() throws Exception {
    start(Duration.ofSeconds(60));
    streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(aResponse().withStatus(503)));
    JsonNode moved =
        call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"stage_key\":\"Contract Sent\"}");
    assertTrue(moved.path("isError").asBoolean(), moved.toString());
    assertTrue(
        moved.path("content").get(0).path("text").asString().contains("could not be read"),
        moved.toString());
    streak.verify(0, postRequestedFor(anyUrl()));
  }

  /**
   * A stage added in Streak after the schema was read: refused while the schema is seconds old,
   * found once it is older, by one more read of the pipelines.
   */
  @Test
  void aStageAddedElsewhereIsFoundByReadingAnOlderSchemaAgain() throws Exception {
    start(Duration.ofSeconds(60));
    tool("create_a_streak_box"); // reads and caches the pipelines
    pipelines("", ",\"6002\":{\"key\":\"6002\",\"name\":\"Offer Made\"}");
    streak.stubFor(
        post(urlPathEqualTo("/api/v2/pipelines/p2/boxes")).willReturn(okJson("{\"key\":\"b9\"}")));
    String offer = "{\"pipeline_key\":\"p2\",\"name\":\"Ada\",\"stage_key\":\"Offer Made\"}";
    JsonNode early = call("create_a_streak_box", offer);
    assertTrue(early.path("isError").asBoolean(), "a schema just read is trusted: " + early);
    streak.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/pipelines")));
    clock.advance(Duration.ofSeconds(11));
    JsonNode created = call("create_a_streak_box", offer);
    assertFalse(created.path("isError").asBoolean(), created.toString());
    streak.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/pipelines")));
    streak.verify(
        postRequestedFor(urlPathEqualTo("/api/v2/pipelines/p2/boxes"))
            .withRequestBody(equalToJson("{\"name\":\"Ada\",\"stageKey\":\"6002\"}")));
  }

  private void boxInPipeline(String box, String pipeline) {
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/" + box))
            .willReturn(okJson("{\"key\":\"" + box + "\",\"pipelineKey\":\"" + pipeline + "\"}")));
  }

  @Test
  void anUnknownNameListsTheValidOnesAndReachesNoWrite() throws Exception {
    start(Duration.ofSeconds(60));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(okJson("{\"key\":\"b1\",\"pipelineKey\":\"p1\"}")));
    JsonNode stage =
        call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"stage_key\":\"Contract Signed\"}");
    assertTrue(stage.path("isError").asBoolean());
    assertTrue(
        stage
            .path("content")
            .get(0)
            .path("text")
            .asString()
            .contains("valid: Verbal Agreement, Contract Sent"),
        stage.toString());
    JsonNode item =
        call(
            "update_a_streak_box_by_id",
            "{\"box_key\":\"b1\",\"fields\":{\"seniority\":\"Principal\"}}");
    assertTrue(
        item.path("content").get(0).path("text").asString().contains("valid: Junior, Senior"));
    JsonNode field =
        call("update_a_streak_box_by_id", "{\"box_key\":\"b1\",\"fields\":{\"salary\":1}}");
    assertTrue(
        field
            .path("content")
            .get(0)
            .path("text")
            .asString()
            .contains("valid: Seniority, Start Date"));
    streak.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aPipelineThatGainsAFieldAndAStageShowsBothAndNotifies() throws Exception {
    start(Duration.ZERO);
    tool("update_a_streak_box_by_id");
    HttpRequest listen =
        HttpRequest.newBuilder(url()).header("Accept", "text/event-stream").GET().build();
    HttpResponse<InputStream> stream =
        McpHttp.send(listen, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      pipelines(
          ",{\"key\":\"1005\",\"name\":\"Region\",\"type\":\"TEXT_INPUT\"}",
          ",\"6002\":{\"key\":\"6002\",\"name\":\"Offer Made\"}");
      JsonNode update = tool("update_a_streak_box_by_id").path("inputSchema").path("properties");
      assertTrue(update.path("fields").path("properties").has("region"), update.toString());
      assertTrue(update.path("stage_key").path("description").asString().contains("Offer Made"));
      String data = null;
      for (String line; (line = events.readLine()) != null; ) {
        if (line.startsWith("data: ")) {
          data = line;
          break;
        }
      }
      assertTrue(data.contains("notifications/tools/list_changed"), data);
    }
  }

  @Test
  void aThousandToolsListCallsWithinOneTtlFetchThePipelinesOnce() throws Exception {
    start(Duration.ofSeconds(60));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        calls.add(
            () ->
                McpHttp.post(
                        url(),
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":null}}",
                        "MCP-Protocol-Version",
                        V)
                    .status());
      }
      for (Future<Integer> f : pool.invokeAll(calls)) {
        assertEquals(200, f.get());
      }
    } finally {
      pool.shutdown();
    }
    streak.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/pipelines")));
  }

  @Test
  void whenStreakFailsToolsListStillWorksWithANote() throws Exception {
    start(Duration.ofSeconds(60));
    streak.stubFor(
        get(urlPathEqualTo("/api/v1/pipelines")).willReturn(aResponse().withStatus(429)));
    JsonNode stage =
        tool("list_all_streak_boxes").path("inputSchema").path("properties").path("stage_key");
    assertTrue(stage.path("description").asString().contains("unavailable"), stage.toString());
    // A failure is not kept for the whole TTL: seconds later, the pipelines are read again.
    pipelines("", "");
    clock.advance(Duration.ofSeconds(6));
    JsonNode again =
        tool("list_all_streak_boxes").path("inputSchema").path("properties").path("stage_key");
    assertTrue(again.path("description").asString().contains("Contract Sent"), again.toString());
  }

  @Test
  void ourOwnStageCreationRefreshesTheSchemaAtOnce() throws Exception {
    start(Duration.ofSeconds(60));
    tool("update_a_streak_box_by_id");
    pipelines("", ",\"6002\":{\"key\":\"6002\",\"name\":\"Offer Made\"}");
    streak.stubFor(
        post(urlPathEqualTo("/api/v2/pipelines/p2/stages"))
            .willReturn(okJson("{\"key\":\"6002\",\"name\":\"Offer Made\"}")));
    call("create_a_streak_stage", "{\"pipeline_key\":\"p2\",\"name\":\"Offer Made\"}");
    assertTrue(
        tool("update_a_streak_box_by_id")
            .path("inputSchema")
            .path("properties")
            .path("stage_key")
            .path("description")
            .asString()
            .contains("Offer Made"));
  }
}
