package io.streakmcp.generator.java;

/**
 * The one place record prose becomes Javadoc. String literals need no help: JavaPoet's {@code $S}
 * escapes quotes, backslashes and control characters, and we never pass record text as a format
 * string, so {@code $} stays inert.
 */
public final class JavaText {
  private JavaText() {}

  /**
   * Text safe inside a Javadoc comment. Comments need more care than literals: javac decodes
   * unicode escapes (a backslash, a u and four hex digits) before it parses anything, so an escaped
   * star-slash would end the comment; every backslash therefore becomes an entity, as does every
   * star, at-sign ({@code @} at a line start opens a tag) and HTML special character.
   */
  public static String javadoc(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> sb.append("&#92;");
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '@' -> sb.append("&#64;");
        case '*' -> sb.append("&#42;");
        case '$' -> sb.append("&#36;");
        default -> sb.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return sb.toString();
  }
}
