package io.streakmcp.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Each kind of malformed JSON is named for what it is, and where, in Jackson-free words. */
class JsonSyntaxTest {
  private static String described(String json) {
    try {
      Json.read(json);
    } catch (JacksonException e) {
      String said = JsonSyntax.describe(e);
      assertFalse(said.contains("Jackson") || said.contains("JsonReadFeature"), said);
      return said;
    }
    return fail("read without error: " + json);
  }

  private static final String NUMBER =
      "a number JSON does not allow (no leading zeros, +, hexadecimal, NaN or Infinity, and a digit"
          + " on each side of a decimal point)";

  @Test
  void aMissingColonIsNotCalledABadNumber() {
    assertEquals(
        "an unexpected character '0' where a colon should follow the field name"
            + " at line 1, column 6",
        described("{\"a\" 0}"));
  }

  @Test
  void numbersJsonDoesNotAllowAreNamedAsSuch() {
    for (String bad :
        new String[] {"{\"a\":01}", "[-01]", "[NaN]", "[-Infinity]", "[0x1]", "[1.]", "[+1]"}) {
      assertEquals(NUMBER, described(bad).replaceAll(" at line .*", ""), bad);
    }
  }

  @Test
  void aMissingSeparatorSaysWhichOneWasDue() {
    assertEquals(
        "an unexpected character '2' where a comma or ] should be at line 1, column 4",
        described("[1 2]"));
    assertEquals(
        "an unexpected character '\"' where a comma or } should be at line 1, column 8",
        described("{\"a\":1 \"b\":2}"));
    assertEquals(
        "an unexpected character 'a' where a field name in double quotes should be"
            + " at line 1, column 2",
        described("{a:1}"));
    assertEquals(
        "an unexpected character '.' where a value should be at line 1, column 6",
        described("{\"a\":.5}"));
  }

  @Test
  void aWordThatIsNoValueAndATruncatedBody() {
    assertEquals(
        "a word that is not a JSON value (values are quoted strings, numbers, true, false, null,"
            + " objects and arrays) at line 1, column 2",
        described("[truth]"));
    assertEquals(
        "it ends before the JSON is complete", described("{\"a\":").replaceAll(" at .*", ""));
  }
}
