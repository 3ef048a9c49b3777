package io.streakmcp.bench;

import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The same tools, for the peers: every generated tool's name, description, input schema and HTTP
 * binding (verb, path, which argument goes where), written as JSON that the Java and TypeScript
 * peers read, so both serve exactly the catalog this server serves.
 */
final class PeerTools {
  private PeerTools() {}

  static ArrayNode export() {
    ArrayNode out = JsonMapper.shared().createArrayNode();
    for (ToolEntry t : ToolCatalog.of(new StreakToolRegistry()).all()) {
      HttpBinding b = t.definition().binding();
      ObjectNode o = out.addObject();
      o.put("name", t.name());
      o.put("description", t.definition().description());
      o.set("inputSchema", t.inputSchema());
      o.put("verb", b.verb().name());
      o.put("path", "/" + b.version().segment() + b.pathTemplate());
      ArrayNode args = o.putArray("arguments");
      for (ArgumentBinding a : b.arguments()) {
        args.addObject()
            .put("argument", a.argument())
            .put("apiName", a.apiName())
            .put("location", a.location().name());
      }
    }
    return out;
  }

  static Path write(Path file) throws Exception {
    Files.writeString(file, JsonMapper.shared().writeValueAsString(export()));
    return file;
  }
}
