package io.streakmcp.runtime.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one key, compared in constant time. */
public final class Hmac {
  private final SecretKeySpec key;

  public Hmac(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException("an HMAC key needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  public byte[] sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  public boolean verify(String text, byte[] signature) {
    return MessageDigest.isEqual(sign(text), signature);
  }
}
