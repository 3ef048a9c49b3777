package io.streakmcp.generator.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.support.Models;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSchemaGeneratorTest {
  @TempDir static Path work;
  static ToolSet tools;
  final OutputSchemaGenerator generator = new OutputSchemaGenerator();

  @BeforeAll
  static void load() throws Exception {
    tools = Models.tiny(work);
  }

  private static io.streakmcp.generator.text.ToolText text(String tool) {
    return new io.streakmcp.generator.text.DescriptionRenderer().render(Models.tool(tools, tool));
  }

  @Test
  void listResultsAreWrappedWithACursor() {
    var schema =
        generator
            .generate(
                Models.tool(tools, "list_all_streak_widgets"), text("list_all_streak_widgets"))
            .orElseThrow();
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"result\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"}}}},"
            + "\"next_cursor\":{\"type\":\"string\",\"description\":"
            + "\"Present when more results exist; pass it back as next_cursor.\"}},"
            + "\"required\":[\"result\"]}",
        CanonicalJson.compact(schema));
  }

  @Test
  void objectResponsesPassThrough() {
    var schema =
        generator
            .generate(
                Models.tool(tools, "get_single_streak_widget_by_id"),
                text("get_single_streak_widget_by_id"))
            .orElseThrow();
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},"
            + "\"name\":{\"type\":\"string\"}}}",
        CanonicalJson.compact(schema));
  }

  @Test
  void noResponseMeansNoOutputSchema() {
    assertTrue(
        generator
            .generate(
                Models.tool(tools, "echo_streak_hostile_text"), text("echo_streak_hostile_text"))
            .isEmpty());
  }

  @Test
  void pagedToolsGetLimitAndCursorInTheirInputSchema() {
    var model = Models.tool(tools, "list_all_streak_widgets");
    var input =
        new InputSchemaGenerator()
            .generate(model, new io.streakmcp.generator.text.DescriptionRenderer().render(model));
    var limit = input.get("properties").get("limit");
    assertEquals("integer", limit.get("type").asString());
    assertEquals(1, limit.get("minimum").asInt());
    assertEquals(100, limit.get("maximum").asInt());
    assertEquals("string", input.get("properties").get("next_cursor").get("type").asString());
    assertEquals("[\"pipeline_key\"]", CanonicalJson.compact(input.get("required")));
  }
}
