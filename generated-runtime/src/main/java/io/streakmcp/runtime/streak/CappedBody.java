package io.streakmcp.runtime.streak;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Collects a response body, but no more than a limit and no later than a deadline: an answer that
 * grows past the limit, or is still arriving at the deadline, is cancelled rather than held.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** One daemon thread for every body's deadline; finished bodies take their timer with them. */
  private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

  private final int max;
  private final long deadlineNanos;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedBody(int max, long deadlineNanos) {
    this.max = max;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * @param deadlineNanos the {@link System#nanoTime()} by which the whole body must have arrived
   */
  static HttpResponse.BodyHandler<byte[]> handler(int max, long deadlineNanos) {
    return info -> new CappedBody(max, deadlineNanos);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    long left = deadlineNanos - System.nanoTime();
    ScheduledFuture<?> timer =
        DEADLINES.schedule(
            () -> {
              if (result.completeExceptionally(
                  new HttpTimeoutException("the answer did not arrive in time"))) {
                s.cancel();
              }
            },
            Math.max(0, left),
            TimeUnit.NANOSECONDS);
    result.whenComplete((body, failure) -> timer.cancel(false));
    s.request(Long.MAX_VALUE);
  }

  private static ScheduledThreadPoolExecutor deadlines() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "streak-body-deadlines");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if (out.size() + b.remaining() > max) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(max));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /** The answer was larger than we hold. */
  static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int max) {
      super(
          "Streak's answer was larger than " + (max / (1024 * 1024)) + " MiB", null, false, false);
    }
  }
}
