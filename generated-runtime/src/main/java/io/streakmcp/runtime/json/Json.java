package io.streakmcp.runtime.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime's JSON mapper. Input limits are deliberately tighter than Jackson's defaults: a
 * hostile client must not be able to make us build a 1000-deep tree or a 20 MB string.
 */
public final class Json {
  /** Deepest nesting accepted in any message or Streak answer. */
  public static final int MAX_DEPTH = 64;

  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(8 * 1024 * 1024)
                          .maxNumberLength(100)
                          .build())
                  // A repeated key is ambiguous (which one wins?): refuse it, never guess.
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .build();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  public static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }
}
