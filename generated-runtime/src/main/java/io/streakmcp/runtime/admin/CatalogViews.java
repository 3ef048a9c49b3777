package io.streakmcp.runtime.admin;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ToolFilter;
import io.streakmcp.runtime.tool.ToolKind;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a server filter can choose from, and what a given filter would expose, for whoever builds a
 * server (the admin page's checkboxes and its live preview).
 */
final class CatalogViews {
  /**
   * Bytes per token in the estimate. Tokenizers differ by model and none ships with the JVM; JSON
   * Schema text runs at about four bytes a token for the common ones, so the figure is labelled an
   * estimate wherever it is shown.
   */
  static final int BYTES_PER_TOKEN = 4;

  private CatalogViews() {}

  /** The method words, the tags that exist, and every tool with its kind, tags and title. */
  static ObjectNode catalog(ToolCatalog catalog) {
    ObjectNode out = Json.object();
    ArrayNode methods = out.putArray("methods");
    methods.add("read").add("write").add("custom");
    for (ToolKind k : ToolKind.values()) {
      if (k != ToolKind.CUSTOM) {
        methods.add(k.name().toLowerCase(Locale.ROOT));
      }
    }
    Set<String> tags = new TreeSet<>();
    ArrayNode tools = out.putArray("tools");
    for (ToolEntry e : catalog.all()) {
      tags.addAll(e.definition().tags());
      ObjectNode t =
          tools
              .addObject()
              .put("name", e.name())
              .put("title", e.definition().title())
              .put("kind", e.definition().kind().name().toLowerCase(Locale.ROOT));
      e.definition().tags().forEach(t.putArray("tags")::add);
    }
    tags.forEach(out.putArray("tags")::add);
    return out;
  }

  /**
   * The tools a server with {@code config} lists, in tools/list order, and the size of their
   * tools/list entries as the newest protocol revision sends them. Box tools grow a little at run
   * time by the account's own stages and fields, which a preview cannot know without calling
   * Streak.
   */
  static ObjectNode preview(ToolCatalog catalog, ServerConfig config) {
    ToolCatalog offered = catalog.filter(ToolFilter.predicate(config));
    ObjectNode out = Json.object();
    ArrayNode names = out.putArray("tools");
    ArrayNode wire = Json.array();
    for (ToolEntry e : offered.all()) {
      names.add(e.name());
      wire.add(ToolCatalog.wire(e, true, true));
    }
    int bytes = Json.bytes(Json.object().set("tools", wire)).length;
    out.put("count", offered.size());
    out.put("tools_list_bytes", bytes);
    out.put("tokens_estimate", (bytes + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN);
    out.putArray("problems");
    ToolFilter.problems(config, catalog).forEach(out.withArray("problems")::add);
    return out;
  }
}
