package io.streakmcp.generator.model;

import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tool.ToolKind;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One tool, ready for the generators: everything checked, nothing left to look up.
 *
 * @param name the MCP tool name
 * @param title the short title
 * @param summary what the tool returns, from the record
 * @param pitfalls the record's warnings
 * @param kind list, get, create, update, delete or custom
 * @param resource the Streak resource
 * @param tags filter tags
 * @param annotations the MCP hints
 * @param binding how the runtime calls Streak
 * @param route the Streak route, for humans, e.g. {@code GET /v1/boxes/{boxKey}}
 * @param arguments the arguments, path first, then query, then body
 * @param paged whether the tool takes {@code limit} and {@code next_cursor}
 * @param response the response schema (one item for lists), or null
 */
public record ToolModel(
    String name,
    String title,
    String summary,
    List<String> pitfalls,
    ToolKind kind,
    String resource,
    List<String> tags,
    ToolAnnotations annotations,
    HttpBinding binding,
    String route,
    List<ArgumentModel> arguments,
    boolean paged,
    JsonNode response) {

  public ToolModel {
    pitfalls = List.copyOf(pitfalls);
    tags = List.copyOf(tags);
    arguments = List.copyOf(arguments);
  }
}
