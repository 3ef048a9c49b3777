package io.streakmcp.server;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.StaticServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.runtime.transport.StdioTransport;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve} runs the MCP server over HTTP for one Streak account; {@code stdio} serves one
 * client on stdin/stdout (the form Claude Desktop's {@code command} entry uses).
 */
public final class Main {
  static final String VERSION = "0.1.0";
  static final String DEFAULT_STREAK = "https://api.streak.com/api";
  private static final String USAGE =
      """
      Usage: streak-mcp-server <command> [options]

      Commands:
        serve   MCP over HTTP: Streamable HTTP at /mcp/<token>, HTTP+SSE at /mcp/<token>/sse
                  --port <n>             STREAK_MCP_PORT       (default 8080)
                  --host <addr>          STREAK_MCP_HOST       (default 127.0.0.1)
                  --api-key <key>        STREAK_API_KEY        (required)
                  --token <token>        STREAK_MCP_TOKEN      (default: a random one, printed)
                  --streak-base-url <u>  STREAK_BASE_URL       (default %s)
        stdio   MCP over stdin/stdout for one client
                  --api-key <key>        STREAK_API_KEY        (required)
                  --streak-base-url <u>  STREAK_BASE_URL       (default %s)
      """
          .formatted(DEFAULT_STREAK, DEFAULT_STREAK);

  private Main() {}

  public static void main(String[] args) throws Exception {
    try {
      System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
    } catch (Options.UsageException e) {
      System.err.println("streak-mcp-server: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      System.exit(2);
    }
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
      throws Exception {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "serve" ->
          serve(
              new Options(rest, Set.of("port", "host", "api-key", "token", "streak-base-url"), env),
              out);
      case "stdio" -> stdio(new Options(rest, Set.of("api-key", "streak-base-url"), env));
      default ->
          throw new Options.UsageException(
              "unknown command " + args.get(0) + "; valid: serve, stdio");
    };
  }

  private static int serve(Options o, PrintStream out) throws Exception {
    String token = o.get("token", "STREAK_MCP_TOKEN", randomToken());
    byte[] secret = secret();
    McpServerContext server = context(o, token);
    HttpServerConfig config =
        new HttpServerConfig(
            o.get("host", "STREAK_MCP_HOST", "127.0.0.1"),
            o.port("port", "STREAK_MCP_PORT", 8080),
            1024 * 1024,
            Duration.ofSeconds(60),
            64,
            Set.of(),
            Set.of(),
            secret);
    McpEngine engine = McpRuntime.engine(ServerInfo.streak(VERSION), secret);
    McpHttpServer http =
        new McpHttpServer(new StaticServerResolver(Map.of(token, server)), engine, config, null)
            .start();
    out.println(
        "Streak MCP server listening: http://"
            + config.host()
            + ":"
            + http.port()
            + "/mcp/"
            + token);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private static int stdio(Options o) throws Exception {
    McpServerContext server = context(o, "stdio");
    McpEngine engine = McpRuntime.engine(ServerInfo.streak(VERSION), secret());
    new StdioTransport(engine, server, System.in, System.out, 1024 * 1024).run();
    return 0;
  }

  private static McpServerContext context(Options o, String token) throws Exception {
    String apiKey = o.required("api-key", "STREAK_API_KEY");
    URI base = URI.create(o.get("streak-base-url", "STREAK_BASE_URL", DEFAULT_STREAK));
    StreakClient streak =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(5)),
            base,
            apiKey,
            Duration.ofSeconds(30),
            Clock.systemUTC());
    // The server id is a hash of the token: stable, and safe to log.
    String id =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)),
                0,
                8);
    return new McpServerContext(id, ToolCatalog.of(new StreakToolRegistry()), streak);
  }

  private static byte[] secret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
