package io.streakmcp.runtime.protocol;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.json.JsonSyntax;
import io.streakmcp.runtime.json.StrictUtf8;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns bytes into JSON and JSON into one {@link IncomingMessage}, with the error the spec wants
 * for each way that can fail: -32700 for anything that is not JSON, -32600 for JSON that is not one
 * JSON-RPC 2.0 message.
 */
public final class MessageParser {
  private MessageParser() {}

  /** Parses a body; throws -32700 (HTTP 400) when it is not UTF-8 JSON. */
  public static JsonNode parseJson(byte[] body) {
    String notUtf8 = StrictUtf8.problem(body);
    if (notUtf8 != null) {
      throw new RpcException(ErrorCodes.PARSE_ERROR, "Parse error: " + notUtf8, null, 400);
    }
    try {
      JsonNode node = Json.read(body);
      if (node == null || node.isMissingNode()) {
        throw new RpcException(ErrorCodes.PARSE_ERROR, "Parse error: the body is empty", null, 400);
      }
      return node;
    } catch (JacksonException e) {
      throw new RpcException(
          ErrorCodes.PARSE_ERROR,
          "Parse error: the body is not valid JSON: " + JsonSyntax.describe(e),
          null,
          400);
    }
  }

  /** Checks one JSON value is a JSON-RPC 2.0 message; throws -32600 (HTTP 400) if not. */
  public static IncomingMessage message(JsonNode node) {
    if (!node.isObject()) {
      throw invalid("a JSON-RPC message must be an object");
    }
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isString() || !"2.0".equals(version.stringValue())) {
      throw invalid("\"jsonrpc\" must be the string \"2.0\"");
    }
    JsonNode id = node.get("id");
    boolean hasId = id != null;
    if (hasId && !(id.isString() || id.isIntegralNumber())) {
      throw invalid("\"id\" must be a string or an integer");
    }
    JsonNode method = node.get("method");
    if (method == null) {
      if (hasId && (node.has("result") || node.has("error"))) {
        return new IncomingMessage(id, null, Json.object(), IncomingMessage.Kind.RESPONSE);
      }
      throw invalid("\"method\" is missing");
    }
    if (!method.isString() || method.stringValue().isEmpty()) {
      throw invalid("\"method\" must be a non-empty string");
    }
    JsonNode params = node.get("params");
    if (params != null && !params.isObject() && !params.isNull()) {
      throw new RpcException(ErrorCodes.INVALID_PARAMS, "\"params\" must be an object", null, 200);
    }
    ObjectNode p = params instanceof ObjectNode o ? o : Json.object();
    return new IncomingMessage(
        id,
        method.stringValue(),
        p,
        hasId ? IncomingMessage.Kind.REQUEST : IncomingMessage.Kind.NOTIFICATION);
  }

  /** The id of a message that failed validation, if it can be read, for the error response. */
  public static JsonNode readableId(JsonNode node) {
    JsonNode id = node == null ? null : node.get("id");
    return id != null && (id.isString() || id.isIntegralNumber()) ? id : null;
  }

  private static RpcException invalid(String why) {
    return new RpcException(ErrorCodes.INVALID_REQUEST, "Invalid request: " + why, null, 400);
  }
}
