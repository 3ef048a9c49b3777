package io.streakmcp.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One of the load's callers: opens a session on its server (initialize, then
 * notifications/initialized) and makes tools/calls until the phase's calls are used up, checking
 * every answer. A problem is counted and the caller carries on, so one run reports them all.
 */
final class LoadWorker implements Runnable {
  /** One call in this many is the planted 429. */
  static final int RATE_LIMITED_EVERY = 50;

  private final int index;
  private final int serverIndex;
  private final LoadFleet.Target target;
  private final String version;
  private final HttpClient http;
  private final AtomicLong tickets;
  private final LoadTally tally;
  private final List<LoadCall> calls;
  private String session;
  private String cursor;
  private long made;

  LoadWorker(
      int index,
      int serverIndex,
      LoadFleet.Target target,
      String version,
      HttpClient http,
      AtomicLong tickets,
      LoadTally tally) {
    this.index = index;
    this.serverIndex = serverIndex;
    this.target = target;
    this.version = version;
    this.http = http;
    this.tickets = tickets;
    this.tally = tally;
    this.calls = target.calls();
  }

  @Override
  public void run() {
    try {
      if (!initialize()) {
        return; // counted; the other callers use up this one's calls
      }
      while (tickets.getAndDecrement() > 0) {
        LoadCall call =
            made % RATE_LIMITED_EVERY == RATE_LIMITED_EVERY - 1
                ? LoadCall.RATE_LIMITED
                : calls.get((int) (made % calls.size()));
        made++;
        callOnce(call);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean initialize() throws InterruptedException {
    String where = target.name() + " " + version + " initialize: ";
    try {
      HttpResponse<String> r = post(McpHttp.initialize(version));
      JsonNode answer = rpcAnswer(r, JsonNodeFactory.instance.numberNode(1));
      if (answer == null) {
        tally.protocolError(where + r.statusCode() + " " + r.body());
        return false;
      }
      if (!version.equals(answer.path("result").path("protocolVersion").asString())) {
        tally.protocolError(where + "another version: " + r.body());
        return false;
      }
      session = r.headers().firstValue("mcp-session-id").orElse(null);
      HttpResponse<String> ack =
          post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      if (ack.statusCode() != 202) {
        tally.protocolError(where + "notifications/initialized got " + ack.statusCode());
        return false;
      }
      tally.sessions.incrementAndGet();
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      tally.protocolError(where + e);
      return false;
    }
  }

  private void callOnce(LoadCall call) throws InterruptedException {
    // Half the callers use string ids, the other half numbers: both must come back as sent.
    JsonNode id =
        index % 2 == 0
            ? JsonNodeFactory.instance.numberNode(index * 10_000_000L + made)
            : JsonNodeFactory.instance.stringNode("w" + index + "-" + made);
    String sentCursor = call == LoadCall.LIST_BOXES ? cursor : null;
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
            + call.tool
            + "\",\"arguments\":"
            + call.arguments(sentCursor)
            + "}}";
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = post(body);
      long nanos = System.nanoTime() - start;
      JsonNode answer = rpcAnswer(r, id);
      String problem =
          answer == null
              ? "not a JSON-RPC result for id " + id + ": " + r.statusCode() + " " + r.body()
              : call.problem(
                  answer.get("result"),
                  sentCursor,
                  name -> r.headers().firstValue(name).orElse(null));
      if (problem != null) {
        tally.protocolError(target.name() + " " + version + " " + call + ": " + problem);
        cursor = null;
        return;
      }
      if (call == LoadCall.LIST_BOXES) {
        cursor = LoadCall.nextCursor(answer.get("result"));
      }
      tally.call(serverIndex, nanos, call == LoadCall.RATE_LIMITED);
    } catch (java.io.IOException | RuntimeException e) {
      tally.protocolError(target.name() + " " + version + " " + call + ": " + e);
      cursor = null;
    }
  }

  /** The answer if it is a JSON-RPC 2.0 result for {@code id} in a 200 JSON response, else null. */
  private static JsonNode rpcAnswer(HttpResponse<String> r, JsonNode id) {
    if (r.statusCode() != 200
        || !r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
      return null;
    }
    JsonNode answer;
    try {
      answer = JsonMapper.shared().readTree(r.body());
    } catch (RuntimeException notJson) {
      return null;
    }
    boolean right =
        answer.isObject()
            && "2.0".equals(answer.path("jsonrpc").asString(""))
            && sameId(id, answer.get("id"))
            && !answer.has("error")
            && answer.path("result").isObject();
    return right ? answer : null;
  }

  /** The id as sent: the same string, or the same integer whatever width the parser chose. */
  private static boolean sameId(JsonNode sent, JsonNode back) {
    if (back == null) {
      return false;
    }
    if (sent.isString()) {
      return back.isString() && sent.stringValue().equals(back.stringValue());
    }
    return back.isIntegralNumber() && sent.bigIntegerValue().equals(back.bigIntegerValue());
  }

  private HttpResponse<String> post(String body) throws java.io.IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target.url())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    // The version header exists from 2025-06-18 on; 2025-03-26 clients do not send it.
    if (!version.equals("2025-03-26")) {
      b.header("MCP-Protocol-Version", version);
    }
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
