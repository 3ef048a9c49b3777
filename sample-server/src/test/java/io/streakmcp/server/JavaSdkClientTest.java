package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.*;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official Java SDK client lists and calls tools over Streamable HTTP, SSE and stdio. */
class JavaSdkClientTest extends WithTestServer {
  @BeforeAll
  static void prepare() {
    StreakStubs.pipelinesAndABox(server.streak);
  }

  // HttpClientSseClientTransport is deprecated in the SDK, as HTTP+SSE is in the spec; servers
  // still owe it to older clients, so testing it is the point.
  @SuppressWarnings("deprecation")
  private static McpClientTransport transport(String kind) {
    String base = "http://127.0.0.1:" + server.http.port();
    String path = "/mcp/" + TestServer.TOKEN;
    return switch (kind) {
      case "http" -> HttpClientStreamableHttpTransport.builder(base).endpoint(path).build();
      case "sse" -> HttpClientSseClientTransport.builder(base).sseEndpoint(path + "/sse").build();
      default -> {
        List<String> command = NodeClients.stdioServer(server.streak.baseUrl() + "/api");
        yield new StdioClientTransport(
            ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .build(),
            McpJsonDefaults.getMapper());
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "sse", "stdio"})
  void listsAndCallsTools(String kind) {
    try (McpSyncClient client =
        McpClient.sync(transport(kind)).requestTimeout(Duration.ofSeconds(20)).build()) {
      McpSchema.InitializeResult init = client.initialize();
      assertEquals("streak-mcp", init.serverInfo().name());
      McpSchema.ListToolsResult tools = client.listTools();
      int count = tools.tools().size();
      String cursor = tools.nextCursor();
      while (cursor != null) {
        McpSchema.ListToolsResult page = client.listTools(cursor);
        count += page.tools().size();
        cursor = page.nextCursor();
      }
      assertEquals(StreakToolRegistry.TOOL_COUNT, count);
      McpSchema.CallToolResult result =
          client.callTool(
              McpSchema.CallToolRequest.builder("get_single_streak_box_by_id")
                  .arguments(Map.of("box_key", "b1"))
                  .build());
      assertNotEquals(Boolean.TRUE, result.isError());
      assertTrue(
          result.content().get(0).toString().contains("Acme Corp Renewal"), result.toString());
    }
  }
}
