package io.streakmcp.runtime.json;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
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
          // Arguments pass through to Streak: a decimal must leave as it came, not rounded to
          // a double (0.1 stays 0.1, 1e999 does not become "Infinity").
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * Reads JSON from anyone: clients, Streak, the store. Every way it can be malformed ends in a
   * {@link JacksonException}, including a decimal too large for any number type, which Jackson
   * reports as a bare {@link NumberFormatException} that callers would not expect.
   */
  public static JsonNode read(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (NumberFormatException e) {
      throw outOfRange();
    }
  }

  /** As {@link #read(byte[])}, for text. */
  public static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (NumberFormatException e) {
      throw outOfRange();
    }
  }

  /** As {@link #read(byte[])}, for a stream. */
  public static JsonNode read(InputStream json) {
    try {
      return MAPPER.readTree(json);
    } catch (NumberFormatException e) {
      throw outOfRange();
    }
  }

  private static StreamReadException outOfRange() {
    return new StreamReadException(null, "a number is beyond the range any number type can hold");
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  public static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }
}
