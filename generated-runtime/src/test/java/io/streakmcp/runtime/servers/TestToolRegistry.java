package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.tool.ApiVersion;
import io.streakmcp.runtime.tool.BodyEncoding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.HttpVerb;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.StreakTool;
import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tool.ToolDefinition;
import io.streakmcp.runtime.tool.ToolKind;
import io.streakmcp.runtime.tool.ToolRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A hand-written stand-in for the generated dispatch table: a few tools of every kind, with tags,
 * whose input schemas are the test resources under {@code test-tools/}.
 */
final class TestToolRegistry implements ToolRegistry {
  private final List<StreakTool> tools =
      List.of(
              tool("list_boxes", ToolKind.LIST, HttpVerb.GET, "box"),
              tool("get_box", ToolKind.GET, HttpVerb.GET, "box"),
              tool("create_box", ToolKind.CREATE, HttpVerb.PUT, "box"),
              tool("update_box", ToolKind.UPDATE, HttpVerb.POST, "box"),
              tool("delete_box", ToolKind.DELETE, HttpVerb.DELETE, "box"),
              tool("list_tasks", ToolKind.LIST, HttpVerb.GET, "task", "box"),
              tool("create_task", ToolKind.CREATE, HttpVerb.POST, "task"),
              tool("get_pipeline", ToolKind.GET, HttpVerb.GET, "pipeline"),
              tool("search_everything", ToolKind.CUSTOM, HttpVerb.GET, "search"))
          .stream()
          .sorted(Comparator.comparing(t -> t.definition().name()))
          .toList();

  @Override
  public List<StreakTool> tools() {
    return tools;
  }

  @Override
  public Optional<StreakTool> find(String name) {
    return tools.stream().filter(t -> t.definition().name().equals(name)).findFirst();
  }

  private static StreakTool tool(String name, ToolKind kind, HttpVerb verb, String... tags) {
    ToolDefinition d =
        new ToolDefinition(
            name,
            name.replace('_', ' '),
            "Test tool " + name,
            kind,
            tags[0],
            List.of(tags),
            new ToolAnnotations(kind.isRead(), kind == ToolKind.DELETE, null, null),
            new HttpBinding(
                verb,
                ApiVersion.V2,
                "/" + name,
                BodyEncoding.NONE,
                PagingStyle.NONE,
                ResultShape.OBJECT,
                List.of()),
            "test-tools/" + name + ".input.json",
            null);
    return () -> d;
  }
}
