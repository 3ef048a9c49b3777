package io.streakmcp.server;

import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One kind of tools/call the load makes, with the arguments it sends and what a right answer looks
 * like. Anything else is a protocol error: the load is only as good as these checks.
 */
enum LoadCall {
  GET_BOX("get_single_streak_box_by_id"),
  GET_TASK("get_single_streak_task_by_id"),
  /** Two pages through a signed cursor: the first page carries one, the last does not. */
  LIST_BOXES("list_all_streak_boxes"),
  /** A write: a POST with a body. */
  COMMENT("create_a_streak_box_comment"),
  /** A read Streak refuses with a 429, which must come back as a tool error with its limits. */
  RATE_LIMITED("get_single_streak_box_by_id");

  final String tool;

  LoadCall(String tool) {
    this.tool = tool;
  }

  /** The arguments; {@code cursor} is the list's cursor from the previous page, or null. */
  String arguments(String cursor) {
    return switch (this) {
      case GET_BOX -> "{\"box_key\":\"b1\"}";
      case GET_TASK -> "{\"task_key\":\"t1\"}";
      case LIST_BOXES ->
          "{\"pipeline_key\":\"p1\",\"limit\":3"
              + (cursor == null ? "" : ",\"next_cursor\":\"" + cursor + "\"")
              + "}";
      case COMMENT -> "{\"box_key\":\"b1\",\"message\":\"Called the customer\"}";
      case RATE_LIMITED -> "{\"box_key\":\"" + LoadStreak.LIMITED_BOX + "\"}";
    };
  }

  /**
   * What is wrong with a tools/call result, or null when it is right.
   *
   * @param result the JSON-RPC result
   * @param cursor the cursor this call sent (lists only)
   * @param header the HTTP response's headers, by name
   */
  String problem(JsonNode result, String cursor, UnaryOperator<String> header) {
    boolean isError = result.path("isError").asBoolean(false);
    String text = result.path("content").path(0).path("text").asString("");
    if (this == RATE_LIMITED) {
      return rateLimitProblem(isError, text, result.get("structuredContent"), header);
    }
    if (isError) {
      return "a tool error: " + text;
    }
    // A success's text is its structured content as JSON, on every protocol version.
    JsonNode content = JsonMapper.shared().readTree(text);
    return switch (this) {
      case GET_BOX -> "b1".equals(content.path("key").asString()) ? null : "not box b1: " + text;
      case GET_TASK -> "t1".equals(content.path("key").asString()) ? null : "not task t1: " + text;
      case COMMENT -> "c1".equals(content.path("key").asString()) ? null : "no comment: " + text;
      case LIST_BOXES -> listProblem(content, cursor, text);
      case RATE_LIMITED -> throw new AssertionError("handled above");
    };
  }

  private static String listProblem(JsonNode content, String cursor, String text) {
    int size = content.path("result").size();
    boolean more = content.hasNonNull("next_cursor");
    if (cursor == null) {
      return size == 3 && more ? null : "first page not 3 boxes and a cursor: " + text;
    }
    return size == 2 && !more ? null : "last page not 2 boxes and no cursor: " + text;
  }

  private static String rateLimitProblem(
      boolean isError, String text, JsonNode structured, UnaryOperator<String> header) {
    if (!isError || !text.contains("Wait " + LoadStreak.RETRY_AFTER + " s")) {
      return "a 429 not passed through as a tool error: " + text;
    }
    if (!LoadStreak.LIMIT.equals(header.apply("ratelimit-limit"))
        || !"0".equals(header.apply("ratelimit-remaining"))
        || !LoadStreak.RETRY_AFTER.equals(header.apply("ratelimit-reset"))) {
      return "a 429 without its ratelimit-* headers";
    }
    // 2025-03-26 has no structured content; the later versions must carry the normalised limits.
    if (structured != null
        && (structured.path("status").asInt() != 429
            || structured.path("retry_after").asInt() != 7
            || structured.path("ratelimit").path("limit").asLong()
                != Long.parseLong(LoadStreak.LIMIT)
            || structured.path("ratelimit").path("remaining").asInt(-1) != 0)) {
      return "a 429 with wrong structured limits: " + structured;
    }
    return null;
  }

  /** The cursor to the next page in a successful list result, or null on the last page. */
  static String nextCursor(JsonNode result) {
    JsonNode content =
        JsonMapper.shared().readTree(result.path("content").path(0).path("text").asString("{}"));
    return content.hasNonNull("next_cursor") ? content.get("next_cursor").asString() : null;
  }
}
