package io.streakmcp.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private final MutableClock clock = new MutableClock();
  private final CursorCodec codec =
      new CursorCodec("sixteen-bytes-at-least!!".getBytes(StandardCharsets.UTF_8), clock);

  /** A clock the test moves by hand. */
  static final class MutableClock extends java.time.Clock {
    java.time.Instant now = java.time.Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }

  @Test
  void aCursorExpiresAfterItsLifetime() {
    String cursor = codec.encode("tool", "h", CursorState.first(10));
    clock.now = clock.now.plus(CursorCodec.LIFETIME).plusSeconds(1);
    assertTrue(reason(cursor, "tool", "h").contains("expired"));
  }

  @Test
  void roundTrips() {
    CursorState state = new CursorState(3, "tok=", 7, 25, 4);
    assertEquals(state, codec.decode(codec.encode("tool", "h", state), "tool", "h"));
  }

  @Test
  void anotherInstanceWithTheSameSecretAcceptsIt() {
    CursorCodec other =
        new CursorCodec("sixteen-bytes-at-least!!".getBytes(StandardCharsets.UTF_8), clock);
    String cursor = codec.encode("tool", "h", CursorState.first(10));
    assertEquals(10, other.decode(cursor, "tool", "h").limit());
  }

  @Test
  void everyKindOfMisuseIsRefusedWithAReason() {
    String cursor = codec.encode("tool", "h", CursorState.first(10));
    assertTrue(
        reason(cursor.substring(0, cursor.length() - 3) + "abc", "tool", "h").contains("altered"));
    assertTrue(reason(cursor, "other_tool", "h").contains("another tool"));
    assertTrue(reason(cursor, "tool", "h2").contains("other arguments"));
    assertTrue(reason("not-a-cursor", "tool", "h").contains("not one this server issued"));
    assertTrue(reason("a.b.c", "tool", "h").contains("not one this server issued"));
    assertTrue(reason("x".repeat(5000), "tool", "h").contains("too long"));
    CursorCodec foreign =
        new CursorCodec("another-secret-entirely!".getBytes(StandardCharsets.UTF_8), clock);
    assertTrue(
        reason(foreign.encode("tool", "h", CursorState.first(1)), "tool", "h").contains("altered"));
  }

  @Test
  void aShortSecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new CursorCodec(new byte[8], clock));
  }

  private String reason(String cursor, String scope, String hash) {
    return reasonOf(codec, cursor, scope, hash);
  }

  /** Why {@code codec} refuses a cursor; fails when it accepts it. */
  static String reasonOf(CursorCodec codec, String cursor, String scope, String hash) {
    return assertThrows(
            CursorCodec.InvalidCursorException.class, () -> codec.decode(cursor, scope, hash))
        .getMessage();
  }
}
