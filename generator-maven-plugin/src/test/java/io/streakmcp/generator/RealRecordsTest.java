package io.streakmcp.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.generator.model.ModelAssembler;
import io.streakmcp.generator.model.QualityGate;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.records.DocumentationReader;
import io.streakmcp.generator.report.CostEstimator;
import io.streakmcp.generator.report.TokenCounter;
import io.streakmcp.generator.report.ToolCost;
import io.streakmcp.generator.schema.PortableSchemaRules;
import io.streakmcp.generator.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Guards on the real streak-docs records: coverage, heroes, the token budget, portability. */
class RealRecordsTest {
  /** The average budget per tool, outputSchema excluded (o200k). */
  private static final double TOKEN_BUDGET = 117.0;

  static ToolSet tools;
  static ToolSetGenerator.Output output;

  @BeforeAll
  static void generate() throws Exception {
    tools =
        new ModelAssembler(new QualityGate(40))
            .assemble(new DocumentationReader().read(Fixtures.realDocs()));
    output =
        new ToolSetGenerator(new CostEstimator(new TokenCounter()))
            .generate(tools, "io.streakmcp.generated");
  }

  @Test
  void coversAtLeastFortyFiveMethodsIncludingEveryHeroTool() {
    List<String> names = tools.tools().stream().map(ToolModel::name).toList();
    assertTrue(names.size() >= 45, names.size() + " tools");
    for (String hero :
        List.of(
            "list_all_streak_pipelines",
            "list_all_streak_boxes",
            "get_single_streak_box_by_id",
            "update_a_streak_box_by_id",
            "list_all_streak_box_tasks",
            "create_a_streak_box_task")) {
      assertTrue(names.contains(hero), hero);
    }
    assertTrue(tools.dropped().size() > 0, "some methods stay undocumented on purpose");
  }

  @Test
  void toolsListStaysWithinTheTokenBudget() {
    double mean = output.costs().stream().mapToInt(ToolCost::total).average().orElseThrow();
    assertTrue(mean <= TOKEN_BUDGET, "mean " + mean + " tokens per tool > " + TOKEN_BUDGET);
  }

  @Test
  void everyInputSchemaKeepsToThePortableSubset() {
    tools
        .tools()
        .forEach(
            t -> {
              String path = ToolSetGenerator.SCHEMA_DIR + t.name() + ".input.json";
              String json =
                  output.files().stream()
                      .filter(f -> f.path().equals(path))
                      .findFirst()
                      .orElseThrow()
                      .content();
              JsonNode schema = JsonMapper.shared().readTree(json);
              assertEquals("object", schema.get("type").asString(), t.name());
              // A tool without arguments has no properties at all: Gemini rejects an empty one.
              if (t.arguments().isEmpty() && !t.paged()) {
                assertEquals("{\"type\":\"object\"}", schema.toString(), t.name());
              } else {
                assertTrue(!schema.get("properties").isEmpty(), t.name());
                schema.get("properties").forEach(p -> checkPortable(t.name(), p));
              }
              schema
                  .properties()
                  .forEach(
                      e ->
                          assertTrue(
                              PortableSchemaRules.KEYWORDS.contains(e.getKey()),
                              t.name() + ": " + e.getKey()));
            });
  }

  @Test
  void everyKeyArgumentSaysWhichToolSuppliesIt() {
    for (ToolModel t : tools.tools()) {
      t.arguments().stream()
          .filter(a -> a.name().endsWith("_key"))
          .filter(a -> !isOwnKeyFromAnotherList(t, a.name()))
          .forEach(
              a ->
                  assertTrue(
                      a.spec().source() != null, t.name() + "." + a.name() + " has no source"));
    }
  }

  /** A user key in get_single_streak_user_by_id is the one path key with several sources. */
  private static boolean isOwnKeyFromAnotherList(ToolModel t, String argument) {
    return t.name().equals("get_single_streak_user_by_id") && argument.equals("user_key");
  }

  private static void checkPortable(String tool, JsonNode schema) {
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      assertTrue(
          PortableSchemaRules.KEYWORDS.contains(e.getKey()),
          tool + ": keyword " + e.getKey() + " is outside the portable subset");
    }
    if ("object".equals(schema.path("type").asString())) {
      assertTrue(
          schema.has("properties") && !schema.get("properties").isEmpty(),
          tool + ": free-form object");
      schema.get("properties").forEach(p -> checkPortable(tool, p));
    }
    if (schema.has("items")) {
      checkPortable(tool, schema.get("items"));
    }
    if (schema.has("type")) {
      assertTrue(schema.get("type").isString(), tool + ": type arrays are not portable");
    }
  }
}
