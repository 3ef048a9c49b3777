package com.example.streak.tools;

import io.streakmcp.runtime.tool.ApiVersion;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.ArgumentLocation;
import io.streakmcp.runtime.tool.BodyEncoding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.HttpVerb;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.StreakTool;
import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tool.ToolDefinition;
import io.streakmcp.runtime.tool.ToolKind;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@code update_a_streak_widget_by_id}: Update widget.
 *
 * <p>Changes a widget and returns it. Tags replace the current set.
 *
 * <p>Streak route: {@code POST /v1/widgets/{widgetKey}}.
 */
@Generated("io.streakmcp.generator.java.ToolClassGenerator")
public final class UpdateAStreakWidgetById implements StreakTool {
  /**
   * The MCP tool name.
   */
  public static final String NAME = "update_a_streak_widget_by_id";

  private static final ToolDefinition DEFINITION = new ToolDefinition(
      NAME,
      "Update widget",
      "Changes a widget and returns it. Tags replace the current set.",
      ToolKind.UPDATE,
      "widget",
      List.of("widgets"),
      new ToolAnnotations(null, true, true, null),
      new HttpBinding(
          HttpVerb.POST,
          ApiVersion.V1,
          "/widgets/{widgetKey}",
          BodyEncoding.JSON,
          PagingStyle.NONE,
          ResultShape.OBJECT,
          List.of(
              new ArgumentBinding("widget_key", "widgetKey", ArgumentLocation.PATH, false),
              new ArgumentBinding("notify", "notify", ArgumentLocation.QUERY, false),
              new ArgumentBinding("name", "name", ArgumentLocation.BODY, false),
              new ArgumentBinding("size", "size", ArgumentLocation.BODY, false),
              new ArgumentBinding("tags", "tags", ArgumentLocation.BODY, false))),
      "streak-mcp/schemas/update_a_streak_widget_by_id.input.json",
      "streak-mcp/schemas/update_a_streak_widget_by_id.output.json");

  @Override
  public ToolDefinition definition() {
    return DEFINITION;
  }
}
