package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.crypto.Hmac;
import io.streakmcp.runtime.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opaque cursors: the state, the tool it belongs to and a hash of the arguments it was made for,
 * then an HMAC-SHA256 over all of it. Any instance with the same secret accepts a cursor from any
 * other, so no server memory is needed; a cursor that was changed, made for another tool, or made
 * for other filters is refused with a clear reason.
 */
public final class CursorCodec {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** Longer than any honest cursor: Streak tokens are short. */
  private static final int MAX_LENGTH = 4096;

  /** A list older than this has likely changed under it; the model starts again. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  private final Hmac hmac;
  private final Clock clock;

  public CursorCodec(byte[] key, Clock clock) {
    this.hmac = new Hmac(key);
    this.clock = clock;
  }

  public String encode(String scope, String argumentsHash, CursorState state) {
    ObjectNode body =
        Json.object()
            .put("s", scope)
            .put("a", argumentsHash)
            .put("p", state.page())
            .put("o", state.offset())
            .put("l", state.limit())
            .put("n", state.step())
            .put("i", clock.millis());
    if (state.token() != null) {
      body.put("t", state.token());
    }
    String payload = ENCODER.encodeToString(Json.bytes(body));
    return payload + "." + ENCODER.encodeToString(hmac.sign(payload));
  }

  /**
   * The state inside a cursor.
   *
   * @throws InvalidCursorException with a reason a model can act on
   */
  public CursorState decode(String cursor, String scope, String argumentsHash) {
    if (cursor.length() > MAX_LENGTH) {
      throw new InvalidCursorException("the cursor is too long to be one of ours");
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw new InvalidCursorException("the cursor is not one this server issued");
    }
    String payload = cursor.substring(0, dot);
    byte[] signature;
    try {
      signature = DECODER.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("the cursor is not one this server issued");
    }
    // Check the signature before parsing anything an attacker wrote.
    if (!hmac.verify(payload, signature)) {
      throw new InvalidCursorException("the cursor was altered or comes from another deployment");
    }
    JsonNode body = Json.read(DECODER.decode(payload));
    if (!scope.equals(body.path("s").asString())) {
      throw new InvalidCursorException("the cursor belongs to another tool or MCP server");
    }
    if (clock.millis() - body.path("i").asLong() > LIFETIME.toMillis()) {
      throw new InvalidCursorException(
          "the cursor has expired (after "
              + LIFETIME.toMinutes()
              + " minutes); omit next_cursor to start the list again");
    }
    if (!argumentsHash.equals(body.path("a").asString())) {
      throw new InvalidCursorException(
          "the cursor was made for other arguments; repeat the first call's arguments, or omit"
              + " next_cursor to start again");
    }
    JsonNode token = body.get("t");
    return new CursorState(
        body.path("p").asInt(),
        token == null ? null : token.asString(),
        body.path("o").asInt(),
        body.path("l").asInt(),
        body.path("n").asInt());
  }

  /** A cursor that cannot be used, and why. */
  public static final class InvalidCursorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
      super(message, null, false, false);
    }
  }
}
