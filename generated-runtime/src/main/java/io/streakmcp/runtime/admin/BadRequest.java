package io.streakmcp.runtime.admin;

/** A request the admin API refuses (400): names the field and says what is valid. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  BadRequest(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  String field() {
    return field;
  }
}
