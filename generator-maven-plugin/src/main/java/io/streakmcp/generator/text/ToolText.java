package io.streakmcp.generator.text;

import java.util.Map;

/**
 * The rendered prose of one tool.
 *
 * @param description the tool description
 * @param arguments each argument's description, by argument name, including the paging ones
 */
public record ToolText(String description, Map<String, String> arguments) {

  public ToolText {
    arguments = Map.copyOf(arguments);
  }
}
