package io.streakmcp.runtime.json;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

  @Test
  void utf8TextPassesWithOrWithoutABom() {
    assertNull(StrictUtf8.problem("{\"a\":\"é 😀 ü\"}".getBytes(StandardCharsets.UTF_8)));
    assertNull(StrictUtf8.problem(new byte[0]));
    assertNull(StrictUtf8.problem(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}));
  }

  @Test
  void eachMalformedSequenceIsNamedByItsByteOffset() {
    assertSays(new byte[] {'{', '"', (byte) 0xFF, '"', '}'}, "byte offset 2");
    assertSays(new byte[] {'"', 'a', (byte) 0xC0, (byte) 0xAF, '"'}, "byte offset 2"); // overlong
    assertSays(new byte[] {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF}, "byte offset 1");
    assertSays(
        new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, "byte offset 1"); // surrogate
    assertSays(new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "offset 1");
    assertSays(new byte[] {'"', 'a', (byte) 0xE2, (byte) 0x82}, "UTF-8"); // cut short
  }

  @Test
  void utf16AndUtf32AreRefusedEvenWithoutABom() {
    assertSays("{}".getBytes(StandardCharsets.UTF_16LE), "NUL byte at byte offset 1");
    assertSays("{}".getBytes(StandardCharsets.UTF_16BE), "NUL byte at byte offset 0");
    assertSays(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}, "byte offset 0");
    assertSays("é{}".getBytes(StandardCharsets.UTF_16LE), "invalid byte sequence at byte offset 0");
    assertSays("{\"é\":\u0000}".getBytes(StandardCharsets.UTF_8), "NUL byte at byte offset 6");
  }

  private static void assertSays(byte[] body, String says) {
    String problem = StrictUtf8.problem(body);
    assertTrue(problem != null && problem.contains(says), says + " <- " + problem);
  }
}
