package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.ServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Edge cases found in review, each pinned by a test over real HTTP. */
class ReviewedEdgesTest extends WithTestServer {
  static final String V = "2025-11-25";

  @BeforeEach
  void reset() {
    server.streak.resetAll();
  }

  private static JsonNode call(String tool, String args) throws Exception {
    return McpHttp.post(server.mcpUrl(), McpHttp.call(1, tool, args), "MCP-Protocol-Version", V)
        .json();
  }

  @Test
  void aCursorFromOneServerIsRefusedByAnother() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines/p1/stages"))
            .willReturn(okJson("{\"1\":{\"key\":\"1\"},\"2\":{\"key\":\"2\"}}")));
    String cursor =
        call("list_all_streak_stages", "{\"pipeline_key\":\"p1\",\"limit\":1}")
            .path("result")
            .path("structuredContent")
            .path("next_cursor")
            .asString();
    StreakClient client = StreakStubs.client(server.streak, "other-key");
    McpServerContext other =
        new McpServerContext("server-2", ToolCatalog.of(new StreakToolRegistry()), client);
    try (McpHttpServer second =
        new McpHttpServer(
                t -> Optional.of(other),
                McpRuntime.engine(ServerInfo.streak("t"), TestServer.SECRET, Clock.systemUTC()),
                HttpServerConfig.loopback(0, TestServer.SECRET),
                null)
            .start()) {
      server.streak.resetRequests();
      var a =
          McpHttp.post(
              URI.create("http://127.0.0.1:" + second.port() + "/mcp/any-token-0000"),
              McpHttp.call(
                  1,
                  "list_all_streak_stages",
                  "{\"pipeline_key\":\"p1\",\"next_cursor\":\"" + cursor + "\"}"),
              "MCP-Protocol-Version",
              V);
      JsonNode result = a.json().path("result");
      assertTrue(result.path("isError").asBoolean(), a.body());
      assertTrue(
          result
              .path("content")
              .get(0)
              .path("text")
              .asString()
              .contains("another tool or MCP server"));
      assertEquals(0, server.streak.getAllServeEvents().size());
    }
  }

  @Test
  void emptyAndDotKeysAreToolErrorsNotBugs() throws Exception {
    for (String key : new String[] {"", " ", ".", ".."}) {
      JsonNode result =
          call("get_single_streak_box_by_id", "{\"box_key\":\"" + key + "\"}").path("result");
      assertTrue(result.path("isError").asBoolean(), key);
      assertEquals("invalid_arguments", result.path("structuredContent").path("error").asString());
    }
    assertEquals(0, server.streak.getAllServeEvents().size());
  }

  @Test
  void wrongJsonTypesInTheEnvelopeAreClientErrorsWithTheirId() throws Exception {
    var method = McpHttp.post(server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":{}}");
    assertEquals(-32600, method.json().path("error").path("code").asInt());
    assertEquals(5, method.json().path("id").asInt());
    var cursor =
        McpHttp.post(
            server.mcpUrl(),
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\",\"params\":{\"cursor\":{}}}");
    assertEquals(-32602, cursor.json().path("error").path("code").asInt());
    assertEquals(6, cursor.json().path("id").asInt());
    var name =
        McpHttp.post(
            server.mcpUrl(),
            Modern.request(7, "tools/call", "{\"name\":{}}"),
            Modern.headers("tools/call", "x"));
    assertNotEquals(-32603, name.json().path("error").path("code").asInt(), name.body());
    assertEquals(7, name.json().path("id").asInt());
  }

  @Test
  void aBugAnswersInternalErrorWithAReferenceAndNoDetail() throws Exception {
    ServerResolver broken =
        token -> {
          throw new IllegalStateException("store unreachable: jdbc:postgresql://db/secret-detail");
        };
    try (McpHttpServer failing =
        new McpHttpServer(
                broken,
                McpRuntime.engine(ServerInfo.streak("t"), TestServer.SECRET, Clock.systemUTC()),
                HttpServerConfig.loopback(0, TestServer.SECRET),
                null)
            .start()) {
      var a =
          McpHttp.post(
              URI.create("http://127.0.0.1:" + failing.port() + "/mcp/some-token-00"),
              McpHttp.initialize(V));
      assertEquals(200, a.status());
      assertEquals(-32603, a.json().path("error").path("code").asInt());
      assertTrue(
          a.json()
              .path("error")
              .path("message")
              .asString()
              .matches("Internal error \\(ref [0-9a-f]{8}\\)"),
          a.body());
      assertFalse(a.body().contains("secret-detail"));
      assertFalse(a.body().contains("IllegalStateException"));
    }
  }

  @Test
  void streak5xxRedirectAndSlowBodiesBecomeClearToolErrors() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b500"))
            .willReturn(
                aResponse().withStatus(503).withBody("<html><h1>Service Unavailable</h1></html>")));
    JsonNode r503 = call("get_single_streak_box_by_id", "{\"box_key\":\"b500\"}").path("result");
    assertEquals(503, r503.path("structuredContent").path("status").asInt());
    assertEquals("Service Unavailable", r503.path("structuredContent").path("message").asString());
    assertTrue(r503.path("structuredContent").path("hint").asString().contains("try again"));

    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b302"))
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));
    JsonNode r302 = call("get_single_streak_box_by_id", "{\"box_key\":\"b302\"}").path("result");
    assertTrue(r302.path("structuredContent").path("hint").asString().contains("base URL"));

    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/slow"))
            .willReturn(
                okJson("{\"key\":\"slow\",\"notes\":\"" + "x".repeat(2000) + "\"}")
                    .withChunkedDribbleDelay(20, 6000)));
    JsonNode slow = call("get_single_streak_box_by_id", "{\"box_key\":\"slow\"}").path("result");
    assertEquals("streak_unavailable", slow.path("structuredContent").path("error").asString());
    assertTrue(slow.path("content").get(0).path("text").asString().contains("within 2 s"));
  }

  @Test
  void a429WithoutHeadersInventsNoHeaderValues() throws Exception {
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/pipelines")).willReturn(aResponse().withStatus(429)));
    var a =
        McpHttp.post(
            server.mcpUrl(),
            McpHttp.call(1, "list_all_streak_pipelines", "{}"),
            "MCP-Protocol-Version",
            V);
    JsonNode s = a.json().path("result").path("structuredContent");
    assertEquals(429, s.path("status").asInt());
    assertEquals(1, s.path("retry_after").asInt());
    assertTrue(s.path("ratelimit").path("limit").isNull());
    assertNull(a.header("ratelimit-limit"));
    assertNull(a.header("ratelimit-remaining"));
  }

  @Test
  void searchPagesAreBoundedByLimit() throws Exception {
    StringBuilder boxes = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      boxes.append(i > 0 ? "," : "").append("{\"boxKey\":\"b").append(i).append("\"}");
    }
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/search"))
            .willReturn(
                okJson(
                    "{\"results\":{\"boxes\":["
                        + boxes
                        + "],\"contacts\":[],\"orgs\":[]},\"page\":0}")));
    JsonNode s =
        call("search_streak_crm", "{\"query\":\"acme\",\"limit\":5}")
            .path("result")
            .path("structuredContent");
    assertEquals(5, s.path("results").path("boxes").size());
    assertTrue(s.has("next_cursor"));
  }

  @Test
  void aSessionWithADisagreeingVersionHeaderIs400() throws Exception {
    var init = McpHttp.post(server.mcpUrl(), McpHttp.initialize("2025-06-18"));
    var a =
        McpHttp.post(
            server.mcpUrl(),
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
            "Mcp-Session-Id",
            init.header("mcp-session-id"),
            "MCP-Protocol-Version",
            "1999-01-01");
    assertEquals(400, a.status());
  }

  @Test
  void initializeCannotHideInABatch() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(),
            "[" + McpHttp.initialize("2025-03-26") + "]",
            "MCP-Protocol-Version",
            "2025-03-26");
    assertEquals(-32600, a.json().get(0).path("error").path("code").asInt());
    assertNull(a.header("mcp-session-id"));
  }

  @Test
  void aClientThatAcceptsOnlyEventsGetsAnEventStreamAnswer() throws Exception {
    var a = McpHttp.post(server.mcpUrl(), McpHttp.initialize(V), "Accept", "text/event-stream");
    assertEquals(200, a.status());
    assertEquals("text/event-stream", a.header("content-type"));
    assertTrue(
        a.body().startsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1"), a.body());
  }

  @Test
  void eachRevisionGetsOnlyTheToolFieldsItKnows() throws Exception {
    JsonNode old =
        McpHttp.post(
                server.mcpUrl(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "MCP-Protocol-Version",
                "2024-11-05")
            .json()
            .path("result")
            .path("tools")
            .get(0);
    assertFalse(
        old.has("title") || old.has("annotations") || old.has("outputSchema"), old.toString());
    JsonNode mid =
        McpHttp.post(
                server.mcpUrl(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "MCP-Protocol-Version",
                "2025-03-26")
            .json()
            .path("result")
            .path("tools")
            .get(0);
    assertTrue(mid.has("annotations"));
    assertFalse(mid.has("title") || mid.has("outputSchema"));
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
    JsonNode call =
        McpHttp.post(
                server.mcpUrl(),
                McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"b1\"}"),
                "MCP-Protocol-Version",
                "2024-11-05")
            .json()
            .path("result");
    assertFalse(call.has("structuredContent"));
    assertTrue(call.path("content").get(0).path("text").asString().contains("b1"));
  }

  @Test
  void theServeCommandRefusesAReboundHostName() {
    Options loopback =
        new Options(java.util.List.of(), java.util.Set.of("allowed-hosts"), Map.of());
    assertEquals(HttpServerConfig.LOOPBACK_HOSTS, Main.allowedHosts(loopback, "127.0.0.1"));
    assertEquals(java.util.Set.of(), Main.allowedHosts(loopback, "0.0.0.0"));
    Options listed =
        new Options(
            java.util.List.of("--allowed-hosts", "mcp.example.com, a.b"),
            java.util.Set.of("allowed-hosts"),
            Map.of());
    assertEquals(java.util.Set.of("mcp.example.com", "a.b"), Main.allowedHosts(listed, "0.0.0.0"));
  }

  @Test
  void theSchemaTtlIsConfigurableAndABadOneSaysWhatIsValid() {
    java.util.Set<String> known = java.util.Set.of("schema-ttl");
    assertEquals(
        java.time.Duration.ofSeconds(60),
        Main.schemaTtl(new Options(java.util.List.of(), known, Map.of())));
    assertEquals(
        java.time.Duration.ofSeconds(5),
        Main.schemaTtl(
            new Options(java.util.List.of(), known, Map.of("STREAK_MCP_SCHEMA_TTL", "5"))));
    Options bad = new Options(java.util.List.of("--schema-ttl", "1m"), known, Map.of());
    Options.UsageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Options.UsageException.class, () -> Main.schemaTtl(bad));
    assertTrue(e.getMessage().contains("from 0 to 86400, got 1m"), e.getMessage());
  }

  @Test
  void theStreakTimeoutIsConfigurableAndABadOneSaysWhatIsValid() {
    java.util.Set<String> known = java.util.Set.of("streak-timeout");
    assertEquals(
        java.time.Duration.ofSeconds(30),
        Main.streakTimeout(new Options(java.util.List.of(), known, Map.of())));
    assertEquals(
        java.time.Duration.ofSeconds(5),
        Main.streakTimeout(
            new Options(java.util.List.of("--streak-timeout", "5"), known, Map.of())));
    for (String bad : new String[] {"0", "301", "2.5"}) {
      Options o = new Options(java.util.List.of(), known, Map.of("STREAK_MCP_STREAK_TIMEOUT", bad));
      Options.UsageException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              Options.UsageException.class, () -> Main.streakTimeout(o));
      assertTrue(e.getMessage().contains("from 1 to 300, got " + bad), e.getMessage());
    }
  }

  @Test
  void stdioOffersOnlyTheToolsItsMethodsAndTagsSelect() {
    java.util.Set<String> known = java.util.Set.of("methods", "tags");
    int all = Main.stdioCatalog(new Options(java.util.List.of(), known, Map.of())).size();
    var reads =
        Main.stdioCatalog(
            new Options(
                java.util.List.of("--methods", "read", "--tags", "boxes"), known, Map.of()));
    assertTrue(reads.size() > 0 && reads.size() < all, reads.size() + " of " + all);
    reads
        .all()
        .forEach(
            t -> {
              assertTrue(t.definition().tags().contains("boxes"), t.name());
              assertFalse(t.definition().kind().isWrite(), t.name());
            });
    Options bad = new Options(java.util.List.of("--tags", "boxs"), known, Map.of());
    Options.UsageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Options.UsageException.class, () -> Main.stdioCatalog(bad));
    assertTrue(e.getMessage().startsWith("--tags: unknown [boxs]; valid: "), e.getMessage());
    assertTrue(e.getMessage().contains("boxes"), e.getMessage());
  }

  @Test
  void aCallInFlightWhenTheServerStopsStillGetsItsResult() throws Exception {
    TestServer own = new TestServer(Duration.ofSeconds(10));
    try {
      own.streak.stubFor(
          com.github.tomakehurst.wiremock.client.WireMock.get(
                  com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                      "/api/v2/pipelines"))
              .willReturn(
                  com.github.tomakehurst.wiremock.client.WireMock.okJson("[]")
                      .withFixedDelay(1500)));
      java.util.concurrent.CompletableFuture<McpHttp.Answer> call =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return McpHttp.post(
                      own.mcpUrl(),
                      McpHttp.call(1, "list_all_streak_pipelines", "{}"),
                      "MCP-Protocol-Version",
                      "2025-11-25");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // Stop once Streak has the request, i.e. while the call is in flight.
      while (own.streak.getAllServeEvents().isEmpty()) {
        Thread.sleep(20);
      }
      own.http.close();
      McpHttp.Answer answer = call.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, answer.status());
      assertFalse(answer.json().path("result").path("isError").asBoolean(), answer.body());
    } finally {
      own.streak.stop();
    }
  }
}
