package io.streakmcp.generator.report;

import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tools.ToolCatalog;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A tool as tools/list serves it (without outputSchema): what the token budget measures. */
public final class ToolWire {
  private ToolWire() {}

  public static ObjectNode of(
      String name,
      String title,
      String description,
      ObjectNode inputSchema,
      ToolAnnotations annotations) {
    ObjectNode tool =
        JsonNodeFactory.instance
            .objectNode()
            .put("name", name)
            .put("title", title)
            .put("description", description);
    tool.set("inputSchema", inputSchema);
    ObjectNode hints = annotations(annotations);
    if (!hints.isEmpty()) {
      tool.set("annotations", hints);
    }
    return tool;
  }

  /** Only the hints that are set, exactly as the runtime serves them. */
  public static ObjectNode annotations(ToolAnnotations a) {
    return ToolCatalog.hints(a);
  }
}
