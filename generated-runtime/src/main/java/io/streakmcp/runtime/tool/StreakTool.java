package io.streakmcp.runtime.tool;

/** The interface every generated tool class implements. */
public interface StreakTool {

  /** The tool's name, description, annotations and HTTP binding. */
  ToolDefinition definition();
}
