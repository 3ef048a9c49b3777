package io.streakmcp.generator.schema;

import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.text.ToolText;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.ToolKind;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a tool's output schema from the record's response schema. MCP wants an object at the root:
 * list results become Truto's envelope {@code {result: [...], next_cursor}}, the shape the runtime
 * returns whatever page style Streak used. Methods that answer with text get no output schema.
 */
public final class OutputSchemaGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public Optional<ObjectNode> generate(ToolModel model, ToolText text) {
    JsonNode response = model.response();
    if (response == null || model.binding().resultShape() == ResultShape.TEXT) {
      return Optional.empty();
    }
    if (model.kind() == ToolKind.LIST) {
      ObjectNode root = JSON.objectNode().put("type", "object");
      ObjectNode properties = root.putObject("properties");
      properties.putObject("result").put("type", "array").set("items", response.deepCopy());
      properties
          .putObject("next_cursor")
          .put("type", "string")
          .put("description", text.resultCursor());
      root.putArray("required").add("result");
      return Optional.of(root);
    }
    if (!"object".equals(response.path("type").asString())) {
      return Optional.empty();
    }
    ObjectNode root = (ObjectNode) response.deepCopy();
    if (model.paged()) {
      ObjectNode properties =
          root.has("properties")
              ? (ObjectNode) root.get("properties")
              : root.putObject("properties");
      properties
          .putObject("next_cursor")
          .put("type", "string")
          .put("description", text.resultCursor());
    }
    return Optional.of(root);
  }
}
