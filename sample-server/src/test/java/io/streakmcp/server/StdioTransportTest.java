package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.StdioTransport;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** stdio: one message per line in, one per line out, nothing else on stdout. */
class StdioTransportTest {

  private static List<JsonNode> run(String input, int maxLine) throws Exception {
    StreakClient streak =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(1)),
            URI.create("http://127.0.0.1:9/api"),
            "k",
            Duration.ofSeconds(1),
            Clock.systemUTC());
    McpServerContext server =
        new McpServerContext("stdio", ToolCatalog.of(new StreakToolRegistry()), streak);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StdioTransport(
            McpRuntime.engine(ServerInfo.streak("t"), TestServer.SECRET, Clock.systemUTC()),
            server,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            out,
            maxLine)
        .run();
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .map(l -> JsonMapper.shared().readTree(l))
        .toList();
  }

  @Test
  void servesEachLineAndSkipsBlankOnes() throws Exception {
    List<JsonNode> out =
        run(
            McpHttp.initialize("2024-11-05")
                + "\n\n   \n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n",
            1 << 20);
    assertEquals(2, out.size(), "no answer to the notification or the blank lines");
    assertEquals("2024-11-05", out.get(0).path("result").path("protocolVersion").asString());
    JsonNode tool = out.get(1).path("result").path("tools").get(0);
    assertFalse(tool.has("title"), "the negotiated 2024-11-05 shapes later answers");
  }

  @Test
  void badLinesGetErrorsAndTheConnectionGoesOn() throws Exception {
    List<JsonNode> out =
        run(
            "{oops\n"
                + "x".repeat(200)
                + "\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\n",
            100);
    assertEquals(-32700, out.get(0).path("error").path("code").asInt());
    assertEquals(-32600, out.get(1).path("error").path("code").asInt(), "over the line limit");
    assertEquals(3, out.get(2).path("id").asInt());
  }

  @Test
  void aLastMessageWithoutItsNewlineIsStillAnswered() throws Exception {
    List<JsonNode> out =
        run(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
            1 << 20);
    assertEquals(2, out.size(), out.toString());
    assertEquals(2, out.get(1).path("id").asInt());
    assertEquals(
        -32600, run("x".repeat(200), 100).get(0).path("error").path("code").asInt(), "too long");
  }

  @Test
  void modernRequestsWorkWithoutHeaders() throws Exception {
    List<JsonNode> out = run(Modern.request(1, "server/discover", "{}") + "\n", 1 << 20);
    assertEquals(
        "2026-07-28", out.get(0).path("result").path("supportedVersions").get(0).asString());
  }

  @Test
  void aPipelineChangeIsAnnouncedOnStdioAfterInitialize() throws Exception {
    WireMockServer streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    streak.start();
    try {
      String before = "[" + String.format(LiveSchemaTest.SALES, "") + "]";
      String after =
          "["
              + String.format(
                  LiveSchemaTest.SALES,
                  ",{\"key\":\"1009\",\"name\":\"Budget\",\"type\":\"TEXT_INPUT\"}")
              + "]";
      // The first read sees one field; every later read sees a second one.
      streak.stubFor(
          get(urlPathEqualTo("/api/v1/pipelines"))
              .inScenario("pipelines")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(okJson(before))
              .willSetStateTo("changed"));
      streak.stubFor(
          get(urlPathEqualTo("/api/v1/pipelines"))
              .inScenario("pipelines")
              .whenScenarioStateIs("changed")
              .willReturn(okJson(after)));
      StreakClient client = StreakStubs.client(streak, "k");
      McpServerContext server =
          new McpServerContext("stdio", ToolCatalog.of(new StreakToolRegistry()), client);
      String list = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/list\"}\n";
      String input =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
              + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
              + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
              + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
              + String.format(list, 2)
              + String.format(list, 3);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new StdioTransport(
              McpRuntime.engine(
                  ServerInfo.streak("t"), TestServer.SECRET, Clock.systemUTC(), Duration.ZERO),
              server,
              new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
              out,
              1 << 20)
          .run();
      List<String> methods =
          out.toString(StandardCharsets.UTF_8)
              .lines()
              .map(l -> JsonMapper.shared().readTree(l))
              .map(m -> m.has("method") ? m.get("method").asString() : "#" + m.path("id"))
              .toList();
      assertEquals(List.of("#1", "#2", "notifications/tools/list_changed", "#3"), methods);
    } finally {
      streak.stop();
    }
  }
}
