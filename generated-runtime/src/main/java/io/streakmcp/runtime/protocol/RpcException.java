package io.streakmcp.runtime.protocol;

import tools.jackson.databind.JsonNode;

/**
 * A JSON-RPC error to send back: a code, a message that is safe to show (never a stack trace or a
 * secret), optional data, and the HTTP status the transport should use.
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient JsonNode data;
  private final int httpStatus;

  public RpcException(int code, String message) {
    this(code, message, null, 200);
  }

  public RpcException(int code, String message, JsonNode data, int httpStatus) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The same error with another HTTP status (the modern wire maps some codes to 4xx). */
  public RpcException withStatus(int status) {
    return new RpcException(code, getMessage(), data, status);
  }
}
