package io.streakmcp.runtime.mcp;

import io.streakmcp.runtime.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the server introduces itself.
 *
 * @param name the implementation name
 * @param version the implementation version
 * @param instructions text for the model about using these tools, or null
 */
public record ServerInfo(String name, String version, String instructions) {

  /** Our default introduction: how Streak's keys chain, in as few tokens as it takes. */
  public static ServerInfo streak(String version) {
    return new ServerInfo(
        "streak-mcp",
        version,
        "Streak CRM tools. Keys chain: team -> pipeline -> stages, fields, boxes -> tasks,"
            + " comments. Start with list_all_streak_pipelines, then list_all_streak_boxes."
            + " Lists return next_cursor until the last page; pass it back unchanged.");
  }

  public ObjectNode implementation() {
    return Json.object().put("name", name).put("version", version);
  }
}
