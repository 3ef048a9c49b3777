package io.streakmcp.generator.report;

import io.streakmcp.generator.model.DroppedMethod;
import io.streakmcp.generator.model.ToolSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats the report the generate goal logs and stores beside its output. */
public final class GenerationReport {
  private GenerationReport() {}

  public static String format(ToolSet set, List<ToolCost> costs) {
    List<String> lines = new ArrayList<>();
    lines.add("Streak MCP generation report");
    lines.add(
        String.format(
            Locale.ROOT,
            "%d of %d Streak methods generated as tools; %d dropped",
            set.tools().size(),
            set.methodCount(),
            set.dropped().size()));
    lines.add("");
    lines.add("Generated tools (" + set.tools().size() + "):");
    Map<String, Integer> byTool = new LinkedHashMap<>();
    costs.forEach(c -> byTool.put(c.tool(), c.total()));
    set.tools()
        .forEach(
            t ->
                lines.add(
                    String.format(
                        Locale.ROOT,
                        "  %-48s %-6s %4d tokens  %s",
                        t.name(),
                        t.kind().name().toLowerCase(Locale.ROOT),
                        byTool.get(t.name()),
                        t.route())));
    lines.add("");
    lines.add("Dropped methods (" + set.dropped().size() + "):");
    for (DroppedMethod d : set.dropped()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-48s [%s] %s: %s",
              d.tool(),
              d.reason().code(),
              d.route(),
              d.detail()));
    }
    lines.add("");
    lines.addAll(tokenSection(costs));
    return String.join("\n", lines) + "\n";
  }

  private static List<String> tokenSection(List<ToolCost> costs) {
    List<String> lines = new ArrayList<>();
    int total = costs.stream().mapToInt(ToolCost::total).sum();
    double mean = costs.isEmpty() ? 0 : (double) total / costs.size();
    lines.add(
        String.format(
            Locale.ROOT,
            "tools/list size (o200k_base, outputSchema excluded): %d tokens total, %.1f per tool",
            total,
            mean));
    lines.add("Largest five:");
    costs.stream()
        .sorted(Comparator.comparingInt(ToolCost::total).reversed().thenComparing(ToolCost::tool))
        .limit(5)
        .forEach(
            c -> lines.add(String.format(Locale.ROOT, "  %-48s %4d tokens", c.tool(), c.total())));
    lines.add("Where the tokens go (marginal cost of each part, summed over all tools):");
    Map<String, Integer> parts = new LinkedHashMap<>();
    costs.forEach(c -> c.parts().forEach((k, v) -> parts.merge(k, v, Integer::sum)));
    for (String part :
        List.of(
            CostEstimator.DESCRIPTION,
            CostEstimator.ARGUMENT_TEXT,
            CostEstimator.CHAINING,
            CostEstimator.PAGING,
            CostEstimator.ANNOTATIONS,
            CostEstimator.TITLE,
            CostEstimator.STRUCTURE)) {
      int v = parts.getOrDefault(part, 0);
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-34s %6d tokens  %5.1f%%",
              part,
              v,
              total == 0 ? 0.0 : 100.0 * v / total));
    }
    return lines;
  }
}
