package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every generated input schema compiles and enforces its required arguments. Validators compile on
 * a tool's first call, so without this a broken schema would surface only when a model calls it.
 */
class GeneratedSchemasTest {
  @Test
  void everyToolsValidatorCompilesAndNamesEachMissingRequiredArgument() {
    ToolCatalog catalog = ToolCatalog.of(new StreakToolRegistry());
    assertTrue(catalog.size() > 50, "the whole generated catalog: " + catalog.size());
    for (ToolEntry tool : catalog.all()) {
      List<String> required = new ArrayList<>();
      tool.inputSchema().path("required").forEach(r -> required.add(r.asString()));
      List<String> problems = tool.validator().validate(JsonMapper.shared().createObjectNode());
      assertEquals(required.size(), problems.size(), tool.name() + ": " + problems);
      for (String name : required) {
        assertTrue(
            problems.stream().anyMatch(p -> p.startsWith("`" + name + "` is required")),
            tool.name() + " should name " + name + ": " + problems);
      }
    }
  }
}
