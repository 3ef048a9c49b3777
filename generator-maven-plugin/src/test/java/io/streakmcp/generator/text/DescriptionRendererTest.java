package io.streakmcp.generator.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.support.Models;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptionRendererTest {
  @TempDir static Path work;
  static ToolSet tools;
  final DescriptionRenderer renderer = new DescriptionRenderer();

  @BeforeAll
  static void load() throws Exception {
    tools = Models.tiny(work);
  }

  @Test
  void pitfallsFollowTheSummary() {
    ToolText text = renderer.render(Models.tool(tools, "update_a_streak_widget_by_id"));
    assertEquals(
        "Changes a widget and returns it. Tags replace the current set.", text.description());
  }

  @Test
  void keyArgumentsNameTheToolThatSuppliesThem() {
    ToolText text = renderer.render(Models.tool(tools, "get_single_streak_widget_by_id"));
    assertEquals("Widget. From list_all_streak_widgets.", text.arguments().get("widget_key"));
  }

  @Test
  void pagedToolsGetACursorDescriptionAndOthersDoNot() {
    ToolText list = renderer.render(Models.tool(tools, "list_all_streak_widgets"));
    assertEquals(
        "From the previous page; pass back unchanged.", list.arguments().get("next_cursor"));
    ToolText get = renderer.render(Models.tool(tools, "get_single_streak_widget_by_id"));
    assertFalse(get.arguments().containsKey("next_cursor"));
  }

  @Test
  void textIsNeverHtmlEscaped() {
    ToolText text = renderer.render(Models.tool(tools, "echo_streak_hostile_text"));
    assertEquals(true, text.description().contains("<b>html</b> & C:\\path\\"));
  }

  @Test
  void sentencesAreNormalised() {
    assertEquals("Two words.", DescriptionRenderer.sentence("  Two \n words "));
    assertEquals("Already?", DescriptionRenderer.sentence("Already?"));
  }
}
