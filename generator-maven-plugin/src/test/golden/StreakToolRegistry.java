package com.example.streak;

import com.example.streak.tools.EchoStreakHostileText;
import com.example.streak.tools.GetSingleStreakWidgetById;
import com.example.streak.tools.ListAllStreakWidgets;
import com.example.streak.tools.UpdateAStreakWidgetById;
import io.streakmcp.runtime.tool.StreakTool;
import io.streakmcp.runtime.tool.ToolRegistry;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Every generated Streak tool, sorted by name: the dispatch table.
 */
@Generated("io.streakmcp.generator.java.RegistryGenerator")
public final class StreakToolRegistry implements ToolRegistry {
  /**
   * How many tools were generated.
   */
  public static final int TOOL_COUNT = 4;

  private static final List<StreakTool> TOOLS = List.of(
      new EchoStreakHostileText(),
      new GetSingleStreakWidgetById(),
      new ListAllStreakWidgets(),
      new UpdateAStreakWidgetById());

  @Override
  public List<StreakTool> tools() {
    return TOOLS;
  }

  @Override
  public Optional<StreakTool> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name) {
      case EchoStreakHostileText.NAME -> Optional.of(TOOLS.get(0));
      case GetSingleStreakWidgetById.NAME -> Optional.of(TOOLS.get(1));
      case ListAllStreakWidgets.NAME -> Optional.of(TOOLS.get(2));
      case UpdateAStreakWidgetById.NAME -> Optional.of(TOOLS.get(3));
      default -> Optional.empty();
    };
  }
}
