package io.streakmcp.runtime.live;

import io.streakmcp.runtime.streak.StreakClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each account's schema, cached for a TTL. However many tools/list calls arrive at once, an
 * account's pipelines are fetched at most once per TTL: the first caller fetches, the others wait
 * for the same answer. A change made through our own tools invalidates the account at once. When a
 * refresh finds the pipelines changed, listeners hear of it (list_changed).
 */
public final class LiveSchemaCache {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSchemaCache.class);

  /** The answer of one fetch: the schema, or why there is none. */
  public record Result(Optional<AccountSchema> schema, String failure, long fetchedAt) {}

  private final Map<String, CompletableFuture<Result>> entries = new ConcurrentHashMap<>();
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Duration ttl;
  private final Clock clock;

  public LiveSchemaCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  public Duration ttl() {
    return ttl;
  }

  /** Calls {@code listener} with an account id when that account's pipelines changed. */
  public void onChange(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** The account's schema, fetched with {@code streak} if the cached one is missing or stale. */
  public Result get(String accountId, StreakClient streak) {
    while (true) {
      CompletableFuture<Result> current = entries.get(accountId);
      if (current != null) {
        Result done = current.getNow(null);
        if (done == null || clock.millis() - done.fetchedAt() < lifetime(done)) {
          return current.join();
        }
        // Stale: let exactly one caller replace it.
        CompletableFuture<Result> next = new CompletableFuture<>();
        if (entries.replace(accountId, current, next)) {
          return fetch(accountId, streak, next);
        }
        continue;
      }
      CompletableFuture<Result> next = new CompletableFuture<>();
      if (entries.putIfAbsent(accountId, next) == null) {
        return fetch(accountId, streak, next);
      }
    }
  }

  /**
   * How long a result is served. A failure (a timeout, a 429) is tried again after a few seconds,
   * not after the whole TTL: names and enrichment would otherwise be gone for that long.
   */
  private long lifetime(Result result) {
    return result.schema().isPresent()
        ? ttl.toMillis()
        : Math.min(ttl.toMillis(), FAILURE_RETRY.toMillis());
  }

  /** How long a failed fetch is remembered, at most. */
  static final Duration FAILURE_RETRY = Duration.ofSeconds(5);

  /**
   * Reads the account's schema again if {@code seen} is still the cached one and is older than
   * {@code age}; empty when it is younger (a miss in a schema just read is a real miss) or another
   * caller has replaced it already (its answer is then returned).
   */
  public Optional<Result> refreshIfOlderThan(
      String accountId, StreakClient streak, Duration age, Result seen) {
    if (clock.millis() - seen.fetchedAt() < age.toMillis()) {
      return Optional.empty();
    }
    CompletableFuture<Result> current = entries.get(accountId);
    if (current != null && current.getNow(null) == seen) {
      entries.remove(accountId, current);
    }
    return Optional.of(get(accountId, streak));
  }

  /** Forgets an account's schema: the next get fetches it again. */
  public void invalidate(String accountId) {
    entries.remove(accountId);
  }

  private Result fetch(String accountId, StreakClient streak, CompletableFuture<Result> target) {
    Result result;
    try {
      AccountSchema schema = SchemaReader.read(streak);
      result = new Result(Optional.of(schema), null, clock.millis());
      String previous = fingerprints.put(accountId, schema.fingerprint());
      if (previous != null && !previous.equals(schema.fingerprint())) {
        listeners.forEach(l -> l.accept(accountId));
      }
    } catch (Exception e) {
      LOG.warn("live schema unavailable for an account: {}", e.getMessage());
      result = new Result(Optional.empty(), e.getMessage(), clock.millis());
    }
    target.complete(result);
    return result;
  }
}
