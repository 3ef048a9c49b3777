package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.RateLimit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The result of one tools/call, before the protocol layer adapts it to the client's revision.
 *
 * @param text what the model reads
 * @param structured the structured result, or null
 * @param isError whether the call failed
 * @param rateLimit what Streak said about its rate limit, for the transport's headers
 */
public record ToolOutcome(
    String text, ObjectNode structured, boolean isError, RateLimit rateLimit) {

  /**
   * The normalised {@code ratelimit-*} headers (IETF draft names) for what Streak said; a value it
   * did not send has no header.
   */
  public Map<String, String> rateLimitHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (rateLimit.limit() >= 0) {
      headers.put("ratelimit-limit", Long.toString(rateLimit.limit()));
    }
    if (rateLimit.remaining() >= 0) {
      headers.put("ratelimit-remaining", Long.toString(rateLimit.remaining()));
    }
    if (rateLimit.reset() >= 0) {
      headers.put("ratelimit-reset", Long.toString(rateLimit.reset()));
    }
    if (rateLimit.retryAfter() >= 0) {
      headers.put("retry-after", Long.toString(rateLimit.retryAfter()));
    }
    return headers;
  }

  static ToolOutcome ok(ObjectNode structured, RateLimit rateLimit) {
    return new ToolOutcome(Json.write(structured), structured, false, rateLimit);
  }

  static ToolOutcome text(String text, RateLimit rateLimit) {
    return new ToolOutcome(text, null, false, rateLimit);
  }

  static ToolOutcome error(String text, ObjectNode structured, RateLimit rateLimit) {
    return new ToolOutcome(text, structured, true, rateLimit);
  }
}
