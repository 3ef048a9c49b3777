package io.streakmcp.generator.report;

import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.schema.CanonicalJson;
import io.streakmcp.generator.text.ToolText;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures a tool's tokens and attributes them: each part's cost is the total minus the total
 * without that part. What no part claims is names, keys and JSON punctuation.
 */
public final class CostEstimator {
  /** The parts the report attributes tokens to, in report order. */
  public static final String DESCRIPTION = "description";

  public static final String TITLE = "title";
  public static final String ANNOTATIONS = "annotations";
  public static final String PAGING = "paging (limit, next_cursor)";
  public static final String CHAINING = "chaining hints (From <tool>)";
  public static final String ARGUMENT_TEXT = "argument descriptions";
  public static final String STRUCTURE = "names, types and JSON structure";

  private final TokenCounter counter;

  public CostEstimator(TokenCounter counter) {
    this.counter = counter;
  }

  public ToolCost estimate(ToolModel model, ToolText text, ObjectNode inputSchema) {
    ObjectNode wire =
        ToolWire.of(
            model.name(), model.title(), text.description(), inputSchema, model.annotations());
    int total = tokens(wire);
    Map<String, Integer> parts = new LinkedHashMap<>();
    parts.put(DESCRIPTION, total - tokens(without(wire, w -> w.put("description", ""))));
    parts.put(TITLE, total - tokens(without(wire, w -> w.remove("title"))));
    parts.put(ANNOTATIONS, total - tokens(without(wire, w -> w.remove("annotations"))));
    parts.put(
        PAGING,
        total
            - tokens(
                without(
                    wire,
                    w -> {
                      ObjectNode props = (ObjectNode) w.get("inputSchema").get("properties");
                      props.remove("limit");
                      props.remove("next_cursor");
                    })));
    parts.put(
        CHAINING,
        total
            - tokens(
                without(
                    wire,
                    w ->
                        eachArgument(
                            w,
                            (name, p) -> {
                              String d = p.path("description").asString();
                              int hint = d.indexOf(" From ");
                              if (hint >= 0) {
                                p.put("description", d.substring(0, hint));
                              }
                            }))));
    parts.put(
        ARGUMENT_TEXT,
        total
            - tokens(
                without(
                    wire,
                    w ->
                        eachArgument(
                            w,
                            (name, p) -> {
                              if (!name.equals("limit") && !name.equals("next_cursor")) {
                                String d = p.path("description").asString();
                                int hint = d.indexOf(" From ");
                                p.put("description", hint >= 0 ? d.substring(hint + 1) : "");
                              }
                            }))));
    int claimed = parts.values().stream().mapToInt(Integer::intValue).sum();
    parts.put(STRUCTURE, total - claimed);
    return new ToolCost(model.name(), total, parts);
  }

  private int tokens(JsonNode node) {
    return counter.count(CanonicalJson.compact(node));
  }

  private static ObjectNode without(ObjectNode wire, java.util.function.Consumer<ObjectNode> cut) {
    ObjectNode copy = wire.deepCopy();
    cut.accept(copy);
    return copy;
  }

  private static void eachArgument(
      ObjectNode wire, java.util.function.BiConsumer<String, ObjectNode> action) {
    JsonNode props = wire.get("inputSchema").get("properties");
    for (var e : props.properties()) {
      action.accept(e.getKey(), (ObjectNode) e.getValue());
    }
  }
}
