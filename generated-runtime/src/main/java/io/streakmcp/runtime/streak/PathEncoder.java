package io.streakmcp.runtime.streak;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a path template with values, each encoded as one opaque path segment. Everything but
 * letters, digits, {@code -}, {@code _} and {@code ~} is percent-encoded, dots included: a key such
 * as {@code ../../v1/users/me} becomes {@code %2E%2E%2F%2E%2E%2Fv1...}, and a bare {@code ..}
 * becomes {@code %2E%2E}, so no value can climb out of its segment or reach another route.
 */
public final class PathEncoder {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathEncoder() {}

  public static String expand(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("no value for path parameter " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(segment(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One value as a safe path segment. */
  public static String segment(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }

  /** A query or form component, encoded the same strict way (spaces as %20). */
  public static String component(String value) {
    return segment(value);
  }
}
