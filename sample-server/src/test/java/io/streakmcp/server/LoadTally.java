package io.streakmcp.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one phase of the load did: calls answered right, protocol errors (anything not a right
 * answer), 429s passed through, calls per server and their latencies. Sized when made, so that
 * counting does not grow the heap under watch; only the first few errors are kept in words.
 */
final class LoadTally {
  private static final int SAMPLES = 20;

  final AtomicLong calls = new AtomicLong();
  final AtomicLong protocolErrors = new AtomicLong();
  final AtomicLong rateLimited = new AtomicLong();
  final AtomicLong sessions = new AtomicLong();
  final AtomicLongArray perServer;
  final AtomicLongArray rateLimitedPerServer;
  final LatencyHistogram latency = new LatencyHistogram();
  private final List<String> samples = new ArrayList<>(SAMPLES);
  private volatile long startNanos;
  private volatile long endNanos;

  LoadTally(int servers) {
    perServer = new AtomicLongArray(servers);
    rateLimitedPerServer = new AtomicLongArray(servers);
  }

  void started() {
    startNanos = System.nanoTime();
  }

  void ended() {
    endNanos = System.nanoTime();
  }

  double seconds() {
    return (endNanos - startNanos) / 1e9;
  }

  /** A tools/call answered right. */
  void call(int server, long nanos, boolean wasRateLimited) {
    calls.incrementAndGet();
    perServer.incrementAndGet(server);
    latency.record(nanos);
    if (wasRateLimited) {
      rateLimited.incrementAndGet();
      rateLimitedPerServer.incrementAndGet(server);
    }
  }

  /** Anything but a right answer, in words. */
  void protocolError(String what) {
    protocolErrors.incrementAndGet();
    synchronized (samples) {
      if (samples.size() < SAMPLES) {
        samples.add(what);
      }
    }
  }

  List<String> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }
}
