package io.streakmcp.generator.schema;

import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.text.ToolText;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.ToolKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a tool's output schema. A client may check every {@code structuredContent} against it,
 * tool errors included (the TypeScript SDK does), so the schema says what can really come back:
 * {@code anyOf} the result or a tool error, under the object root MCP requires.
 *
 * <ul>
 *   <li>The result comes from the record's response schema. Lists become Truto's envelope {@code
 *       {result: [...], next_cursor}}, whatever Streak's paging style.
 *   <li>Every type below the root also admits {@code null}: Streak leaves fields null, and a result
 *       must never fail a client's check for that.
 *   <li>Methods that answer with text get no output schema.
 * </ul>
 *
 * Output schemas are not part of any model's function declaration (clients validate with them), so
 * the input-schema portability rules (no type arrays, no anyOf at the root) do not apply here.
 */
public final class OutputSchemaGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectNode ERROR_RESULT = load("error-result.schema.json");

  public Optional<ObjectNode> generate(ToolModel model, ToolText text) {
    JsonNode response = model.response();
    if (response == null || model.binding().resultShape() == ResultShape.TEXT) {
      return Optional.empty();
    }
    ObjectNode success;
    if (model.kind() == ToolKind.LIST) {
      success = JSON.objectNode().put("type", "object");
      ObjectNode properties = success.putObject("properties");
      properties.putObject("result").put("type", "array").set("items", nullable(response));
      properties
          .putObject("next_cursor")
          .put("type", "string")
          .put("description", text.resultCursor());
      success.putArray("required").add("result");
    } else if ("object".equals(response.path("type").asString())) {
      success = JSON.objectNode().put("type", "object");
      ObjectNode properties = success.putObject("properties");
      response
          .path("properties")
          .properties()
          .forEach(e -> properties.set(e.getKey(), nullable(e.getValue())));
      if (model.paged()) {
        properties
            .putObject("next_cursor")
            .put("type", "string")
            .put("description", text.resultCursor());
      }
    } else {
      return Optional.empty();
    }
    ObjectNode root = JSON.objectNode().put("type", "object");
    ArrayNode anyOf = root.putArray("anyOf");
    anyOf.add(success);
    anyOf.add(ERROR_RESULT.deepCopy());
    return Optional.of(root);
  }

  /** A copy of a schema in which every type also admits null, all the way down. */
  static ObjectNode nullable(JsonNode schema) {
    ObjectNode copy = JSON.objectNode();
    for (var e : schema.properties()) {
      switch (e.getKey()) {
        case "type" -> copy.putArray("type").add(e.getValue().asString()).add("null");
        case "items" -> copy.set("items", nullable(e.getValue()));
        case "properties" -> {
          ObjectNode properties = copy.putObject("properties");
          e.getValue()
              .properties()
              .forEach(p -> properties.set(p.getKey(), nullable(p.getValue())));
        }
        case "enum" -> {
          // An enum lists every allowed value, so null must be listed too.
          ArrayNode values = copy.putArray("enum");
          e.getValue().forEach(values::add);
          values.addNull();
        }
        default -> copy.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return copy;
  }

  private static ObjectNode load(String name) {
    try (InputStream in = OutputSchemaGenerator.class.getResourceAsStream(name)) {
      return (ObjectNode) JsonMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
