package io.streakmcp.generator.model;

import java.util.Locale;

/**
 * Turns Streak's camelCase names into the snake_case argument names the model sees ({@code
 * pipelineKey} becomes {@code pipeline_key}, {@code logoURL} becomes {@code logo_url}). Snake case
 * reads the same in every client and matches {@code limit} and {@code next_cursor}.
 */
public final class ArgumentNames {
  private ArgumentNames() {}

  public static String snake(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && startsWord(name, i)) {
        sb.append('_');
      }
      sb.append(c);
    }
    return sb.toString().toLowerCase(Locale.ROOT).replaceAll("_+", "_");
  }

  /** An upper-case letter starts a word after a lower-case letter or digit, or ends an acronym. */
  private static boolean startsWord(String s, int i) {
    char prev = s.charAt(i - 1);
    if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
      return true;
    }
    return Character.isUpperCase(prev)
        && i + 1 < s.length()
        && Character.isLowerCase(s.charAt(i + 1));
  }
}
