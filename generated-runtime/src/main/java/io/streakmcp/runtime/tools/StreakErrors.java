package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.RateLimit;
import io.streakmcp.runtime.streak.StreakResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a failed Streak answer into a tool error a model can act on: the status, Streak's own
 * message, and what to try next. A 429 also carries the normalised rate-limit values.
 */
final class StreakErrors {
  /** The wait suggested when Streak sends none. */
  static final long DEFAULT_WAIT_SECONDS = 1;

  private StreakErrors() {}

  /**
   * A 429. The result and the headers carry what Streak said, normalised; a value Streak did not
   * send is null in the result and absent from the headers, never made up. Only the wait has a
   * fallback, one second, since Streak documents about ten requests a second.
   */
  static ToolOutcome rateLimited(RateLimit given) {
    long retryAfter =
        given.retryAfter() >= 0
            ? given.retryAfter()
            : given.reset() >= 0 ? given.reset() : DEFAULT_WAIT_SECONDS;
    boolean guessed = given.retryAfter() < 0 && given.reset() < 0;
    ObjectNode s =
        Json.object()
            .put("status", 429)
            .put("error", "rate_limited")
            .put("retry_after", retryAfter);
    ObjectNode limits = s.putObject("ratelimit");
    putKnown(limits, "limit", given.limit());
    putKnown(limits, "remaining", given.remaining());
    putKnown(limits, "reset", given.reset());
    String text =
        "Streak's rate limit was reached (HTTP 429); nothing was changed and the call"
            + " was not retried. Wait "
            + retryAfter
            + " s before calling Streak again"
            + (guessed ? " (Streak sent no wait time; 1 s matches its documented rate)" : "")
            + " (limit "
            + shown(given.limit())
            + ", remaining "
            + shown(given.remaining())
            + ", resets in "
            + shown(given.reset())
            + " s).";
    return ToolOutcome.error(text, s, given);
  }

  private static void putKnown(ObjectNode node, String field, long value) {
    if (value >= 0) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static String shown(long value) {
    return value >= 0 ? Long.toString(value) : "unknown";
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

  /**
   * Streak's own error message: the {@code error} or {@code message} field, or the text, with the
   * account's secrets taken out before it is shortened. (Shortened first, a key that crossed the
   * cut was no longer whole, and its first part went through to the model.)
   */
  static String message(StreakResponse response, UnaryOperator<String> redact) {
    String raw = new String(response.body(), StandardCharsets.UTF_8).strip();
    try {
      JsonNode body = Json.read(raw);
      for (String field : new String[] {"error", "message"}) {
        if (body != null && body.path(field).isString()) {
          return clip(redact.apply(body.get(field).asString()));
        }
      }
    } catch (RuntimeException e) {
      // Not JSON: fall through to the text.
    }
    return clip(redact.apply(raw).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
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
      case 301, 302, 303, 307, 308 ->
          "Streak redirected the call, which the server does not"
              + " follow: check the configured Streak base URL (it should be"
              + " https://api.streak.com/api).";
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
