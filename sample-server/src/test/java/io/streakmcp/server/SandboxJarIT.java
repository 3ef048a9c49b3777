package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's run command, as a new user meets it: {@code java -jar streak-mcp-server.jar
 * sandbox}, then real MCP clients on the URL it prints. The seed workflows run through the official
 * TypeScript SDK client (workflows.mjs); their outcome is checked against the sandbox's Streak API
 * read directly, with the key from the printed stdio configuration.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxJarIT {
  private static final Path JAR = Path.of("target", "streak-mcp-server.jar").toAbsolutePath();
  private static final long DAY = 86_400_000L;

  private static Process sandbox;
  private static String mcpUrl;
  private static String streakBase;
  private static String streakKey;
  private static String printed;

  @BeforeAll
  static void startTheSandbox() throws Exception {
    NodeClients.assumeInstalled();
    sandbox =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "sandbox",
                "--port",
                "0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      text.append(line).append('\n');
      if (line.startsWith("Admin API for this run")) {
        break;
      }
    }
    printed = text.toString();
    mcpUrl = group(printed, "MCP server URL \\(Streamable HTTP\\):\\s+(http://\\S+)");
    streakBase = group(printed, "\"--streak-base-url\", \"(http://[^\"]+)\"");
    streakKey = group(printed, "\"STREAK_API_KEY\": \"([^\"]+)\"");
  }

  @AfterAll
  static void stop() throws Exception {
    if (sandbox != null) {
      sandbox.destroy();
      assertTrue(sandbox.waitFor(30, TimeUnit.SECONDS), "the sandbox stops on SIGTERM");
    }
  }

  @Test
  @Order(1)
  void printsAConfigurationForEveryClient() {
    assertTrue(mcpUrl.matches("http://127\\.0\\.0\\.1:\\d+/mcp/[A-Za-z0-9_-]{43}"), mcpUrl);
    assertTrue(printed.contains("--cli " + mcpUrl + " --transport http --method tools/list"));
    assertTrue(printed.contains("\"args\": [\"-y\", \"mcp-remote\", \"" + mcpUrl + "\"]"));
    assertTrue(printed.contains("\"args\": [\"-jar\", \"" + JAR + "\", \"stdio\""), printed);
    assertTrue(printed.contains("Developer mode") && printed.contains("--public-base-url"));
  }

  @Test
  @Order(2)
  void theInspectorCliListsAndCallsThePrintedUrl() throws Exception {
    NodeClients.Run list =
        NodeClients.run(List.of("bash", "inspector.sh", "http", mcpUrl, "tools/list"));
    assertEquals(0, list.exit(), list.stderr());
    JsonNode tools = json(list.stdout()).path("result").path("tools");
    assertEquals(58, tools.size(), "every generated tool");
    NodeClients.Run call =
        NodeClients.run(
            List.of(
                "bash",
                "inspector.sh",
                "http",
                mcpUrl,
                "tools/call",
                "search_streak_crm",
                "--tool-arg",
                "query=Acme"));
    assertEquals(0, call.exit(), call.stderr());
    JsonNode hits = json(call.stdout()).path("result").path("structuredContent").path("results");
    Set<String> names = new TreeSet<>();
    hits.path("boxes").forEach(b -> names.add(b.path("name").asString()));
    assertTrue(names.contains("Acme Corp Renewal"), names.toString());
    assertEquals("Acme Corp", hits.path("orgs").path(0).path("name").asString());
  }

  @Test
  @Order(3)
  void dealTriageMovesTheDealAndAddsAFollowUpTask() throws Exception {
    JsonNode first = workflow("deal-triage", "http", mcpUrl);
    assertEquals("Verbal Agreement", first.path("before").asString());
    assertTrue(first.path("moved").asBoolean());
    assertEquals("Contract Sent", first.path("after").asString());

    // Streak's own state, read past the MCP server.
    JsonNode box = streak("/v1/boxes/" + first.path("boxKey").asString());
    assertEquals(first.path("afterStageKey").asString(), box.path("stageKey").asString());
    assertEquals("Contract Sent", stageName(box));
    JsonNode task = streak("/v2/tasks/" + first.path("createdTaskKey").asString());
    assertEquals(first.path("boxKey").asString(), task.path("boxKey").asString());
    assertEquals("NOT_DONE", task.path("status").asString());
    long due = task.path("dueDate").asLong();
    assertEquals(first.path("requestedDueDate").asLong(), due);
    assertTrue(Math.abs(due - System.currentTimeMillis() - 3 * DAY) < DAY, "due in three days");
    // The tools show the same task the workflow made.
    boolean shown = false;
    for (JsonNode t : first.path("tasks")) {
      shown |= t.path("key").asString().equals(first.path("createdTaskKey").asString());
    }
    assertTrue(shown, first.toString());

    // Run again: the deal is no longer in Verbal Agreement, so nothing moves or is added.
    JsonNode second = workflow("deal-triage", "http", mcpUrl);
    assertEquals("Contract Sent", second.path("before").asString());
    assertFalse(second.path("moved").asBoolean());
    assertEquals(first.path("tasks").size(), second.path("tasks").size());
  }

  @Test
  @Order(4)
  void stagnationAuditFollowsEveryPageAndAgreesWithStreak() throws Exception {
    JsonNode report = workflow("stagnation-audit", "http", mcpUrl, "--page-size", "10");
    assertTrue(report.path("pages").asInt() > 1, "the stage needs several pages: " + report);

    // The answer computed from Streak directly: every box in the stage, in one unpaged call.
    String pipeline = report.path("pipelineKey").asString();
    String stage = report.path("stageKey").asString();
    JsonNode inStage = streak("/v1/pipelines/" + pipeline + "/boxes?stageKey=" + stage);
    assertEquals(inStage.size(), report.path("inStage").asInt(), "no box lost or repeated");
    long cutoff = System.currentTimeMillis() - 7 * DAY;
    Set<String> expected = new HashSet<>();
    int stale = 0;
    for (JsonNode b : inStage) {
      if (b.path("lastStageChangeTimestamp").asLong() >= cutoff) {
        continue;
      }
      stale++;
      boolean done = false;
      for (JsonNode t :
          streak("/v2/boxes/" + b.path("key").asString() + "/tasks?limit=1000").path("results")) {
        done |= t.path("status").asString().equals("DONE");
      }
      if (!done) {
        expected.add(b.path("key").asString());
      }
    }
    Set<String> flagged = new HashSet<>();
    report.path("flagged").forEach(f -> flagged.add(f.path("boxKey").asString()));
    assertEquals(expected, flagged);
    // The audit has to tell cases apart: some recent boxes, some stale ones with a DONE task.
    assertFalse(flagged.isEmpty());
    assertTrue(stale < inStage.size() && flagged.size() < stale, report.toString());
  }

  @Test
  @Order(5)
  void aStdioSessionFromTheTypeScriptSdkRunsTheWorkflows() throws Exception {
    List<String> command = new ArrayList<>(List.of("stdio"));
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString(),
            "stdio",
            "--streak-base-url",
            streakBase));
    // The key goes in the environment, as the printed Claude Desktop entry does.
    JsonNode audit = workflow(command, "stagnation-audit", streakKey);
    assertFalse(audit.path("flagged").isEmpty());
    JsonNode triage = workflow(command, "deal-triage", streakKey);
    assertEquals("Contract Sent", triage.path("after").asString(), triage.toString());
  }

  // ---- helpers ----

  private static JsonNode workflow(String name, String transport, String url, String... more)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("workflows.mjs", name, transport, url));
    args.addAll(List.of(more));
    NodeClients.Run run = NodeClients.node(args);
    assertEquals(0, run.exit(), run.stderr());
    return json(run.stdout());
  }

  private static JsonNode workflow(List<String> stdio, String name, String key) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(NodeClients.NODE.toString(), "workflows.mjs", name));
    command.addAll(stdio);
    NodeClients.Run run = NodeClients.run(command, java.util.Map.of("STREAK_API_KEY", key));
    assertEquals(0, run.exit(), run.stderr());
    return json(run.stdout());
  }

  private String stageName(JsonNode box) throws Exception {
    JsonNode p = streak("/v1/pipelines/" + box.path("pipelineKey").asString());
    return p.path("stages").path(box.path("stageKey").asString()).path("name").asString();
  }

  private static JsonNode streak(String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(streakBase + pathAndQuery))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString((streakKey + ":").getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return json(r.body());
  }

  private static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "the sandbox printed no match for " + regex + ":\n" + text);
    assertNotNull(m.group(1));
    return m.group(1);
  }
}
