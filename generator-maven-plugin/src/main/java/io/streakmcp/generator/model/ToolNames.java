package io.streakmcp.generator.model;

import io.streakmcp.generator.records.SurfaceMethod;
import java.util.regex.Pattern;

/**
 * Derives MCP tool names from surface facts, following Truto's scheme so agents that know one
 * Streak toolset recognise ours. Names are derived, never written, so they cannot drift.
 */
public final class ToolNames {
  /** What every MCP client accepts; checked at build time. */
  public static final Pattern VALID = Pattern.compile("^[a-z0-9_]{1,64}$");

  private ToolNames() {}

  /**
   * The tool name of a method.
   *
   * <ul>
   *   <li>list: {@code list_all_streak_<plural>}
   *   <li>get: {@code get_single_streak_<resource>_by_id}
   *   <li>create: {@code create_a_streak_<resource>}
   *   <li>update: {@code update_a_streak_<resource>_by_id}
   *   <li>delete: {@code delete_a_streak_<resource>_by_id}
   *   <li>custom: {@code <action>_streak_<resource>}
   * </ul>
   *
   * A {@code variant} is appended as {@code _<variant>}.
   */
  public static String derive(SurfaceMethod m) {
    String base =
        switch (m.kind()) {
          case "list" -> "list_all_streak_" + plural(m);
          case "get" -> "get_single_streak_" + m.resource() + "_by_id";
          case "create" -> "create_a_streak_" + m.resource();
          case "update" -> "update_a_streak_" + m.resource() + "_by_id";
          case "delete" -> "delete_a_streak_" + m.resource() + "_by_id";
          default -> (m.action() == null ? "custom" : m.action()) + "_streak_" + m.resource();
        };
    return m.variant() == null ? base : base + "_" + m.variant();
  }

  private static String plural(SurfaceMethod m) {
    return m.plural() != null ? m.plural() : m.resource() + "s";
  }
}
