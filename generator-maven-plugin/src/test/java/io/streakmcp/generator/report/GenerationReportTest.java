package io.streakmcp.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.ToolSetGenerator;
import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.support.Models;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationReportTest {
  @TempDir Path work;

  @Test
  void reportListsToolsDropsAndTokenTotals() throws Exception {
    ToolSet tools = Models.tiny(work);
    var output = new ToolSetGenerator(new CostEstimator(new TokenCounter())).generate(tools, "x.y");
    String report = GenerationReport.format(tools, output.costs());
    assertTrue(report.contains("4 of 5 Streak methods generated as tools; 1 dropped"), report);
    assertTrue(
        report.matches(
            "(?s).*delete_a_streak_widget_by_id\\s+\\[GATE-UNDOCUMENTED] "
                + "DELETE /v1/widgets/\\{widgetKey}.*"),
        report);
    int total = output.costs().stream().mapToInt(ToolCost::total).sum();
    assertTrue(report.contains(total + " tokens total"), report);
  }

  @Test
  void eachPartIsChargedOnlyWhereItExists() throws Exception {
    ToolSet tools = Models.tiny(work);
    var output = new ToolSetGenerator(new CostEstimator(new TokenCounter())).generate(tools, "x.y");
    java.util.Map<String, ToolCost> byTool = new java.util.HashMap<>();
    output.costs().forEach(c -> byTool.put(c.tool(), c));
    ToolCost list = byTool.get("list_all_streak_widgets");
    ToolCost get = byTool.get("get_single_streak_widget_by_id");
    ToolCost hostile = byTool.get("echo_streak_hostile_text");
    assertTrue(list.parts().get(CostEstimator.PAGING) > 0, "a list tool pays for paging");
    assertEquals(0, get.parts().get(CostEstimator.PAGING), "a get tool does not");
    assertTrue(get.parts().get(CostEstimator.CHAINING) > 0, "widget_key names its source");
    assertEquals(0, hostile.parts().get(CostEstimator.CHAINING), "no source, no hint");
    assertTrue(get.parts().get(CostEstimator.ANNOTATIONS) > 0);
    assertTrue(get.parts().get(CostEstimator.DESCRIPTION) > 0);
  }

  @Test
  void tokenCounterUsesO200k() {
    // o200k_base encodes this in 10 tokens; cl100k_base, the older encoding, needs 12.
    assertEquals(10, new TokenCounter().count("Déjà vu: 日本語のテキスト"));
  }
}
