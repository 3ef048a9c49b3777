package io.streakmcp.server;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.streakmcp.runtime.McpRuntime;
import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.mcp.ServerInfo;
import io.streakmcp.runtime.server.CallRecorder;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.StaticServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpServerConfig;
import io.streakmcp.runtime.transport.McpHttpServer;
import io.streakmcp.server.generated.StreakToolRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A real MCP server (Jetty, the generated tools, the real Streak client) in front of WireMock
 * standing in for Streak. Ports are picked by the OS.
 */
final class TestServer implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789";
  static final String API_KEY = "strk_test_secret_key_do_not_log";
  static final String ACCOUNT_ID = "account-1";
  static final ServerSecret SECRET = ServerSecret.parse("a-shared-secret-for-tests-only-32b!");

  final WireMockServer streak;
  final McpHttpServer http;

  TestServer() throws Exception {
    this(Duration.ofSeconds(2));
  }

  TestServer(Duration readTimeout) throws Exception {
    streak = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    streak.start();
    StreakClient client =
        new StreakClient(
            StreakClient.httpClient(Duration.ofSeconds(2)),
            URI.create(streak.baseUrl() + "/api"),
            API_KEY,
            readTimeout,
            Clock.systemUTC());
    // The server's id and its account's differ, as they do for every stored server: streams are
    // kept by account, and a mix-up of the two shows here.
    McpServerContext context =
        new McpServerContext(
            "server-1",
            ACCOUNT_ID,
            ToolCatalog.of(new StreakToolRegistry()),
            client,
            false,
            CallRecorder.NONE);
    http =
        new McpHttpServer(
                new StaticServerResolver(Map.of(TOKEN, context)),
                McpRuntime.engine(ServerInfo.streak("test"), SECRET, Clock.systemUTC()),
                HttpServerConfig.loopback(0, SECRET),
                null)
            .start();
  }

  URI mcpUrl() {
    return URI.create("http://127.0.0.1:" + http.port() + "/mcp/" + TOKEN);
  }

  @Override
  public void close() {
    http.close();
    streak.stop();
  }
}
