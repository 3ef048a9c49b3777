package io.streakmcp.runtime.admin;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.json.JsonSyntax;
import io.streakmcp.runtime.json.StrictUtf8;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ServerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads admin request bodies strictly: unknown fields, wrong types and bad values are refused with
 * the field's name and what it accepts. Nothing partial is ever applied.
 */
final class AdminRequests {
  /** An expiry closer than this is almost certainly a mistake (clock skew, wrong unit). */
  static final long MIN_EXPIRY_AHEAD_MS = 60_000;

  /** Enough for every tool name; bounds what a config can grow to. */
  static final int MAX_WORDS = 100;

  private AdminRequests() {}

  record NewAccount(String name, String apiKey) {}

  record NewServer(String name, ServerConfig config, Long expiresAt) {}

  static JsonNode parse(byte[] body) {
    String notUtf8 = StrictUtf8.problem(body);
    if (notUtf8 != null) {
      throw new BadRequest("", notUtf8);
    }
    try {
      JsonNode node = Json.read(body);
      if (node == null || !node.isObject()) {
        throw new BadRequest("", "the body must be a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw new BadRequest("", "the body is not valid JSON: " + JsonSyntax.describe(e));
    }
  }

  static NewAccount account(JsonNode body) {
    only(body, "", Set.of("name", "api_key"));
    return new NewAccount(text(body, "name", 200, true), text(body, "api_key", 256, true));
  }

  /** The body of a tool preview: the config a server would be created with. */
  static ServerConfig preview(JsonNode body) {
    only(body, "", Set.of("config"));
    return config(body.get("config"));
  }

  static NewServer server(JsonNode body, Clock clock) {
    only(body, "", Set.of("name", "config", "expires_at"));
    return new NewServer(
        text(body, "name", 200, true),
        config(body.get("config")),
        expiry(body.get("expires_at"), clock));
  }

  /**
   * A PATCH against the current server: {@code config} merges field by field (a field left out
   * keeps its value, so a rename never drops token auth by accident), and {@code config: null} is
   * refused rather than read as "no filters, no auth".
   */
  static ServerStore.Patch patch(JsonNode body, ServerConfig current, Clock clock) {
    only(body, "", Set.of("name", "config", "expires_at"));
    if (body.isEmpty()) {
      throw new BadRequest("", "nothing to change; send name, config or expires_at");
    }
    boolean setName = body.has("name");
    boolean setConfig = body.has("config");
    boolean setExpiry = body.has("expires_at");
    ServerConfig merged = null;
    if (setConfig) {
      JsonNode config = body.get("config");
      if (config.isNull()) {
        throw new BadRequest("config", "config cannot be null; send the fields to change");
      }
      ServerConfig given = config(config);
      merged =
          new ServerConfig(
              config.has("methods") ? given.methods() : current.methods(),
              config.has("tags") ? given.tags() : current.tags(),
              config.has("require_api_token_auth")
                  ? given.requireApiTokenAuth()
                  : current.requireApiTokenAuth());
    }
    return new ServerStore.Patch(
        setName,
        setName ? text(body, "name", 200, true) : null,
        setConfig,
        merged,
        setExpiry,
        setExpiry ? expiry(body.get("expires_at"), clock) : null);
  }

  private static ServerConfig config(JsonNode config) {
    if (config == null || config.isNull()) {
      return new ServerConfig(List.of(), List.of(), false);
    }
    if (!config.isObject()) {
      throw new BadRequest(
          "config", "config must be an object with methods, tags and" + " require_api_token_auth");
    }
    only(config, "config.", Set.of("methods", "tags", "require_api_token_auth"));
    JsonNode auth = config.get("require_api_token_auth");
    if (auth != null && !auth.isBoolean()) {
      throw new BadRequest("config.require_api_token_auth", "must be true or false");
    }
    return new ServerConfig(
        words(config, "methods"), words(config, "tags"), auth != null && auth.booleanValue());
  }

  private static List<String> words(JsonNode config, String field) {
    JsonNode array = config.get(field);
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new BadRequest("config." + field, "must be an array of strings");
    }
    if (array.size() > MAX_WORDS) {
      throw new BadRequest("config." + field, "at most " + MAX_WORDS + " entries");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      if (!v.isString() || v.stringValue().isBlank() || v.stringValue().length() > 64) {
        throw new BadRequest(
            "config." + field,
            "must hold non-empty strings of at most 64"
                + " characters; got "
                + shorten(v.toString()));
      }
      if (!out.contains(v.stringValue())) {
        out.add(v.stringValue());
      }
    }
    return out;
  }

  private static Long expiry(JsonNode value, Clock clock) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new BadRequest(
          "expires_at",
          "must be an ISO-8601 instant such as" + " 2030-01-01T00:00:00Z, or null for never");
    }
    long at;
    try {
      at = Instant.parse(value.stringValue()).toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadRequest(
          "expires_at",
          "must be an ISO-8601 instant such as"
              + " 2030-01-01T00:00:00Z, or null for never; got "
              + shorten(value.stringValue()));
    }
    if (at < clock.millis() + MIN_EXPIRY_AHEAD_MS) {
      throw new BadRequest(
          "expires_at",
          "must lie at least 60 s ahead (now is " + Instant.ofEpochMilli(clock.millis()) + ")");
    }
    return at;
  }

  private static void only(JsonNode node, String prefix, Set<String> allowed) {
    for (String name : node.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new BadRequest(
            prefix + name,
            "unknown field "
                + prefix
                + name
                + "; valid: "
                + String.join(", ", allowed.stream().sorted().map(a -> prefix + a).toList()));
      }
    }
  }

  private static String text(JsonNode body, String field, int max, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new BadRequest(field, field + " is required (a string)");
      }
      return null;
    }
    if (!v.isString() || v.stringValue().isBlank()) {
      throw new BadRequest(field, field + " must be a non-empty string");
    }
    if (v.stringValue().length() > max) {
      throw new BadRequest(field, field + " must be at most " + max + " characters");
    }
    if (v.stringValue()
        .codePoints()
        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      throw new BadRequest(field, field + " must not contain control or formatting characters");
    }
    return v.stringValue().strip();
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
