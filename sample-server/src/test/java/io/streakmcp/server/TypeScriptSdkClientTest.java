package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.*;

import io.streakmcp.server.generated.StreakToolRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The official TypeScript SDK client lists and calls tools over every transport it has. */
class TypeScriptSdkClientTest extends WithTestServer {
  @BeforeAll
  static void prepare() {
    NodeClients.assumeInstalled();
    StreakStubs.pipelinesAndABox(server.streak);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "sse", "stdio"})
  void listsEveryToolAcrossPagesAndCallsThem(String transport) throws Exception {
    List<String> args = new ArrayList<>(List.of("ts-sdk-client.mjs", transport));
    switch (transport) {
      case "http" -> args.add(server.mcpUrl().toString());
      case "sse" -> args.add(server.mcpUrl() + "/sse");
      default -> args.addAll(NodeClients.stdioServer(server.streak.baseUrl() + "/api"));
    }
    args.addAll(
        List.of(
            "--call",
            "list_all_streak_pipelines",
            "{\"limit\":5}",
            "--call",
            "get_single_streak_box_by_id",
            "{\"box_key\":\"b1\"}"));
    NodeClients.Run run = NodeClients.node(args);
    assertEquals(0, run.exit(), run.stderr() + run.stdout());
    JsonNode out = JsonMapper.shared().readTree(run.stdout());
    assertEquals(
        StreakToolRegistry.TOOL_COUNT,
        out.path("toolCount").asInt(),
        "tools/list followed to the end");
    assertEquals("streak-mcp", out.path("serverInfo").path("name").asString());
    JsonNode pipelines = out.path("calls").get(0);
    assertFalse(pipelines.path("isError").asBoolean());
    assertEquals(
        "Sales", pipelines.path("structuredContent").path("result").get(0).path("name").asString());
    assertEquals(
        "Acme Corp Renewal",
        out.path("calls").get(1).path("structuredContent").path("name").asString());
  }
}
