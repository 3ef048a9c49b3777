package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.RateLimit;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.streak.StreakRequest;
import io.streakmcp.runtime.streak.StreakResponse;
import io.streakmcp.runtime.streak.StreakUnavailableException;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.ToolKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one tools/call: validate, build the Streak request, send it once, and shape the answer. A
 * 429 is never retried: the model (or its host) decides when to try again.
 */
public final class ToolInvoker {
  /** The page size when the model gives no {@code limit}. */
  public static final int DEFAULT_LIMIT = 25;

  private final CursorCodec cursors;

  public ToolInvoker(CursorCodec cursors) {
    this.cursors = cursors;
  }

  public ToolOutcome call(ToolEntry tool, ObjectNode arguments, StreakClient streak) {
    List<String> problems = tool.validator().validate(arguments);
    if (!problems.isEmpty()) {
      return invalidArguments(tool, problems);
    }
    HttpBinding binding = tool.definition().binding();
    boolean paged = isPaged(tool);
    ObjectNode callArguments = arguments.deepCopy();
    callArguments.remove(List.of("limit", "next_cursor"));
    CursorState state = CursorState.first(arguments.path("limit").asInt(DEFAULT_LIMIT));
    String hash = argumentsHash(callArguments);
    if (paged && arguments.hasNonNull("next_cursor")) {
      try {
        state = cursors.decode(arguments.get("next_cursor").asString(), tool.name(), hash);
      } catch (CursorCodec.InvalidCursorException e) {
        ObjectNode s = Json.object().put("error", "invalid_cursor").put("message", e.getMessage());
        return ToolOutcome.error(
            "`next_cursor` cannot be used: " + e.getMessage() + ". Nothing was sent to Streak.",
            s,
            RateLimit.NONE);
      }
    }
    List<Map.Entry<String, String>> pagingQuery =
        paged ? Paging.query(binding.paging(), state) : List.of();
    StreakRequest request = StreakCallBuilder.build(binding, callArguments, pagingQuery);
    StreakResponse response;
    try {
      response = streak.send(request);
    } catch (StreakUnavailableException e) {
      ObjectNode s =
          Json.object().put("error", "streak_unavailable").put("message", e.getMessage());
      return ToolOutcome.error(
          e.getMessage()
              + ". "
              + (binding.verb().name().equals("GET")
                  ? "Try again in a moment."
                  : "The change may or may not have been made: read the item before trying again."),
          s,
          RateLimit.NONE);
    }
    if (response.status() == 429) {
      return StreakErrors.rateLimited(response.rateLimit());
    }
    if (!response.ok()) {
      return StreakErrors.failed(response, streak.redact(StreakErrors.message(response)));
    }
    return success(tool, binding, response, paged, state, hash);
  }

  private ToolOutcome success(
      ToolEntry tool,
      HttpBinding binding,
      StreakResponse response,
      boolean paged,
      CursorState state,
      String hash) {
    if (binding.resultShape() == ResultShape.TEXT) {
      return ToolOutcome.text(
          new String(response.body(), StandardCharsets.UTF_8), response.rateLimit());
    }
    JsonNode body;
    try {
      body = response.body().length == 0 ? Json.object() : Json.MAPPER.readTree(response.body());
    } catch (RuntimeException e) {
      ObjectNode s = Json.object().put("status", response.status()).put("error", "bad_answer");
      return ToolOutcome.error(
          "Streak answered HTTP "
              + response.status()
              + " with a body that is not JSON. Try again shortly.",
          s,
          response.rateLimit());
    }
    if (tool.definition().kind() == ToolKind.LIST) {
      Paging.Page page = Paging.read(binding.paging(), binding.resultShape(), body, state);
      ArrayNode items = Json.array();
      page.items().forEach(items::add);
      ObjectNode s = Json.object();
      s.set("result", items);
      page.next().ifPresent(n -> s.put("next_cursor", cursors.encode(tool.name(), hash, n)));
      return ToolOutcome.ok(s, response.rateLimit());
    }
    if (!body.isObject()) {
      ObjectNode s = Json.object();
      s.set("result", body);
      return ToolOutcome.ok(s, response.rateLimit());
    }
    ObjectNode s = (ObjectNode) body;
    if (paged) {
      Optional<CursorState> next = Paging.nextForObject(binding.paging(), body, state);
      next.ifPresent(n -> s.put("next_cursor", cursors.encode(tool.name(), hash, n)));
    }
    return ToolOutcome.ok(s, response.rateLimit());
  }

  private static ToolOutcome invalidArguments(ToolEntry tool, List<String> problems) {
    ObjectNode s = Json.object().put("error", "invalid_arguments");
    ArrayNode list = s.putArray("problems");
    problems.forEach(list::add);
    String text =
        "Invalid arguments for "
            + tool.name()
            + "; nothing was sent to Streak.\n- "
            + String.join("\n- ", problems);
    return ToolOutcome.error(text, s, RateLimit.NONE);
  }

  /** Binds a cursor to the filters it was made with, so it cannot page another list. */
  private static String argumentsHash(ObjectNode arguments) {
    ObjectNode sorted = Json.object();
    arguments.propertyNames().stream().sorted().forEach(n -> sorted.set(n, arguments.get(n)));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.bytes(sorted));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Paged tools are exactly those whose schema offers {@code next_cursor}. */
  private static boolean isPaged(ToolEntry tool) {
    return tool.inputSchema().path("properties").has("next_cursor");
  }
}
