package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An open event stream ends once the URL that opened it would be refused: its server deleted,
 * expired, or now requiring a platform token the stream's request did not carry. Requests are
 * refused at once; streams are checked at each keep-alive, which the test runs at once through the
 * hub instead of waiting out the interval.
 */
class RevokedStreamsTest {
  /** How long a stream may take to end, or to show its next line. */
  static final Duration WITHIN = Duration.ofSeconds(10);

  /**
   * How long a stream that stays open may take to show a keep-alive after a round. A round skips a
   * stream busy writing, and the thread that wrote a new stream's first line may still hold it when
   * the client has read that line; the server's own round, every 15 s, sends the next one.
   */
  static final Duration KEEP_ALIVE_WITHIN = Duration.ofSeconds(25);

  @TempDir Path dir;
  MutableClock clock;
  LiveDeployment live;
  String account;

  @BeforeEach
  void start() throws Exception {
    clock = new MutableClock();
    live =
        new LiveDeployment(
            dir, Duration.ofSeconds(30), WireMockConfiguration.options().dynamicPort(), clock);
    account =
        admin("POST", "/integrated-account", "{\"name\":\"Acme\",\"api_key\":\"strk_revoked\"}")
            .path("id")
            .asString();
  }

  @AfterEach
  void stop() {
    live.close();
  }

  @Test
  void aDeletedServersStreamsEndAndAnotherServersStreamStays() throws Exception {
    JsonNode doomed = server("{\"name\":\"doomed\"}");
    JsonNode kept = server("{\"name\":\"kept\"}");
    try (Stream legacy = open(url(doomed) + "/sse", null);
        Stream streamable = open(url(doomed), null);
        Stream other = open(url(kept), null)) {
      live.deployment.streams().keepAliveNow();
      assertEquals(3, open(), "served streams stay open");
      assertKeepAlive(streamable);
      assertKeepAlive(other);

      assertEquals(204, McpHttp.admin(path(doomed), "DELETE", null, AdminApiTest.ADMIN).status());
      live.deployment.streams().keepAliveNow();
      assertEnds(legacy, "the HTTP+SSE stream of a deleted server");
      assertEnds(streamable, "the Streamable HTTP stream of a deleted server");
      assertEquals(1, open(), "another server's stream is untouched");
      assertKeepAlive(other);
    }
  }

  @Test
  void anExpiredServersStreamEnds() throws Exception {
    JsonNode brief =
        server("{\"name\":\"brief\",\"expires_at\":\"" + clock.instant().plusSeconds(61) + "\"}");
    try (Stream stream = open(url(brief), null)) {
      live.deployment.streams().keepAliveNow();
      assertEquals(1, open());
      clock.advance(Duration.ofSeconds(62));
      live.deployment.streams().keepAliveNow();
      assertEnds(stream, "the stream of an expired server");
      assertEquals(0, open());
    }
  }

  @Test
  void requiringThePlatformTokenEndsOnlyTheStreamsThatLackIt() throws Exception {
    JsonNode server = server("{\"name\":\"tightened\"}");
    try (Stream bare = open(url(server), null);
        Stream withToken = open(url(server), "Bearer " + AdminApiTest.ADMIN)) {
      JsonNode patched =
          McpHttp.admin(
                  path(server),
                  "PATCH",
                  "{\"config\":{\"require_api_token_auth\":true}}",
                  AdminApiTest.ADMIN)
              .json();
      assertTrue(patched.path("config").path("require_api_token_auth").asBoolean(), "" + patched);
      live.deployment.streams().keepAliveNow();
      assertEnds(bare, "a stream opened without the platform token");
      assertEquals(1, open(), "a stream that sent it stays");
      assertKeepAlive(withToken);
    }
  }

  @Test
  void aStoreThatCannotBeReadEndsNoStream() throws Exception {
    try (Stream first = open(url(server("{\"name\":\"one\"}")), null);
        Stream second = open(url(server("{\"name\":\"two\"}")), null)) {
      live.deployment.database().close();
      live.deployment.streams().keepAliveNow();
      assertEquals(2, open(), "a store outage revokes nothing");
      assertKeepAlive(first);
      assertKeepAlive(second);
    }
  }

  private JsonNode admin(String method, String path, String body) throws Exception {
    McpHttp.Answer a =
        McpHttp.admin(URI.create(live.base() + path), method, body, AdminApiTest.ADMIN);
    assertEquals(201, a.status(), a.body());
    return a.json();
  }

  private JsonNode server(String body) throws Exception {
    JsonNode created = admin("POST", "/integrated-account/" + account + "/mcp", body);
    Secrets.remember(created.path("url").asString().replaceAll(".*/mcp/", ""));
    return created;
  }

  private static String url(JsonNode server) {
    return server.path("url").asString();
  }

  private URI path(JsonNode server) {
    return URI.create(
        live.base() + "/integrated-account/" + account + "/mcp/" + server.path("id").asString());
  }

  /**
   * A GET event stream, past what it says first: HTTP+SSE at {@code .../sse} (its endpoint event),
   * else a Streamable HTTP listen of 2025-06-18 (a keep-alive).
   */
  private static Stream open(String url, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "text/event-stream")
            .header("MCP-Protocol-Version", "2025-06-18")
            .GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<InputStream> r =
        McpHttp.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    Stream stream =
        new Stream(
            r.body(), new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)));
    if (url.endsWith("/sse")) {
      assertTrue(nextLine(stream).startsWith("event: endpoint"));
      assertTrue(nextLine(stream).startsWith("data: "));
    } else {
      assertTrue(nextLine(stream).startsWith(": keep-alive"));
    }
    return stream;
  }

  /**
   * An open stream's lines. Closing it closes the bytes underneath, not the reader: a reader still
   * blocked in a read (a check that timed out) holds the reader's lock, and closing the reader
   * would wait for it.
   */
  record Stream(InputStream raw, BufferedReader lines) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      raw.close();
    }
  }

  /** The streams open on the server. */
  private int open() {
    return live.deployment.streams().openStreams();
  }

  /** The stream is open and says so: a keep-alive within {@link #KEEP_ALIVE_WITHIN}. */
  private static void assertKeepAlive(Stream stream) throws Exception {
    assertTrue(nextLine(stream, KEEP_ALIVE_WITHIN).startsWith(": keep-alive"));
  }

  /** The next line that says something (blank lines end events), within {@link #WITHIN}. */
  private static String nextLine(Stream stream) throws Exception {
    return nextLine(stream, WITHIN);
  }

  private static String nextLine(Stream stream, Duration within) throws Exception {
    return Bounded.call(
        "reading the stream",
        within,
        () -> {
          for (String line; (line = stream.lines().readLine()) != null; ) {
            if (!line.isEmpty()) {
              return line;
            }
          }
          throw new AssertionError("the stream ended");
        });
  }

  /** The stream ends (whatever it still had queued is read first), within {@link #WITHIN}. */
  private static void assertEnds(Stream stream, String what) throws Exception {
    String last =
        Bounded.call(
            what + " ending",
            WITHIN,
            () -> {
              String line;
              while ((line = stream.lines().readLine()) != null) {
                if (line.startsWith("data: ")) {
                  return line;
                }
              }
              return null;
            });
    assertNull(last, what + " carried an event after its server stopped being served");
  }
}
