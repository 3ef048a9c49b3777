package io.streakmcp.server;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in buckets 2% wide, from 1 µs to about 10 minutes: a fixed size whatever the number of
 * calls, so recording 100k of them adds nothing to the heap the load test watches.
 */
final class LatencyHistogram {
  private static final double GROWTH = 1.02;
  private static final int BUCKETS = (int) Math.ceil(Math.log(6e8) / Math.log(GROWTH)) + 1;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  void record(long nanos) {
    double micros = Math.max(1, nanos / 1_000.0);
    int bucket = (int) Math.min(BUCKETS - 1, Math.floor(Math.log(micros) / Math.log(GROWTH)));
    counts.incrementAndGet(bucket);
  }

  /** The latency under which a {@code fraction} of calls fell, in ms (the bucket's upper edge). */
  double percentileMs(double fraction) {
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    if (total == 0) {
      return Double.NaN;
    }
    long wanted = (long) Math.ceil(total * fraction);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= wanted) {
        return Math.pow(GROWTH, i + 1) / 1_000.0;
      }
    }
    return Math.pow(GROWTH, BUCKETS) / 1_000.0;
  }
}
