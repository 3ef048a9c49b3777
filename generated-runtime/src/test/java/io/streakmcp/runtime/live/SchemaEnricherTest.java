package io.streakmcp.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SchemaEnricherTest {
  private static final ObjectNode UPDATE_BOX =
      (ObjectNode)
          Json.MAPPER.readTree(
              "{\"type\":\"object\",\"properties\":{\"box_key\":{\"type\":\"string\"},"
                  + "\"stage_key\":{\"type\":\"string\",\"description\":\"The stage.\"}}}");

  /** An account of n pipelines, each with 10 stages and 25 fields of every type. */
  static AccountSchema account(int n) {
    List<AccountSchema.Pipeline> pipelines = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      int pipeline = p;
      List<AccountSchema.Option> stages =
          IntStream.range(0, 10)
              .mapToObj(s -> new AccountSchema.Option(pipeline + "-s" + s, "Stage " + pipeline + s))
              .toList();
      List<AccountSchema.Field> fields = new ArrayList<>();
      for (int f = 0; f < 25; f++) {
        String type = List.of("TEXT_INPUT", "DATE", "CHECKBOX", "DROPDOWN", "TAG").get(f % 5);
        List<AccountSchema.Option> items =
            IntStream.range(0, 12)
                .mapToObj(i -> new AccountSchema.Option("i" + i, "Item " + i))
                .toList();
        fields.add(
            new AccountSchema.Field(
                pipeline + "-f" + f,
                "Field " + pipeline + "." + f,
                type,
                type.equals("DROPDOWN") || type.equals("TAG") ? items : List.of()));
      }
      pipelines.add(new AccountSchema.Pipeline("p" + p, "Pipeline " + p, stages, fields));
    }
    return new AccountSchema(pipelines, "fp");
  }

  private static int size(int pipelines) {
    return SchemaEnricher.enrich(SchemaEnricher.FIELDS_TOOL, UPDATE_BOX, account(pipelines))
        .toString()
        .length();
  }

  @Test
  void anEnrichedToolGrowsByABoundedAmountHoweverManyPipelines() {
    int six = size(SchemaEnricher.MAX_PIPELINES);
    // Past the bound only the "+N pipelines" count changes (one more digit at most).
    assertTrue(size(20) - six <= 40, "20 pipelines: " + size(20) + " vs " + six);
    assertEquals(size(20), size(90), "90 pipelines cost what 20 do");
    assertTrue(size(2) < six, "below the bound, fewer pipelines are smaller");
  }

  @Test
  void fieldsAreTypedAndBoundedAndTheOriginalSchemaIsUntouched() {
    String before = UPDATE_BOX.toString();
    ObjectNode enriched = SchemaEnricher.enrich(SchemaEnricher.FIELDS_TOOL, UPDATE_BOX, account(1));
    assertEquals(before, UPDATE_BOX.toString(), "the static schema is never changed");
    ObjectNode fields = (ObjectNode) enriched.path("properties").path("fields").path("properties");
    assertEquals(SchemaEnricher.MAX_FIELDS, fields.size());
    assertEquals("boolean", fields.path("field_0_2").path("type").asString());
    assertEquals("array", fields.path("field_0_4").path("type").asString());
    // 12 dropdown items are more than the bound: no enum that would refuse the rest.
    assertFalse(fields.path("field_0_3").has("enum"));
    assertTrue(fields.path("field_0_3").path("description").asString().contains("Item 9, ..."));
    assertEquals(10, enriched.path("properties").path("stage").path("enum").size());
  }

  @Test
  void tooManyStageNamesGiveNoStageEnumButStillAList() {
    ObjectNode enriched = SchemaEnricher.enrich(SchemaEnricher.FIELDS_TOOL, UPDATE_BOX, account(5));
    assertFalse(enriched.path("properties").has("stage"), "50 names exceed the enum bound");
    assertTrue(
        enriched
            .path("properties")
            .path("stage_key")
            .path("description")
            .asString()
            .contains("Pipeline 4: Stage 40"));
  }

  @Test
  void theStageEnumAndKeysTranslateAndBothAtOnceIsRefused() {
    AccountSchema schema = account(1);
    ObjectNode byName =
        (ObjectNode) Json.MAPPER.readTree("{\"box_key\":\"b\",\"stage\":\"Stage 03\"}");
    NameTranslator.Translation t =
        NameTranslator.translate(
            SchemaEnricher.FIELDS_TOOL, byName, schema, box -> Optional.of("p0"));
    assertNull(t.error());
    assertEquals("0-s3", t.arguments().path("stage_key").asString());
    assertFalse(t.arguments().has("stage"));
    ObjectNode both =
        (ObjectNode)
            Json.MAPPER.readTree("{\"box_key\":\"b\",\"stage\":\"Stage 03\",\"stage_key\":\"x\"}");
    assertTrue(
        NameTranslator.translate(SchemaEnricher.FIELDS_TOOL, both, schema, box -> Optional.empty())
            .error()
            .contains("not both"));
  }
}
