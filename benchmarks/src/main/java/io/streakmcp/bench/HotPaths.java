package io.streakmcp.bench;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.live.AccountSchema;
import io.streakmcp.runtime.live.SchemaEnricher;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.Reply;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.MessageParser;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ArgumentValidator;
import io.streakmcp.runtime.tools.CursorCodec;
import io.streakmcp.runtime.tools.CursorState;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import io.streakmcp.server.generated.StreakToolRegistry;
import io.streakmcp.server.sandbox.SandboxStreak;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.node.ObjectNode;

/**
 * The per-request work this server adds to a Streak call, each part alone: reading and routing a
 * JSON-RPC message, checking arguments against a tool's schema, signing and checking a cursor,
 * folding an account's stages and fields into a schema, and answering tools/list from the cached
 * live schema. Times are per operation, in microseconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPaths {
  private static final String V = "2025-11-25";
  private static final byte[] PING =
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}".getBytes(StandardCharsets.UTF_8);

  private SandboxStreak streak;
  private McpEngine engine;
  private McpServerContext server;
  private ArgumentValidator validator;
  private ObjectNode updateArguments;
  private CursorCodec cursors;
  private String cursor;
  private ObjectNode updateSchema;
  private AccountSchema account;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    streak = SandboxStreak.start("127.0.0.1", 0, StandIn.KEY, Clock.systemUTC());
    ToolCatalog catalog = ToolCatalog.of(new StreakToolRegistry());
    StreakClient client =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(5)),
            streak.baseUrl(),
            StandIn.KEY,
            Duration.ofSeconds(10),
            Clock.systemUTC());
    server = new McpServerContext("bench", catalog, client);
    engine =
        McpRuntime.engine(
            ServerInfo.streak("bench"),
            ServerSecret.random(),
            Clock.systemUTC(),
            Duration.ofHours(1));
    dispatch(TOOLS_LIST); // reads the live schema once; every later tools/list uses the cache
    ToolEntry update = catalog.find("update_a_streak_box_by_id").orElseThrow();
    validator = update.validator();
    updateSchema = update.inputSchema();
    updateArguments =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"box_key\":\"agxzfm1haWxmb29nYWVyCwsSA0JveBiAgICA\",\"name\":\"Acme Corp Renewal\","
                    + "\"notes\":\"Three-year renewal\",\"stage_key\":\"1005\","
                    + "\"assigned_to_sharing_entries\":[{\"email\":\"sam@northwind.example\"}]}");
    cursors = new CursorCodec(new byte[32], Clock.systemUTC());
    cursor =
        cursors.encode(
            "server/list_all_streak_boxes", "a1b2c3", new CursorState(2, null, 0, 25, 2));
    account = demoAccount();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    streak.close();
  }

  /** Bytes in, JSON-RPC message out, routed and answered (ping: no tool work). */
  @Benchmark
  public Reply parseAndDispatch() {
    return dispatch(PING);
  }

  /** tools/list, first page, with the account's stages and fields from the cache. */
  @Benchmark
  public Reply toolsListCached() {
    return dispatch(TOOLS_LIST);
  }

  @Benchmark
  public List<String> validateArguments() {
    return validator.validate(updateArguments);
  }

  @Benchmark
  public String cursorEncode() {
    return cursors.encode(
        "server/list_all_streak_boxes", "a1b2c3", new CursorState(3, null, 0, 25, 3));
  }

  @Benchmark
  public CursorState cursorDecode() {
    return cursors.decode(cursor, "server/list_all_streak_boxes", "a1b2c3");
  }

  /** The live-schema merge for the largest enriched tool, over two pipelines. */
  @Benchmark
  public ObjectNode liveSchemaMerge() {
    return SchemaEnricher.enrich("update_a_streak_box_by_id", updateSchema, account);
  }

  private Reply dispatch(byte[] body) {
    IncomingMessage message = MessageParser.message(MessageParser.parseJson(body));
    return engine.handle(
        message, engine.context(message, server, Map.of("mcp-protocol-version", V), V));
  }

  /** Two pipelines like the demo team's: 7 stages each, 9 and 7 fields, dropdowns and tags. */
  private static AccountSchema demoAccount() {
    List<AccountSchema.Pipeline> pipelines = new ArrayList<>();
    for (String p : List.of("Sales", "Hiring")) {
      List<AccountSchema.Option> stages = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        stages.add(new AccountSchema.Option(p + "-s" + i, p + " stage " + i));
      }
      List<AccountSchema.Field> fields = new ArrayList<>();
      String[] types = {
        "TEXT_INPUT",
        "DROPDOWN",
        "DATE",
        "CHECKBOX",
        "TAG",
        "PERSON",
        "TEAM_CONTACT",
        "TEAM_ORGANIZATION",
        "FORMULA"
      };
      for (int i = 0; i < types.length; i++) {
        List<AccountSchema.Option> options = new ArrayList<>();
        if (types[i].equals("DROPDOWN") || types[i].equals("TAG")) {
          for (int o = 0; o < 4; o++) {
            options.add(new AccountSchema.Option(p + "-o" + i + o, "Option " + o));
          }
        }
        fields.add(new AccountSchema.Field(p + "-f" + i, p + " field " + i, types[i], options));
      }
      pipelines.add(new AccountSchema.Pipeline(p + "-key", p, stages, fields));
    }
    return new AccountSchema(pipelines, "bench");
  }
}
