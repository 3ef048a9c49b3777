package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ServerStore;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the checked-in bad-input corpus ({@code src/test/resources/bad-input/*.jsonl}, made by
 * its generate.py) against the real deployment, one dynamic test per case. Every case must get its
 * expected answer, within the timeout, with no 5xx, no Java exception or stack trace and no secret
 * in it; after each category the server must still serve tools/list and a tool call; and every
 * request that reached Streak must fit a tool's path template, each key one plain segment.
 */
class BadInputCorpusTest {
  static final List<String> CATEGORIES =
      List.of("jsonrpc", "schema", "size", "hostile", "transport", "tokens", "admin");
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final String API_KEY = "strk_corpus_key_never_echoed";
  static final ToolCatalog CATALOG = ToolCatalog.of(new StreakToolRegistry());
  static final JsonMapper JSON = JsonMapper.shared();

  @TempDir static Path dir;
  static LiveDeployment live;
  static final Map<String, String> FILL = new LinkedHashMap<>();
  static final Set<String> SECRETS = new HashSet<>();
  static String otherSession;

  @BeforeAll
  static void start() throws Exception {
    live = new LiveDeployment(dir, Duration.ofSeconds(5));
    live.streak.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    live.streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(okJson("[]")));
    live.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
    String token = token(live.server(API_KEY, List.of()));
    ServerStore store = live.deployment.store();
    Account account = store.createAccount("corpus", API_KEY);
    ServerStore.Created auth =
        store.createServer(
            account.id(), "auth", new ServerConfig(List.of(), List.of(), true), null);
    ServerStore.Created expired =
        store.createServer(
            account.id(),
            "expired",
            new ServerConfig(List.of(), List.of(), false),
            System.currentTimeMillis() - 60_000);
    ServerStore.Created deleted =
        store.createServer(
            account.id(), "deleted", new ServerConfig(List.of(), List.of(), false), null);
    store.deleteServer(account.id(), deleted.server().id());
    ServerStore.Created other =
        store.createServer(
            account.id(), "other", new ServerConfig(List.of(), List.of(), false), null);
    FILL.put("{token}", token);
    FILL.put("{auth_token}", Secrets.remember(auth.token()));
    FILL.put("{expired_token}", Secrets.remember(expired.token()));
    FILL.put("{deleted_token}", Secrets.remember(deleted.token()));
    FILL.put("{forged}", forged(token));
    FILL.put("{token_truncated}", token.substring(0, token.length() - 1));
    FILL.put("{token_half}", token.substring(0, token.length() / 2));
    FILL.put("{token_upper}", swapCase(token));
    FILL.put("{admin}", AdminApiTest.ADMIN);
    FILL.put("{account}", account.id());
    FILL.put("{server_id}", other.server().id());
    SECRETS.addAll(
        List.of(
            token,
            auth.token(),
            expired.token(),
            deleted.token(),
            Secrets.remember(other.token()),
            AdminApiTest.ADMIN,
            API_KEY));
    otherSession = session("/mcp/" + Secrets.remember(other.token()), "2025-11-25");
  }

  @AfterAll
  static void stop() {
    if (live != null) {
      live.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> corpus() throws IOException {
    List<DynamicNode> nodes = new ArrayList<>();
    int total = 0;
    for (String category : CATEGORIES) {
      List<JsonNode> cases = load(category);
      total += cases.size();
      List<DynamicNode> tests = new ArrayList<>();
      for (JsonNode c : cases) {
        tests.add(
            DynamicTest.dynamicTest(
                c.path("id").asString() + " " + c.path("description").asString(), () -> replay(c)));
      }
      tests.add(DynamicTest.dynamicTest("after " + category + ": still serving", this::healthy));
      if (category.equals("hostile")) {
        tests.add(DynamicTest.dynamicTest("Streak saw only template paths", this::journalAudit));
      }
      nodes.add(DynamicContainer.dynamicContainer(category, tests));
    }
    int cases = total;
    nodes.add(
        DynamicTest.dynamicTest(
            "the corpus is whole",
            () -> {
              assertTrue(cases >= 1000, "cases: " + cases);
              Set<String> covered = new HashSet<>();
              for (JsonNode c : load("schema")) {
                covered.add(c.path("description").asString().split(":")[0]);
              }
              for (var tool : CATALOG.all()) {
                assertTrue(
                    covered.contains(tool.name()),
                    tool.name() + " has no schema cases: run bad-input/generate.py after a build");
              }
            }));
    nodes.add(DynamicTest.dynamicTest("Streak saw only template paths (all)", this::journalAudit));
    return nodes.stream();
  }

  static List<JsonNode> load(String category) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in =
        BadInputCorpusTest.class.getResourceAsStream("/bad-input/" + category + ".jsonl")) {
      assertTrue(in != null, "bad-input/" + category + ".jsonl is missing");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
    }
    return out;
  }

  /** One case: its request over a raw socket, then every rule on the answer. */
  void replay(JsonNode c) throws Exception {
    JsonNode request = c.path("request");
    JsonNode expect = c.path("expect");
    Map<String, String> fill = new LinkedHashMap<>(FILL);
    fill.put("{other_session}", otherSession);
    RawHttp.OpenStream sse = null;
    try {
      if (request.path("session").asBoolean()) {
        fill.put(
            "{session}",
            session(
                "/mcp/" + FILL.get("{token}"),
                request.path("protocol_version").asString("2025-11-25")));
      }
      String path = request.path("path").asString();
      if (path.contains("{sse_session}")) {
        sse =
            RawHttp.openStream(
                live.deployment.port(), "/mcp/" + FILL.get("{token}") + "/sse", TIMEOUT);
        String endpoint = sse.lineStartingWith("data:");
        fill.put("{sse_session}", endpoint.substring(endpoint.indexOf("sessionId=") + 10));
      }
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (JsonNode h : request.path("headers")) {
        headers.add(Map.entry(h.get(0).asString(), filled(h.get(1).asString(), fill)));
      }
      byte[] body = body(request);
      int before = streakRequests();
      RawHttp.Answer a =
          RawHttp.send(
              live.deployment.port(),
              request.path("method").asString(),
              filled(path, fill),
              headers,
              body,
              TIMEOUT);
      int streakCalls = streakRequests() - before;
      List<String> problems =
          BadInputRules.check(expect, a, streakCalls, filled(path, fill), SECRETS);
      if (!problems.isEmpty()) {
        fail(
            c.path("id").asString()
                + " ("
                + c.path("description").asString()
                + "): "
                + String.join("; ", problems)
                + "\n  answer: "
                + a.status()
                + " "
                + shorten(a.text().replace(FILL.get("{token}"), "<token>")));
      }
    } finally {
      if (sse != null) {
        sse.close();
      }
    }
  }

  /**
   * Requests Streak has received, besides the live schema's read of the account's pipelines: that
   * read carries nothing from the request (it happens at most once per schema TTL, before names in
   * arguments can be translated), so it is not a bad input reaching Streak.
   */
  static int streakRequests() {
    return (int)
        live.streak.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getUrl().equals("/api/v1/pipelines"))
            .count();
  }

  /** After a category: tools/list is whole and a tool call answers from Streak. */
  void healthy() throws Exception {
    String token = FILL.get("{token}");
    RawHttp.Answer list = mcp(token, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
    assertEquals(200, list.status(), list.text());
    JsonNode tools = JSON.readTree(list.text()).path("result").path("tools");
    int seen = tools.size();
    String cursor = JSON.readTree(list.text()).path("result").path("nextCursor").asString(null);
    while (cursor != null) {
      RawHttp.Answer page =
          mcp(
              token,
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\""
                  + cursor
                  + "\"}}");
      JsonNode result = JSON.readTree(page.text()).path("result");
      seen += result.path("tools").size();
      cursor = result.path("nextCursor").asString(null);
    }
    assertEquals(CATALOG.size(), seen, "tools listed");
    RawHttp.Answer call =
        mcp(token, McpHttp.call(2, "get_single_streak_box_by_id", "{\"box_key\":\"b1\"}"));
    JsonNode result = JSON.readTree(call.text()).path("result");
    assertTrue(!result.path("isError").asBoolean(), call.text());
    assertEquals("b1", result.path("structuredContent").path("key").asString(), call.text());
  }

  /**
   * Every request Streak received fits one tool's path template, each key a plain segment: no
   * encoded dots, slashes or look-alikes ever left the server.
   */
  void journalAudit() {
    List<Pattern> templates = new ArrayList<>();
    // The live schema's own read of the account's pipelines.
    templates.add(Pattern.compile(Pattern.quote("/api/v1/pipelines")));
    for (var tool : CATALOG.all()) {
      HttpBinding b = tool.definition().binding();
      String regex =
          Pattern.quote("/api/" + b.version().segment())
              + b.pathTemplate()
                  .replaceAll("\\{[A-Za-z]+}", "\u0000")
                  .chars()
                  .mapToObj(
                      ch ->
                          ch == 0
                              ? "[A-Za-z0-9_-]{1,256}"
                              : Pattern.quote(String.valueOf((char) ch)))
                  .reduce("", String::concat);
      templates.add(Pattern.compile(regex));
    }
    List<ServeEvent> events = live.streak.getAllServeEvents();
    List<String> escaped = new ArrayList<>();
    for (ServeEvent e : events) {
      String url = e.getRequest().getUrl();
      String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
      if (templates.stream().noneMatch(t -> t.matcher(path).matches())) {
        escaped.add(
            e.getRequest().getMethod()
                + " "
                + (path.length() > 80 ? path.substring(0, 77) + "..." : path));
      }
    }
    System.out.println("journal audit: " + events.size() + " Streak requests checked");
    assertTrue(
        escaped.isEmpty(),
        escaped.size()
            + " escaped their template, such as: "
            + escaped.subList(0, Math.min(10, escaped.size())));
  }

  static RawHttp.Answer mcp(String token, String body) throws IOException {
    return RawHttp.send(
        live.deployment.port(),
        "POST",
        "/mcp/" + token,
        List.of(
            Map.entry("Content-Type", "application/json"),
            Map.entry("Accept", "application/json, text/event-stream"),
            Map.entry("MCP-Protocol-Version", "2025-11-25")),
        body.getBytes(StandardCharsets.UTF_8),
        TIMEOUT);
  }

  /** A Streamable HTTP session opened with initialize; its id. */
  static String session(String path, String version) throws IOException {
    RawHttp.Answer a =
        RawHttp.send(
            live.deployment.port(),
            "POST",
            path,
            List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Accept", "application/json, text/event-stream")),
            McpHttp.initialize(version).getBytes(StandardCharsets.UTF_8),
            TIMEOUT);
    String id = a.header("mcp-session-id");
    assertTrue(id != null, "initialize gave no session: " + a.status() + " " + a.text());
    return id;
  }

  static byte[] body(JsonNode request) {
    if (request.has("body_base64")) {
      return Base64.getDecoder().decode(request.get("body_base64").asString());
    }
    JsonNode body = request.get("body");
    if (body == null || body.isNull()) {
      return null;
    }
    String text = body.asString();
    if (request.has("fill")) {
      JsonNode fill = request.get("fill");
      text = text.replace("{fill}", fill.get(0).asString().repeat(fill.get(1).asInt()));
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String filled(String s, Map<String, String> fill) {
    for (var e : fill.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  static String token(java.net.URI url) {
    String path = url.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The same length and alphabet as a real token, other bytes. */
  static String forged(String token) {
    StringBuilder sb = new StringBuilder();
    for (char ch : token.toCharArray()) {
      sb.append(ch == 'A' ? 'B' : 'A');
    }
    return sb.toString();
  }

  static String swapCase(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      sb.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
    }
    return sb.toString();
  }

  static String shorten(String s) {
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }
}
