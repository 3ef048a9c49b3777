package io.streakmcp.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.StreakRequest;
import io.streakmcp.runtime.tool.ApiVersion;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.ArgumentLocation;
import io.streakmcp.runtime.tool.BodyEncoding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.HttpVerb;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StreakCallBuilderTest {
  private static HttpBinding binding(BodyEncoding encoding) {
    return new HttpBinding(
        HttpVerb.PUT,
        ApiVersion.V1,
        "/pipelines/{pipelineKey}/stages",
        encoding,
        PagingStyle.NONE,
        ResultShape.OBJECT,
        List.of(
            new ArgumentBinding("pipeline_key", "pipelineKey", ArgumentLocation.PATH, false),
            new ArgumentBinding("filter", "stageKey", ArgumentLocation.QUERY, true),
            new ArgumentBinding("name", "name", ArgumentLocation.BODY, false),
            new ArgumentBinding("field_names", "fieldNames", ArgumentLocation.BODY, false)));
  }

  private static ObjectNode arguments() {
    return (ObjectNode)
        Json.MAPPER.readTree(
            "{\"pipeline_key\":\"p 1\",\"filter\":[\"a\",\"b\"],"
                + "\"name\":\"Won & done\",\"field_names\":[\"Size\",\"Region\"]}");
  }

  @Test
  void formBodiesUseStreaksNamesAndCommaLists() {
    StreakRequest r = StreakCallBuilder.build(binding(BodyEncoding.FORM), arguments(), List.of());
    assertEquals("PUT", r.method());
    assertEquals("/v1/pipelines/p%201/stages", r.path());
    assertEquals("application/x-www-form-urlencoded", r.contentType());
    assertEquals(
        "name=Won%20%26%20done&fieldNames=Size%2CRegion",
        new String(r.body(), StandardCharsets.UTF_8));
    assertEquals(
        List.of("stageKey=a", "stageKey=b"),
        r.query().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  @Test
  void jsonBodiesKeepValuesAndNestingAsGiven() {
    StreakRequest r = StreakCallBuilder.build(binding(BodyEncoding.JSON), arguments(), List.of());
    assertEquals("application/json", r.contentType());
    assertEquals(
        "{\"name\":\"Won & done\",\"fieldNames\":[\"Size\",\"Region\"]}",
        new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  void noBodyMethodsSendNone() {
    StreakRequest r = StreakCallBuilder.build(binding(BodyEncoding.NONE), arguments(), List.of());
    assertNull(r.body());
    assertNull(r.contentType());
  }
}
