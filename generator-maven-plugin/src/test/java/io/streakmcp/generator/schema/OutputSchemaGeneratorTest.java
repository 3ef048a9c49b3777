package io.streakmcp.generator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.support.Models;
import io.streakmcp.generator.text.DescriptionRenderer;
import io.streakmcp.generator.text.ToolText;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutputSchemaGeneratorTest {
  @TempDir static Path work;
  static ToolSet tools;
  final OutputSchemaGenerator generator = new OutputSchemaGenerator();

  @BeforeAll
  static void load() throws Exception {
    tools = Models.tiny(work);
  }

  private JsonNode schema(String tool) {
    ToolText text = new DescriptionRenderer().render(Models.tool(tools, tool));
    return generator.generate(Models.tool(tools, tool), text).orElseThrow();
  }

  @Test
  void listResultsAreWrappedWithACursor() {
    JsonNode schema = schema("list_all_streak_widgets");
    assertEquals("object", schema.get("type").asString(), "MCP wants an object root");
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"result\":{\"type\":\"array\",\"items\":"
            + "{\"type\":[\"object\",\"null\"],\"properties\":{\"key\":{\"type\":[\"string\","
            + "\"null\"]}}}},\"next_cursor\":{\"type\":\"string\",\"description\":"
            + "\"Present when more results exist; pass it back as next_cursor.\"}},"
            + "\"required\":[\"result\"]}",
        CanonicalJson.compact(schema.get("anyOf").get(0)));
  }

  @Test
  void objectResponsesAdmitNullFields() {
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"key\":{\"type\":[\"string\",\"null\"]},"
            + "\"name\":{\"type\":[\"string\",\"null\"]}}}",
        CanonicalJson.compact(schema("get_single_streak_widget_by_id").get("anyOf").get(0)));
  }

  @Test
  void everyResultAlsoAdmitsAToolError() {
    JsonNode error = schema("get_single_streak_widget_by_id").get("anyOf").get(1);
    assertEquals("[\"error\"]", CanonicalJson.compact(error.get("required")));
    assertTrue(error.get("properties").has("retry_after"));
    assertTrue(error.get("properties").get("ratelimit").get("properties").has("reset"));
  }

  @Test
  void nullableAddsNullToEnumsToo() {
    JsonNode enumSchema = JsonMapper.shared().readTree("{\"type\":\"string\",\"enum\":[\"DONE\"]}");
    assertEquals(
        "{\"type\":[\"string\",\"null\"],\"enum\":[\"DONE\",null]}",
        CanonicalJson.compact(OutputSchemaGenerator.nullable(enumSchema)));
  }

  @Test
  void noResponseMeansNoOutputSchema() {
    ToolText text =
        new DescriptionRenderer().render(Models.tool(tools, "echo_streak_hostile_text"));
    assertTrue(generator.generate(Models.tool(tools, "echo_streak_hostile_text"), text).isEmpty());
  }

  @Test
  void pagedToolsGetLimitAndCursorInTheirInputSchema() {
    var model = Models.tool(tools, "list_all_streak_widgets");
    var input = new InputSchemaGenerator().generate(model, new DescriptionRenderer().render(model));
    var limit = input.get("properties").get("limit");
    assertEquals("integer", limit.get("type").asString());
    assertEquals(1, limit.get("minimum").asInt());
    assertEquals(100, limit.get("maximum").asInt());
    assertEquals("string", input.get("properties").get("next_cursor").get("type").asString());
    assertEquals("[\"pipeline_key\"]", CanonicalJson.compact(input.get("required")));
  }
}
