package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.tool.ToolDefinition;
import io.streakmcp.runtime.tool.ToolKind;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Turns a server's {@code methods} and {@code tags} into the tools it offers. Methods accept {@code
 * read} (get and list), {@code write} (create, update, delete), {@code custom}, a single kind, or
 * an exact tool name; tags match the records' tags. The two combine with AND; an empty list does
 * not filter.
 */
public final class ToolFilter {
  static final List<String> GROUPS = List.of("read", "write", "custom");

  private ToolFilter() {}

  /**
   * How problems name the settings, so each front end speaks in its own terms.
   *
   * @param methods the name of the methods setting
   * @param tags the name of the tags setting
   * @param both how a sentence about both settings begins
   */
  public record Labels(String methods, String tags, String both) {
    /** The admin API's JSON fields. */
    public static final Labels CONFIG =
        new Labels("config.methods", "config.tags", "config: methods");
  }

  /** What would go wrong with a config, in the admin API's terms; empty when fine. */
  public static List<String> problems(ServerConfig config, ToolCatalog catalog) {
    return problems(config, catalog, Labels.CONFIG);
  }

  /** What would go wrong with a config, in words that list what is valid; empty when fine. */
  public static List<String> problems(ServerConfig config, ToolCatalog catalog, Labels labels) {
    List<String> problems = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    Set<String> tags = new TreeSet<>();
    for (ToolEntry e : catalog.all()) {
      names.add(e.name());
      tags.addAll(e.definition().tags());
    }
    List<String> unknownMethods =
        config.methods().stream()
            .filter(m -> !GROUPS.contains(m) && kind(m) == null && !names.contains(m))
            .toList();
    if (!unknownMethods.isEmpty()) {
      problems.add(
          labels.methods()
              + ": unknown "
              + unknownMethods
              + "; valid: read, write, custom,"
              + " list, get, create, update, delete, or a tool name such as "
              + String.join(", ", names.stream().limit(3).toList()));
    }
    List<String> unknownTags = config.tags().stream().filter(t -> !tags.contains(t)).toList();
    if (!unknownTags.isEmpty()) {
      problems.add(
          labels.tags() + ": unknown " + unknownTags + "; valid: " + String.join(", ", tags));
    }
    if (problems.isEmpty() && catalog.filter(predicate(config)).size() == 0) {
      problems.add(
          labels.both()
              + " "
              + config.methods()
              + " and tags "
              + config.tags()
              + " together match no tool; widen one of them (tags: "
              + String.join(", ", tags)
              + ")");
    }
    return problems;
  }

  public static Predicate<ToolDefinition> predicate(ServerConfig config) {
    Predicate<ToolDefinition> methods =
        config.methods().isEmpty()
            ? d -> true
            : d -> config.methods().stream().anyMatch(m -> matches(m, d));
    Predicate<ToolDefinition> tags =
        config.tags().isEmpty()
            ? d -> true
            : d -> d.tags().stream().anyMatch(config.tags()::contains);
    return methods.and(tags);
  }

  private static boolean matches(String word, ToolDefinition d) {
    return switch (word) {
      case "read" -> d.kind().isRead();
      case "write" -> d.kind().isWrite();
      case "custom" -> d.kind() == ToolKind.CUSTOM;
      default -> word.equals(d.name()) || d.kind() == kind(word);
    };
  }

  private static ToolKind kind(String word) {
    for (ToolKind k : ToolKind.values()) {
      if (k != ToolKind.CUSTOM && k.name().toLowerCase(Locale.ROOT).equals(word)) {
        return k;
      }
    }
    return null;
  }
}
