package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.server.RequestAuthenticator;
import java.time.Duration;
import java.util.Set;

/**
 * How the HTTP transport listens and what it accepts.
 *
 * @param host the interface to bind; 127.0.0.1 unless told otherwise
 * @param port the port, or 0 for any free one
 * @param maxRequestBytes the largest request body accepted
 * @param idleTimeout how long an idle connection is kept
 * @param maxThreads the bound of the request thread pool
 * @param allowedOrigins browser origins accepted besides loopback ones (e.g. an admin page)
 * @param allowedHosts Host header values accepted; empty means any (a public deployment behind a
 *     proxy), and loopback names are always accepted
 * @param platformAuth checks the platform API token on servers that require one
 * @param secret the deployment's secret: session ids are signed with a key derived from it, so
 *     instances behind one load balancer that share it accept each other's sessions
 */
public record HttpServerConfig(
    String host,
    int port,
    int maxRequestBytes,
    Duration idleTimeout,
    int maxThreads,
    Set<String> allowedOrigins,
    Set<String> allowedHosts,
    RequestAuthenticator platformAuth,
    ServerSecret secret) {

  public HttpServerConfig {
    allowedOrigins = Set.copyOf(allowedOrigins);
    allowedHosts = Set.copyOf(allowedHosts);
  }

  /** Host names a loopback-bound server answers to: anything else is DNS rebinding. */
  public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  /** Loopback-only defaults: the safe configuration for a desktop or a test. */
  public static HttpServerConfig loopback(int port, ServerSecret secret) {
    return new HttpServerConfig(
        "127.0.0.1",
        port,
        1024 * 1024,
        Duration.ofSeconds(60),
        64,
        Set.of(),
        LOOPBACK_HOSTS,
        RequestAuthenticator.NOBODY,
        secret);
  }

  /** True for addresses only this machine can reach. */
  public static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.equals("::1")
        || host.equals("[::1]")
        || host.startsWith("127.");
  }
}
