import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.StaticServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.net.URI;
import java.net.http.*;
import java.time.*;
import java.util.*;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The size of an enriched tools/list, in o200k tokens, for accounts of 0, 2, 20 and 200 pipelines
 * (8 stages and 15 fields of every type each), against the static list (pipelines unreadable).
 *
 * <p>Not part of the build. After {@code mvn -B -ntp install}, from the repository root:
 *
 * <pre>
 * (cd sample-server &amp;&amp; mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt \
 *     -Dmdep.includeScope=test)
 * mvn -q dependency:get -Dartifact=com.knuddels:jtokkit:1.1.0
 * java -cp "$(cat /tmp/cp.txt):sample-server/target/classes:$HOME/.m2/repository/com/knuddels/jtokkit/1.1.0/jtokkit-1.1.0.jar" \
 *     docs/measure/ToolsListSize.java
 * </pre>
 */
public class ToolsListSize {
  static final String[] TYPES = {"TEXT_INPUT", "DATE", "CHECKBOX", "DROPDOWN", "TAG", "PERSON", "FORMULA"};

  static String pipeline(int p) {
    StringBuilder stages = new StringBuilder(), order = new StringBuilder(), fields = new StringBuilder();
    for (int s = 0; s < 8; s++) {
      String k = (5000 + p * 10 + s) + "";
      order.append(s > 0 ? "," : "").append('"').append(k).append('"');
      stages.append(s > 0 ? "," : "").append("\"" + k + "\":{\"key\":\"" + k + "\",\"name\":\"P" + p + " Stage " + s + "\"}");
    }
    for (int f = 0; f < 15; f++) {
      String type = TYPES[f % TYPES.length];
      String items = "";
      if (type.equals("DROPDOWN")) {
        items = ",\"dropdownSettings\":{\"items\":[" + String.join(",", List.of(
            "{\"key\":\"1\",\"name\":\"Low\"}", "{\"key\":\"2\",\"name\":\"Medium\"}", "{\"key\":\"3\",\"name\":\"High\"}")) + "]}";
      } else if (type.equals("TAG")) {
        items = ",\"tagSettings\":{\"tags\":[{\"key\":\"t1\",\"tag\":\"Hot\"},{\"key\":\"t2\",\"tag\":\"Cold\"}]}";
      }
      fields.append(f > 0 ? "," : "").append("{\"key\":\"" + (1000 + p * 100 + f) + "\",\"name\":\"P" + p + " Field " + f + "\",\"type\":\"" + type + "\"" + items + "}");
    }
    return "{\"key\":\"p" + p + "\",\"name\":\"Pipeline " + p + "\",\"stageOrder\":[" + order + "],\"stages\":{" + stages + "},\"fields\":[" + fields + "]}";
  }

  public static void main(String[] a) throws Exception {
    var enc = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    ServerSecret secret = ServerSecret.parse("a-shared-secret-for-measurement-32b!");
    HttpClient hc = HttpClient.newHttpClient();
    for (String mode : new String[] {"static", "0", "2", "20", "200"}) {
      WireMockServer streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      streak.start();
      if (mode.equals("static")) {
        streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(aResponse().withStatus(500)));
      } else {
        int n = Integer.parseInt(mode);
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int p = 0; p < n; p++) j.add(pipeline(p));
        streak.stubFor(get(urlPathEqualTo("/api/v1/pipelines")).willReturn(okJson(j.toString())));
      }
      StreakClient client = new StreakClient(StreakClient.httpClient(Duration.ofSeconds(2)),
          URI.create(streak.baseUrl() + "/api"), "k", Duration.ofSeconds(2), Clock.systemUTC());
      var ctx = new McpServerContext("s1", ToolCatalog.of(new StreakToolRegistry()), client);
      String token = "measure-token-0123456789";
      McpHttpServer http = new McpHttpServer(new StaticServerResolver(Map.of(token, ctx)),
          McpRuntime.engine(ServerInfo.streak("m"), secret, Clock.systemUTC(), Duration.ofSeconds(60)),
          HttpServerConfig.loopback(0, secret), null).start();
      ArrayNode all = Json.array();
      String cursor = null;
      int pages = 0;
      do {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"" + (cursor == null ? "" : ",\"params\":{\"cursor\":\"" + cursor + "\"}") + "}";
        var r = hc.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/mcp/" + token))
            .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        JsonNode res = Json.MAPPER.readTree(r.body()).path("result");
        res.path("tools").forEach(all::add);
        cursor = res.has("nextCursor") ? res.get("nextCursor").asString() : null;
        pages++;
      } while (cursor != null);
      int enrichedTokens = 0;
      for (JsonNode t : all) {
        String name = t.path("name").asString();
        if (io.streakmcp.runtime.live.SchemaEnricher.enriches(name)) enrichedTokens += enc.countTokensOrdinary(Json.write(t));
      }
      System.out.printf("%-7s tools=%d pages=%d chars=%d tokens=%d (5 enriched tools: %d tokens)%n",
          mode, all.size(), pages, Json.write(all).length(), enc.countTokensOrdinary(Json.write(all)), enrichedTokens);
      http.close();
      streak.stop();
    }
  }
}
