package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ToolFilter;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin page in a real Chromium (Debian's, driven by playwright-core from npm): log in, create
 * an account and a server, copy its URL, check it lists exactly the previewed tools, see the call
 * log, revoke, and check the URL is dead. The browser steps are in {@code admin-page.mjs}; this
 * side starts the real deployment and checks the outcome against the catalog and the store.
 */
class AdminPageBrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
  static final Path SHOTS = Path.of("target", "admin-screenshots").toAbsolutePath();

  @TempDir Path dir;
  LiveDeployment live;

  @BeforeEach
  void start() throws Exception {
    NodeClients.assumeInstalled();
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "Chromium missing at " + CHROMIUM + ": apt-get install chromium (.ci/run does this)");
    }
    live = new LiveDeployment(dir, Duration.ofSeconds(10));
    live.streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(okJson("[]")));
    live.streak.stubFor(
        get(urlPathEqualTo("/api/v1/boxes/b1")).willReturn(okJson("{\"key\":\"b1\"}")));
  }

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void aServerMadeInTheBrowserListsExactlyThePreviewAndDiesWhenRevoked() throws Exception {
    String apiKey = Secrets.remember("strk_browser_" + System.nanoTime() + "_key");
    NodeClients.Run run =
        NodeClients.run(
            List.of(NodeClients.NODE.toString(), "admin-page.mjs"),
            Map.of(
                "BASE", live.base().toString(),
                "ADMIN_TOKEN", AdminApiTest.ADMIN,
                "API_KEY", apiKey,
                "CHROMIUM", CHROMIUM.toString(),
                "SHOTS", SHOTS.toString()));
    assertEquals(0, run.exit(), "the browser run failed:\n" + run.stderr());
    JsonNode out = JsonMapper.shared().readTree(run.stdout());
    String url = out.path("url").asString();
    Secrets.remember(url.replaceAll(".*/mcp/", ""));

    // The preview is what the filter really selects, and what the URL listed.
    List<String> expected = new ArrayList<>();
    ToolCatalog.of(new StreakToolRegistry())
        .filter(ToolFilter.predicate(new ServerConfig(List.of("read"), List.of("boxes"), false)))
        .all()
        .stream()
        .map(ToolEntry::name)
        .forEach(expected::add);
    assertEquals(expected, strings(out.path("previewed")));
    assertEquals(expected, strings(out.path("listed")));
    assertTrue(
        out.path("previewSummary").asString().startsWith(expected.size() + " tools, about "),
        out.path("previewSummary").asString());

    // What the browser saw of the rest, checked against the store and the network.
    assertTrue(url.startsWith(live.base() + "/mcp/"), url);
    assertTrue(
        out.path("configs").path(0).asString().contains(url), "the configurations hold the URL");
    assertEquals(List.of("get_single_streak_box_by_id"), strings(out.path("callLog")));
    assertEquals(
        List.of("Acme Sales"), strings(out.path("accounts")), "one account per double click");
    assertEquals(1, out.path("serverRows").asInt(), "one server per double click");
    assertEquals(List.of("Acme Sales"), strings(out.path("accountsAfterDelete")));
    JsonNode relogin = out.path("afterRelogin");
    assertEquals("Read-only boxes", relogin.path("heading").asString(), "still the server's page");
    assertFalse(relogin.path("readChecked").asBoolean(), "the unchecked box stays unchecked");
    assertTrue(relogin.path("boxesChecked").asBoolean(), "and the rest of the choices stay");
    assertEquals(List.of("get_single_streak_box_by_id"), strings(out.path("editedPreview")));
    assertEquals(strings(out.path("editedPreview")), strings(out.path("editedListed")));
    List<String> facts = strings(out.path("editedFacts"));
    assertEquals("get", facts.get(1), "methods after the edit: " + facts);
    assertFalse(facts.get(4).equals("never"), "the expiry was set: " + facts);
    assertEquals(
        List.of("/integrated-account"),
        strings(out.path("craftedLinkRequests")),
        "a link with '..' for an id asks only for the accounts list");
    assertEquals(404, out.path("afterRevoke").asInt());
    assertEquals(
        404,
        McpHttp.post(URI.create(url), McpHttp.initialize("2025-11-25")).status(),
        "the revoked URL is dead to this client too");
    assertEquals(0, live.deployment.store().servers(out.path("accountId").asString()).size());
    assertEquals(0, out.path("tokenInLocalStorage").asInt(), "session storage only");
    assertEquals(List.of(), strings(out.path("consoleErrors")));
    for (String view : List.of("login", "accounts", "create-server", "server-created", "server")) {
      assertTrue(Files.size(SHOTS.resolve(view + ".png")) > 10_000, view + ".png");
    }
    assertFalse(run.stdout().contains(apiKey), "the page never shows the API key");
  }

  @Test
  void thePageIsServedWithAStrictPolicyAndNothingElseUnderAdminIs() throws Exception {
    var client = McpHttp.CLIENT;
    var page =
        client.send(
            java.net.http.HttpRequest.newBuilder(live.base().resolve("/admin")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals(AdminPage.POLICY, page.headers().firstValue("content-security-policy").orElse(""));
    assertEquals("no-referrer", page.headers().firstValue("referrer-policy").orElse(""));
    assertTrue(page.body().contains("<script src=\"/admin/admin.js\" defer>"), page.body());
    assertFalse(page.body().contains("<script>"), "no inline script: the policy would block it");
    for (String missing : List.of("/admin/../pom.xml", "/admin/index.html", "/admin/x.js")) {
      assertEquals(
          404,
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(live.base().resolve(missing)).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .statusCode(),
          missing);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }
}
