package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every structuredContent the server returns, results and tool errors alike, conforms to the
 * outputSchema it serves: clients such as the TypeScript SDK reject the call otherwise.
 */
class OutputSchemaConformanceTest extends WithTestServer {

  @BeforeEach
  void stubs() {
    server.streak.resetAll();
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/tasks/t-null"))
            .willReturn(
                okJson(
                    "{\"key\":\"t-null\",\"text\":null,\"status\":null,\"dueDate\":null,\"assignedTo\":null}")));
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/tasks/t-429"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/tasks/t-404"))
            .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"no task\"}")));
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/tasks/t-500"))
            .willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
    server.streak.stubFor(
        get(urlPathEqualTo("/api/v2/boxes/b1/tasks"))
            .willReturn(
                okJson(
                    "{\"results\":[{\"key\":\"t1\",\"status\":\"DONE\",\"text\":null}],\"hasNextPage\":false}")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "get_single_streak_task_by_id|{\"task_key\":\"t-null\"}|false",
        "get_single_streak_task_by_id|{\"task_key\":\"t-429\"}|true",
        "get_single_streak_task_by_id|{\"task_key\":\"t-404\"}|true",
        "get_single_streak_task_by_id|{\"task_key\":\"t-500\"}|true",
        "get_single_streak_task_by_id|{}|true",
        "list_all_streak_box_tasks|{\"box_key\":\"b1\"}|false",
        "list_all_streak_box_tasks|{\"box_key\":\"b1\",\"next_cursor\":\"forged\"}|true",
      })
  void structuredContentConformsToTheServedOutputSchema(String tool, String args, boolean error)
      throws Exception {
    var call =
        McpHttp.post(
            server.mcpUrl(), McpHttp.call(1, tool, args), "MCP-Protocol-Version", "2025-11-25");
    JsonNode result = call.json().path("result");
    assertEquals(error, result.path("isError").asBoolean(), result.toString());
    JsonNode outputSchema = outputSchema(tool);
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(outputSchema.toString(), InputFormat.JSON);
    var problems = schema.validate(result.path("structuredContent"));
    assertTrue(problems.isEmpty(), problems + " for " + result.path("structuredContent"));
  }

  private static JsonNode outputSchema(String tool) throws Exception {
    String cursor = null;
    do {
      String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
      JsonNode page =
          McpHttp.post(
                  server.mcpUrl(),
                  "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":"
                      + params
                      + "}",
                  "MCP-Protocol-Version",
                  "2025-11-25")
              .json()
              .path("result");
      for (JsonNode t : page.path("tools")) {
        if (t.path("name").asString().equals(tool)) {
          return t.path("outputSchema");
        }
      }
      cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
    } while (cursor != null);
    throw new AssertionError("no tool " + tool);
  }
}
