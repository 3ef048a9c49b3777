package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar runs on its own: no classpath but itself. */
class RunnableJarIT {
  private static final Path JAR = ServeJar.JAR;
  private static final String ADMIN = "jar-test-admin-token-0123456789";
  private static final java.time.Duration START_LIMIT = java.time.Duration.ofSeconds(60);

  private static Process start(String... args) throws Exception {
    return start(null, args);
  }

  private static Process start(Path workDir, String... args) throws Exception {
    ProcessBuilder b =
        new ProcessBuilder(ServeJar.command(List.of(args)))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    b.environment().put("STREAK_API_KEY", "jar-test-key");
    b.environment().put("STREAK_MCP_ADMIN_TOKEN", ADMIN);
    if (workDir != null) {
      b.directory(workDir.toFile());
    }
    return b.start();
  }

  @Test
  void helpListsTheCommands() throws Exception {
    assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
    Process p = start("--help");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertTrue(out.contains("sandbox") && out.contains("serve") && out.contains("stdio"), out);
  }

  @Test
  void aStdioSessionServesOnlyTheSelectedTools() throws Exception {
    Process p = start("stdio", "--methods", "read", "--tags", "boxes");
    try (OutputStream in = p.getOutputStream();
        BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                  + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                  + "\"clientInfo\":{\"name\":\"jar-test\",\"version\":\"1\"}}}\n"
                  + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                  + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
              .getBytes(StandardCharsets.UTF_8));
      in.flush();
      JsonNode init = JsonMapper.shared().readTree(out.readLine());
      assertEquals("2025-06-18", init.path("result").path("protocolVersion").asString());
      JsonNode tools = JsonMapper.shared().readTree(out.readLine()).path("result").path("tools");
      assertFalse(tools.isEmpty());
      for (JsonNode t : tools) {
        assertTrue(
            t.path("annotations").path("readOnlyHint").asBoolean(), t.path("name").asString());
      }
    } finally {
      p.destroy();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static McpHttp.Answer admin(String url, String body) throws Exception {
    var r =
        McpHttp.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    return new McpHttp.Answer(r.statusCode(), r.headers().map(), r.body());
  }

  @Test
  void anMcpUrlStillWorksAfterARestartOnTheSameDatabase(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    int port = ServeJar.freePort();
    Map<String, String> env = Map.of("STREAK_MCP_ADMIN_TOKEN", ADMIN);
    Path log = Path.of("target", "runnable-jar-restart.log").toAbsolutePath();
    Files.deleteIfExists(log);
    ServeJar first = ServeJar.serve(dir, port, env, List.of(), log).awaitHealthy(START_LIMIT);
    String mcpUrl;
    try {
      String base = first.baseUrl();
      String account =
          admin(base + "/integrated-account", "{\"name\":\"Acme\",\"api_key\":\"k-jar-test\"}")
              .json()
              .path("id")
              .asString();
      mcpUrl =
          admin(base + "/integrated-account/" + account + "/mcp", "{\"name\":\"all\"}")
              .json()
              .path("url")
              .asString();
      assertEquals(200, McpHttp.post(java.net.URI.create(mcpUrl), INITIALIZE).status());
    } finally {
      first.stop(); // SIGTERM: the shutdown hook closes the server and the store
    }
    ServeJar second = ServeJar.serve(dir, port, env, List.of(), log).awaitHealthy(START_LIMIT);
    try {
      McpHttp.Answer again = McpHttp.post(java.net.URI.create(mcpUrl), INITIALIZE);
      assertEquals(200, again.status(), again.body());
      assertEquals(
          "streak-mcp", again.json().path("result").path("serverInfo").path("name").asString());
    } finally {
      second.stop();
    }
  }

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
          + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"jar-test\",\"version\":\"1\"}}}";
}
