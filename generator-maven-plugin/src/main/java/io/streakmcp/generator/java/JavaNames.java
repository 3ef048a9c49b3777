package io.streakmcp.generator.java;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/** The one place record names become Java identifiers. */
public final class JavaNames {
  private JavaNames() {}

  /**
   * A class name for a tool: {@code get_single_streak_box_by_id} becomes {@code
   * GetSingleStreakBoxById}. Leading digits get a {@code Tool} prefix; anything that is still not a
   * valid identifier is an error in the caller's input, reported here.
   */
  public static String className(String toolName) {
    StringBuilder sb = new StringBuilder();
    for (String part : toolName.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
      sb.insert(0, "Tool");
    }
    String name = sb.toString();
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new IllegalArgumentException("no Java class name for tool " + toolName);
    }
    return name;
  }

  /** A package name, checked: each segment must be a non-keyword identifier. */
  public static String packageName(String name) {
    if (!SourceVersion.isName(name)) {
      throw new IllegalArgumentException(
          "\"" + name + "\" is not a Java package name (segments of letters, digits and _)");
    }
    return name;
  }
}
