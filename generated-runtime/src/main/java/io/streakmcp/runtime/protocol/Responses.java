package io.streakmcp.runtime.protocol;

import io.streakmcp.runtime.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds JSON-RPC response objects. */
public final class Responses {
  private Responses() {}

  public static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode r = Json.object().put("jsonrpc", "2.0");
    r.set("id", id == null ? NullNode.getInstance() : id);
    r.set("result", result);
    return r;
  }

  public static ObjectNode error(JsonNode id, RpcException e) {
    ObjectNode r = Json.object().put("jsonrpc", "2.0");
    r.set("id", id == null ? NullNode.getInstance() : id);
    ObjectNode error = r.putObject("error").put("code", e.code()).put("message", e.getMessage());
    if (e.data() != null) {
      error.set("data", e.data());
    }
    return r;
  }

  public static ObjectNode notification(String method, ObjectNode params) {
    ObjectNode n = Json.object().put("jsonrpc", "2.0").put("method", method);
    if (params != null) {
      n.set("params", params);
    }
    return n;
  }
}
