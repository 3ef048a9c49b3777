package io.streakmcp.runtime.json;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * What is wrong with a body that is not JSON, and where (line and column), in words a client or an
 * operator can act on. Used for MCP messages and admin requests alike. Jackson's own message is
 * never passed on: it names Jackson's classes and features, and it quotes the offending token,
 * which in a body carrying an {@code api_key} may be the key itself. Only a single character or a
 * duplicated field's name (shortened) is repeated back.
 */
public final class JsonSyntax {
  /** The longest field name repeated back. */
  private static final int MAX_NAME = 64;

  private static final String NUMBER_NOT_ALLOWED =
      "a number JSON does not allow (no leading zeros, +, hexadecimal, NaN or Infinity, and a digit"
          + " on each side of a decimal point)";

  private JsonSyntax() {}

  /** "reason at line L, column C", or just the reason when Jackson gave no position. */
  public static String describe(JacksonException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at == TokenStreamLocation.NA || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return reason(original) + where;
  }

  private static String reason(String m) {
    if (m.startsWith("Unexpected end-of-input")) {
      return "it ends before the JSON is complete";
    }
    if (m.startsWith("Non-standard token") && (m.contains("NaN") || m.contains("Infinity"))) {
      return NUMBER_NOT_ALLOWED;
    }
    if (m.startsWith("Unrecognized token") || m.startsWith("Non-standard token")) {
      return "a word that is not a JSON value (values are quoted strings, numbers, true, false,"
          + " null, objects and arrays)";
    }
    if (m.startsWith("Unexpected character (''")) {
      return "an unexpected single quote (JSON strings and names use double quotes)";
    }
    if (m.startsWith("Invalid numeric value")
        || (m.startsWith("Unexpected character")
            && (m.contains("in numeric value") || m.contains("hexadecimal")))) {
      return NUMBER_NOT_ALLOWED;
    }
    if (m.startsWith("Unexpected character")) {
      return "an unexpected character" + quotedChar(m) + expected(m);
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "a control character inside a string (escape it, as \\n or \\u0001)";
    }
    if (m.startsWith("Unrecognized character escape")) {
      return "a backslash escape JSON does not have (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t, and \\u with four hex digits)";
    }
    if (m.startsWith("Duplicate")) {
      return "a field given twice" + quotedName(m);
    }
    if (m.startsWith("Trailing token")) {
      return "more content after the JSON value";
    }
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("nesting depth")) {
      return "nested deeper than " + Json.MAX_DEPTH + " levels";
    }
    if (lower.contains("string value length")) {
      return "a string longer than allowed";
    }
    if (lower.contains("number value length") || lower.contains("beyond the range")) {
      return "a number beyond the range any number type can hold";
    }
    return "malformed JSON";
  }

  /** What Jackson was looking for instead, from its own wording. */
  private static String expected(String m) {
    if (m.contains("expecting a colon")) {
      return " where a colon should follow the field name";
    }
    if (m.contains("separate Array entries")) {
      return " where a comma or ] should be";
    }
    if (m.contains("separate Object entries")) {
      return " where a comma or } should be";
    }
    if (m.contains("start property name") || m.contains("start field name")) {
      return " where a field name in double quotes should be";
    }
    if (m.contains("expected a valid value")) {
      return " where a value should be";
    }
    return "";
  }

  /** The single character Jackson names, e.g. ('x' (code 120)): one character leaks nothing. */
  private static String quotedChar(String m) {
    int open = m.indexOf("('");
    if (open >= 0 && open + 3 < m.length() && m.charAt(open + 3) == '\'') {
      char c = m.charAt(open + 2);
      return c >= 0x20 && c < 0x7f ? " '" + c + "'" : " (code " + (int) c + ")";
    }
    return "";
  }

  /** The field name of Jackson's 'Duplicate Object property "name"'. */
  private static String quotedName(String m) {
    int open = m.indexOf('"');
    int close = m.lastIndexOf('"');
    if (open < 0 || close <= open) {
      return "";
    }
    String name = m.substring(open + 1, close);
    return " (\""
        + (name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "...")
        + "\")";
  }
}
