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
  void partsAddUpToTheTotalOfEachTool() throws Exception {
    ToolSet tools = Models.tiny(work);
    var output = new ToolSetGenerator(new CostEstimator(new TokenCounter())).generate(tools, "x.y");
    for (ToolCost cost : output.costs()) {
      int parts = cost.parts().values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(cost.total(), parts, cost.tool());
      assertTrue(cost.parts().get(CostEstimator.DESCRIPTION) > 0, cost.tool());
    }
  }

  @Test
  void tokenCounterUsesO200k() {
    // o200k_base encodes this in 10 tokens; cl100k_base, the older encoding, needs 12.
    assertEquals(10, new TokenCounter().count("Déjà vu: 日本語のテキスト"));
  }
}
