package io.streakmcp.server;

import io.streakmcp.runtime.servers.ApiKeyCipher;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.Tokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store read over plain JDBC while the server is down, the way it was left by a kill -9.
 *
 * <p>A server row is <b>whole</b> when every column the schema declares for it is there (id,
 * account_id, name, config, token_hash, created_at), its account exists and its API key decrypts
 * under the deployment's master key to the key the test gave, its config is a JSON object with
 * {@code methods}, {@code tags} and {@code require_api_token_auth}, its token hash is 64 hex
 * digits, and its name, config and expiry are exactly those of a create request the test sent. Any
 * other row is <b>half-written</b>: a server the admin API never fully created. A promised server
 * (one answered 201) must also be stored under the id it was given, with the hash of the token it
 * was given. Call log rows must belong to a server.
 */
final class StoreAudit {
  /** One server row, as stored. */
  record Row(
      String id,
      String accountId,
      String name,
      String config,
      String tokenHash,
      Long expiresAt,
      Long createdAt) {}

  private final List<Row> servers;
  private final Map<String, String> accountKeys;
  private final int orphanCalls;

  private StoreAudit(List<Row> servers, Map<String, String> accountKeys, int orphanCalls) {
    this.servers = servers;
    this.accountKeys = accountKeys;
    this.orphanCalls = orphanCalls;
  }

  static StoreAudit read(String jdbcUrl, String user, String password) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        Statement s = c.createStatement()) {
      Map<String, String> keys = new HashMap<>();
      try (ResultSet r = s.executeQuery("SELECT id, api_key_enc FROM integrated_account")) {
        while (r.next()) {
          keys.put(r.getString(1), r.getString(2));
        }
      }
      List<Row> rows = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT id, account_id, name, config, token_hash, expires_at, created_at"
                  + " FROM mcp_server")) {
        while (r.next()) {
          rows.add(
              new Row(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getObject(6, Long.class),
                  r.getObject(7, Long.class)));
        }
      }
      int orphans;
      try (ResultSet r =
          s.executeQuery(
              "SELECT COUNT(*) FROM call_log l"
                  + " WHERE NOT EXISTS (SELECT 1 FROM mcp_server m WHERE m.id = l.server_id)")) {
        r.next();
        orphans = r.getInt(1);
      }
      return new StoreAudit(rows, keys, orphans);
    }
  }

  List<Row> servers() {
    return servers;
  }

  Map<String, Row> byId() {
    Map<String, Row> out = new HashMap<>();
    servers.forEach(r -> out.put(r.id(), r));
    return out;
  }

  /** Every way a row falls short of whole, one line each; empty when the store is sound. */
  List<String> halfWritten(
      Map<String, CrashLoad.Sent> sent, byte[] masterKey, Map<String, String> apiKeys) {
    List<String> problems = new ArrayList<>();
    ApiKeyCipher cipher = new ApiKeyCipher(masterKey);
    accountKeys.forEach(
        (id, enc) -> {
          try {
            if (!Objects.equals(cipher.decrypt(enc, id), apiKeys.get(id))) {
              problems.add("account " + id + " holds another API key than it was given");
            }
          } catch (RuntimeException e) {
            problems.add("account " + id + ": API key does not decrypt (" + e.getMessage() + ")");
          }
        });
    for (Row r : servers) {
      String what = "server " + r.id() + " (" + r.name() + ")";
      if (blank(r.id())
          || blank(r.accountId())
          || blank(r.name())
          || blank(r.config())
          || blank(r.tokenHash())
          || r.createdAt() == null) {
        problems.add(what + " lacks a column: " + r);
        continue;
      }
      if (!accountKeys.containsKey(r.accountId())) {
        problems.add(what + " belongs to no account");
      }
      if (!r.tokenHash().matches("[0-9a-f]{64}")) {
        problems.add(what + " has no token hash: " + r.tokenHash());
      }
      JsonNode config;
      try {
        config = JsonMapper.shared().readTree(r.config());
      } catch (RuntimeException e) {
        problems.add(what + " has a config that is not JSON: " + r.config());
        continue;
      }
      if (!config.isObject()
          || !config.path("methods").isArray()
          || !config.path("tags").isArray()
          || !config.path("require_api_token_auth").isBoolean()) {
        problems.add(what + " has a partial config: " + r.config());
        continue;
      }
      CrashLoad.Sent asked = sent.get(r.name());
      if (asked == null) {
        problems.add(what + " was never asked for");
      } else if (!asked.accountId().equals(r.accountId())
          || !ServerConfig.fromJson(config)
              .equals(ServerConfig.fromJson(JsonMapper.shared().readTree(asked.config())))
          || !Objects.equals(asked.expiresAt(), r.expiresAt())) {
        problems.add(what + " differs from its request " + asked + ": " + r);
      }
    }
    if (orphanCalls > 0) {
      problems.add(orphanCalls + " call log rows belong to no server");
    }
    return problems;
  }

  /** Promised servers not stored as promised: missing, or under another token's hash. */
  List<CrashLoad.Promised> lost(List<CrashLoad.Promised> promised) {
    Map<String, Row> rows = byId();
    List<CrashLoad.Promised> lost = new ArrayList<>();
    for (CrashLoad.Promised p : promised) {
      Row r = rows.get(p.id());
      if (r == null || !Tokens.hash(p.token()).equals(r.tokenHash())) {
        lost.add(p);
      }
    }
    return lost;
  }

  /**
   * Moves every expiry in the store to {@code at}: as if the server had stayed down past the expiry
   * of all its expiring servers. The admin API refuses an expiry less than a minute ahead, and a
   * test that waited out that minute on each kill would take several minutes; the resolver and the
   * cleaner read only the stored expiry and the clock, so moving one is moving the other. The
   * requests on record are updated to match, so the next audit does not take an aged row for a
   * changed one.
   *
   * @return how many rows were aged
   */
  static int age(
      String jdbcUrl, String user, String password, long at, Map<String, CrashLoad.Sent> sent)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE mcp_server SET expires_at = ? WHERE expires_at IS NOT NULL")) {
      s.setLong(1, at);
      sent.replaceAll(
          (name, asked) ->
              asked.expiresAt() == null
                  ? asked
                  : new CrashLoad.Sent(name, asked.accountId(), asked.config(), at));
      return s.executeUpdate();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
