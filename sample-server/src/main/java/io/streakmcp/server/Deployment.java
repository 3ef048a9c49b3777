package io.streakmcp.server;

import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.admin.AdminHandler;
import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.servers.ApiKeyCipher;
import io.streakmcp.runtime.servers.CallLog;
import io.streakmcp.runtime.servers.Database;
import io.streakmcp.runtime.servers.ExpiryCleaner;
import io.streakmcp.runtime.servers.PlatformTokens;
import io.streakmcp.runtime.servers.ServerStore;
import io.streakmcp.runtime.servers.StoreServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.runtime.transport.NotificationHub;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.server.Handler;

/**
 * The deployable server, assembled from settings: the store, the MCP endpoints for every server in
 * it, and the admin API, on one port. Closing it stops them in reverse order.
 */
public final class Deployment implements AutoCloseable {

  /**
   * @param host the interface to bind
   * @param port the port, or 0 for any
   * @param allowedHosts Host names accepted (loopback names are always accepted)
   * @param dbUrl the JDBC URL of the store
   * @param dbUser the database user, or null
   * @param dbPassword the database password, or null
   * @param masterKey the 32-byte key that encrypts API keys at rest
   * @param adminTokens the platform API tokens
   * @param secret the deployment secret shared by instances
   * @param streakBase Streak's API root (with /v1 and /v2 under it)
   * @param publicBaseUrl the origin clients use; empty means http://host:port
   * @param schemaTtl how long an account's pipelines, stages and fields are reused
   * @param streakTimeout how long a call waits for Streak's whole answer
   */
  public record Settings(
      String host,
      int port,
      Set<String> allowedHosts,
      String dbUrl,
      String dbUser,
      String dbPassword,
      byte[] masterKey,
      PlatformTokens adminTokens,
      ServerSecret secret,
      URI streakBase,
      String publicBaseUrl,
      Duration schemaTtl,
      Duration streakTimeout) {}

  private final Database database;
  private final CallLog calls;
  private final ExpiryCleaner cleaner;
  private final McpHttpServer http;
  private final ServerStore store;

  private Deployment(
      Database database,
      CallLog calls,
      ExpiryCleaner cleaner,
      McpHttpServer http,
      ServerStore store) {
    this.database = database;
    this.calls = calls;
    this.cleaner = cleaner;
    this.http = http;
    this.store = store;
  }

  public static Deployment start(Settings s, Clock clock) throws Exception {
    // Opening the store, building the tool catalog and making the HTTP client (TLS set-up) do not
    // depend on each other and are mostly class loading, so they run side by side. On two busy
    // cores that gains little (the JIT competes for them); with spare cores it overlaps the three.
    ExecutorService startup =
        Executors.newFixedThreadPool(2, r -> new Thread(r, "streak-mcp-startup"));
    try {
      Future<ToolCatalog> catalog = startup.submit(() -> ToolCatalog.of(new StreakToolRegistry()));
      Future<HttpClient> client =
          startup.submit(() -> StreakClient.httpClient(Duration.ofSeconds(5)));
      Database database = Database.open(s.dbUrl(), s.dbUser(), s.dbPassword());
      try {
        return assemble(s, clock, database, done(catalog), done(client));
      } catch (Exception e) {
        database.close();
        throw e;
      }
    } finally {
      startup.shutdown();
    }
  }

  private static Deployment assemble(
      Settings s, Clock clock, Database database, ToolCatalog catalog, HttpClient client)
      throws Exception {
    ServerStore store =
        new ServerStore(database.dataSource(), new ApiKeyCipher(s.masterKey()), clock);
    // Before anything listens: a server up under the wrong key would answer every call of every
    // MCP server with an internal error, and an operator would see it only then.
    try {
      store.checkMasterKey();
    } catch (IllegalStateException e) {
      throw new WrongMasterKey();
    }
    CallLog calls = new CallLog(store, clock);
    StoreServerResolver resolver =
        new StoreServerResolver(
            store, catalog, calls, client, s.streakBase(), s.streakTimeout(), clock);
    HttpServerConfig config =
        new HttpServerConfig(
            s.host(),
            s.port(),
            1024 * 1024,
            Duration.ofSeconds(60),
            64,
            Set.of(),
            s.allowedHosts(),
            s.adminTokens(),
            s.secret());
    // The admin handler needs the public URL, which needs the bound port: bind first.
    PublicUrl url = new PublicUrl(s.publicBaseUrl(), s.host());
    McpHttpServer http =
        new McpHttpServer(
                resolver,
                McpRuntime.engine(
                    ServerInfo.streak(Main.VERSION), s.secret(), clock, s.schemaTtl()),
                config,
                new Handler.Sequence(
                    new HealthHandler(database.dataSource()),
                    new AdminHandler(store, catalog, s.adminTokens(), url, clock),
                    new AdminPage()))
            .start();
    url.bound(http.port());
    return new Deployment(database, calls, new ExpiryCleaner(store, 60), http, store);
  }

  /** The master key given cannot decrypt the API keys already in the store. */
  public static final class WrongMasterKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongMasterKey() {
      super(
          "the master key cannot decrypt the Streak API keys already in the store: it is not the"
              + " key the store was made with (or the stored data is damaged). Start with the"
              + " store's own key, from STREAK_MCP_MASTER_KEY or --master-key-file.");
    }
  }

  /** The task's result, or what it threw, as if it had run on this thread. */
  private static <T> T done(Future<T> task) throws Exception {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  public ServerStore store() {
    return store;
  }

  public CallLog calls() {
    return calls;
  }

  /** The open event streams, for tests that end them without waiting for the keep-alive. */
  NotificationHub streams() {
    return http.hub();
  }

  /** The store, for tests that take it away. */
  Database database() {
    return database;
  }

  @Override
  public void close() {
    http.close();
    cleaner.close();
    calls.close();
    database.close();
  }

  /** The public base URL, known once the port is bound when none was configured. */
  static final class PublicUrl implements java.util.function.Supplier<String> {
    private final String configured;
    private final String host;
    private volatile String value;

    PublicUrl(String configured, String host) {
      this.configured = configured == null || configured.isBlank() ? null : configured;
      this.host = host;
      this.value = this.configured;
    }

    void bound(int port) {
      if (configured == null) {
        value = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
      }
    }

    @Override
    public String get() {
      return value;
    }
  }
}
