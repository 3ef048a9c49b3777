package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox Streak API over HTTP: {@code <base>/v1/...} and {@code <base>/v2/...}, with HTTP
 * Basic auth (the key as user name, or as password), or a Bearer key, as Streak takes them. It
 * holds one demo team in memory; calls run one at a time under a lock, which keeps every change
 * whole and costs nothing at a demo's rate.
 */
public final class SandboxStreak implements AutoCloseable {
  /** The path the API is served under, so the base URL looks like Streak's own. */
  public static final String BASE_PATH = "/api";

  private static final Logger LOG = LoggerFactory.getLogger(SandboxStreak.class);
  private static final int MAX_BODY = 1024 * 1024;

  private final Server server;
  private final URI base;

  private SandboxStreak(Server server, URI base) {
    this.server = server;
    this.base = base;
  }

  /**
   * Seeds a demo team and starts serving it.
   *
   * @param host the interface to bind (loopback for a local demo)
   * @param port the port, or 0 for any free one
   * @param apiKey the one key the stand-in accepts
   */
  public static SandboxStreak start(String host, int port, String apiKey, Clock clock)
      throws Exception {
    Crm crm = new Crm(clock);
    Router router = new Router();
    PipelineRoutes pipelines = new PipelineRoutes(crm);
    BoxRoutes boxes = new BoxRoutes(crm);
    ActivityRoutes activity = new ActivityRoutes(crm);
    TeamRoutes team = new TeamRoutes(crm);
    pipelines.register(router);
    boxes.register(router);
    activity.register(router);
    team.register(router);
    new DemoTeam(crm, pipelines, boxes, activity, team).seed();

    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("sandbox-streak");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Api(router, apiKey));
    server.start();
    String authority = host.contains(":") ? "[" + host + "]" : host;
    URI base = URI.create("http://" + authority + ":" + connector.getLocalPort() + BASE_PATH);
    LOG.atInfo().addKeyValue("url", base).log("sandbox Streak API started");
    return new SandboxStreak(server, base);
  }

  /** Streak's API root on the stand-in, with /v1 and /v2 under it. */
  public URI baseUrl() {
    return base;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("sandbox Streak API did not stop cleanly: {}", e.toString());
    }
  }

  /** Authenticates, routes and answers one request at a time. */
  private static final class Api extends Handler.Abstract {
    private final Router router;
    private final byte[] key;
    private final ReentrantLock lock = new ReentrantLock();

    Api(Router router, String apiKey) {
      this.router = router;
      this.key = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      if (!path.startsWith(BASE_PATH + "/")) {
        return false;
      }
      int status;
      Object answer;
      try {
        if (!authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
          throw new ApiError(
              401, "Authentication failed: send your API key as the Basic user name");
        }
        List<String> segments = segments(path.substring(BASE_PATH.length()));
        Optional<Router.Match> match = router.find(request.getMethod(), segments);
        if (match.isEmpty()) {
          List<String> allowed = router.methodsFor(segments);
          if (!allowed.isEmpty()) {
            response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
            throw new ApiError(405, request.getMethod() + " is not supported here; use " + allowed);
          }
          throw new ApiError(404, "no such API method: " + request.getMethod() + " " + path);
        }
        Call call = new Call(match.get().keys(), query(request), body(request));
        lock.lock();
        try {
          answer = match.get().operation().run(call);
        } finally {
          lock.unlock();
        }
        status = 200;
      } catch (ApiError e) {
        status = e.status();
        answer = Json.object().put("error", e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("sandbox Streak API failed on {} {}", request.getMethod(), path, e);
        status = 500;
        answer = Json.object().put("error", "internal error in the sandbox");
      }
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.write(true, ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(answer)), callback);
      return true;
    }

    /** Basic with the key as user name (or as password), or Bearer with the key. */
    private boolean authorized(String header) {
      if (header == null) {
        return false;
      }
      List<String> candidates = new ArrayList<>();
      if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        candidates.add(header.substring(7).strip());
      } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
        try {
          String pair =
              new String(
                  Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
          int colon = pair.indexOf(':');
          candidates.add(colon < 0 ? pair : pair.substring(0, colon));
          if (colon >= 0) {
            candidates.add(pair.substring(colon + 1));
          }
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
      boolean ok = false;
      for (String c : candidates) {
        // Constant-time, so the stand-in does not teach timing attacks by example.
        ok |= MessageDigest.isEqual(key, c.getBytes(StandardCharsets.UTF_8));
      }
      return ok;
    }

    private static List<String> segments(String path) {
      List<String> out = new ArrayList<>();
      for (String raw : path.substring(1).split("/", -1)) {
        out.add(URIUtil.decodePath(raw));
      }
      return out;
    }

    private static Map<String, List<String>> query(Request request) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
      for (Fields.Field f : fields) {
        out.put(f.getName(), List.copyOf(f.getValues()));
      }
      return out;
    }

    private static String body(Request request) {
      long length = request.getLength();
      if (length > MAX_BODY) {
        throw new ApiError(413, "the body is larger than " + MAX_BODY + " bytes");
      }
      try {
        String text = Content.Source.asString(request, StandardCharsets.UTF_8);
        if (text.length() > MAX_BODY) {
          throw new ApiError(413, "the body is larger than " + MAX_BODY + " bytes");
        }
        return text;
      } catch (java.io.IOException e) {
        throw ApiError.badRequest("the body could not be read");
      }
    }
  }
}
