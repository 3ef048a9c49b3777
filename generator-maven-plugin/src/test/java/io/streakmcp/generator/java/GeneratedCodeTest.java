package io.streakmcp.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.Generator;
import io.streakmcp.generator.support.Fixtures;
import io.streakmcp.generator.support.Golden;
import io.streakmcp.generator.support.JavaCompilation;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.ArgumentLocation;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.StreakTool;
import io.streakmcp.runtime.tool.ToolDefinition;
import io.streakmcp.runtime.tool.ToolKind;
import io.streakmcp.runtime.tool.ToolRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the tiny fixture set, checks the golden files, compiles the output with {@code
 * -Xlint:all -Werror}, loads it and reads the tools back through the runtime contract.
 */
class GeneratedCodeTest {
  private static final String TOOLS = "com/example/streak/tools/";

  @TempDir static Path work;
  static Path sources;
  static Path resources;
  static ToolRegistry registry;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    Path docs = Fixtures.copy("tiny", work.resolve("docs"));
    var request = Fixtures.request(docs, work.resolve("out"));
    new Generator().generate(request);
    sources = request.outputs().sources();
    resources = request.outputs().resources();
    ClassLoader loader = JavaCompilation.compile(sources, resources, work.resolve("classes"));
    registry =
        (ToolRegistry)
            loader
                .loadClass("com.example.streak.StreakToolRegistry")
                .getDeclaredConstructor()
                .newInstance();
  }

  @Test
  void goldenPlainTool() throws Exception {
    Golden.assertMatches(
        "GetSingleStreakWidgetById.java",
        Files.readString(sources.resolve(TOOLS + "GetSingleStreakWidgetById.java")));
  }

  @Test
  void goldenPagedListTool() throws Exception {
    Golden.assertMatches(
        "ListAllStreakWidgets.java",
        Files.readString(sources.resolve(TOOLS + "ListAllStreakWidgets.java")));
  }

  @Test
  void goldenToolWithPathQueryAndBody() throws Exception {
    Golden.assertMatches(
        "UpdateAStreakWidgetById.java",
        Files.readString(sources.resolve(TOOLS + "UpdateAStreakWidgetById.java")));
  }

  @Test
  void goldenRegistry() throws Exception {
    Golden.assertMatches(
        "StreakToolRegistry.java",
        Files.readString(sources.resolve("com/example/streak/StreakToolRegistry.java")));
  }

  @Test
  void goldenSchema() throws Exception {
    Golden.assertMatches(
        "update_a_streak_widget_by_id.input.json",
        Files.readString(
            resources.resolve("streak-mcp/schemas/update_a_streak_widget_by_id.input.json")));
  }

  @Test
  void registryListsEveryToolSortedAndFindsThemByName() {
    List<String> names = registry.tools().stream().map(t -> t.definition().name()).toList();
    assertEquals(
        List.of(
            "echo_streak_hostile_text",
            "get_single_streak_widget_by_id",
            "list_all_streak_widgets",
            "update_a_streak_widget_by_id"),
        names);
    for (StreakTool tool : registry.tools()) {
      assertEquals(tool, registry.find(tool.definition().name()).orElseThrow());
    }
    assertTrue(registry.find("delete_a_streak_widget_by_id").isEmpty(), "undocumented: dropped");
    assertTrue(registry.find(null).isEmpty());
    assertTrue(registry.find("").isEmpty());
  }

  @Test
  void hostileTextSurvivesJavaSourceUnchanged() {
    ToolDefinition d = registry.find("echo_streak_hostile_text").orElseThrow().definition();
    assertEquals("Hostile */ \"quotes\" $L", d.title());
    assertEquals(
        "Ends a comment */ here, \\u002a/ escapes, a \"quote\", $S and $L formats, "
            + "@param tags, <b>html</b> & C:\\path\\ with unicode é 𝄞.",
        d.description());
    List<String> arguments =
        d.binding().arguments().stream().map(ArgumentBinding::argument).toList();
    assertEquals(List.of("hostile_key", "class", "default", "x2_value"), arguments);
  }

  @Test
  void bindingCarriesEverythingTheRuntimeNeeds() {
    ToolDefinition update =
        registry.find("update_a_streak_widget_by_id").orElseThrow().definition();
    assertEquals(ToolKind.UPDATE, update.kind());
    assertEquals("/widgets/{widgetKey}", update.binding().pathTemplate());
    assertEquals(
        List.of(
            new ArgumentBinding("widget_key", "widgetKey", ArgumentLocation.PATH, false),
            new ArgumentBinding("notify", "notify", ArgumentLocation.QUERY, false),
            new ArgumentBinding("name", "name", ArgumentLocation.BODY, false),
            new ArgumentBinding("size", "size", ArgumentLocation.BODY, false),
            new ArgumentBinding("tags", "tags", ArgumentLocation.BODY, false)),
        update.binding().arguments());
    assertEquals(true, update.annotations().destructiveHint(), "overwriting update");
    assertEquals(true, update.annotations().idempotentHint());
    ToolDefinition list = registry.find("list_all_streak_widgets").orElseThrow().definition();
    assertEquals(PagingStyle.PAGE_LIMIT, list.binding().paging());
    assertEquals(true, list.annotations().readOnlyHint());
    assertNull(list.annotations().destructiveHint(), "read-only tools leave the rest unset");
  }

  @Test
  void schemasAreOnTheClasspathWhereTheToolSaysTheyAre() throws Exception {
    ClassLoader loader = registry.getClass().getClassLoader();
    for (StreakTool tool : registry.tools()) {
      try (InputStream in = loader.getResourceAsStream(tool.definition().inputSchemaResource())) {
        assertTrue(in != null, tool.definition().inputSchemaResource());
        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\n  \"type\": \"object\""), json);
        assertTrue(json.endsWith("}\n"), "trailing newline");
      }
    }
    assertFalse(
        Files.exists(resources.resolve("streak-mcp/schemas/echo_streak_hostile_text.output.json")),
        "no response, no schema");
  }
}
