package io.streakmcp.bench;

import io.streakmcp.server.sandbox.SandboxStreak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Streak every contender calls: answers {@code GET /api/v1/boxes/{key}} and {@code GET
 * /api/v1/pipelines} with fixed bytes taken once from the sandbox's demo team, so the stand-in
 * costs the same microseconds whoever calls it, and the floor (direct REST) is as low as it gets.
 */
final class StandIn implements AutoCloseable {
  static final String KEY = "bench-streak-key";

  private final Server server;
  private final int port;
  final String boxKey;

  private StandIn(Server server, int port, String boxKey) {
    this.server = server;
    this.port = port;
    this.boxKey = boxKey;
  }

  static StandIn start() throws Exception {
    byte[][] seed = new byte[2][];
    String boxKey;
    // Real shapes: the demo team's pipelines and one of its boxes, as the sandbox answers them.
    try (SandboxStreak sandbox = SandboxStreak.start("127.0.0.1", 0, KEY, Clock.systemUTC())) {
      seed[0] = get(sandbox.baseUrl() + "/v1/pipelines");
      JsonNode pipelines = JsonMapper.shared().readTree(seed[0]);
      String pipeline = pipelines.path(0).path("key").asString();
      JsonNode boxes =
          JsonMapper.shared()
              .readTree(get(sandbox.baseUrl() + "/v1/pipelines/" + pipeline + "/boxes"));
      boxKey = boxes.path(0).path("key").asString();
      seed[1] = get(sandbox.baseUrl() + "/v1/boxes/" + boxKey);
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("stand-in");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Answers(seed[0], seed[1]));
    server.start();
    return new StandIn(server, connector.getLocalPort(), boxKey);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port + "/api";
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the stand-in did not stop", e);
    }
  }

  private static byte[] get(String url) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r.body();
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
  }

  private static final class Answers extends Handler.Abstract.NonBlocking {
    private final byte[] pipelines;
    private final byte[] box;

    Answers(byte[] pipelines, byte[] box) {
      this.pipelines = pipelines;
      this.box = box;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      byte[] body =
          path.equals("/api/v1/pipelines")
              ? pipelines
              : path.startsWith("/api/v1/boxes/") ? box : null;
      if (body == null) {
        response.setStatus(404);
        body = "{\"error\":\"not in the benchmark stand-in\"}".getBytes(StandardCharsets.UTF_8);
      }
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
  }
}
