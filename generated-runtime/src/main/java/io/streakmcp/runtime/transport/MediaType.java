package io.streakmcp.runtime.transport;

import java.util.Locale;

/**
 * Content-Type and Accept read as RFC 9110 media types, not matched as text: a prefix or substring
 * test took {@code application/jsonx}, {@code application/json-patch+json} and {@code
 * text/event-streamx} for the types they merely start with, and ignored {@code q=0} and charsets.
 */
public final class MediaType {
  public static final String JSON = "application/json";
  public static final String EVENT_STREAM = "text/event-stream";

  private MediaType() {}

  /**
   * True when a Content-Type is JSON in UTF-8: {@code application/json}, any case, with at most a
   * {@code charset=utf-8} parameter (JSON has no other encoding on the wire).
   */
  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";", -1);
    if (!JSON.equals(parts[0].strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        return false;
      }
      String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = unquote(p.substring(eq + 1).strip()).toLowerCase(Locale.ROOT);
      if (name.equals("charset") && !value.equals("utf-8")) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when an Accept header takes the given type with a quality above 0. As RFC 9110 says, the
   * most specific range that matches decides: the type itself, then its {@code type/*}, then {@code
   * *}{@code /*}; so {@code application/json;q=0, *}{@code /*} refuses JSON. A missing header takes
   * everything.
   */
  public static boolean accepts(String accept, String type) {
    if (accept == null) {
      return true;
    }
    String major = type.substring(0, type.indexOf('/'));
    int bestSpecificity = 0;
    double quality = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String name = parts[0].strip().toLowerCase(Locale.ROOT);
      int specificity =
          name.equals(type) ? 3 : name.equals(major + "/*") ? 2 : name.equals("*/*") ? 1 : 0;
      if (specificity == 0 || specificity < bestSpecificity) {
        continue;
      }
      double q = quality(parts);
      // Two ranges as specific as each other (a type listed twice): the more generous one counts.
      quality = specificity > bestSpecificity ? q : Math.max(quality, q);
      bestSpecificity = specificity;
    }
    return quality > 0;
  }

  /** The q parameter of one range: 1 when absent, 0 when it cannot be read. */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("q=")) {
        try {
          double q = Double.parseDouble(p.substring(2).strip());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
