package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.server.ServerResolver;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The MCP HTTP server on embedded Jetty: a bounded pool, idle timeouts, one connector. */
public final class McpHttpServer implements AutoCloseable {
  /**
   * Open event streams the MCP servers of one account may hold on one instance, of each kind
   * (notified, or keep-alive only): one per connected client session is normal, so this bounds
   * abuse, not use, and one account's streams never take another's.
   */
  public static final int MAX_STREAMS_PER_ACCOUNT = 256;

  /** Open connections one instance accepts at once. */
  public static final int MAX_CONNECTIONS = 1024;

  private final Server jetty;
  private final ServerConnector connector;
  private final NotificationHub hub;

  /**
   * @param extra another handler tried after the MCP routes (the admin API, health), or null
   */
  public McpHttpServer(
      ServerResolver servers, McpEngine engine, HttpServerConfig config, Handler extra) {
    QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), 4);
    pool.setName("mcp-http");
    this.jetty = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(16 * 1024);
    this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    jetty.addConnector(connector);
    // Bounded threads, and a bound on connections: past it Jetty stops accepting until some
    // close, instead of queueing work without end (Jetty advises against a bounded job queue).
    jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    this.hub = new NotificationHub(15, MAX_STREAMS_PER_ACCOUNT);
    Handler mcp = new McpHttpHandler(servers, engine, config, hub);
    // An account's pipelines changed: every open stream of its servers hears it.
    engine
        .liveSchema()
        .onChange(
            accountId ->
                hub.publish(accountId, Responses.notification(Methods.TOOLS_LIST_CHANGED, null)));
    // On stop, new requests get 503 while calls already running finish (up to the stop timeout):
    // a tools/call that reached Streak still returns its result.
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(extra == null ? mcp : new Handler.Sequence(mcp, extra));
    jetty.setHandler(graceful);
    jetty.setStopTimeout(5_000);
    // Jetty's own error answers (for anything our handlers do not answer) are JSON that never
    // echoes the request URL, which for an MCP URL holds the token.
    jetty.setErrorHandler(new JsonErrorHandler());
  }

  public McpHttpServer start() throws Exception {
    jetty.start();
    return this;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public NotificationHub hub() {
    return hub;
  }

  /** Stops accepting, lets in-flight requests finish (up to the stop timeout), then stops. */
  @Override
  public void close() {
    hub.close();
    try {
      jetty.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("the HTTP server did not stop cleanly", e);
    }
  }
}
