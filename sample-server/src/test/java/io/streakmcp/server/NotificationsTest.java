package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.*;

import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.Responses;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * tools/list_changed reaches the Streamable HTTP GET stream, the 2024-11-05 HTTP+SSE stream, and
 * the 2026-07-28 listen stream: each is kept under the server's account, whose live schema changed.
 */
class NotificationsTest extends WithTestServer {

  @Test
  void legacyGetStreamReceivesListChanged() throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(server.mcpUrl())
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    try (BufferedReader events = open(get)) {
      publishWhenOpen();
      String data = nextData(events);
      assertTrue(data.contains("\"method\":\"notifications/tools/list_changed\""), data);
      assertFalse(data.contains("subscriptionId"), data);
    }
  }

  @Test
  void httpSseStreamSaysItsEndpointFirstThenReceivesListChanged() throws Exception {
    URI sse = URI.create(server.mcpUrl() + "/sse");
    HttpRequest get =
        HttpRequest.newBuilder(sse)
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    try (BufferedReader events = open(get)) {
      assertTrue(nextData(events).contains("/messages?sessionId="), "the endpoint comes first");
      publishWhenOpen();
      String data = nextData(events);
      assertTrue(data.contains("\"method\":\"notifications/tools/list_changed\""), data);
    }
  }

  @Test
  void modernListenStreamIsAcknowledgedThenTagged() throws Exception {
    HttpRequest listen =
        HttpRequest.newBuilder(server.mcpUrl())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", Modern.VERSION)
            .header("Mcp-Method", "subscriptions/listen")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Modern.request(
                        42,
                        "subscriptions/listen",
                        "{\"notifications\":{\"toolsListChanged\":true,\"promptsListChanged\":true}}")))
            .build();
    try (BufferedReader events = open(listen)) {
      String ack = nextData(events);
      assertTrue(ack.contains(Methods.SUBSCRIPTIONS_ACKNOWLEDGED), ack);
      assertTrue(
          ack.contains("\"notifications\":{\"toolsListChanged\":true}"),
          "only what this server honours is acknowledged: " + ack);
      publishWhenOpen();
      String change = nextData(events);
      assertTrue(change.contains(Methods.TOOLS_LIST_CHANGED), change);
      assertTrue(change.contains("\"io.modelcontextprotocol/subscriptionId\":42"), change);
    }
  }

  private static BufferedReader open(HttpRequest request) throws Exception {
    HttpResponse<InputStream> r = McpHttp.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertEquals("text/event-stream", r.headers().firstValue("content-type").orElse(""));
    return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
  }

  /** Publishes once the stream is registered (the server registers before its first bytes). */
  private static void publishWhenOpen() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.http.hub().openStreams() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    server
        .http
        .hub()
        .publish(TestServer.ACCOUNT_ID, Responses.notification(Methods.TOOLS_LIST_CHANGED, null));
  }

  /**
   * The next event's data. A stream that never sends one still sends keep-alives (every 15 s), so
   * the wait ends with a failure instead of hanging the build.
   */
  private static String nextData(BufferedReader events) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (String line; (line = events.readLine()) != null; ) {
      if (line.startsWith("data: ")) {
        return line.substring(6);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no event within 20 s, only keep-alives");
      }
    }
    throw new AssertionError("stream ended before an event");
  }
}
