package io.streakmcp.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /healthz}: 200 when the store answers, 503 when it does not. Load balancers call it
 * without credentials, so it says nothing but "ok" or which part is down.
 *
 * <p>A hung database would hold a check for the pool's whole connection timeout (30 s), longer than
 * any balancer waits; so the check runs on its own thread, at most one at a time, and the answer is
 * "down" after {@link #WAIT}. Probes that arrive while a check is running share it.
 */
final class HealthHandler extends Handler.Abstract {
  static final String PATH = "/healthz";
  static final Duration WAIT = Duration.ofSeconds(2);

  private final DataSource store;
  private final ExecutorService checker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "healthz-check");
            t.setDaemon(true);
            return t;
          });
  private Future<Boolean> running;

  HealthHandler(DataSource store) {
    this.store = store;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!PATH.equals(Request.getPathInContext(request))) {
      return false;
    }
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      response.setStatus(405);
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      callback.succeeded();
      return true;
    }
    boolean up = check();
    response.setStatus(up ? 200 : 503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    String body = up ? "{\"status\":\"ok\"}" : "{\"status\":\"down\",\"down\":[\"database\"]}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private boolean check() {
    Future<Boolean> f;
    synchronized (this) {
      if (running == null || running.isDone()) {
        running = checker.submit(this::storeAnswers);
      }
      f = running;
    }
    try {
      return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean storeAnswers() {
    try (Connection c = store.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
