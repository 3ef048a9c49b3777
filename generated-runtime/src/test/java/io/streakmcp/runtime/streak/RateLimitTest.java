package io.streakmcp.runtime.streak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  private static RateLimit parse(Map<String, String> headers) {
    Map<String, List<String>> map = new java.util.HashMap<>();
    headers.forEach((k, v) -> map.put(k, List.of(v)));
    return RateLimit.from(HttpHeaders.of(map, (a, b) -> true), CLOCK);
  }

  @Test
  void xRateLimitHeaders() {
    assertEquals(
        new RateLimit(600, 12, 40, -1),
        parse(
            Map.of(
                "X-RateLimit-Limit",
                "600",
                "X-RateLimit-Remaining",
                "12",
                "X-RateLimit-Reset",
                "40")));
  }

  @Test
  void ietfDraftSeparateAndCombinedFields() {
    assertEquals(
        new RateLimit(100, 0, 9, 9),
        parse(
            Map.of("RateLimit-Limit", "100", "RateLimit-Remaining", "0", "RateLimit-Reset", "9")));
    assertEquals(
        new RateLimit(50, 3, 20, -1),
        parse(Map.of("RateLimit", "limit=50, remaining=3, reset=20")));
  }

  @Test
  void anEpochResetBecomesSecondsFromNow() {
    long epoch = Instant.parse("2026-11-23T10:01:00Z").getEpochSecond();
    assertEquals(60, parse(Map.of("X-RateLimit-Reset", Long.toString(epoch))).reset());
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    assertEquals(30, parse(Map.of("Retry-After", "30")).retryAfter());
    assertEquals(30, parse(Map.of("Retry-After", "30")).reset(), "reset falls back to it");
    assertEquals(90, parse(Map.of("Retry-After", "Mon, 23 Nov 2026 10:01:30 GMT")).retryAfter());
    // The two obsolete forms RFC 9110 still asks recipients to read.
    assertEquals(90, parse(Map.of("Retry-After", "Monday, 23-Nov-26 10:01:30 GMT")).retryAfter());
    assertEquals(90, parse(Map.of("Retry-After", "Mon Nov 23 10:01:30 2026")).retryAfter());
    assertEquals(
        0,
        parse(Map.of("Retry-After", "Mon Nov  2 10:01:30 2026")).retryAfter(),
        "asctime pads a one-digit day with a space; a date passed means retry now");
  }

  /** A number too long for a long is dropped, and the other facts still come through. */
  @Test
  void aNumberBeyondALongIsSkippedNotFatal() {
    RateLimit r =
        parse(
            Map.of(
                "RateLimit",
                "limit=100, remaining=0, reset=99999999999999999999",
                "RateLimit-Policy",
                "\"default\";q=99999999999999999999;w=60"));
    assertEquals(100, r.limit());
    assertEquals(0, r.remaining());
    assertEquals(-1, r.reset());
  }

  @Test
  void garbageIsIgnoredNotFatal() {
    RateLimit r =
        parse(Map.of("Retry-After", "soon", "X-RateLimit-Limit", "-5", "RateLimit", "limit=abc"));
    assertFalse(r.known());
  }

  @Test
  void structuredFieldDraftAndEpochMilliseconds() {
    assertEquals(
        new RateLimit(100, 7, 12, -1),
        parse(
            Map.of(
                "RateLimit",
                "\"default\";r=7;t=12",
                "RateLimit-Policy",
                "\"default\";q=100;w=60")));
    long epochMillis = Instant.parse("2026-11-23T10:00:45Z").toEpochMilli();
    assertEquals(45, parse(Map.of("X-RateLimit-Reset", Long.toString(epochMillis))).reset());
  }
}
