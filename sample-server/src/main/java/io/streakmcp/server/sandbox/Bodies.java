package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading request bodies the way Streak checks them, and the small answers it gives. */
final class Bodies {
  private Bodies() {}

  /** A required, non-blank string property. */
  static String required(ObjectNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      throw ApiError.badRequest(name + " is required (a non-empty string)");
    }
    return v.stringValue();
  }

  /** An optional string property, or null when absent. */
  static String string(ObjectNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw ApiError.badRequest(name + " must be a string");
    }
    return v.stringValue();
  }

  /** An optional epoch-milliseconds property, or null when absent. */
  static Long millis(ObjectNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      throw ApiError.badRequest(name + " must be epoch milliseconds (a whole number)");
    }
    return v.longValue();
  }

  /** An optional string property that must be one of a set of words. */
  static String oneOf(ObjectNode body, String name, Set<String> valid) {
    String v = string(body, name);
    if (v != null && !valid.contains(v)) {
      throw ApiError.badRequest(name + " must be one of " + valid + ", got " + v);
    }
    return v;
  }

  /** An optional array property, or null when absent. */
  static JsonNode array(ObjectNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw ApiError.badRequest(name + " must be an array");
    }
    return v;
  }

  /** v1's answer to a delete. */
  static ObjectNode success() {
    ObjectNode o = Json.object();
    o.put("success", true);
    return o;
  }

  /** v2's OperationResponse. */
  static ObjectNode operation(String message) {
    ObjectNode o = success();
    o.put("message", message);
    return o;
  }
}
