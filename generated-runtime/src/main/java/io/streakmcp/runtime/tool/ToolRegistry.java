package io.streakmcp.runtime.tool;

import java.util.List;
import java.util.Optional;

/**
 * Lists every generated tool. Exactly one generated class implements it: the dispatch table. The
 * runtime never scans the classpath or uses reflection to find tools.
 */
public interface ToolRegistry {

  /** Every tool, sorted by name. */
  List<StreakTool> tools();

  /** The tool with this exact name, if it was generated. */
  Optional<StreakTool> find(String name);
}
