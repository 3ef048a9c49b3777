package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request to the stand-in, already routed: the path's named keys, the query (a name may repeat,
 * as Streak's search filters do) and the body text.
 */
final class Call {
  private final Map<String, String> path;
  private final Map<String, List<String>> query;
  private final String body;

  Call(Map<String, String> path, Map<String, List<String>> query, String body) {
    this.path = path;
    this.query = query;
    this.body = body;
  }

  /** A key from the route's template, e.g. {@code boxKey}. */
  String key(String name) {
    return path.get(name);
  }

  /** A query parameter's first value, or null. */
  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** A non-negative whole-number query parameter, or the fallback when it is absent. */
  int queryInt(String name, int fallback, int min, int max) {
    String v = query(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(
          name + " must be a whole number from " + min + " to " + max + ", got " + v);
    }
  }

  boolean queryFlag(String name) {
    return "true".equalsIgnoreCase(query(name));
  }

  /** The JSON body; an absent body reads as {}. */
  JsonNode json() {
    if (body == null || body.isBlank()) {
      return Json.object();
    }
    try {
      return Json.read(body);
    } catch (JacksonException e) {
      throw ApiError.badRequest("the body is not valid JSON");
    }
  }

  /** The JSON body, which must be an object. */
  ObjectNode object() {
    if (json() instanceof ObjectNode o) {
      return o;
    }
    throw ApiError.badRequest("the body must be a JSON object");
  }
}
