package io.streakmcp.generator.model;

import java.util.List;

/**
 * The outcome of the model stage: the tools to generate and the methods the gate left out.
 *
 * @param tools the tools, sorted by name
 * @param dropped the dropped methods, sorted by name
 * @param methodCount how many methods the surface lists
 */
public record ToolSet(List<ToolModel> tools, List<DroppedMethod> dropped, int methodCount) {

  public ToolSet {
    tools = List.copyOf(tools);
    dropped = List.copyOf(dropped);
  }
}
