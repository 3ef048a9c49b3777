package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.streakmcp.runtime.servers.PlatformTokens;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The admin API end to end over HTTP, against a real deployment on an H2 file. */
class AdminApiTest {
  static final String ADMIN = "admin-token-for-tests-0123456789abcdef";
  static final String API_KEY = "strk_admin_test_key_never_echo";
  static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes();

  @TempDir Path dir;
  WireMockServer streak;
  MutableClock clock;
  Deployment deployment;

  @BeforeEach
  void start() throws Exception {
    streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    streak.start();
    clock = new MutableClock();
    deployment = deploy();
  }

  private Deployment deploy() throws Exception {
    return Deployment.start(
        new Deployment.Settings(
            "127.0.0.1",
            0,
            io.streakmcp.runtime.transport.HttpServerConfig.LOOPBACK_HOSTS,
            "jdbc:h2:file:" + dir.resolve("store"),
            null,
            null,
            MASTER,
            PlatformTokens.of(ADMIN),
            TestServer.SECRET,
            URI.create(streak.baseUrl() + "/api"),
            null,
            java.time.Duration.ofSeconds(60),
            java.time.Duration.ofSeconds(30)),
        clock);
  }

  @AfterEach
  void stop() {
    deployment.close();
    streak.stop();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + deployment.port() + path);
  }

  private McpHttp.Answer admin(String method, String path, String body, String token)
      throws Exception {
    return McpHttp.admin(url(path), method, body, token);
  }

  private McpHttp.Answer admin(String method, String path, String body) throws Exception {
    return admin(method, path, body, ADMIN);
  }

  private String account() throws Exception {
    var a =
        admin("POST", "/integrated-account", "{\"name\":\"Acme\",\"api_key\":\"" + API_KEY + "\"}");
    assertEquals(201, a.status(), a.body());
    return a.json().path("id").asString();
  }

  private JsonNode server(String account, String body) throws Exception {
    var a = admin("POST", "/integrated-account/" + account + "/mcp", body);
    assertEquals(201, a.status(), a.body());
    Secrets.remember(a.json().path("url").asString().replaceAll(".*/mcp/", ""));
    return a.json();
  }

  private static McpHttp.Answer mcp(String url, String body, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "MCP-Protocol-Version";
    all[1] = "2025-11-25";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return McpHttp.post(URI.create(url), body, all);
  }

  private static int toolCount(String url, String... headers) throws Exception {
    return toolNames(url, headers).size();
  }

  /** Every tool a server lists, over all pages of tools/list. */
  private static List<String> toolNames(String url, String... headers) throws Exception {
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
      JsonNode r =
          mcp(
                  url,
                  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
                      + params
                      + "}",
                  headers)
              .json()
              .path("result");
      r.path("tools").forEach(t -> names.add(t.path("name").asString()));
      cursor = r.has("nextCursor") ? r.get("nextCursor").asString() : null;
    } while (cursor != null);
    return names;
  }

  /**
   * A body over the limit is refused before it is read to the end; the client's next requests are
   * served (on the same connection if the rest of the body was skipped, else on a new one, as the
   * answer then says the connection closes).
   */
  @Test
  void anOversizedBodyIs413AndTheNextRequestIsServed() throws Exception {
    var big =
        admin(
            "POST",
            "/integrated-account",
            "{\"name\":\"a\",\"api_key\":\"b\",\"pad\":\"" + "x".repeat(200_000) + "\"}");
    assertEquals(413, big.status());
    assertEquals("too_large", big.json().path("error").asString());
    for (int i = 0; i < 3; i++) {
      account();
    }
  }

  @Test
  void accountsAreListedWithoutKeys() throws Exception {
    String first = account();
    String second = account();
    var list = admin("GET", "/integrated-account", null);
    assertEquals(200, list.status(), list.body());
    List<String> ids = new ArrayList<>();
    list.json().path("result").forEach(a -> ids.add(a.path("id").asString()));
    assertTrue(ids.containsAll(List.of(first, second)), ids.toString());
    assertFalse(list.body().contains(API_KEY), "an account list never shows a key");
    assertFalse(list.body().contains("api_key"), list.body());
  }

  @Test
  void thePreviewNamesExactlyTheToolsTheCreatedServerLists() throws Exception {
    JsonNode catalog = admin("GET", "/tool-catalog", null).json();
    List<String> methods = new ArrayList<>();
    catalog.path("methods").forEach(m -> methods.add(m.asString()));
    assertEquals(
        List.of("read", "write", "custom", "list", "get", "create", "update", "delete"), methods);
    assertTrue(catalog.path("tags").size() > 1, catalog.path("tags").toString());
    int all = catalog.path("tools").size();

    String config = "{\"methods\":[\"read\"],\"tags\":[\"boxes\"]}";
    var preview = admin("POST", "/tool-catalog/preview", "{\"config\":" + config + "}");
    assertEquals(200, preview.status(), preview.body());
    List<String> previewed = new ArrayList<>();
    preview.json().path("tools").forEach(t -> previewed.add(t.asString()));
    assertTrue(previewed.size() > 0 && previewed.size() < all, previewed.toString());
    assertEquals(previewed.size(), preview.json().path("count").asInt());
    int bytes = preview.json().path("tools_list_bytes").asInt();
    assertTrue(bytes > 1000, "the listed tools' schemas and descriptions: " + bytes);
    assertEquals((bytes + 3) / 4, preview.json().path("tokens_estimate").asInt());

    JsonNode server = server(account(), "{\"name\":\"previewed\",\"config\":" + config + "}");
    assertEquals(previewed, toolNames(server.path("url").asString()));

    var nothing =
        admin(
            "POST",
            "/tool-catalog/preview",
            "{\"config\":{\"methods\":[\"delete\"],\"tags\":[\"search\"]}}");
    assertEquals(200, nothing.status(), nothing.body());
    assertEquals(0, nothing.json().path("count").asInt());
    assertTrue(
        nothing.json().path("problems").path(0).asString().contains("match no tool"),
        nothing.body());
  }

  @Test
  void accountsAreCreatedReadAndDeletedAndTheKeyIsNeverEchoed() throws Exception {
    var created =
        admin("POST", "/integrated-account", "{\"name\":\"Acme\",\"api_key\":\"" + API_KEY + "\"}");
    assertEquals(201, created.status());
    assertFalse(created.body().contains(API_KEY));
    String id = created.json().path("id").asString();
    assertEquals(Set.of("id", "name", "created_at"), Set.copyOf(created.json().propertyNames()));
    var read = admin("GET", "/integrated-account/" + id, null);
    assertEquals("Acme", read.json().path("name").asString());
    assertFalse(read.body().contains(API_KEY));
    JsonNode server = server(id, "{\"name\":\"all\"}");
    assertEquals(204, admin("DELETE", "/integrated-account/" + id, null).status());
    assertEquals(404, admin("GET", "/integrated-account/" + id, null).status());
    assertEquals(
        404,
        mcp(server.path("url").asString(), McpHttp.initialize("2025-11-25")).status(),
        "deleting the account removed its servers");
  }

  @Test
  void aReadServerNeitherListsNorRunsAWriteTool() throws Exception {
    String url =
        server(account(), "{\"name\":\"reader\",\"config\":{\"methods\":[\"read\"]}}")
            .path("url")
            .asString();
    JsonNode tools =
        mcp(url, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
            .json()
            .path("result")
            .path("tools");
    assertTrue(tools.size() > 0);
    tools.forEach(
        t ->
            assertTrue(
                t.path("annotations").path("readOnlyHint").asBoolean(), t.path("name").asString()));
    var call = mcp(url, McpHttp.call(2, "delete_a_streak_box_by_id", "{\"box_key\":\"b1\"}"));
    assertEquals(-32602, call.json().path("error").path("code").asInt());
    // tools/list may read the account's pipelines (live schema); no write may reach Streak.
    streak.verify(0, deleteRequestedFor(anyUrl()));
    streak.verify(0, postRequestedFor(anyUrl()));
    // The same tool on an unfiltered server of the same account does run: the filter hid it.
    String open = server(account(), "{\"name\":\"all\"}").path("url").asString();
    streak.stubFor(
        delete(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"success\":true}")));
    assertFalse(
        mcp(open, McpHttp.call(3, "delete_a_streak_box_by_id", "{\"box_key\":\"b1\"}"))
            .json()
            .path("result")
            .path("isError")
            .asBoolean());
  }

  @Test
  void theServersUrlCallsStreakWithTheAccountsKeyAndLogsTheCall() throws Exception {
    String account = account();
    JsonNode server = server(account, "{\"name\":\"all\"}");
    streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
    var call =
        mcp(
            server.path("url").asString(),
            McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"b1\"}"));
    assertEquals("b1", call.json().path("result").path("structuredContent").path("key").asString());
    streak.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/boxes/b1"))
            .withHeader(
                "Authorization",
                equalTo(
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString((API_KEY + ":").getBytes()))));
    mcp(server.path("url").asString(), McpHttp.call(2, "get_single_streak_box_by_id", "{}"));
    assertTrue(deployment.calls().flush(Duration.ofSeconds(30)), "the call log was written");
    var log =
        admin(
            "GET",
            "/integrated-account/" + account + "/mcp/" + server.path("id").asString() + "/calls",
            null);
    JsonNode calls = log.json().path("result");
    assertEquals(2, calls.size());
    assertEquals("invalid_arguments", calls.get(0).path("status").asString(), "newest first");
    assertEquals("ok", calls.get(1).path("status").asString());
    calls.forEach(
        c ->
            assertEquals(
                Set.of("tool", "called_at", "status", "duration_ms"),
                Set.copyOf(c.propertyNames()),
                "argument values have no place in the log"));
  }

  @Test
  void serversAreListedWithoutTokensAndPatched() throws Exception {
    String account = account();
    JsonNode server =
        server(
            account,
            "{\"name\":\"one\",\"config\":{\"tags\":[\"boxes\"]},"
                + "\"expires_at\":\""
                + clock.instant().plusSeconds(3600)
                + "\"}");
    String token = server.path("url").asString().replaceAll(".*/mcp/", "");
    assertEquals(43, token.length());
    var list = admin("GET", "/integrated-account/" + account + "/mcp", null);
    assertEquals(1, list.json().path("result").size());
    assertFalse(list.body().contains(token));
    assertFalse(list.json().path("result").get(0).has("url"));
    String path = "/integrated-account/" + account + "/mcp/" + server.path("id").asString();
    var renamed = admin("PATCH", path, "{\"name\":\"two\",\"expires_at\":null}");
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals("two", renamed.json().path("name").asString());
    assertTrue(renamed.json().path("expires_at").isNull(), "null clears the expiry");
    var widened = admin("PATCH", path, "{\"config\":{\"methods\":[\"write\"]}}");
    assertEquals("[\"write\"]", widened.json().path("config").path("methods").toString());
    assertEquals(200, admin("GET", path, null).status());
  }

  @Test
  void patchMergesConfigFieldByFieldAndNeverDropsTokenAuthByAccident() throws Exception {
    String account = account();
    JsonNode server =
        server(
            account,
            "{\"name\":\"locked\",\"config\":{\"methods\":[\"read\"],"
                + "\"require_api_token_auth\":true}}");
    String path = "/integrated-account/" + account + "/mcp/" + server.path("id").asString();
    var widened = admin("PATCH", path, "{\"config\":{\"methods\":[\"read\",\"custom\"]}}");
    assertTrue(widened.json().path("config").path("require_api_token_auth").asBoolean());
    var refused = admin("PATCH", path, "{\"config\":null}");
    assertEquals(400, refused.status());
    assertEquals("config", refused.json().path("field").asString());
    assertEquals(
        401, mcp(server.path("url").asString(), McpHttp.initialize("2025-11-25")).status());
  }

  @Test
  void anExpiredServerCannotBeRevivedAndTheCleanupDeletesIt() throws Exception {
    String account = account();
    JsonNode server =
        server(
            account,
            "{\"name\":\"short\",\"expires_at\":\"" + clock.instant().plusSeconds(61) + "\"}");
    String path = "/integrated-account/" + account + "/mcp/" + server.path("id").asString();
    clock.advance(Duration.ofSeconds(62));
    assertEquals("expired", admin("GET", path, null).json().path("status").asString());
    assertEquals(409, admin("PATCH", path, "{\"expires_at\":null}").status());
    assertEquals(1, deployment.store().deleteExpired());
    assertEquals(404, admin("GET", path, null).status());
  }

  @Test
  void duplicateKeysAndAbsurdDatesAreClientErrors() throws Exception {
    assertEquals(
        400,
        admin(
                "POST",
                "/integrated-account",
                "{\"name\":\"a\",\"api_key\":\"k\",\"api_key\":\"k2\"}")
            .status());
    String servers = "/integrated-account/" + account() + "/mcp";
    var far =
        admin("POST", servers, "{\"name\":\"x\",\"expires_at\":\"+999999999-12-31T23:59:59Z\"}");
    assertEquals(400, far.status(), far.body());
    assertEquals(400, admin("POST", servers, "{\"name\":\"bad\\u202ename\"}").status());
  }

  @Test
  void anExpiredUrlIsRefusedAtOnceWithoutWaitingForCleanup() throws Exception {
    String url =
        server(
                account(),
                "{\"name\":\"short\",\"expires_at\":\"" + clock.instant().plusSeconds(61) + "\"}")
            .path("url")
            .asString();
    assertEquals(200, mcp(url, McpHttp.initialize("2025-11-25")).status());
    clock.advance(Duration.ofSeconds(62));
    assertEquals(404, mcp(url, McpHttp.initialize("2025-11-25")).status());
  }

  @Test
  void afterDeleteTheUrlStopsWorkingAtOnce() throws Exception {
    String account = account();
    JsonNode server = server(account, "{\"name\":\"gone\"}");
    String url = server.path("url").asString();
    assertEquals(200, mcp(url, McpHttp.initialize("2025-11-25")).status());
    assertEquals(
        204,
        admin(
                "DELETE",
                "/integrated-account/" + account + "/mcp/" + server.path("id").asString(),
                null)
            .status());
    assertEquals(404, mcp(url, McpHttp.initialize("2025-11-25")).status());
  }

  @Test
  void aServerThatRequiresTheApiTokenAnswers401WithoutIt() throws Exception {
    String url =
        server(account(), "{\"name\":\"locked\",\"config\":{\"require_api_token_auth\":" + "true}}")
            .path("url")
            .asString();
    var bare = mcp(url, McpHttp.initialize("2025-11-25"));
    assertEquals(401, bare.status());
    assertTrue(bare.header("www-authenticate").startsWith("Bearer"));
    assertEquals(
        401, mcp(url, McpHttp.initialize("2025-11-25"), "Authorization", "Bearer wrong").status());
    assertEquals(
        200,
        mcp(url, McpHttp.initialize("2025-11-25"), "Authorization", "Bearer " + ADMIN).status());
  }

  @Test
  void badRequestsNameTheFieldAndWhatIsValid() throws Exception {
    String account = account();
    String servers = "/integrated-account/" + account + "/mcp";
    record Case(String body, String field, String says) {}
    for (Case c :
        new Case[] {
          new Case("{not json", "", "not valid JSON"),
          new Case("{\"name\":\"x\",\"colour\":1}", "colour", "valid: config, expires_at, name"),
          new Case("{\"name\":7}", "name", "non-empty string"),
          new Case("{}", "name", "required"),
          new Case("{\"name\":\"x\",\"config\":{\"methods\":\"read\"}}", "config.methods", "array"),
          new Case("{\"name\":\"x\",\"config\":{\"methods\":[\"reed\"]}}", "config", "valid: read"),
          new Case("{\"name\":\"x\",\"config\":{\"tags\":[\"nope\"]}}", "config", "valid: boxes"),
          new Case(
              "{\"name\":\"x\",\"config\":{\"methods\":[\"delete\"],\"tags\":[\"search\"]}}",
              "config",
              "match no tool"),
          new Case(
              "{\"name\":\"x\",\"config\":{\"require_api_token_auth\":\"yes\"}}",
              "config.require_api_token_auth",
              "true or false"),
          new Case("{\"name\":\"x\",\"expires_at\":\"tomorrow\"}", "expires_at", "ISO-8601"),
          new Case(
              "{\"name\":\"x\",\"expires_at\":\"" + clock.instant().plusSeconds(30) + "\"}",
              "expires_at",
              "60 s ahead"),
        }) {
      var a = admin("POST", servers, c.body());
      assertEquals(400, a.status(), c.body());
      assertEquals(c.field(), a.json().path("field").asString(""), c.body() + " -> " + a.body());
      assertTrue(a.json().path("message").asString().contains(c.says()), a.body());
    }
    assertEquals(0, admin("GET", servers, null).json().path("result").size(), "nothing created");
    assertEquals(400, admin("POST", "/integrated-account", "{\"name\":\"x\"}").status());
  }

  @Test
  void authAndUnknownIds() throws Exception {
    assertEquals(
        401,
        admin("GET", "/integrated-account/" + java.util.UUID.randomUUID(), null, "wrong").status());
    var none = admin("POST", "/integrated-account", "{\"name\":\"x\",\"api_key\":\"k\"}", null);
    assertEquals(401, none.status());
    assertTrue(none.header("www-authenticate").startsWith("Bearer"));
    String unknown = java.util.UUID.randomUUID().toString();
    assertEquals(404, admin("GET", "/integrated-account/" + unknown, null).status());
    assertEquals(
        404, admin("GET", "/integrated-account/" + account() + "/mcp/" + unknown, null).status());
    assertEquals(405, admin("PUT", "/integrated-account", "{}").status());
  }

  @Test
  void aRestartOnTheSameDatabaseKeepsAccountsServersAndUrls() throws Exception {
    String account = account();
    JsonNode server = server(account, "{\"name\":\"durable\",\"config\":{\"methods\":[\"read\"]}}");
    int tools = toolCount(server.path("url").asString());
    deployment.close();
    deployment = deploy();
    String url =
        "http://127.0.0.1:"
            + deployment.port()
            + "/mcp/"
            + server.path("url").asString().replaceAll(".*/mcp/", "");
    assertEquals(200, admin("GET", "/integrated-account/" + account, null).status());
    assertEquals(tools, toolCount(url), "the same server, with the same filter");
    streak.stubFor(get(urlPathEqualTo("/api/v1/boxes/b9")).willReturn(okJson("{\"key\":\"b9\"}")));
    assertEquals(
        "b9",
        mcp(url, McpHttp.call(1, "get_single_streak_box_by_id", "{\"box_key\":\"b9\"}"))
            .json()
            .path("result")
            .path("structuredContent")
            .path("key")
            .asString(),
        "the API key decrypts after the restart");
  }

  @Test
  void healthzNeedsNoTokenAndSaysWhenTheStoreIsDown() throws Exception {
    McpHttp.Answer up = admin("GET", "/healthz", null, null);
    assertEquals(200, up.status());
    assertEquals("{\"status\":\"ok\"}", up.body());
    assertEquals(405, admin("POST", "/healthz", "{}", null).status());
    deployment.database().close();
    McpHttp.Answer down = admin("GET", "/healthz", null, null);
    assertEquals(503, down.status());
    assertTrue(down.body().contains("database"), down.body());
  }
}
