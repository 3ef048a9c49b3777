package io.streakmcp.runtime.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of servers, for stdio and for embedding. Tokens are compared in constant time, so a
 * caller cannot find a valid token by timing the answers.
 */
public final class StaticServerResolver implements ServerResolver {
  private final Map<String, McpServerContext> servers;

  public StaticServerResolver(Map<String, McpServerContext> servers) {
    this.servers = Map.copyOf(servers);
  }

  @Override
  public Optional<McpServerContext> resolve(String token) {
    if (token == null) {
      return Optional.empty();
    }
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    McpServerContext found = null;
    for (Map.Entry<String, McpServerContext> e : servers.entrySet()) {
      // Look at every entry, whatever matches, so the time taken says nothing about the token.
      if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), given)) {
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }
}
