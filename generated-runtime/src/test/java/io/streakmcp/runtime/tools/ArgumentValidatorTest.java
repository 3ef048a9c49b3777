package io.streakmcp.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ArgumentValidatorTest {
  private static ObjectNode json(String s) {
    return (ObjectNode) Json.MAPPER.readTree(s);
  }

  private static final ArgumentValidator RATIO_AND_LIMIT =
      new ArgumentValidator(
          json(
              """
              {"type":"object","properties":{
                "ratio":{"type":"number","minimum":0,"maximum":1},
                "limit":{"type":"integer","minimum":1,"maximum":500}}}
              """));

  @Test
  void fractionsWithinRangeAreValid() {
    assertEquals(List.of(), RATIO_AND_LIMIT.validate(json("{\"ratio\":0.5}")));
    assertEquals(List.of(), RATIO_AND_LIMIT.validate(json("{\"ratio\":1e-30}")));
  }

  @Test
  void aFractionBreakingItsRangeIsDescribedByItsRangeNotAsHuge() {
    List<String> problems = RATIO_AND_LIMIT.validate(json("{\"ratio\":1.5}"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("`ratio` is 1.5; valid:"), problems.get(0));
  }

  @Test
  void aFractionWhereAnIntegerIsWantedIsATypeProblemNotAHugeOne() {
    List<String> problems = RATIO_AND_LIMIT.validate(json("{\"limit\":2.5}"));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("`limit` is 2.5; valid:"), problems.get(0));
  }

  @Test
  void numbersBeyondALongAreRefusedByNameWithoutReachingTheLibrary() {
    for (String huge : List.of("1e30", "-1e30", "1.5e300", "9223372036854775808")) {
      List<String> problems = RATIO_AND_LIMIT.validate(json("{\"limit\":" + huge + "}"));
      assertEquals(1, problems.size(), huge + ": " + problems);
      assertTrue(problems.get(0).contains("a number beyond any range"), problems.get(0));
    }
    // Nested values are found too.
    List<String> problems = RATIO_AND_LIMIT.validate(json("{\"ratio\":[1,{\"x\":1e40}]}"));
    assertTrue(problems.get(0).contains("a number beyond any range"), problems.toString());
  }
}
