package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.crypto.Hmac;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Streamable HTTP session ids that any instance can verify without memory: the server id, the
 * negotiated version and a random nonce, signed with HMAC-SHA256. A session cannot be moved to
 * another server's URL, and a forged or altered id is unknown (HTTP 404).
 */
final class SessionCodec {
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();

  private final Hmac hmac;
  private final SecureRandom random = new SecureRandom();

  SessionCodec(byte[] key) {
    this.hmac = new Hmac(key);
  }

  String issue(String serverId, String version) {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String payload =
        ENC.encodeToString(
            (version + "|" + ENC.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENC.encodeToString(hmac.sign(serverId + "|" + payload));
  }

  /** The session's negotiated version, or empty when the id is not one we issued here. */
  Optional<String> verify(String sessionId, String serverId) {
    int dot = sessionId.indexOf('.');
    if (dot <= 0 || sessionId.length() > 512) {
      return Optional.empty();
    }
    String payload = sessionId.substring(0, dot);
    try {
      byte[] given = DEC.decode(sessionId.substring(dot + 1));
      if (!hmac.verify(serverId + "|" + payload, given)) {
        return Optional.empty();
      }
      String decoded = new String(DEC.decode(payload), StandardCharsets.UTF_8);
      String version = decoded.substring(0, decoded.indexOf('|'));
      return ProtocolVersions.isLegacy(version) ? Optional.of(version) : Optional.empty();
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
