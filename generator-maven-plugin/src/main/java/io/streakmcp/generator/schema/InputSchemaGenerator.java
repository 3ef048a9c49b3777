package io.streakmcp.generator.schema;

import io.streakmcp.generator.model.ArgumentModel;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.records.ParamSpec;
import io.streakmcp.generator.text.DescriptionRenderer;
import io.streakmcp.generator.text.ToolText;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a tool's input schema: path, query and body arguments in one flat object, plus {@code
 * limit} and {@code next_cursor} on every paged tool. Pure: model in, JSON out.
 */
public final class InputSchemaGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  public ObjectNode generate(ToolModel model, ToolText text) {
    ObjectNode root = JSON.objectNode().put("type", "object");
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (ArgumentModel a : model.arguments()) {
      properties.set(a.name(), property(a.spec(), text.arguments().get(a.name()), text));
      if (a.required()) {
        required.add(a.name());
      }
    }
    if (model.paged()) {
      properties
          .putObject("limit")
          .put("type", "integer")
          .put("minimum", 1)
          .put("maximum", DescriptionRenderer.MAX_LIMIT);
      properties
          .putObject("next_cursor")
          .put("type", "string")
          .put("description", text.arguments().get("next_cursor"));
    }
    if (!required.isEmpty()) {
      root.set("required", required);
    }
    if (properties.isEmpty()) {
      // A tool without arguments: MCP's recommended form; Gemini rejects an empty properties.
      root.remove("properties");
    }
    return root;
  }

  /** One property in the portable subset, keywords always in the same order. */
  static ObjectNode property(ParamSpec spec, String description, ToolText text) {
    ObjectNode node = JSON.objectNode().put("type", spec.type());
    if (description != null) {
      node.put("description", description);
    }
    if (!spec.enumValues().isEmpty()) {
      ArrayNode values = node.putArray("enum");
      spec.enumValues().forEach(values::add);
    }
    putNumber(node, "minimum", spec.minimum());
    putNumber(node, "maximum", spec.maximum());
    if (spec.items() != null) {
      node.set("items", property(spec.items(), text.nested().get(spec.items().jsonPath()), text));
    }
    if (!spec.properties().isEmpty()) {
      ObjectNode nested = node.putObject("properties");
      ArrayNode required = JSON.arrayNode();
      spec.properties()
          .forEach(
              (name, p) -> {
                nested.set(name, property(p, text.nested().get(p.jsonPath()), text));
                if (p.required()) {
                  required.add(name);
                }
              });
      if (!required.isEmpty()) {
        node.set("required", required);
      }
    }
    return node;
  }

  private static void putNumber(ObjectNode node, String key, Double value) {
    if (value == null) {
      return;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(key, value.longValue());
    } else {
      node.put(key, value);
    }
  }
}
