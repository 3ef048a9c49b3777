package io.streakmcp.server;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.servers.Database;
import io.streakmcp.runtime.servers.MasterKey;
import io.streakmcp.runtime.servers.PlatformTokens;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ToolFilter;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.StdioTransport;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve} runs MCP servers for many Streak accounts over HTTP, managed through the admin API
 * and kept in a database; {@code stdio} serves one account to one client on stdin/stdout (the form
 * Claude Desktop's {@code command} entry uses).
 */
public final class Main {
  static final String VERSION = "0.1.0";
  static final String DEFAULT_STREAK = "https://api.streak.com/api";
  static final String DEFAULT_MASTER_KEY_FILE = "streak-mcp-data/master.key";

  private static final String USAGE =
      """
      Usage: streak-mcp-server <command> [options]

      Commands:
        sandbox A demo Streak team in memory, served as an MCP server: no Streak account needed.
                Prints the MCP URL and configuration for Claude, ChatGPT and the MCP Inspector.
                  --port <n>              STREAK_MCP_PORT            (default 8080)
                  --host <addr>           STREAK_MCP_HOST            (default 127.0.0.1)
                  --streak-port <n>       the stand-in Streak API's port (default: any free one)
                  --public-base-url <u>   STREAK_MCP_PUBLIC_BASE_URL (as for serve)
                  --schema-ttl <s>        STREAK_MCP_SCHEMA_TTL      (as for serve)
                  --allowed-hosts <h,h>   STREAK_MCP_ALLOWED_HOSTS   (as for serve)
        serve   MCP servers for many Streak accounts over HTTP, managed by the admin API
                (/integrated-account); each server answers at /mcp/<token> (Streamable HTTP)
                and /mcp/<token>/sse (HTTP+SSE)
                  --port <n>              STREAK_MCP_PORT            (default 8080)
                  --host <addr>           STREAK_MCP_HOST            (default 127.0.0.1)
                  --db <jdbc-url>         STREAK_MCP_DB_URL          (default %s)
                  --db-user <user>        STREAK_MCP_DB_USER
                  --db-password <pw>      STREAK_MCP_DB_PASSWORD     (prefer the variable)
                  --public-base-url <u>   STREAK_MCP_PUBLIC_BASE_URL (the origin clients reach;
                                                                   default http://host:port)
                  --admin-token-file <f>  STREAK_MCP_ADMIN_TOKEN     (platform API tokens, comma-
                                                                   separated; none: admin closed)
                  --master-key-file <f>   STREAK_MCP_MASTER_KEY      (base64 of 32 bytes; default
                                                                   file %s, made on first start)
                  --secret <secret>       STREAK_MCP_SECRET          (32+ bytes, shared by
                                                                   instances behind a balancer;
                                                                   prefer the variable)
                  --allowed-hosts <h,h>   STREAK_MCP_ALLOWED_HOSTS   (when not bound to loopback)
                  --streak-base-url <u>   STREAK_BASE_URL            (default %s)
                  --schema-ttl <s>        STREAK_MCP_SCHEMA_TTL      (seconds an account's stages
                                                                   and fields are reused; 60)
                  --streak-timeout <s>    STREAK_MCP_STREAK_TIMEOUT  (seconds a call waits for
                                                                   Streak's answer; 30)
        stdio   MCP over stdin/stdout for one account and one client
                  --api-key <key>         STREAK_API_KEY             (required; prefer the
                                                                   variable: flags show in ps)
                  --streak-base-url <u>   STREAK_BASE_URL            (default %s)
                  --schema-ttl <s>        STREAK_MCP_SCHEMA_TTL      (as for serve)
                  --streak-timeout <s>    STREAK_MCP_STREAK_TIMEOUT  (as for serve)
                  --methods <m,m>         STREAK_MCP_METHODS         (read, write, custom, a kind
                                                                   or tool names; default all)
                  --tags <t,t>            STREAK_MCP_TAGS            (only tools with one of these
                                                                   tags; default all)

      Logs go to stderr. STREAK_MCP_LOG_FORMAT=text (default) or json (one JSON object per line);
      STREAK_MCP_LOG_LEVEL (INFO) for the server's logs; STREAK_MCP_CALL_LOG_LEVEL (INFO) for the
      line each tool call writes (server, tool, status, ms; never arguments).
      """
          .formatted(Database.DEFAULT_URL, DEFAULT_MASTER_KEY_FILE, DEFAULT_STREAK, DEFAULT_STREAK);

  private Main() {}

  public static void main(String[] args) throws Exception {
    skipJettyMemoryProbe();
    dropIdleStreakConnectionsEarly();
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
    checkLogSettings(env);
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "sandbox" ->
          sandbox(
              new Options(
                  rest,
                  Set.of(
                      "port",
                      "host",
                      "streak-port",
                      "public-base-url",
                      "allowed-hosts",
                      "schema-ttl"),
                  env),
              out);
      case "serve" ->
          serve(
              new Options(
                  rest,
                  Set.of(
                      "port",
                      "host",
                      "db",
                      "db-user",
                      "db-password",
                      "public-base-url",
                      "admin-token-file",
                      "master-key-file",
                      "secret",
                      "allowed-hosts",
                      "streak-base-url",
                      "streak-timeout",
                      "schema-ttl"),
                  env),
              env,
              out);
      case "stdio" ->
          stdio(
              new Options(
                  rest,
                  Set.of(
                      "api-key",
                      "streak-base-url",
                      "streak-timeout",
                      "schema-ttl",
                      "methods",
                      "tags"),
                  env));
      default ->
          throw new Options.UsageException(
              "unknown command " + args.get(0) + "; valid: sandbox, serve, stdio");
    };
  }

  private static int serve(Options o, Map<String, String> env, PrintStream out) throws Exception {
    warnOfSecretFlags(
        o, Map.of("secret", "STREAK_MCP_SECRET", "db-password", "STREAK_MCP_DB_PASSWORD"));
    String host = o.get("host", "STREAK_MCP_HOST", "127.0.0.1");
    PlatformTokens admin = PlatformTokens.of(adminTokens(o));
    Deployment.Settings settings =
        new Deployment.Settings(
            host,
            o.port("port", "STREAK_MCP_PORT", 8080),
            allowedHosts(o, host),
            o.get("db", "STREAK_MCP_DB_URL", Database.DEFAULT_URL),
            o.get("db-user", "STREAK_MCP_DB_USER", null),
            o.get("db-password", "STREAK_MCP_DB_PASSWORD", null),
            masterKey(o, env),
            admin,
            secret(o),
            streakBase(o),
            o.get("public-base-url", "STREAK_MCP_PUBLIC_BASE_URL", null),
            schemaTtl(o),
            streakTimeout(o));
    Deployment deployment;
    try {
      deployment = Deployment.start(settings, Clock.systemUTC());
    } catch (Deployment.WrongMasterKey e) {
      // A setting that does not fit the store, like a usage error: exit 2, with no stack trace.
      System.err.println("streak-mcp-server: " + e.getMessage());
      return 2;
    }
    out.println(
        "Streak MCP server listening on http://"
            + host
            + ":"
            + deployment.port()
            + (admin.isEmpty() ? " (no admin token set: the admin API is closed)" : ""));
    awaitShutdown(deployment);
    return 0;
  }

  private static int sandbox(Options o, PrintStream out) throws Exception {
    String host = o.get("host", "STREAK_MCP_HOST", "127.0.0.1");
    Sandbox sandbox =
        Sandbox.start(
            new Sandbox.Settings(
                host,
                o.port("port", "STREAK_MCP_PORT", 8080),
                allowedHosts(o, host),
                o.port("streak-port", null, 0),
                o.get("public-base-url", "STREAK_MCP_PUBLIC_BASE_URL", null),
                schemaTtl(o)),
            Clock.systemUTC());
    out.println("Streak MCP server listening on http://" + host + ":" + sandbox.made().port());
    out.println();
    out.print(SandboxGuide.text(sandbox.made(), Sandbox.jarPath()));
    out.flush();
    awaitShutdown(sandbox);
    return 0;
  }

  /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes what was started. */
  private static void awaitShutdown(AutoCloseable running) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.close();
                  } catch (Exception e) {
                    System.err.println("streak-mcp-server: error while stopping: " + e);
                  } finally {
                    stopped.countDown();
                  }
                }));
    stopped.await();
  }

  /**
   * Jetty sizes the padding of its queues from the JVM's reference width, which it asks the
   * platform MBean server for; starting JMX for that costs about 0.1 s of a cold start. The width
   * is known without it: 4 bytes (compressed references) below a 32 GiB heap, 8 above.
   */
  private static void skipJettyMemoryProbe() {
    String property = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(property) == null) {
      int referenceBytes = Runtime.getRuntime().maxMemory() < (32L << 30) ? 4 : 8;
      System.setProperty(property, Integer.toString(64 / referenceBytes));
    }
  }

  /**
   * The JDK's HTTP client keeps an idle connection to Streak for 20 minutes by default, while
   * servers and proxies on the way commonly close theirs after a minute or so. A request sent on a
   * connection the other end has just closed fails, and only GETs are retried; a POST or a DELETE
   * would come back as a tool error for no reason of the caller's. Closing our side after 30 s idle
   * keeps the pool to connections the other end still holds. Read once, when the client's
   * connection pool is first used, so it must be set before the first call.
   */
  private static void dropIdleStreakConnectionsEarly() {
    String property = "jdk.httpclient.keepalive.timeout";
    if (System.getProperty(property) == null) {
      System.setProperty(property, "30");
    }
  }

  private static int stdio(Options o) throws Exception {
    McpServerContext server = context(o);
    new StdioTransport(
            McpRuntime.engine(
                ServerInfo.streak(VERSION), ServerSecret.random(), Clock.systemUTC(), schemaTtl(o)),
            server,
            System.in,
            System.out,
            1024 * 1024)
        .run();
    return 0;
  }

  /** The logging variables {@link LogSetup} reads: refused here, since it can only ignore them. */
  static void checkLogSettings(Map<String, String> env) {
    List<String> problems = LogSetup.problems(env);
    if (!problems.isEmpty()) {
      throw new Options.UsageException(String.join("; ", problems));
    }
  }

  /** Seconds from 0 (re-read on every tools/list) to a day; 60 by default. */
  static Duration schemaTtl(Options o) {
    return seconds(o, "schema-ttl", "STREAK_MCP_SCHEMA_TTL", 60, 0, 86_400);
  }

  /** How long a call may wait for Streak's whole answer: 1 to 300 seconds; 30 by default. */
  static Duration streakTimeout(Options o) {
    return seconds(o, "streak-timeout", "STREAK_MCP_STREAK_TIMEOUT", 30, 1, 300);
  }

  private static Duration seconds(
      Options o, String flag, String envName, long fallback, long min, long max) {
    String v = o.get(flag, envName, Long.toString(fallback));
    try {
      long seconds = Long.parseLong(v.strip());
      if (seconds < min || seconds > max) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new Options.UsageException(
          "--" + flag + " must be whole seconds from " + min + " to " + max + ", got " + v);
    }
  }

  /**
   * Loopback binds answer only to loopback names (DNS rebinding); others to what is listed. The
   * public base URL's host is always accepted: a tunnel or proxy in front forwards it.
   */
  static Set<String> allowedHosts(Options o, String host) {
    String listed = o.get("allowed-hosts", "STREAK_MCP_ALLOWED_HOSTS", null);
    Set<String> hosts = new java.util.HashSet<>();
    if (listed != null) {
      Arrays.stream(listed.split(","))
          .map(String::strip)
          .filter(h -> !h.isEmpty())
          .forEach(hosts::add);
    } else if (HttpServerConfig.isLoopback(host)) {
      hosts.addAll(HttpServerConfig.LOOPBACK_HOSTS);
    }
    String publicBase = o.get("public-base-url", "STREAK_MCP_PUBLIC_BASE_URL", null);
    if (publicBase != null) {
      try {
        String publicHost = URI.create(publicBase.strip()).getHost();
        if (publicHost == null) {
          throw new IllegalArgumentException();
        }
        hosts.add(publicHost);
      } catch (IllegalArgumentException e) {
        throw new Options.UsageException(
            "--public-base-url must be an absolute URL such as https://mcp.example.com, got "
                + publicBase);
      }
    }
    return Set.copyOf(hosts);
  }

  /**
   * Says on stderr when a secret came as a flag: every user of the machine can read a process's
   * arguments (ps), not its environment. The value itself is never printed.
   */
  private static void warnOfSecretFlags(Options o, Map<String, String> flagToVariable) {
    flagToVariable.forEach(
        (flag, variable) -> {
          if (o.given(flag)) {
            System.err.println(
                "streak-mcp-server: warning: --"
                    + flag
                    + " is visible to other users of this machine (ps); set "
                    + variable
                    + " instead");
          }
        });
  }

  private static String adminTokens(Options o) throws IOException {
    String file = o.get("admin-token-file", null, null);
    if (file != null) {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
    return o.get("admin-token", "STREAK_MCP_ADMIN_TOKEN", null);
  }

  /**
   * The master key: from --master-key-file when it is given (a flag wins over its variable), else
   * from STREAK_MCP_MASTER_KEY, else from the default file, made on a first start.
   */
  private static byte[] masterKey(Options o, Map<String, String> env) throws IOException {
    String file = o.get("master-key-file", null, null);
    try {
      return MasterKey.load(
          file == null ? env.get("STREAK_MCP_MASTER_KEY") : null,
          Path.of(file == null ? DEFAULT_MASTER_KEY_FILE : file));
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException("master key: " + e.getMessage());
    }
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

  private static URI streakBase(Options o) {
    try {
      URI base = URI.create(o.get("streak-base-url", "STREAK_BASE_URL", DEFAULT_STREAK));
      if (base.getScheme() == null || !base.getScheme().startsWith("http")) {
        throw new IllegalArgumentException();
      }
      return base;
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException(
          "--streak-base-url must be an http(s) URL with /v1 and"
              + " /v2 under it, e.g. "
              + DEFAULT_STREAK);
    }
  }

  private static McpServerContext context(Options o) {
    String apiKey = o.required("api-key", "STREAK_API_KEY");
    StreakClient streak =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(5)),
            streakBase(o),
            apiKey,
            streakTimeout(o),
            Clock.systemUTC());
    return new McpServerContext("stdio", stdioCatalog(o), streak);
  }

  /** The tools a stdio session offers: all, or those its --methods and --tags select. */
  static ToolCatalog stdioCatalog(Options o) {
    ToolCatalog all = ToolCatalog.of(new StreakToolRegistry());
    ServerConfig config =
        new ServerConfig(
            list(o.get("methods", "STREAK_MCP_METHODS", "")),
            list(o.get("tags", "STREAK_MCP_TAGS", "")),
            false);
    // The same rules, and the same words, as a server made through the admin API.
    List<String> problems =
        ToolFilter.problems(config, all, new ToolFilter.Labels("--methods", "--tags", "--methods"));
    if (!problems.isEmpty()) {
      throw new Options.UsageException(String.join("; ", problems));
    }
    return all.filter(ToolFilter.predicate(config));
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
