package io.streakmcp.runtime.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one secret a deployment's instances share. Each use gets its own key derived from it (HMAC of
 * the secret over a label), so a session id can never pass for a cursor or the other way round.
 */
public final class ServerSecret {
  /** Shorter secrets are refused: they could be guessed offline from one signed cursor. */
  public static final int MIN_BYTES = 32;

  private final byte[] secret;

  private ServerSecret(byte[] secret) {
    this.secret = secret.clone();
  }

  /** A secret given as configuration: base64 of at least 32 bytes, or 32+ characters of text. */
  public static ServerSecret parse(String configured) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(configured.strip());
    } catch (IllegalArgumentException e) {
      bytes = configured.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length < MIN_BYTES) {
      bytes = configured.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "the server secret needs at least "
              + MIN_BYTES
              + " bytes (e.g. openssl rand -base64 32)");
    }
    return new ServerSecret(bytes);
  }

  /** A random secret for one process: sessions and cursors then end with the process. */
  public static ServerSecret random() {
    byte[] bytes = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(bytes);
    return new ServerSecret(bytes);
  }

  /** The key for one purpose, e.g. "session" or "cursor". */
  public byte[] derive(String purpose) {
    return new Hmac(secret).sign("streak-mcp/" + purpose);
  }
}
