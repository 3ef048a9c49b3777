package io.streakmcp.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.PlatformTokens;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.transport.HttpServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The deployment `serve` runs (Jetty, an H2 file store, the call log, the admin API) in front of
 * WireMock standing in for Streak, for tests that need the whole server rather than one part.
 */
final class LiveDeployment implements AutoCloseable {
  final WireMockServer streak;
  final Deployment deployment;

  LiveDeployment(Path dir, Duration streakTimeout) throws Exception {
    this(dir, streakTimeout, WireMockConfiguration.options().dynamicPort());
  }

  LiveDeployment(Path dir, Duration streakTimeout, WireMockConfiguration streakOptions)
      throws Exception {
    this(dir, streakTimeout, streakOptions, Clock.systemUTC());
  }

  LiveDeployment(Path dir, Duration streakTimeout, WireMockConfiguration streakOptions, Clock clock)
      throws Exception {
    streak = new WireMockServer(streakOptions);
    streak.start();
    deployment =
        Deployment.start(
            new Deployment.Settings(
                "127.0.0.1",
                0,
                HttpServerConfig.LOOPBACK_HOSTS,
                "jdbc:h2:file:" + dir.resolve("store"),
                null,
                null,
                AdminApiTest.MASTER,
                PlatformTokens.of(AdminApiTest.ADMIN),
                TestServer.SECRET,
                URI.create(streak.baseUrl() + "/api"),
                null,
                Duration.ofSeconds(60),
                streakTimeout),
            clock);
  }

  /** A new account with {@code apiKey} and one MCP server on it; returns the server's URL. */
  URI server(String apiKey, List<String> methods) throws Exception {
    Account account = deployment.store().createAccount("Account " + apiKey.hashCode(), apiKey);
    String token =
        deployment
            .store()
            .createServer(account.id(), "server", new ServerConfig(methods, List.of(), false), null)
            .token();
    return URI.create("http://127.0.0.1:" + deployment.port() + "/mcp/" + Secrets.remember(token));
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + deployment.port());
  }

  @Override
  public void close() {
    deployment.close();
    streak.stop();
  }
}
