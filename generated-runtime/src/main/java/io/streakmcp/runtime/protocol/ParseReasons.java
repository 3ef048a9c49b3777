package io.streakmcp.runtime.protocol;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's reasons for refusing a body, restated for a client. Only what a client can act on is
 * kept: a duplicate key's name (a key is short and the client's own), the character that was not
 * expected, or the kind of fault. Anything not recognised gives no reason, only a position.
 */
final class ParseReasons {
  private record Rule(Pattern pattern, Function<Matcher, String> reason) {}

  /** The longest key name repeated back. */
  private static final int MAX_KEY = 64;

  private static final List<Rule> RULES =
      List.of(
          rule(
              "^Duplicate Object property \"(.*)\"",
              m -> "the key \"" + shorten(m.group(1)) + "\" appears twice in one object"),
          rule("^Unexpected end-of-input", m -> "the body ends before the JSON value is complete"),
          rule("^Trailing token", m -> "something follows the first JSON value"),
          rule(
              "^Unexpected character \\('(.)' \\(code (\\d+)",
              m -> "unexpected character '" + printable(m) + "'"),
          rule("^Unrecognized token", m -> "not a JSON value (strings need double quotes)"),
          rule("(?i)nesting depth", m -> "nested too deeply"),
          rule("(?i)string value length", m -> "a string is too long"),
          rule("(?i)number value length|out of range|too large", m -> "a number is out of range"),
          rule("(?i)invalid UTF-8", m -> "the bytes are not valid UTF-8"),
          rule("(?i)control character", m -> "a control character in a string must be escaped"),
          rule("(?i)Unrecognized character escape", m -> "an unknown escape in a string"),
          rule("(?i)Leading zeroes", m -> "a number has leading zeroes"),
          rule(
              "(?i)was expecting (a colon|comma|double-quote)",
              m -> "a missing " + m.group(1).toLowerCase(java.util.Locale.ROOT)));

  private ParseReasons() {}

  /** Our reason for Jackson's message, or null when we do not recognise it. */
  static String of(String jackson) {
    if (jackson == null) {
      return null;
    }
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(jackson);
      if (m.find()) {
        return r.reason().apply(m);
      }
    }
    return null;
  }

  private static Rule rule(String regex, Function<Matcher, String> reason) {
    return new Rule(Pattern.compile(regex), reason);
  }

  private static String shorten(String key) {
    return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY) + "...";
  }

  /** The unexpected character itself when printable, its code point otherwise. */
  private static String printable(Matcher m) {
    int code = Integer.parseInt(m.group(2));
    return code >= 0x20 && code < 0x7f ? m.group(1) : String.format("U+%04X", code);
  }
}
