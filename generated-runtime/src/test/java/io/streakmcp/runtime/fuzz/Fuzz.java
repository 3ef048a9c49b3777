package io.streakmcp.runtime.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded random input for the fuzz tests. The seed and the number of runs come from {@code
 * -Dfuzz.seed} and {@code -Dfuzz.runs}, so a failure is replayed exactly by passing the seed it
 * printed, and a longer campaign is one property away.
 */
public final class Fuzz {
  /** The seed CI uses; any other can be given on the command line. */
  public static final long SEED = Long.getLong("fuzz.seed", 20261123L);

  public static final int RUNS = Integer.getInteger("fuzz.runs", 20_000);

  /** Text that has broken parsers before: quotes, escapes, control characters, odd unicode. */
  private static final String[] NASTY = {
    "",
    "\"",
    "\\",
    "\u0000",
    "\r\n",
    "\ud800",
    "\udfff",
    "\uffff",
    "\u202e",
    "\uff0f",
    "../",
    "%2e%2e%2f",
    "{",
    "]",
    "null",
    "2.0",
    "1.0",
    "tools/call",
    "🙂",
    "é"
  };

  private Fuzz() {}

  /** A random string, mixing plain letters with the nasty pieces above. */
  public static String text(Random r, int maxParts) {
    StringBuilder b = new StringBuilder();
    int parts = r.nextInt(maxParts + 1);
    for (int i = 0; i < parts; i++) {
      if (r.nextInt(3) == 0) {
        b.append(NASTY[r.nextInt(NASTY.length)]);
      } else {
        b.append((char) ('a' + r.nextInt(26)));
      }
    }
    return b.toString();
  }

  /**
   * Bytes changed the ways a broken or hostile client changes them: flipped bits, lost, repeated
   * and inserted bytes, a cut-off end, and stray UTF-8 that is not valid.
   */
  public static byte[] mutate(Random r, byte[] valid) {
    byte[] b = valid.clone();
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = r.nextInt(b.length);
      b =
          switch (r.nextInt(6)) {
            case 0 -> flip(b, at, r);
            case 1 -> splice(b, at, at + 1, new byte[0]);
            case 2 -> splice(b, at, at, new byte[] {b[at]});
            case 3 -> splice(b, at, at, new byte[] {(byte) r.nextInt(256)});
            case 4 -> splice(b, at, b.length, new byte[0]);
            default -> splice(b, at, at, invalidUtf8(r));
          };
    }
    return b;
  }

  /** A byte sequence no UTF-8 decoder may accept. */
  public static byte[] invalidUtf8(Random r) {
    byte[][] bad = {
      {(byte) 0xff},
      {(byte) 0xc0, (byte) 0xaf}, // an overlong '/'
      {(byte) 0xe0, (byte) 0x80},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a UTF-16 surrogate written as UTF-8
      {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80}
    };
    return bad[r.nextInt(bad.length)];
  }

  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] flip(byte[] b, int at, Random r) {
    b[at] ^= (byte) (1 << r.nextInt(8));
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }
}
