package io.streakmcp.generator.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JavaTextTest {

  @Test
  void javadocCannotBeEndedOrHijacked() {
    String out = JavaText.javadoc("a */ b \\u002a/ c @param <i> & $L\r\nnext");
    assertFalse(out.contains("*/"));
    assertFalse(out.contains("\\"), "javac would decode unicode escapes in comments");
    assertFalse(out.contains("@"));
    assertFalse(out.contains("<"));
    assertFalse(out.contains("$"));
    assertFalse(out.contains("\n"));
    assertEquals("a &#42;/ b &#92;u002a/ c &#64;param &lt;i&gt; &amp; &#36;L  next", out);
  }

  @Test
  void classNamesAreValidIdentifiers() {
    assertEquals("GetSingleStreakBoxById", JavaNames.className("get_single_streak_box_by_id"));
    assertEquals("Tool3dBoxes", JavaNames.className("3d_boxes"));
    assertEquals("Tool", JavaNames.className("_"));
  }

  @Test
  void packageNamesAreChecked() {
    assertEquals("com.acme.streak", JavaNames.packageName("com.acme.streak"));
    assertThrows(IllegalArgumentException.class, () -> JavaNames.packageName("com.class.x"));
    assertThrows(IllegalArgumentException.class, () -> JavaNames.packageName("com..x"));
  }
}
