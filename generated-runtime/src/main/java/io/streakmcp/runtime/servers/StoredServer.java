package io.streakmcp.runtime.servers;

/**
 * An MCP server as stored (its token only as a hash, which never leaves the store).
 *
 * @param id a UUID
 * @param accountId the integrated account it serves
 * @param name what the creator called it
 * @param config its filters and auth rule
 * @param expiresAt epoch milliseconds, or null for never
 * @param createdAt epoch milliseconds
 */
public record StoredServer(
    String id, String accountId, String name, ServerConfig config, Long expiresAt, long createdAt) {

  public boolean expiredAt(long nowMillis) {
    return expiresAt != null && expiresAt <= nowMillis;
  }
}
