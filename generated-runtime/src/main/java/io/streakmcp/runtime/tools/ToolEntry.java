package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.tool.ToolDefinition;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool ready to serve: its generated definition, its schemas parsed once, and its validator.
 *
 * @param definition the generated definition
 * @param inputSchema the input JSON Schema
 * @param outputSchema the output JSON Schema, or null
 * @param validator checks arguments against the input schema
 */
public record ToolEntry(
    ToolDefinition definition,
    ObjectNode inputSchema,
    ObjectNode outputSchema,
    ArgumentValidator validator) {

  public String name() {
    return definition.name();
  }
}
