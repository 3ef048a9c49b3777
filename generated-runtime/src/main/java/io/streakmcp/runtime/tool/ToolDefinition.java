package io.streakmcp.runtime.tool;

import java.util.List;
import java.util.Objects;

/**
 * One tool as generated from its documentation record.
 *
 * @param name the MCP tool name, {@code ^[a-z0-9_]{1,64}$}
 * @param title a short human-readable title
 * @param description the model-facing description
 * @param kind list, get, create, update, delete or custom
 * @param resource the Streak resource, such as {@code box} or {@code box_task}
 * @param tags the record's tags, for server filters
 * @param annotations the MCP hints
 * @param binding how to call Streak
 * @param inputSchemaResource classpath resource of the input JSON Schema
 * @param outputSchemaResource classpath resource of the output JSON Schema, or null when the answer
 *     is not a JSON object
 */
public record ToolDefinition(
    String name,
    String title,
    String description,
    ToolKind kind,
    String resource,
    List<String> tags,
    ToolAnnotations annotations,
    HttpBinding binding,
    String inputSchemaResource,
    String outputSchemaResource) {

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resource, "resource");
    tags = List.copyOf(tags);
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(binding, "binding");
    Objects.requireNonNull(inputSchemaResource, "inputSchemaResource");
  }
}
