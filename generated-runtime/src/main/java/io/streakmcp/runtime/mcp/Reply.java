package io.streakmcp.runtime.mcp;

import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the engine answers to one message.
 *
 * @param body the JSON-RPC response, or null for a notification (HTTP 202)
 * @param status the HTTP status the transport should use
 * @param headers extra HTTP headers, such as the normalised rate-limit ones
 */
public record Reply(ObjectNode body, int status, Map<String, String> headers) {

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply accepted() {
    return new Reply(null, 202, Map.of());
  }

  public static Reply ok(ObjectNode body) {
    return new Reply(body, 200, Map.of());
  }
}
