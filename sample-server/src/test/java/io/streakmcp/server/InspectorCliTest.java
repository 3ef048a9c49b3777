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

/** The MCP Inspector CLI lists and calls tools over Streamable HTTP, SSE and stdio. */
class InspectorCliTest extends WithTestServer {
  @BeforeAll
  static void prepare() {
    NodeClients.assumeInstalled();
    StreakStubs.pipelinesAndABox(server.streak);
  }

  private static List<String> target(String transport) {
    return switch (transport) {
      case "http" -> List.of("http", server.mcpUrl().toString());
      case "sse" -> List.of("sse", server.mcpUrl() + "/sse");
      default ->
          List.of(
              "stdio",
              String.join(
                  " ",
                  NodeClients.stdioServer(server.streak.baseUrl() + "/api").stream()
                      .map(a -> "'" + a + "'")
                      .toList()));
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "sse", "stdio"})
  void listsAndCallsTools(String transport) throws Exception {
    List<String> list = new ArrayList<>(List.of("bash", "inspector.sh"));
    list.addAll(target(transport));
    list.add("tools/list");
    NodeClients.Run listed = NodeClients.run(list);
    assertEquals(0, listed.exit(), listed.stderr() + listed.stdout());
    JsonNode tools = JsonMapper.shared().readTree(listed.stdout()).path("result").path("tools");
    assertEquals(StreakToolRegistry.TOOL_COUNT, tools.size(), "the Inspector follows nextCursor");

    List<String> call = new ArrayList<>(List.of("bash", "inspector.sh"));
    call.addAll(target(transport));
    call.addAll(
        List.of(
            "tools/call",
            "get_single_streak_box_by_id",
            "--tool-args-json",
            "{\"box_key\":\"b1\"}"));
    NodeClients.Run called = NodeClients.run(call);
    assertEquals(0, called.exit(), called.stderr() + called.stdout());
    assertTrue(called.stdout().contains("Acme Corp Renewal"), called.stdout());
  }
}
