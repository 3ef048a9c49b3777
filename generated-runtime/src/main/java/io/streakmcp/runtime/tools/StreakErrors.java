package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.RateLimit;
import io.streakmcp.runtime.streak.StreakResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a failed Streak answer into a tool error a model can act on: the status, Streak's own
 * message, and what to try next. A 429 also carries the normalised rate-limit values.
 */
final class StreakErrors {
  /** Streak documents no limit beyond "about 10 requests a second"; used when it sends none. */
  static final long DOCUMENTED_LIMIT_PER_SECOND = 10;

  private StreakErrors() {}

  static ToolOutcome rateLimited(RateLimit given) {
    long retryAfter = given.retryAfter() >= 0 ? given.retryAfter() : Math.max(given.reset(), 1);
    long limit = given.limit() >= 0 ? given.limit() : DOCUMENTED_LIMIT_PER_SECOND;
    long remaining = given.remaining() >= 0 ? given.remaining() : 0;
    long reset = given.reset() >= 0 ? given.reset() : retryAfter;
    RateLimit normal = new RateLimit(limit, remaining, reset, retryAfter);
    ObjectNode s =
        Json.object()
            .put("status", 429)
            .put("error", "rate_limited")
            .put("retry_after", retryAfter);
    s.putObject("ratelimit").put("limit", limit).put("remaining", remaining).put("reset", reset);
    String text =
        "Streak's rate limit was reached (HTTP 429); nothing was changed and the call"
            + " was not retried. Wait "
            + retryAfter
            + " s before calling Streak again (limit "
            + limit
            + ", remaining "
            + remaining
            + ", resets in "
            + reset
            + " s).";
    return ToolOutcome.error(text, s, normal);
  }

  static ToolOutcome failed(StreakResponse response, String message) {
    int status = response.status();
    String hint = hint(status);
    ObjectNode s =
        Json.object()
            .put("status", status)
            .put("error", "streak_error")
            .put("message", message)
            .put("hint", hint);
    String text =
        "Streak answered HTTP " + status + (message.isEmpty() ? "" : ": " + message) + ". " + hint;
    return ToolOutcome.error(text, s, response.rateLimit());
  }

  /** Streak's own error message: the {@code error} or {@code message} field, or the text. */
  static String message(StreakResponse response) {
    String raw = new String(response.body(), StandardCharsets.UTF_8).strip();
    try {
      JsonNode body = Json.MAPPER.readTree(raw);
      for (String field : new String[] {"error", "message"}) {
        if (body != null && body.path(field).isString()) {
          return clip(body.get(field).asString());
        }
      }
    } catch (RuntimeException e) {
      // Not JSON: fall through to the text.
    }
    return clip(raw.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
  }

  private static String hint(int status) {
    return switch (status) {
      case 400 ->
          "Streak rejected the request: check each argument against the tool's"
              + " description; keys must come from the tools named there.";
      case 401, 403 ->
          "The Streak API key was refused or cannot see this item: ask the user to"
              + " check the key and the item's sharing.";
      case 404 ->
          "Nothing with that key exists for this account: look the key up again with"
              + " the tool named in the argument's description.";
      case 409 -> "The change conflicts with the item's current state: read it again, then retry.";
      case 410 -> "Streak has retired this endpoint; use another tool.";
      default ->
          status >= 500
              ? "Streak had a problem of its own: try again shortly; for a change, read first to see"
                  + " whether it went through."
              : "Check the arguments and try again.";
    };
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }
}
