package io.streakmcp.runtime.servers;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired servers now and then. It is housekeeping only: expired URLs are already refused
 * by the resolver. The state it works from is the store, so it survives restarts, and its one
 * idempotent DELETE is safe when several instances share a database.
 */
public final class ExpiryCleaner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiryCleaner.class);

  /** How many calls each server's log keeps; older ones go at the next run. */
  public static final int CALLS_KEPT_PER_SERVER = 10_000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "expiry-cleaner");
            t.setDaemon(true);
            return t;
          });

  public ExpiryCleaner(ServerStore store, long periodSeconds) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            int deleted = store.deleteExpired();
            if (deleted > 0) {
              LOG.info("deleted {} expired MCP servers", deleted);
            }
            int pruned = store.callLog().pruneCalls(CALLS_KEPT_PER_SERVER);
            if (pruned > 0) {
              LOG.debug("pruned {} call log entries beyond the newest per server", pruned);
            }
          } catch (Exception e) {
            LOG.warn("expired-server cleanup failed; will try again: {}", e.toString());
          }
        },
        0,
        periodSeconds,
        TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
