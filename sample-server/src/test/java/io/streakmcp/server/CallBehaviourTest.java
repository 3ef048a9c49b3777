package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** tools/call against WireMock: paging to the end, 429 pass-through, path safety, cursors. */
class CallBehaviourTest extends WithTestServer {
  static final String V = "2025-11-25";

  @BeforeEach
  void reset() {
    server.streak.resetAll();
  }

  private static JsonNode call(String tool, String arguments) throws Exception {
    var a =
        McpHttp.post(server.mcpUrl(), McpHttp.call(1, tool, arguments), "MCP-Protocol-Version", V);
    assertEquals(200, a.status(), a.body());
    return a.json().path("result");
  }

  /** Streak's page/limit paging, 7 boxes in pages of 3: the cursor walks 3 + 3 + 1 and stops. */
  @Test
  void walksAMultiPageListToItsEndThroughNextCursor() throws Exception {
    for (int page = 0; page < 3; page++) {
      StringBuilder items = new StringBuilder();
      for (int i = page * 3; i < Math.min(7, page * 3 + 3); i++) {
        items.append(i > page * 3 ? "," : "").append("{\"key\":\"b").append(i).append("\"}");
      }
      server.streak.stubFor(
          get(urlPathEqualTo("/api/v1/pipelines/p1/boxes"))
              .withQueryParam("page", equalTo(Integer.toString(page)))
              .withQueryParam("limit", equalTo("3"))
              .willReturn(
                  okJson("{\"results\":[" + items + "],\"hasNextPage\":" + (page < 2) + "}")));
    }
    List<String> keys = new ArrayList<>();
    String cursor = null;
    int calls = 0;
    do {
      String args =
          "{\"pipeline_key\":\"p1\",\"limit\":3"
              + (cursor == null ? "" : ",\"next_cursor\":\"" + cursor + "\"")
              + "}";
      JsonNode result = call("list_all_streak_boxes", args);
      assertFalse(result.path("isError").asBoolean(), result.toString());
      JsonNode structured = result.path("structuredContent");
      assertTrue(structured.path("result").size() <= 3, "every page is bounded by limit");
      structured.path("result").forEach(b -> keys.add(b.path("key").asString()));
      cursor = structured.has("next_cursor") ? structured.get("next_cursor").asString() : null;
      assertTrue(++calls <= 5, "the walk must end");
    } while (cursor != null);
    assertEquals(List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6"), keys);
    assertEquals(3, calls);
  }

  /** Stages come as one {key: stage} map; the runtime pages it itself. */
  @Test
  void pagesAnUnpagedKeyedMapItself() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines/p1/stages"))
            .willReturn(
                okJson(
                    "{\"5001\":{\"key\":\"5001\",\"name\":\"Lead\"},\"5002\":{\"key\":\"5002\",\"name\":\"Won\"},"
                        + "\"5003\":{\"key\":\"5003\",\"name\":\"Lost\"}}")));
    JsonNode first = call("list_all_streak_stages", "{\"pipeline_key\":\"p1\",\"limit\":2}");
    assertEquals(2, first.path("structuredContent").path("result").size());
    String cursor = first.path("structuredContent").path("next_cursor").asString();
    JsonNode second =
        call(
            "list_all_streak_stages",
            "{\"pipeline_key\":\"p1\",\"limit\":2,\"next_cursor\":\"" + cursor + "\"}");
    assertEquals(
        "Lost", second.path("structuredContent").path("result").get(0).path("name").asString());
    assertFalse(second.path("structuredContent").has("next_cursor"), "last page has no cursor");
  }

  @Test
  void aForgedOrStaleCursorIsAClearErrorAndReachesNoStreak() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines/p1/stages"))
            .willReturn(okJson("{\"1\":{\"key\":\"1\"},\"2\":{\"key\":\"2\"}}")));
    String cursor =
        call("list_all_streak_stages", "{\"pipeline_key\":\"p1\",\"limit\":1}")
            .path("structuredContent")
            .path("next_cursor")
            .asString();
    server.streak.resetRequests();
    JsonNode forged =
        call(
            "list_all_streak_stages",
            "{\"pipeline_key\":\"p1\",\"next_cursor\":\""
                + cursor.substring(0, cursor.length() - 2)
                + "xx\"}");
    assertTrue(forged.path("isError").asBoolean());
    assertEquals("invalid_cursor", forged.path("structuredContent").path("error").asString());
    JsonNode stale =
        call(
            "list_all_streak_stages",
            "{\"pipeline_key\":\"p2\",\"next_cursor\":\"" + cursor + "\"}");
    assertTrue(stale.path("content").get(0).path("text").asString().contains("other arguments"));
    assertEquals(0, server.streak.getAllServeEvents().size());
  }

  /** A 429 reaches Streak once, is not retried, and comes back in the result and the headers. */
  @Test
  void rateLimitReachesStreakOnceAndComesBackInResultAndHeaders() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withHeader("X-RateLimit-Limit", "600")
                    .withHeader("X-RateLimit-Remaining", "0")
                    .withHeader("X-RateLimit-Reset", "30")));
    var a =
        McpHttp.post(
            server.mcpUrl(),
            McpHttp.call(1, "list_all_streak_pipelines", "{}"),
            "MCP-Protocol-Version",
            V);
    server.streak.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/pipelines")));
    JsonNode s = a.json().path("result").path("structuredContent");
    assertTrue(a.json().path("result").path("isError").asBoolean());
    assertEquals(429, s.path("status").asInt());
    assertEquals(30, s.path("retry_after").asInt());
    assertEquals(600, s.path("ratelimit").path("limit").asInt());
    assertEquals(0, s.path("ratelimit").path("remaining").asInt());
    assertEquals(30, s.path("ratelimit").path("reset").asInt());
    assertEquals("600", a.header("ratelimit-limit"));
    assertEquals("0", a.header("ratelimit-remaining"));
    assertEquals("30", a.header("ratelimit-reset"));
    assertTrue(
        a.json()
            .path("result")
            .path("content")
            .get(0)
            .path("text")
            .asString()
            .contains("Wait 30 s"));
  }

  /** A key that tries to climb out of its path segment stays inside it. */
  @Test
  void aPathTraversalKeyNeverReachesAnotherRoute() throws Exception {
    server.streak.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    for (String key :
        List.of(
            "../../v1/users/me",
            "..",
            "a/../../users/me",
            "%2e%2e%2fusers",
            "b?x=1#y",
            "b\r\nX-Injected: 1")) {
      call(
          "get_single_streak_box_by_id",
          "{\"box_key\":"
              + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(key)
              + "}");
    }
    server.streak.verify(0, anyRequestedFor(urlPathMatching("/api/v1/users.*")));
    server
        .streak
        .getAllServeEvents()
        .forEach(
            e -> {
              String url = e.getRequest().getUrl();
              assertTrue(url.matches("/api/v1/boxes/[A-Za-z0-9%_~-]+"), url);
              assertNull(e.getRequest().getHeader("X-Injected"));
            });
    // None of them is a plain key, so all are refused before Streak (PathKeys); the encoding
    // above remains the second line of defence.
    assertEquals(0, server.streak.getAllServeEvents().size());
  }

  @Test
  void theApiKeyIsSentAsBasicAuthAndNeverReturned() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"error\":\"key " + TestServer.API_KEY + " is invalid\"}")));
    var a =
        McpHttp.post(
            server.mcpUrl(),
            McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"b1\"}"),
            "MCP-Protocol-Version",
            V);
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (TestServer.API_KEY + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    server.streak.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/boxes/b1"))
            .withHeader("Authorization", equalTo("Basic " + basic)));
    assertFalse(a.body().contains(TestServer.API_KEY), a.body());
    assertTrue(a.body().contains("[redacted]"));
  }

  /**
   * Long error messages are shortened for the model; a key that crosses the cut must not go through
   * in part, in JSON messages or in plain text.
   */
  @Test
  void aKeyAcrossTheCutOfALongErrorMessageIsNotReturnedInPart() throws Exception {
    String key = TestServer.API_KEY;
    for (int before = 280; before < 300; before += 3) {
      String text = "x".repeat(before) + key + " is not a valid key";
      for (String body : List.of("{\"error\":\"" + text + "\"}", text)) {
        server.streak.stubFor(
            get(urlPathEqualTo("/api/v1/boxes/b1"))
                .willReturn(aResponse().withStatus(400).withBody(body)));
        String answer =
            McpHttp.post(
                    server.mcpUrl(),
                    McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"b1\"}"),
                    "MCP-Protocol-Version",
                    V)
                .body();
        for (int i = 0; i + 6 <= key.length(); i++) {
          assertFalse(
              answer.contains(key.substring(i, i + 6)),
              "part of the key at " + before + ": " + answer);
        }
      }
    }
  }
}
