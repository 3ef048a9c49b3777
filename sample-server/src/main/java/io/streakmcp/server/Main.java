package io.streakmcp.server;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.crypto.ServerSecret;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code serve} runs the MCP server over HTTP for one Streak account; {@code stdio} serves one
 * client on stdin/stdout (the form Claude Desktop's {@code command} entry uses).
 */
public final class Main {
  static final String VERSION = "0.1.0";
  static final String DEFAULT_STREAK = "https://api.streak.com/api";

  /** What a URL token may look like: long, and safe in a path segment. */
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,200}");

  private static final String USAGE =
      """
      Usage: streak-mcp-server <command> [options]

      Commands:
        serve   MCP over HTTP: Streamable HTTP at /mcp/<token>, HTTP+SSE at /mcp/<token>/sse
                  --port <n>             STREAK_MCP_PORT       (default 8080)
                  --host <addr>          STREAK_MCP_HOST       (default 127.0.0.1)
                  --api-key <key>        STREAK_API_KEY        (required; prefer the variable:
                                                                flags show up in ps)
                  --token <token>        STREAK_MCP_TOKEN      (16-200 of A-Z a-z 0-9 _ -;
                                                                default: a random one, printed)
                  --secret <secret>      STREAK_MCP_SECRET     (32+ bytes, base64 or text; shared
                                                                by instances behind one balancer;
                                                                default: random per process)
                  --allowed-hosts <h,h>  STREAK_MCP_ALLOWED_HOSTS  (Host names accepted when not
                                                                bound to loopback; default: any)
                  --streak-base-url <u>  STREAK_BASE_URL       (default %s)
        stdio   MCP over stdin/stdout for one client
                  --api-key <key>        STREAK_API_KEY        (required)
                  --streak-base-url <u>  STREAK_BASE_URL       (default %s)
      """
          .formatted(DEFAULT_STREAK, DEFAULT_STREAK);

  private Main() {}

  public static void main(String[] args) throws Exception {
    try {
      System.exit(run(Arrays.asList(args), System.getenv(), System.out));
    } catch (Options.UsageException e) {
      System.err.println("streak-mcp-server: " + e.getMessage());
      System.err.println();
      System.err.print(USAGE);
      System.exit(2);
    }
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out) throws Exception {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "serve" ->
          serve(
              new Options(
                  rest,
                  Set.of(
                      "port",
                      "host",
                      "api-key",
                      "token",
                      "secret",
                      "allowed-hosts",
                      "streak-base-url"),
                  env),
              out);
      case "stdio" -> stdio(new Options(rest, Set.of("api-key", "streak-base-url"), env));
      default ->
          throw new Options.UsageException(
              "unknown command " + args.get(0) + "; valid: serve, stdio");
    };
  }

  private static int serve(Options o, PrintStream out) throws Exception {
    String given = o.get("token", "STREAK_MCP_TOKEN", null);
    String token = given != null ? given : randomToken();
    if (!TOKEN.matcher(token).matches()) {
      throw new Options.UsageException("--token must be 16 to 200 characters of A-Z a-z 0-9 _ -");
    }
    ServerSecret secret = secret(o);
    McpServerContext server = context(o, token);
    String host = o.get("host", "STREAK_MCP_HOST", "127.0.0.1");
    HttpServerConfig config =
        new HttpServerConfig(
            host,
            o.port("port", "STREAK_MCP_PORT", 8080),
            1024 * 1024,
            Duration.ofSeconds(60),
            64,
            Set.of(),
            allowedHosts(o, host),
            secret);
    McpEngine engine = McpRuntime.engine(ServerInfo.streak(VERSION), secret, Clock.systemUTC());
    McpHttpServer http =
        new McpHttpServer(new StaticServerResolver(Map.of(token, server)), engine, config, null)
            .start();
    // The token is a credential: print it only when we made it up, so the operator can use it.
    out.println(
        "Streak MCP server listening: http://"
            + host
            + ":"
            + http.port()
            + "/mcp/"
            + (given == null ? token : "<your token>"));
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

  /** Loopback binds answer only to loopback names (DNS rebinding); others to what is listed. */
  static Set<String> allowedHosts(Options o, String host) {
    String listed = o.get("allowed-hosts", "STREAK_MCP_ALLOWED_HOSTS", null);
    if (listed != null) {
      return Arrays.stream(listed.split(","))
          .map(String::strip)
          .filter(h -> !h.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    }
    return HttpServerConfig.isLoopback(host) ? HttpServerConfig.LOOPBACK_HOSTS : Set.of();
  }

  private static int stdio(Options o) throws Exception {
    McpServerContext server = context(o, "stdio");
    McpEngine engine =
        McpRuntime.engine(ServerInfo.streak(VERSION), ServerSecret.random(), Clock.systemUTC());
    new StdioTransport(engine, server, System.in, System.out, 1024 * 1024).run();
    return 0;
  }

  private static ServerSecret secret(Options o) {
    String configured = o.get("secret", "STREAK_MCP_SECRET", null);
    if (configured == null) {
      return ServerSecret.random();
    }
    try {
      return ServerSecret.parse(configured);
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException("--secret: " + e.getMessage());
    }
  }

  private static McpServerContext context(Options o, String token) throws Exception {
    String apiKey = o.required("api-key", "STREAK_API_KEY");
    URI base;
    try {
      base = URI.create(o.get("streak-base-url", "STREAK_BASE_URL", DEFAULT_STREAK));
      if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException(
          "--streak-base-url must be an http(s) URL with /v1 and /v2 under it, e.g. "
              + DEFAULT_STREAK);
    }
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

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
