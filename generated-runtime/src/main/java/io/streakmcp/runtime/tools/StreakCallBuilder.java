package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.PathEncoder;
import io.streakmcp.runtime.streak.StreakRequest;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.HttpBinding;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns validated arguments into one Streak request, following the tool's generated binding. */
final class StreakCallBuilder {
  private StreakCallBuilder() {}

  static StreakRequest build(
      HttpBinding binding, ObjectNode arguments, List<Map.Entry<String, String>> paging) {
    return build(binding, arguments, paging, null);
  }

  /**
   * @param fields Streak's custom-field map ({@code {fieldKey: value}}) to send in the body, as
   *     translated from names by the live schema, or null
   */
  static StreakRequest build(
      HttpBinding binding,
      ObjectNode arguments,
      List<Map.Entry<String, String>> paging,
      ObjectNode fields) {
    Map<String, String> pathValues = new HashMap<>();
    List<Map.Entry<String, String>> query = new ArrayList<>();
    ObjectNode body = Json.object();
    for (ArgumentBinding a : binding.arguments()) {
      JsonNode value = arguments.get(a.argument());
      if (value == null || value.isNull()) {
        continue;
      }
      switch (a.location()) {
        case PATH -> pathValues.put(a.apiName(), scalar(value));
        case QUERY -> {
          if (value.isArray() && a.repeated()) {
            value.forEach(v -> query.add(new SimpleEntry<>(a.apiName(), scalar(v))));
          } else if (value.isArray()) {
            StringJoiner list = new StringJoiner(",");
            value.forEach(v -> list.add(scalar(v)));
            query.add(new SimpleEntry<>(a.apiName(), list.toString()));
          } else {
            query.add(new SimpleEntry<>(a.apiName(), scalar(value)));
          }
        }
        case BODY -> body.set(a.apiName(), value);
      }
    }
    query.addAll(paging);
    if (fields != null && !fields.isEmpty()) {
      body.set("fields", fields);
    }
    String path =
        "/" + binding.version().segment() + PathEncoder.expand(binding.pathTemplate(), pathValues);
    return switch (binding.bodyEncoding()) {
      case NONE -> new StreakRequest(binding.verb().name(), path, query, null, null);
      case JSON ->
          new StreakRequest(
              binding.verb().name(), path, query, Json.bytes(body), "application/json");
      case FORM ->
          new StreakRequest(
              binding.verb().name(), path, query, form(body), "application/x-www-form-urlencoded");
    };
  }

  /** Legacy v1 form bodies: scalars as text, lists as Streak's comma-separated form. */
  private static byte[] form(ObjectNode body) {
    StringJoiner out = new StringJoiner("&");
    for (var e : body.properties()) {
      String value;
      if (e.getValue().isArray()) {
        StringJoiner list = new StringJoiner(",");
        e.getValue().forEach(v -> list.add(scalar(v)));
        value = list.toString();
      } else {
        value = scalar(e.getValue());
      }
      out.add(PathEncoder.component(e.getKey()) + "=" + PathEncoder.component(value));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String scalar(JsonNode value) {
    return value.isValueNode() ? value.asString() : Json.write(value);
  }
}
