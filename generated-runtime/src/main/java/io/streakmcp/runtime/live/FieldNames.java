package io.streakmcp.runtime.live;

import io.streakmcp.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adds {@code fields_by_name} to boxes read from Streak: the custom fields under their names, with
 * dropdown and tag keys shown as names. Streak's own {@code fields} (by key) stay as they are, so
 * keys are still there for later writes.
 */
public final class FieldNames {
  private FieldNames() {}

  public static void annotate(JsonNode box, AccountSchema schema) {
    if (!(box instanceof ObjectNode b) || !b.path("fields").isObject()) {
      return;
    }
    Optional<AccountSchema.Pipeline> pipeline =
        schema.pipelines().stream()
            .filter(p -> p.key().equals(b.path("pipelineKey").asString()))
            .findFirst();
    if (pipeline.isEmpty()) {
      return;
    }
    ObjectNode named = Json.object();
    for (AccountSchema.Field f : pipeline.get().fields()) {
      JsonNode v = b.get("fields").get(f.key());
      if (v != null) {
        named.set(f.name(), display(f, v));
      }
    }
    b.set("fields_by_name", named);
  }

  private static JsonNode display(AccountSchema.Field f, JsonNode v) {
    if (f.options().isEmpty()) {
      return v;
    }
    if (v.isArray()) {
      ArrayNode out = Json.array();
      v.forEach(k -> out.add(name(f, k.asString())));
      return out;
    }
    return Json.MAPPER.valueToTree(name(f, v.asString()));
  }

  private static String name(AccountSchema.Field f, String key) {
    List<AccountSchema.Option> options = new ArrayList<>(f.options());
    return options.stream()
        .filter(o -> o.key().equals(key))
        .map(AccountSchema.Option::name)
        .findFirst()
        .orElse(key);
  }
}
