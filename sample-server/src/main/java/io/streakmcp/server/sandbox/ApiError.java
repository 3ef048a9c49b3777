package io.streakmcp.server.sandbox;

/**
 * A refusal in Streak's shape: an HTTP status and a JSON body {@code {"error": "..."}} (the form
 * Streak's own clients read).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String what, String key) {
    return new ApiError(404, what + " " + key + " does not exist");
  }
}
