package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One test per row of the error table in conventions.md (C11), over real HTTP. */
class ErrorTableTest extends WithTestServer {

  @BeforeEach
  void reset() {
    server.streak.resetAll();
  }

  @Test
  void bodyThatIsNotJsonIsAParseErrorWithNullId() throws Exception {
    var a = McpHttp.post(server.mcpUrl(), "{not json");
    assertEquals(400, a.status());
    assertEquals(-32700, a.json().path("error").path("code").asInt());
    assertTrue(a.json().get("id").isNull());
  }

  @Test
  void jsonThatIsNotOneJsonRpcMessageIsInvalidRequest() throws Exception {
    var a = McpHttp.post(server.mcpUrl(), "{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}");
    assertEquals(400, a.status());
    assertEquals(-32600, a.json().path("error").path("code").asInt());
    assertEquals(7, a.json().path("id").asInt(), "a readable id is echoed");
    var empty = McpHttp.post(server.mcpUrl(), "[]");
    assertEquals(-32600, empty.json().path("error").path("code").asInt());
  }

  @Test
  void acceptedNotificationHasNoBody() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertEquals(202, a.status());
    assertTrue(a.body().isEmpty());
  }

  @Test
  void unknownMethodIs32601With200OnLegacyAnd404OnModern() throws Exception {
    var legacy =
        McpHttp.post(
            server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}");
    assertEquals(200, legacy.status());
    assertEquals(-32601, legacy.json().path("error").path("code").asInt());
    var modern =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(2, "resources/list", "{}"),
            Modern.headers("resources/list", null));
    assertEquals(404, modern.status());
    assertEquals(-32601, modern.json().path("error").path("code").asInt());
  }

  @Test
  void unknownToolAndMalformedToolsCallAre32602() throws Exception {
    var unknown = McpHttp.post(server.mcpUrl(), McpHttp.call(1, "drop_all_tables", "{}"));
    assertEquals(200, unknown.status());
    assertEquals(-32602, unknown.json().path("error").path("code").asInt());
    var noParams =
        McpHttp.post(server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\"}");
    assertEquals(-32602, noParams.json().path("error").path("code").asInt());
    var badArgs =
        McpHttp.post(
            server.mcpUrl(),
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"get_single_streak_box_by_id\",\"arguments\":[1]}}");
    assertEquals(-32602, badArgs.json().path("error").path("code").asInt());
  }

  @Test
  void argumentsFailingTheSchemaNameEachFieldAndReachNoStreak() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(),
            McpHttp.call(
                1,
                "list_all_streak_boxes",
                "{\"limit\":500,\"sort_by\":\"name\",\"colour\":\"red\"}"));
    assertEquals(200, a.status());
    JsonNode result = a.json().path("result");
    assertTrue(result.path("isError").asBoolean());
    String text = result.path("content").get(0).path("text").asString();
    assertTrue(text.contains("`pipeline_key` is required"), text);
    assertTrue(text.contains("`limit` is 500; valid: an integer from 1 to 100"), text);
    assertTrue(text.contains("`sort_by`"), text);
    assertTrue(text.contains("`colour` is not an argument of this tool"), text);
    assertEquals(0, server.streak.getAllServeEvents().size(), "nothing reached Streak");
  }

  @Test
  void streakErrorsBecomeToolErrorsWithStatusMessageAndHint() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/nope"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":false,\"error\":\"existing entity does not exist\"}")));
    var a =
        McpHttp.post(
            server.mcpUrl(),
            McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"nope\"}"),
            "MCP-Protocol-Version",
            "2025-11-25");
    JsonNode result = a.json().path("result");
    assertTrue(result.path("isError").asBoolean());
    assertEquals(404, result.path("structuredContent").path("status").asInt());
    assertEquals(
        "existing entity does not exist",
        result.path("structuredContent").path("message").asString());
    assertTrue(
        result.path("structuredContent").path("hint").asString().contains("look the key up"));
  }

  @Test
  void rateLimitedIsAToolErrorWithRetryAndHeaders() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withHeader("X-RateLimit-Limit", "10")
                    .withHeader("X-RateLimit-Remaining", "0")));
    var a = McpHttp.post(server.mcpUrl(), McpHttp.call(1, "list_all_streak_pipelines", "{}"));
    assertEquals(200, a.status());
    assertEquals("7", a.header("ratelimit-reset"));
    assertTrue(a.json().path("result").path("isError").asBoolean());
  }

  @Test
  void foreignOriginIs403() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(), McpHttp.initialize("2025-06-18"), "Origin", "http://evil.example");
    assertEquals(403, a.status());
    var local =
        McpHttp.post(
            server.mcpUrl(), McpHttp.initialize("2025-06-18"), "Origin", "http://localhost:6274");
    assertEquals(200, local.status(), "loopback origins (the Inspector's page) pass");
  }

  @Test
  void aBugIsInternalErrorWithAReferenceAndNoDetail() throws Exception {
    // A Streak answer of JSON null for a list reaches code that expects an object or array;
    // whatever the internals do with it, the client must see a clean result or -32603.
    server.streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("null")));
    var a =
        McpHttp.post(
            server.mcpUrl(),
            McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"b1\"}"));
    assertEquals(200, a.status());
    JsonNode body = a.json();
    if (body.has("error")) {
      assertEquals(-32603, body.path("error").path("code").asInt());
      assertTrue(
          body.path("error")
              .path("message")
              .asString()
              .matches("Internal error \\(ref [0-9a-f]{8}\\)"));
    } else {
      assertFalse(
          body.path("result").path("content").get(0).path("text").asString().contains("Exception"));
    }
  }
}
