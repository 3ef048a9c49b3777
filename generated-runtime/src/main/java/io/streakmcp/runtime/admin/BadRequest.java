package io.streakmcp.runtime.admin;

/**
 * A request the admin API refuses: names the field and says what is valid. Most are 400
 * (invalid_request); a body of the wrong type or size gets the status the MCP endpoints give it.
 */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final int status;
  private final String code;

  BadRequest(String field, String message) {
    this(400, "invalid_request", field, message);
  }

  private BadRequest(int status, String code, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** 415: the body is not declared as JSON. */
  static BadRequest unsupportedMediaType(String message) {
    return new BadRequest(415, "unsupported_media_type", "", message);
  }

  /** 413: the body is over the limit. */
  static BadRequest tooLarge(String message) {
    return new BadRequest(413, "too_large", "", message);
  }

  String field() {
    return field;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
