package io.streakmcp.server.sandbox;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a custom field value against its field's type, in the formats Streak documents: text as a
 * string, a date as epoch milliseconds, a checkbox as a boolean, a dropdown as an item key and tags
 * as an array of tag keys. Person, contact and organisation fields take a string or an array of
 * strings (Streak does not document those formats; the stand-in accepts both). Formula values are
 * computed, so they cannot be written.
 */
final class FieldValues {
  private FieldValues() {}

  static void check(ObjectNode field, JsonNode value) {
    String name = field.path("name").asString() + " (" + field.path("key").asString() + ")";
    String type = field.path("type").asString();
    switch (type) {
      case "TEXT_INPUT" -> require(value.isString(), name, "a string");
      case "DATE" -> require(value.isIntegralNumber(), name, "epoch milliseconds");
      case "CHECKBOX" -> require(value.isBoolean(), name, "true or false");
      case "DROPDOWN" -> {
        Set<String> keys = keys(field.path("dropdownSettings").path("items"));
        require(
            value.isString() && keys.contains(value.stringValue()), name, "an item key " + keys);
      }
      case "TAG" -> {
        Set<String> keys = keys(field.path("tagSettings").path("tags"));
        boolean ok = value.isArray();
        for (JsonNode k : value) {
          ok &= k.isString() && keys.contains(k.stringValue());
        }
        require(ok, name, "an array of tag keys " + keys);
      }
      case "FORMULA" ->
          throw ApiError.badRequest(name + " is a formula field; its value is computed");
      default -> {
        boolean ok = value.isString() || value.isArray();
        for (JsonNode k : value) {
          ok &= k.isString() || k.isObject();
        }
        require(ok, name, "a key or an array of keys");
      }
    }
  }

  private static void require(boolean ok, String field, String valid) {
    if (!ok) {
      throw ApiError.badRequest("field " + field + " takes " + valid);
    }
  }

  private static Set<String> keys(JsonNode options) {
    Set<String> keys = new HashSet<>();
    options.forEach(o -> keys.add(o.path("key").asString()));
    return keys;
  }
}
