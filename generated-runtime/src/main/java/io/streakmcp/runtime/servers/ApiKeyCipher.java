package io.streakmcp.runtime.servers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts Streak API keys at rest with AES-256-GCM: a random 96-bit nonce per key, and the account
 * id as associated data, so a ciphertext copied onto another account fails to decrypt.
 */
public final class ApiKeyCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public ApiKeyCipher(byte[] masterKey) {
    if (masterKey.length != 32) {
      throw new IllegalArgumentException("the master key must be 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(masterKey.clone(), "AES");
  }

  public String encrypt(String apiKey, String accountId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        run(Cipher.ENCRYPT_MODE, nonce, accountId, apiKey.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder()
        .encodeToString(
            ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
  }

  /** The API key, or an exception when the ciphertext, account or master key do not match. */
  /**
   * Decrypted keys by ciphertext and account: every MCP request resolves its server's key, and a
   * given ciphertext always opens to the same key (profiled at 4% of a call's CPU). Bounded: it
   * starts over past {@link #CACHE_LIMIT} entries.
   */
  private final Map<String, String> opened = new ConcurrentHashMap<>();

  private static final int CACHE_LIMIT = 10_000;

  public String decrypt(String stored, String accountId) {
    String cacheKey = accountId + '\n' + stored;
    String known = opened.get(cacheKey);
    if (known != null) {
      return known;
    }
    String key = open(stored, accountId);
    if (opened.size() >= CACHE_LIMIT) {
      opened.clear();
    }
    opened.put(cacheKey, key);
    return key;
  }

  private String open(String stored, String accountId) {
    byte[] all;
    try {
      all = Base64.getDecoder().decode(stored);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("a stored API key is damaged (not base64)", e);
    }
    if (all.length <= NONCE_BYTES) {
      throw new IllegalStateException("a stored API key is damaged (too short)");
    }
    byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, nonce, accountId, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] nonce, String accountId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a stored API key could not be decrypted: wrong master key, or tampered data", e);
    }
  }
}
