package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an MCP server is locked down.
 *
 * @param methods method filter words (read, write, custom, a kind, or a tool name); empty: all
 * @param tags tags a tool must have one of; empty: any
 * @param requireApiTokenAuth MCP requests must also carry a platform API token
 */
public record ServerConfig(List<String> methods, List<String> tags, boolean requireApiTokenAuth) {

  public ServerConfig {
    methods = List.copyOf(methods);
    tags = List.copyOf(tags);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    methods.forEach(node.putArray("methods")::add);
    tags.forEach(node.putArray("tags")::add);
    node.put("require_api_token_auth", requireApiTokenAuth);
    return node;
  }

  /** Reads the stored form; the admin API has validated it before it was stored. */
  public static ServerConfig fromJson(JsonNode node) {
    return new ServerConfig(
        strings(node.path("methods")),
        strings(node.path("tags")),
        node.path("require_api_token_auth").asBoolean(false));
  }

  private static List<String> strings(JsonNode array) {
    return array.isArray() ? array.valueStream().map(JsonNode::asString).toList() : List.of();
  }
}
