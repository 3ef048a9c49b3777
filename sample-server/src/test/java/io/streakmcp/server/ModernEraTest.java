package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** 2026-07-28 on the same URL as the legacy revisions: stateless, checked headers, new codes. */
class ModernEraTest extends WithTestServer {

  @Test
  void discoverAnswersWithVersionsCapabilitiesAndCacheHints() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(1, "server/discover", "{}"),
            Modern.headers("server/discover", null));
    assertEquals(200, a.status(), a.body());
    var r = a.json().path("result");
    assertEquals("2026-07-28", r.path("supportedVersions").get(0).asString());
    assertTrue(r.path("capabilities").path("tools").path("listChanged").asBoolean());
    assertEquals("complete", r.path("resultType").asString());
    assertEquals("private", r.path("cacheScope").asString());
    assertTrue(r.path("ttlMs").isIntegralNumber());
    assertEquals(
        "streak-mcp",
        r.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asString());
    assertNull(a.header("mcp-session-id"), "modern requests mint no session");
  }

  @Test
  void toolsListAndCallWithoutAnyHandshake() throws Exception {
    var list =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(1, "tools/list", "{}"),
            Modern.headers("tools/list", null));
    assertEquals(50, list.json().path("result").path("tools").size());
    assertTrue(list.json().path("result").has("nextCursor"));
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/users/me"))
            .willReturn(okJson("{\"key\":\"u1\",\"email\":\"a@b.c\"}")));
    var call =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(
                2, "tools/call", "{\"name\":\"get_streak_current_user\",\"arguments\":{}}"),
            Modern.headers("tools/call", "get_streak_current_user"));
    assertEquals(200, call.status(), call.body());
    assertEquals("u1", call.json().path("result").path("structuredContent").path("key").asString());
    assertEquals("complete", call.json().path("result").path("resultType").asString());
    assertEquals(
        "streak-mcp",
        call.json()
            .path("result")
            .path("_meta")
            .path("io.modelcontextprotocol/serverInfo")
            .path("name")
            .asString());
    assertEquals(
        "streak-mcp",
        list.json()
            .path("result")
            .path("_meta")
            .path("io.modelcontextprotocol/serverInfo")
            .path("name")
            .asString());
  }

  @Test
  void headersThatDisagreeWithTheBodyAre32020() throws Exception {
    var missing =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(1, "tools/list", "{}"),
            "MCP-Protocol-Version",
            "2026-07-28");
    assertEquals(400, missing.status());
    assertEquals(-32020, missing.json().path("error").path("code").asInt());
    var wrongName =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(2, "tools/call", "{\"name\":\"get_streak_current_user\"}"),
            Modern.headers("tools/call", "delete_a_streak_box_by_id"));
    assertEquals(-32020, wrongName.json().path("error").path("code").asInt());
    var encoded =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(3, "tools/list", "{}"),
            "MCP-Protocol-Version",
            "2026-07-28",
            "Mcp-Method",
            "=?base64?"
                + java.util.Base64.getEncoder()
                    .encodeToString("tools/list".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "?=");
    assertEquals(200, encoded.status(), "base64-encoded header values are decoded");
  }

  @Test
  void unsupportedVersionIs32022WithTheSupportedList() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(1, "tools/list", "{}").replace("2026-07-28", "2099-01-01"),
            "MCP-Protocol-Version",
            "2099-01-01",
            "Mcp-Method",
            "tools/list");
    assertEquals(400, a.status());
    assertEquals(-32022, a.json().path("error").path("code").asInt());
    assertEquals(
        "2026-07-28", a.json().path("error").path("data").path("supported").get(0).asString());
    assertEquals("2099-01-01", a.json().path("error").path("data").path("requested").asString());
  }

  @Test
  void missingClientCapabilitiesIs32602With400() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
            Modern.headers("tools/list", null));
    assertEquals(400, a.status());
    assertEquals(-32602, a.json().path("error").path("code").asInt());
  }

  @Test
  void pingAndInitializeStyleMethodsDoNotExistInModern() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(), Modern.request(1, "ping", "{}"), Modern.headers("ping", null));
    assertEquals(404, a.status());
    assertEquals(-32601, a.json().path("error").path("code").asInt());
  }
}
