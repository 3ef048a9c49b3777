package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformTokensTest {

  @Test
  void noConfigurationAllowsNobody() {
    for (PlatformTokens none :
        new PlatformTokens[] {
          PlatformTokens.of(null), PlatformTokens.of(""), PlatformTokens.of(" , \n ,\r\n")
        }) {
      assertTrue(none.isEmpty());
      assertFalse(none.allows(null));
      assertFalse(none.allows("Bearer "));
      assertFalse(none.allows("Bearer"));
      assertFalse(none.allows("Bearer anything"));
    }
  }

  @Test
  void tokensAreCommaOrLineSeparatedAndTrimmed() {
    PlatformTokens tokens = PlatformTokens.of(" alpha , beta\ngamma\r\n\n, delta ");
    assertFalse(tokens.isEmpty());
    for (String t : new String[] {"alpha", "beta", "gamma", "delta"}) {
      assertTrue(tokens.allows("Bearer " + t), t);
    }
    assertFalse(tokens.allows("Bearer epsilon"));
    assertFalse(tokens.allows("Bearer alpha,beta"));
    assertFalse(tokens.allows("Bearer alph"));
    assertFalse(tokens.allows("Bearer alphaa"));
    assertFalse(tokens.allows("Bearer ALPHA"), "tokens are case-sensitive");
  }

  @Test
  void onlyBearerHeadersAreAccepted() {
    PlatformTokens tokens = PlatformTokens.of("s3cret-token");
    assertTrue(tokens.allows("Bearer s3cret-token"));
    assertTrue(tokens.allows("bearer s3cret-token"), "the scheme is case-insensitive");
    assertTrue(tokens.allows("BEARER   s3cret-token  "), "surrounding blanks are ignored");
    assertFalse(tokens.allows("s3cret-token"), "a bare token is not a Bearer header");
    assertFalse(tokens.allows("Basic s3cret-token"));
    assertFalse(tokens.allows("Bearers3cret-token"));
    assertFalse(tokens.allows("Bearer"));
    assertFalse(tokens.allows(""));
    assertFalse(tokens.allows(null));
    assertFalse(
        tokens.allows("Bearer " + Tokens.hash("s3cret-token")),
        "the stored hash does not open anything");
  }
}
