package io.streakmcp.server;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.streakmcp.runtime.fuzz.Fuzz;
import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server created with methods ["read"] must never make Streak change anything, whatever a client
 * sends: write tools by name, near-miss names, arguments borrowed from write tools, batches, other
 * methods. Streak (WireMock) answers everything, so any request that got through would be seen.
 */
class ReadOnlyServerFuzzTest {
  private static final int REQUESTS = Integer.getInteger("fuzz.http.runs", 1_500);
  private static final ToolCatalog ALL = ToolCatalog.of(new StreakToolRegistry());
  private static final List<ToolEntry> READS =
      ALL.all().stream().filter(t -> t.definition().kind().isRead()).toList();
  private static final List<ToolEntry> OTHERS =
      ALL.all().stream().filter(t -> !t.definition().kind().isRead()).toList();
  private static final List<String> METHODS =
      List.of("tools/list", "resources/read", "prompts/get", "completion/complete", "ping");

  @TempDir static Path dir;
  static LiveDeployment live;
  static URI url;

  @BeforeAll
  static void start() throws Exception {
    live = new LiveDeployment(dir, Duration.ofSeconds(5));
    live.streak.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    url = live.server("strk_read_only_fuzz_key", List.of("read"));
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  @Test
  void noInputMakesAReadOnlyServerSendAnythingButGet() throws Exception {
    assertTrue(READS.size() > 10 && OTHERS.size() > 10, "the catalog has both kinds");
    Random r = new Random(Fuzz.SEED);
    int writeNamesRefused = 0;
    for (int i = 0; i < REQUESTS; i++) {
      boolean batch = r.nextInt(10) == 0;
      JsonNode body = batch ? batch(r, i) : request(r, i);
      // Batches exist only in the 2025-03-26 revision; the others go to the newest one.
      String version = batch ? "2025-03-26" : "2025-11-25";
      McpHttp.Answer a = McpHttp.post(url, Json.write(body), "MCP-Protocol-Version", version);
      assertTrue(a.status() < 500, "seed " + Fuzz.SEED + " request " + i + ": " + a.status());
      for (JsonNode sent : batch ? body : List.of(body)) {
        if (isCallOfAnotherKind(sent)) {
          assertTrue(refused(a, sent.path("id")), "write tool served: " + sent + " -> " + a.body());
          writeNamesRefused++;
        }
      }
    }
    List<LoggedRequest> seen =
        live.streak.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    Map<String, Long> byMethod =
        seen.stream()
            .collect(
                Collectors.groupingBy(
                    q -> q.getMethod().getName(), TreeMap::new, Collectors.counting()));
    assertEquals(Set.of("GET"), byMethod.keySet(), "Streak saw " + byMethod);
    long toolReads = seen.stream().filter(q -> !q.getUrl().startsWith("/api/v1/pipelines")).count();
    // Not vacuous: many fuzzed reads were valid enough to reach Streak, and many writes were tried.
    assertTrue(toolReads > REQUESTS / 20, "reads that reached Streak: " + toolReads);
    assertTrue(writeNamesRefused > REQUESTS / 5, "write calls tried: " + writeNamesRefused);
  }

  private static ObjectNode request(Random r, int id) {
    ObjectNode m = Json.object().put("jsonrpc", "2.0").put("id", id);
    if (r.nextInt(12) == 0) {
      return m.put("method", METHODS.get(r.nextInt(METHODS.size()))).set("params", Json.object());
    }
    ToolEntry tool =
        r.nextInt(5) < 2
            ? READS.get(r.nextInt(READS.size()))
            : OTHERS.get(r.nextInt(OTHERS.size()));
    ObjectNode arguments = arguments(r, tool);
    if (r.nextInt(4) == 0) {
      // Arguments of a write tool smuggled into another call.
      arguments.setAll(arguments(r, OTHERS.get(r.nextInt(OTHERS.size()))));
    }
    ObjectNode params = Json.object().put("name", name(r, tool.name()));
    params.set("arguments", arguments);
    return m.put("method", "tools/call").set("params", params);
  }

  private static ArrayNode batch(Random r, int id) {
    ArrayNode b = Json.array();
    for (int k = 2 + r.nextInt(4); k > 0; k--) {
      b.add(request(r, id * 10 + k));
    }
    return b;
  }

  /** The tool's name, or one that differs from it the ways a confused or hostile client might. */
  private static String name(Random r, String name) {
    return switch (r.nextInt(12)) {
      case 0 -> name.toUpperCase(java.util.Locale.ROOT);
      case 1 -> name + " ";
      case 2 -> "../" + name;
      case 3 -> name.replace('_', '\uff3f'); // a fullwidth underscore
      case 4 -> name + "\u0000";
      default -> name;
    };
  }

  /** Values for the tool's own properties, usually of the right type, often hostile text. */
  private static ObjectNode arguments(Random r, ToolEntry tool) {
    ObjectNode out = Json.object();
    tool.inputSchema()
        .path("properties")
        .properties()
        .forEach(
            p -> {
              if (r.nextInt(10) < 8) {
                String type = p.getValue().path("type").asString();
                switch (type) {
                  case "integer" -> out.put(p.getKey(), r.nextInt(200) - 50);
                  case "boolean" -> out.put(p.getKey(), r.nextBoolean());
                  case "string" ->
                      out.put(p.getKey(), r.nextBoolean() ? "k" + i(r) : Fuzz.text(r, 8));
                  default -> out.put(p.getKey(), Fuzz.text(r, 4));
                }
              }
            });
    out.remove("next_cursor");
    return out;
  }

  private static String i(Random r) {
    return Integer.toString(r.nextInt(1000));
  }

  private static boolean isCallOfAnotherKind(JsonNode sent) {
    String name = sent.path("params").path("name").asString();
    return sent.path("method").asString().equals("tools/call")
        && OTHERS.stream().anyMatch(t -> t.name().equals(name));
  }

  /** The answer to the request with this id is an error or a tool error, never a result. */
  private static boolean refused(McpHttp.Answer a, JsonNode id) {
    JsonNode json = a.json();
    for (JsonNode reply : json.isArray() ? json : List.of(json)) {
      if (reply.path("id").equals(id)) {
        return reply.has("error") || reply.path("result").path("isError").asBoolean();
      }
    }
    return false;
  }
}
