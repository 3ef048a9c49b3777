package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.tool.StreakTool;
import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tool.ToolDefinition;
import io.streakmcp.runtime.tool.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools one server offers, in name order, with their schemas loaded once from the registry's
 * classpath. A filtered catalog is a view; nothing is loaded twice.
 */
public final class ToolCatalog {
  private final Map<String, ToolEntry> entries;

  private ToolCatalog(Map<String, ToolEntry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** Every tool of a generated registry. */
  public static ToolCatalog of(ToolRegistry registry) {
    ClassLoader loader = registry.getClass().getClassLoader();
    Map<String, ToolEntry> entries = new LinkedHashMap<>();
    for (StreakTool tool : registry.tools()) {
      ToolDefinition d = tool.definition();
      ObjectNode input = load(loader, d.inputSchemaResource());
      ObjectNode output =
          d.outputSchemaResource() == null ? null : load(loader, d.outputSchemaResource());
      entries.put(d.name(), new ToolEntry(d, input, output, new ArgumentValidator(input)));
    }
    return new ToolCatalog(entries);
  }

  /** The tools a predicate keeps, in the same order. */
  public ToolCatalog filter(Predicate<ToolDefinition> keep) {
    Map<String, ToolEntry> kept = new LinkedHashMap<>();
    entries.forEach(
        (name, entry) -> {
          if (keep.test(entry.definition())) {
            kept.put(name, entry);
          }
        });
    return new ToolCatalog(kept);
  }

  public Optional<ToolEntry> find(String name) {
    return Optional.ofNullable(name == null ? null : entries.get(name));
  }

  public List<ToolEntry> all() {
    return new ArrayList<>(entries.values());
  }

  public int size() {
    return entries.size();
  }

  /**
   * The tool as tools/list serves it to a client of the given revision: titles and output schemas
   * from 2025-06-18, annotations from 2025-03-26.
   */
  public static ObjectNode wire(ToolEntry entry, boolean titlesAndOutput, boolean annotations) {
    ToolDefinition d = entry.definition();
    ObjectNode tool = Json.object().put("name", d.name());
    if (titlesAndOutput) {
      tool.put("title", d.title());
    }
    tool.put("description", d.description());
    tool.set("inputSchema", entry.inputSchema());
    if (titlesAndOutput && entry.outputSchema() != null) {
      tool.set("outputSchema", entry.outputSchema());
    }
    ObjectNode hints = hints(d.annotations());
    if (annotations && !hints.isEmpty()) {
      tool.set("annotations", hints);
    }
    return tool;
  }

  /**
   * The annotations object: only the hints that are set (an absent hint means the protocol
   * default). The generator's token count uses this too, so it counts what is served.
   */
  public static ObjectNode hints(ToolAnnotations a) {
    ObjectNode hints = Json.object();
    if (a.readOnlyHint() != null) {
      hints.put("readOnlyHint", a.readOnlyHint());
    }
    if (a.destructiveHint() != null) {
      hints.put("destructiveHint", a.destructiveHint());
    }
    if (a.idempotentHint() != null) {
      hints.put("idempotentHint", a.idempotentHint());
    }
    if (a.openWorldHint() != null) {
      hints.put("openWorldHint", a.openWorldHint());
    }
    return hints;
  }

  private static ObjectNode load(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("generated schema missing from the classpath: " + resource);
      }
      return (ObjectNode) Json.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
