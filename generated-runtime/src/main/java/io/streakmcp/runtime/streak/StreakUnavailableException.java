package io.streakmcp.runtime.streak;

/**
 * Streak could not be reached or did not answer in time. The message says which, in words safe to
 * show a model; it never contains the API key.
 */
public final class StreakUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public StreakUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
