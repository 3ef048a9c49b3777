package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.RateLimit;
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
