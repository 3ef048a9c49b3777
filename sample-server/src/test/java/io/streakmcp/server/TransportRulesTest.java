package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.*;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.StaticServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What every HTTP request is checked for, and sessions that need no server memory. */
class TransportRulesTest extends WithTestServer {

  /** A second instance with the same secret and store: a load balancer may send either. */
  @Test
  void aSessionStartedOnOneInstanceWorksOnAnother() throws Exception {
    StreakClient client =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(2)),
            URI.create(server.streak.baseUrl() + "/api"),
            "k",
            Duration.ofSeconds(5),
            Clock.systemUTC());
    McpServerContext context =
        new McpServerContext("server-1", ToolCatalog.of(new StreakToolRegistry()), client);
    try (McpHttpServer other =
        new McpHttpServer(
                new StaticServerResolver(Map.of(TestServer.TOKEN, context)),
                McpRuntime.engine(ServerInfo.streak("test"), TestServer.SECRET, Clock.systemUTC()),
                HttpServerConfig.loopback(0, TestServer.SECRET),
                null)
            .start()) {
      var init = McpHttp.post(server.mcpUrl(), McpHttp.initialize("2025-06-18"));
      String session = init.header("mcp-session-id");
      URI otherUrl = URI.create("http://127.0.0.1:" + other.port() + "/mcp/" + TestServer.TOKEN);
      var list =
          McpHttp.post(
              otherUrl,
              "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
              "Mcp-Session-Id",
              session);
      assertEquals(200, list.status(), list.body());
      assertTrue(
          list.json().path("result").path("tools").get(0).has("title"),
          "the session's version (2025-06-18, with titles) travelled inside its id");
    }
  }

  @Test
  void aForgedSessionIs404() throws Exception {
    var a =
        McpHttp.post(
            server.mcpUrl(),
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "Mcp-Session-Id",
            "forged.session");
    assertEquals(404, a.status());
  }

  @Test
  void anUnknownTokenIs404AndSaysNothingElse() throws Exception {
    var a =
        McpHttp.post(
            URI.create("http://127.0.0.1:" + server.http.port() + "/mcp/nope"),
            McpHttp.initialize("2025-06-18"));
    assertEquals(404, a.status());
    assertFalse(a.body().contains(TestServer.TOKEN));
  }

  @Test
  void oversizedWrongTypeAndUnacceptableRequestsAreRefused() throws Exception {
    var big =
        McpHttp.post(
            server.mcpUrl(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
                + "a".repeat(1024 * 1024)
                + "\"}}");
    assertEquals(413, big.status());
    var text =
        McpHttp.post(
            server.mcpUrl(), McpHttp.initialize("2025-06-18"), "Content-Type", "text/plain");
    assertEquals(415, text.status());
    var accept =
        McpHttp.post(server.mcpUrl(), McpHttp.initialize("2025-06-18"), "Accept", "text/html");
    assertEquals(406, accept.status());
  }

  /**
   * Refused while most of its body is still to come, a request's connection is closed after the
   * answer, and the answer says so: unannounced, a client sent its next request on it and got no
   * answer (seen in CI as "header parser received no bytes" on the request after a 413).
   */
  @Test
  void anAnswerBeforeTheBodyHasArrivedSaysTheConnectionCloses() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.http.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /mcp/"
                  + TestServer.TOKEN
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: text/plain\r\nContent-Length: 4194304\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[64 * 1024]); // of the 4 MiB announced
      out.flush();
      String head = head(socket.getInputStream());
      assertTrue(head.startsWith("HTTP/1.1 415 "), head);
      assertTrue(head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"), head);
    }
  }

  /** Refused once its whole body is in, a request leaves its connection open for the next. */
  @Test
  void anAnswerAfterTheBodyHasArrivedKeepsTheConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.http.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String body = McpHttp.initialize("2025-06-18");
      for (String type : List.of("text/plain", "application/json")) {
        out.write(
            ("POST /mcp/"
                    + TestServer.TOKEN
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: "
                    + type
                    + "\r\nAccept: application/json\r\n"
                    + "Content-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = head(in);
        String expected = type.equals("text/plain") ? "HTTP/1.1 415 " : "HTTP/1.1 200 ";
        assertTrue(head.startsWith(expected), head);
        assertFalse(head.toLowerCase(Locale.ROOT).contains("connection: close"), head);
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        assertTrue(length.find(), head);
        in.readNBytes(Integer.parseInt(length.group(1)));
      }
    }
  }

  /** The status line and headers of one answer, read byte by byte up to the blank line. */
  private static String head(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b; (b = in.read()) >= 0; ) {
      sb.append((char) b);
      if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
        return sb.toString();
      }
    }
    throw new IOException("the connection closed before the end of the headers: " + sb);
  }

  @Test
  void getAndDeleteFollowTheEraRules() throws Exception {
    HttpRequest modernGet =
        HttpRequest.newBuilder(server.mcpUrl())
            .header("Accept", "text/event-stream")
            .header("MCP-Protocol-Version", "2026-07-28")
            .GET()
            .build();
    assertEquals(405, McpHttp.send(modernGet, HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpRequest delete = HttpRequest.newBuilder(server.mcpUrl()).DELETE().build();
    HttpResponse<String> deleted = McpHttp.send(delete, HttpResponse.BodyHandlers.ofString());
    assertEquals(405, deleted.statusCode(), "sessions are stateless: there is nothing to delete");
    assertTrue(deleted.headers().firstValue("allow").isPresent());
  }

  @Test
  void batchesOnlyIn20250326() throws Exception {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]";
    var allowed = McpHttp.post(server.mcpUrl(), batch, "MCP-Protocol-Version", "2025-03-26");
    assertEquals(200, allowed.status());
    assertEquals(2, allowed.json().size());
    var refused = McpHttp.post(server.mcpUrl(), batch, "MCP-Protocol-Version", "2025-06-18");
    assertEquals(400, refused.status());
    assertEquals(-32600, refused.json().path("error").path("code").asInt());
  }
}
