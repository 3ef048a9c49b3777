package io.streakmcp.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.fuzz.Fuzz;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random cursors against the decoder. A cursor is the one argument a model copies verbatim
 * from an earlier answer, so it is also the one most often damaged on the way back: cut short,
 * re-cased, re-encoded. Whatever comes back, the decoder either returns exactly the state that was
 * encoded or refuses with a reason; it never returns another state and never throws anything else.
 */
class CursorCodecFuzzTest {
  private static final String SCOPE = "server-1/list_boxes";
  private static final String ARGS = "args-hash";

  private final CursorCodecTest.MutableClock clock = new CursorCodecTest.MutableClock();
  private final CursorCodec codec =
      new CursorCodec("sixteen-bytes-at-least!!".getBytes(StandardCharsets.UTF_8), clock);

  @Test
  void damagedCursorsAreRefusedOrDecodeToTheSameState() {
    Random r = new Random(Fuzz.SEED);
    int refused = 0;
    for (int run = 0; run < Fuzz.RUNS; run++) {
      CursorState state = state(r);
      String cursor = codec.encode(SCOPE, ARGS, state);
      String damaged = damage(r, cursor);
      try {
        CursorState decoded = codec.decode(damaged, SCOPE, ARGS);
        // Base64 lets a few spellings decode to the same bytes; those carry the same state.
        assertEquals(state, decoded, "seed " + Fuzz.SEED + " run " + run + ": " + damaged);
      } catch (CursorCodec.InvalidCursorException e) {
        assertTrue(e.getMessage().startsWith("the cursor"), e.getMessage());
        refused++;
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + Fuzz.SEED + " run " + run + ": " + damaged, e);
      }
    }
    assertTrue(refused > Fuzz.RUNS * 9 / 10, "almost every change is caught: " + refused);
  }

  @Test
  void randomTextIsNeverACursor() {
    Random r = new Random(Fuzz.SEED + 1);
    for (int run = 0; run < Fuzz.RUNS; run++) {
      String text =
          switch (r.nextInt(3)) {
            case 0 -> Fuzz.text(r, 40);
            case 1 -> Fuzz.text(r, 20) + "." + Fuzz.text(r, 20);
            default ->
                new String(Fuzz.mutate(r, Fuzz.utf8("eyJzIjoi.c2ln")), StandardCharsets.UTF_8);
          };
      assertTrue(CursorCodecTest.reasonOf(codec, text, SCOPE, ARGS).startsWith("the cursor"));
    }
  }

  @Test
  void aGoodCursorIsRefusedForAnyOtherToolOrArguments() {
    Random r = new Random(Fuzz.SEED + 2);
    for (int run = 0; run < Fuzz.RUNS / 10; run++) {
      String cursor = codec.encode(SCOPE, ARGS, state(r));
      String otherScope = r.nextBoolean() ? SCOPE + Fuzz.text(r, 3) + "x" : "x" + SCOPE;
      String reason = CursorCodecTest.reasonOf(codec, cursor, otherScope, ARGS);
      assertTrue(reason.contains("another tool"), reason);
      reason = CursorCodecTest.reasonOf(codec, cursor, SCOPE, ARGS + "x" + Fuzz.text(r, 3));
      assertTrue(reason.contains("other arguments"), reason);
    }
  }

  private static CursorState state(Random r) {
    String token = r.nextBoolean() ? null : Fuzz.text(r, 12);
    return new CursorState(
        r.nextInt(1000), token, r.nextInt(500), 1 + r.nextInt(100), r.nextInt(50));
  }

  /** The ways a copied cursor gets damaged, plus deliberate tampering. */
  private static String damage(Random r, String cursor) {
    return switch (r.nextInt(6)) {
      case 0 -> cursor.substring(0, r.nextInt(cursor.length()));
      case 1 -> cursor.toUpperCase(java.util.Locale.ROOT);
      case 2 -> cursor.replace('-', '+').replace('_', '/') + "==";
      case 3 -> cursor + Fuzz.text(r, 3) + "x";
      case 4 -> {
        int at = r.nextInt(cursor.length());
        char c = cursor.charAt(at);
        char other = c == 'A' ? 'B' : 'A';
        yield cursor.substring(0, at) + other + cursor.substring(at + 1);
      }
      default -> new String(Fuzz.mutate(r, Fuzz.utf8(cursor)), StandardCharsets.UTF_8);
    };
  }
}
