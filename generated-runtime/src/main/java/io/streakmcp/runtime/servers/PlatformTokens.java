package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.server.RequestAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The platform API tokens that open the admin API (and MCP servers that require one). Held only as
 * hashes; a check looks at every one of them, so its timing says nothing about which came close.
 */
public final class PlatformTokens implements RequestAuthenticator {
  private final List<byte[]> hashes;

  private PlatformTokens(List<byte[]> hashes) {
    this.hashes = hashes;
  }

  /** Tokens as configured: one per line or comma-separated; blanks ignored. */
  public static PlatformTokens of(String configured) {
    if (configured == null) {
      return new PlatformTokens(List.of());
    }
    return new PlatformTokens(
        List.of(configured.split("[,\\n]")).stream()
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(t -> Tokens.hash(t).getBytes(StandardCharsets.US_ASCII))
            .toList());
  }

  public boolean isEmpty() {
    return hashes.isEmpty();
  }

  /** True when an {@code Authorization} header carries one of the tokens as a Bearer token. */
  @Override
  public boolean allows(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given =
        Tokens.hash(authorization.substring(7).strip()).getBytes(StandardCharsets.US_ASCII);
    boolean match = false;
    for (byte[] h : hashes) {
      match |= MessageDigest.isEqual(h, given);
    }
    return match;
  }
}
