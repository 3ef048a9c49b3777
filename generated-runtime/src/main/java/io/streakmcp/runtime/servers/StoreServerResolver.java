package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.ServerResolver;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.tools.ToolCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves URL tokens against the store on every request, so a deleted or expired server is refused
 * at once, on every instance, without waiting for a cleanup. Only derived things are cached: the
 * filtered catalog of a config.
 */
public final class StoreServerResolver implements ServerResolver {
  private final ServerStore store;
  private final ToolCatalog catalog;
  private final CallLog calls;
  private final HttpClient http;
  private final URI streakBase;
  private final Duration readTimeout;
  private final Clock clock;
  private final Map<ServerConfig, ToolCatalog> filtered = new ConcurrentHashMap<>();

  public StoreServerResolver(
      ServerStore store,
      ToolCatalog catalog,
      CallLog calls,
      HttpClient http,
      URI streakBase,
      Duration readTimeout,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.calls = calls;
    this.http = http;
    this.streakBase = streakBase;
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  @Override
  public Optional<McpServerContext> resolve(String token) {
    ServerStore.Resolved found;
    try {
      found = store.findByToken(token).orElse(null);
    } catch (SQLException e) {
      throw new IllegalStateException("the server store could not be read", e);
    }
    if (found == null || found.server().expiredAt(clock.millis())) {
      return Optional.empty();
    }
    StoredServer server = found.server();
    ToolCatalog tools =
        filtered.computeIfAbsent(server.config(), k -> catalog.filter(ToolFilter.predicate(k)));
    StreakClient streak = new StreakClient(http, streakBase, found.apiKey(), readTimeout, clock);
    return Optional.of(
        new McpServerContext(
            server.id(),
            server.accountId(),
            tools,
            streak,
            server.config().requireApiTokenAuth(),
            calls.recorder(server.id())));
  }
}
