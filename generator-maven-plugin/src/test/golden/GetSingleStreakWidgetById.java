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
 * {@code get_single_streak_widget_by_id}: Get widget.
 *
 * <p>One widget with its name, stage and counters.
 *
 * <p>Streak route: {@code GET /v1/widgets/{widgetKey}}.
 */
@Generated("io.streakmcp.generator.java.ToolClassGenerator")
public final class GetSingleStreakWidgetById implements StreakTool {
  /**
   * The MCP tool name.
   */
  public static final String NAME = "get_single_streak_widget_by_id";

  private static final ToolDefinition DEFINITION = new ToolDefinition(
      NAME,
      "Get widget",
      "One widget with its name, stage and counters.",
      ToolKind.GET,
      "widget",
      List.of("widgets"),
      new ToolAnnotations(true, null, null, null),
      new HttpBinding(
          HttpVerb.GET,
          ApiVersion.V1,
          "/widgets/{widgetKey}",
          BodyEncoding.NONE,
          PagingStyle.NONE,
          ResultShape.OBJECT,
          List.of(
              new ArgumentBinding("widget_key", "widgetKey", ArgumentLocation.PATH, false))),
      "streak-mcp/schemas/get_single_streak_widget_by_id.input.json",
      "streak-mcp/schemas/get_single_streak_widget_by_id.output.json");

  @Override
  public ToolDefinition definition() {
    return DEFINITION;
  }
}
