package io.streakmcp.runtime.admin;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * What is wrong with an admin request body that is not JSON, and where (line and column), in words
 * an operator can act on. Jackson's own message is not passed on: it quotes the offending token,
 * which in a body carrying an {@code api_key} may be the key itself.
 */
final class JsonSyntax {
  private JsonSyntax() {}

  static String describe(JacksonException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return reason(original) + where;
  }

  private static String reason(String m) {
    if (m.startsWith("Unexpected end-of-input")) {
      return "it ends before the JSON is complete";
    }
    if (m.startsWith("Unrecognized token") || m.startsWith("Non-standard token")) {
      return "a word that is not a JSON value (values are quoted strings, numbers, true, false,"
          + " null, objects and arrays)";
    }
    if (m.startsWith("Unexpected character (''")) {
      return "an unexpected single quote (JSON strings and names use double quotes)";
    }
    if (m.startsWith("Invalid numeric value") || m.startsWith("Unexpected character ('0'")) {
      return "a number JSON does not allow (no leading zeros, no NaN or Infinity)";
    }
    if (m.startsWith("Unexpected character")) {
      return "an unexpected character" + quotedChar(m);
    }
    if (m.startsWith("Illegal unquoted character")) {
      return "a control character inside a string (escape it, as \\n or \\u0001)";
    }
    if (m.startsWith("Unrecognized character escape")) {
      return "a backslash escape JSON does not have (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
    }
    if (m.startsWith("Duplicate")) {
      return "a field given twice";
    }
    if (m.startsWith("Trailing token")) {
      return "more content after the JSON value";
    }
    return "malformed JSON";
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
}
