package io.streakmcp.runtime.streak;

/**
 * What Streak answered.
 *
 * @param status the HTTP status
 * @param body the body bytes (possibly empty)
 * @param contentType the content type, or empty
 * @param rateLimit rate-limit facts from the headers
 */
public record StreakResponse(int status, byte[] body, String contentType, RateLimit rateLimit) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
