package io.streakmcp.runtime.streak;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate-limit facts normalised from whatever Streak sends: {@code Retry-After} (seconds or an HTTP
 * date), {@code X-RateLimit-*}, {@code RateLimit-*} (IETF draft, separate fields), or the combined
 * {@code RateLimit: limit=, remaining=, reset=} field. Reset is always seconds from now; an
 * epoch-seconds reset (some APIs send one) is turned into seconds from now.
 *
 * @param limit requests allowed in the window, or -1 when unknown
 * @param remaining requests left, or -1 when unknown
 * @param reset seconds until the window resets, or -1 when unknown
 * @param retryAfter seconds to wait before retrying, or -1 when unknown
 */
public record RateLimit(long limit, long remaining, long reset, long retryAfter) {
  private static final Pattern COMBINED =
      Pattern.compile("(limit|remaining|reset)\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);

  /** Above this a reset value is an epoch timestamp, not a number of seconds. */
  private static final long EPOCH_THRESHOLD = 1_000_000_000L;

  /** Above this an epoch timestamp is in milliseconds. */
  private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

  /** The structured-field draft: {@code RateLimit: "default";r=50;t=30}. */
  private static final Pattern STRUCTURED = Pattern.compile("[;,\\s]([rtq])=(\\d+)");

  public static final RateLimit NONE = new RateLimit(-1, -1, -1, -1);

  public boolean known() {
    return limit >= 0 || remaining >= 0 || reset >= 0 || retryAfter >= 0;
  }

  public static RateLimit from(HttpHeaders headers, Clock clock) {
    long limit = number(headers, "ratelimit-limit", "x-ratelimit-limit");
    long remaining = number(headers, "ratelimit-remaining", "x-ratelimit-remaining");
    long reset = number(headers, "ratelimit-reset", "x-ratelimit-reset");
    String combined = headers.firstValue("ratelimit").orElse(null);
    if (combined != null) {
      Matcher m = COMBINED.matcher(combined);
      while (m.find()) {
        long v = parse(m.group(2)).orElse(-1);
        if (v < 0) {
          continue; // more digits than a long holds: not a fact to pass on
        }
        switch (m.group(1).toLowerCase(Locale.ROOT)) {
          case "limit" -> limit = limit < 0 ? v : limit;
          case "remaining" -> remaining = remaining < 0 ? v : remaining;
          default -> reset = reset < 0 ? v : reset;
        }
      }
    }
    for (String field : new String[] {"ratelimit", "ratelimit-policy"}) {
      String value = headers.firstValue(field).orElse(null);
      Matcher m = value == null ? null : STRUCTURED.matcher(value);
      while (m != null && m.find()) {
        long v = parse(m.group(2)).orElse(-1);
        if (v < 0) {
          continue;
        }
        switch (m.group(1)) {
          case "r" -> remaining = remaining < 0 ? v : remaining;
          case "t" -> reset = reset < 0 ? v : reset;
          default -> limit = limit < 0 ? v : limit;
        }
      }
    }
    long now = clock.instant().getEpochSecond();
    if (reset > EPOCH_MILLIS_THRESHOLD) {
      reset = Math.max(0, reset / 1000 - now);
    } else if (reset > EPOCH_THRESHOLD) {
      reset = Math.max(0, reset - now);
    }
    long retryAfter = retryAfter(headers.firstValue("retry-after").orElse(null), now);
    if (retryAfter < 0 && reset >= 0 && remaining == 0) {
      retryAfter = reset;
    }
    if (reset < 0 && retryAfter >= 0) {
      reset = retryAfter;
    }
    return new RateLimit(limit, remaining, reset, retryAfter);
  }

  private static long number(HttpHeaders headers, String... names) {
    for (String name : names) {
      OptionalLong v = parse(headers.firstValue(name).orElse(null));
      if (v.isPresent()) {
        return v.getAsLong();
      }
    }
    return -1;
  }

  private static long retryAfter(String value, long now) {
    if (value == null) {
      return -1;
    }
    OptionalLong seconds = parse(value);
    if (seconds.isPresent()) {
      return seconds.getAsLong();
    }
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        long at = ZonedDateTime.parse(value.trim(), format).toEpochSecond();
        return Math.max(0, at - now);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return -1;
  }

  /**
   * The three forms of an HTTP date a recipient must read (RFC 9110, 5.6.7): IMF-fixdate ({@code
   * Sun, 06 Nov 1994 08:49:37 GMT}), the obsolete RFC 850 form ({@code Sunday, 06-Nov-94 08:49:37
   * GMT}) and asctime ({@code Sun Nov 6 08:49:37 1994}, always GMT).
   */
  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          new DateTimeFormatterBuilder()
              .appendPattern("EEEE, dd-MMM-")
              // A two-digit year is this century's; a retry date is never decades away.
              .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
              .appendPattern(" HH:mm:ss zzz")
              .toFormatter(Locale.US),
          new DateTimeFormatterBuilder()
              .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
              .toFormatter(Locale.US)
              .withZone(ZoneOffset.UTC));

  private static OptionalLong parse(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(value.trim());
      return v >= 0 ? OptionalLong.of(v) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
