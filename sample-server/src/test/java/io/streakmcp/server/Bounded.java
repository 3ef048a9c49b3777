package io.streakmcp.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A step of a test that must end within a bound, whatever it waits on. The step runs on a daemon
 * thread of its own, so a wait no interrupt can end (a JDBC driver opening a file, say) still fails
 * the test at the bound, with that thread's stack as the cause, instead of holding the build until
 * CI's own limit kills it with nothing said.
 */
final class Bounded {
  static <T> T call(String what, Duration limit, Callable<T> step) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                result.complete(step.call());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "bounded: " + what);
    worker.setDaemon(true);
    worker.start();
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw new AssertionError(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      // The caller's stack says which step; the cause, where the step was stuck.
      Throwable where = new Throwable(what + " was here after " + limit);
      where.setStackTrace(worker.getStackTrace());
      worker.interrupt();
      throw new AssertionError(what + " did not end within " + limit, where);
    }
  }

  /** {@link #call} for a step with no result. */
  static void run(String what, Duration limit, Step step) throws Exception {
    call(
        what,
        limit,
        () -> {
          step.run();
          return null;
        });
  }

  /** A step that may throw. */
  interface Step {
    void run() throws Exception;
  }

  private Bounded() {}
}
