package io.streakmcp.runtime.servers;

import io.streakmcp.runtime.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Accounts and servers in JDBC, and (through {@link #callLog()}) their call logs. Every write is
 * one statement (or one transaction), committed before the caller answers, so a server answered 201
 * is never lost and a half-written one is never served. API keys go in encrypted; tokens only as
 * hashes.
 */
public final class ServerStore {
  private static final Map<String, ServerConfig> PARSED_CONFIGS = new ConcurrentHashMap<>();

  private final DataSource db;
  private final ApiKeyCipher cipher;
  private final Clock clock;
  private final CallLogStore callLog;

  public ServerStore(DataSource db, ApiKeyCipher cipher, Clock clock) {
    this.db = db;
    this.cipher = cipher;
    this.clock = clock;
    this.callLog = new CallLogStore(db);
  }

  /** The servers' call logs, in the same store. */
  public CallLogStore callLog() {
    return callLog;
  }

  /** A new server and its token, which exists only here and in the creator's answer. */
  public record Created(StoredServer server, String token) {}

  /** A server found by its token, with its account's decrypted API key. */
  public record Resolved(StoredServer server, String apiKey) {}

  /**
   * A PATCH: each field is changed only when its flag is set; a set {@code expiresAt} of null
   * clears the expiry.
   */
  public record Patch(
      boolean setName,
      String name,
      boolean setConfig,
      ServerConfig config,
      boolean setExpiry,
      Long expiresAt) {}

  public Account createAccount(String name, String apiKey) throws SQLException {
    Account account = new Account(UUID.randomUUID().toString(), name, clock.millis());
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO integrated_account (id, name, api_key_enc, created_at) VALUES (?,?,?,?)")) {
      s.setString(1, account.id());
      s.setString(2, name);
      s.setString(3, cipher.encrypt(apiKey, account.id()));
      s.setLong(4, account.createdAt());
      s.executeUpdate();
    }
    return account;
  }

  public Optional<Account> account(String id) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, created_at FROM integrated_account WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Account(r.getString(1), r.getString(2), r.getLong(3)))
            : Optional.empty();
      }
    }
  }

  /** Every integrated account, oldest first. */
  public List<Account> accounts() throws SQLException {
    List<Account> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, name, created_at FROM integrated_account ORDER BY created_at, id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(new Account(r.getString(1), r.getString(2), r.getLong(3)));
      }
    }
    return out;
  }

  /**
   * Fails when the master key cannot decrypt the stored API keys: better to refuse to start than to
   * answer every call of every server with an internal error.
   */
  public void checkMasterKey() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, api_key_enc FROM integrated_account ORDER BY created_at")) {
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          cipher.decrypt(r.getString(2), r.getString(1));
        }
      }
    }
  }

  /** Deletes an account and, through the foreign key, its servers and their logs. */
  public boolean deleteAccount(String id) throws SQLException {
    return update("DELETE FROM integrated_account WHERE id = ?", id) > 0;
  }

  public Created createServer(String accountId, String name, ServerConfig config, Long expiresAt)
      throws SQLException {
    String token = Tokens.generate();
    StoredServer server =
        new StoredServer(
            UUID.randomUUID().toString(), accountId, name, config, expiresAt, clock.millis());
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO mcp_server (id, account_id, name, config, token_hash, expires_at, created_at)"
                    + " VALUES (?,?,?,?,?,?,?)")) {
      s.setString(1, server.id());
      s.setString(2, accountId);
      s.setString(3, name);
      s.setString(4, Json.write(config.toJson()));
      s.setString(5, Tokens.hash(token));
      setExpiry(s, 6, expiresAt);
      s.setLong(7, server.createdAt());
      s.executeUpdate();
    }
    return new Created(server, token);
  }

  public List<StoredServer> servers(String accountId) throws SQLException {
    return queryServers("WHERE account_id = ? ORDER BY created_at, id", accountId);
  }

  public Optional<StoredServer> server(String accountId, String id) throws SQLException {
    return queryServers("WHERE account_id = ? AND id = ?", accountId, id).stream().findFirst();
  }

  /** Applies a patch in one transaction; empty when the server does not exist. */
  public Optional<StoredServer> updateServer(String accountId, String id, Patch patch)
      throws SQLException {
    return updateServer(accountId, id, current -> patch);
  }

  /**
   * Decides a patch from the server as it is now, and applies it, in one transaction that holds the
   * server's row from the read to the commit. Two PATCHes at once are then applied one after the
   * other, each merged into what the other wrote: merged against a copy read before, the second
   * undid the first (a config patch of methods alone turned a just-set API-token requirement back
   * off). Empty when the server does not exist; whatever {@code decide} throws leaves it unchanged.
   */
  public Optional<StoredServer> updateServer(
      String accountId, String id, Function<StoredServer, Patch> decide) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<StoredServer> current = lockServer(c, accountId, id);
        if (current.isEmpty()) {
          c.rollback();
          return current;
        }
        apply(c, accountId, id, decide.apply(current.get()));
        Optional<StoredServer> updated = lockServer(c, accountId, id);
        c.commit();
        return updated;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** The server's row, locked until the transaction ends. */
  private static Optional<StoredServer> lockServer(Connection c, String accountId, String id)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, account_id, name, config, expires_at, created_at FROM mcp_server"
                + " WHERE account_id = ? AND id = ? FOR UPDATE")) {
      s.setString(1, accountId);
      s.setString(2, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(server(r)) : Optional.empty();
      }
    }
  }

  private static void apply(Connection c, String accountId, String id, Patch patch)
      throws SQLException {
    if (patch.setName()) {
      update(
          c,
          "UPDATE mcp_server SET name = ? WHERE account_id = ? AND id = ?",
          patch.name(),
          accountId,
          id);
    }
    if (patch.setConfig()) {
      update(
          c,
          "UPDATE mcp_server SET config = ? WHERE account_id = ? AND id = ?",
          Json.write(patch.config().toJson()),
          accountId,
          id);
    }
    if (patch.setExpiry()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE mcp_server SET expires_at = ? WHERE account_id = ? AND id = ?")) {
        setExpiry(s, 1, patch.expiresAt());
        s.setString(2, accountId);
        s.setString(3, id);
        s.executeUpdate();
      }
    }
  }

  public boolean deleteServer(String accountId, String id) throws SQLException {
    return update("DELETE FROM mcp_server WHERE account_id = ? AND id = ?", accountId, id) > 0;
  }

  /** The server a URL token opens, unexpired or not (the caller decides), with its API key. */
  public Optional<Resolved> findByToken(String token) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT s.id, s.account_id, s.name, s.config, s.expires_at, s.created_at, a.api_key_enc"
                    + " FROM mcp_server s JOIN integrated_account a ON a.id = s.account_id"
                    + " WHERE s.token_hash = ?")) {
      s.setString(1, Tokens.hash(token));
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        StoredServer server = server(r);
        return Optional.of(
            new Resolved(server, cipher.decrypt(r.getString(7), server.accountId())));
      }
    }
  }

  /** Deletes servers expired by now; safe when several instances run it at once. */
  public int deleteExpired() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "DELETE FROM mcp_server WHERE expires_at IS NOT NULL AND expires_at <= ?")) {
      s.setLong(1, clock.millis());
      return s.executeUpdate();
    }
  }

  private List<StoredServer> queryServers(String where, String... args) throws SQLException {
    List<StoredServer> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, account_id, name, config, expires_at, created_at FROM mcp_server "
                    + where)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(server(r));
        }
      }
    }
    return out;
  }

  /**
   * A stored config, parsed once: every request reads its server's config, and parsing the JSON
   * each time was a few percent of a call. Few distinct configs exist; the bound is a safety net.
   */
  private static ServerConfig config(String json) {
    if (PARSED_CONFIGS.size() > 1_024) {
      PARSED_CONFIGS.clear();
    }
    return PARSED_CONFIGS.computeIfAbsent(json, j -> ServerConfig.fromJson(Json.read(j)));
  }

  private static StoredServer server(ResultSet r) throws SQLException {
    long expires = r.getLong(5);
    Long expiresAt = r.wasNull() ? null : expires;
    return new StoredServer(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        config(r.getString(4)),
        expiresAt,
        r.getLong(6));
  }

  private static void setExpiry(PreparedStatement s, int index, Long expiresAt)
      throws SQLException {
    if (expiresAt == null) {
      s.setNull(index, Types.BIGINT);
    } else {
      s.setLong(index, expiresAt);
    }
  }

  private int update(String sql, String... args) throws SQLException {
    try (Connection c = db.getConnection()) {
      return update(c, sql, args);
    }
  }

  private static int update(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }
}
