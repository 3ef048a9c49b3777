package io.streakmcp.generator.report;

import io.streakmcp.generator.model.ModelAssembler;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.schema.CanonicalJson;
import io.streakmcp.generator.text.DescriptionRenderer;
import io.streakmcp.generator.text.ToolText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
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
    parts.put(PAGING, total - tokens(without(wire, CostEstimator::dropPaging)));
    parts.put(CHAINING, total - tokens(without(wire, w -> rewriteArguments(w, false))));
    parts.put(ARGUMENT_TEXT, total - tokens(without(wire, w -> rewriteArguments(w, true))));
    int claimed = parts.values().stream().mapToInt(Integer::intValue).sum();
    parts.put(STRUCTURE, total - claimed);
    return new ToolCost(model.name(), total, parts);
  }

  private static void dropPaging(ObjectNode wire) {
    if (wire.get("inputSchema").get("properties") instanceof ObjectNode properties) {
      properties.remove(ModelAssembler.PAGING_ARGUMENTS);
    }
  }

  /**
   * Rewrites every non-paging argument description: either keeps only its chaining hint (to measure
   * the prose) or drops the hint (to measure the hints).
   */
  private static void rewriteArguments(ObjectNode wire, boolean keepOnlyHint) {
    for (var e : wire.get("inputSchema").path("properties").properties()) {
      if (ModelAssembler.PAGING_ARGUMENTS.contains(e.getKey())) {
        continue;
      }
      ObjectNode property = (ObjectNode) e.getValue();
      String description = property.path("description").asString();
      int hint = description.lastIndexOf(DescriptionRenderer.HINT_PREFIX);
      String prose = hint < 0 ? description : description.substring(0, hint);
      String hintText = hint < 0 ? "" : description.substring(hint + 1);
      property.put("description", keepOnlyHint ? hintText : prose);
    }
  }

  private int tokens(JsonNode node) {
    return counter.count(CanonicalJson.compact(node));
  }

  private static ObjectNode without(ObjectNode wire, Consumer<ObjectNode> cut) {
    ObjectNode copy = wire.deepCopy();
    cut.accept(copy);
    return copy;
  }
}
