package io.streakmcp.runtime.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One JSON-RPC message from a client, already checked for shape.
 *
 * @param id the request id (a string or integer node), or null for notifications and responses
 * @param method the method, or null for responses
 * @param params the params object (empty when absent)
 * @param kind request, notification, or a response to a server request
 */
public record IncomingMessage(JsonNode id, String method, ObjectNode params, Kind kind) {

  /** What the message is. */
  public enum Kind {
    REQUEST,
    NOTIFICATION,
    RESPONSE
  }

  public boolean isRequest() {
    return kind == Kind.REQUEST;
  }
}
