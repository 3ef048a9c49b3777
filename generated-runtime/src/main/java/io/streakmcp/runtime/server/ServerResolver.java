package io.streakmcp.runtime.server;

import java.util.Optional;

/** Finds the MCP server a URL token stands for. Implementations must not leak timing. */
public interface ServerResolver {

  /** The server, or empty when the token is unknown, deleted or expired. */
  Optional<McpServerContext> resolve(String token);
}
