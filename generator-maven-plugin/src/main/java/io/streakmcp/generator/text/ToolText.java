package io.streakmcp.generator.text;

import java.util.Map;

/**
 * The rendered prose of one tool.
 *
 * @param description the tool description
 * @param arguments each top-level argument's description, by argument name, including the paging
 *     ones
 * @param nested descriptions of array items and nested properties, by their record JSON path
 * @param resultCursor the description of {@code next_cursor} in the output, or null when the tool
 *     is not paged
 */
public record ToolText(
    String description,
    Map<String, String> arguments,
    Map<String, String> nested,
    String resultCursor) {

  public ToolText {
    arguments = Map.copyOf(arguments);
    nested = Map.copyOf(nested);
  }
}
