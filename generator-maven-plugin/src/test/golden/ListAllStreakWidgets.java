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
 * {@code list_all_streak_widgets}: List widgets.
 *
 * <p>Widgets of one pipeline, newest first, with their stage keys.
 *
 * <p>Streak route: {@code GET /v2/pipelines/{pipelineKey}/widgets}.
 */
@Generated("io.streakmcp.generator.java.ToolClassGenerator")
public final class ListAllStreakWidgets implements StreakTool {
  /**
   * The MCP tool name.
   */
  public static final String NAME = "list_all_streak_widgets";

  private static final ToolDefinition DEFINITION = new ToolDefinition(
      NAME,
      "List widgets",
      "Widgets of one pipeline, newest first, with their stage keys.",
      ToolKind.LIST,
      "widget",
      List.of("widgets", "lists"),
      new ToolAnnotations(true, null, null, null),
      new HttpBinding(
          HttpVerb.GET,
          ApiVersion.V2,
          "/pipelines/{pipelineKey}/widgets",
          BodyEncoding.NONE,
          PagingStyle.PAGE_LIMIT,
          ResultShape.RESULTS,
          List.of(
              new ArgumentBinding("pipeline_key", "pipelineKey", ArgumentLocation.PATH, false),
              new ArgumentBinding("stage_key", "stageKey", ArgumentLocation.QUERY, false))),
      "streak-mcp/schemas/list_all_streak_widgets.input.json",
      "streak-mcp/schemas/list_all_streak_widgets.output.json");

  @Override
  public ToolDefinition definition() {
    return DEFINITION;
  }
}
