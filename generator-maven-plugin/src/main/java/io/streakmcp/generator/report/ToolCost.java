package io.streakmcp.generator.report;

import java.util.Map;

/**
 * What one tool costs in tokens, and the marginal cost of each of its parts: the tokens that would
 * be saved by removing that part alone.
 *
 * @param tool the tool name
 * @param total tokens of the served tool without outputSchema
 * @param parts marginal cost by part name
 */
public record ToolCost(String tool, int total, Map<String, Integer> parts) {

  public ToolCost {
    parts = Map.copyOf(parts);
  }
}
