package io.streakmcp.runtime.servers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The servers' call logs in JDBC: appended in batches by {@link CallLog}, read newest first by the
 * admin API, and pruned to each server's newest calls by {@link ExpiryCleaner}. A log belongs to
 * its server: deleting the server deletes its log, through the foreign key.
 */
public final class CallLogStore {
  private final DataSource db;

  CallLogStore(DataSource db) {
    this.db = db;
  }

  /** Appends calls to a server's log in one batch; calls of deleted servers are dropped. */
  public void appendCalls(String serverId, List<CallRecord> calls) throws SQLException {
    appendCalls(Map.of(serverId, calls));
  }

  /**
   * Appends calls to several servers' logs in one transaction (one commit, so one write to disk);
   * calls of servers deleted meanwhile are dropped rather than failing the others.
   *
   * <p>Servers are checked once per batch and the rows go in as plain inserts: an insert that
   * selected its server row did the same check once per call, and cost half the log's CPU. A server
   * deleted between the check and the insert fails the batch on its foreign key; it is then checked
   * and written again, once.
   */
  public void appendCalls(Map<String, List<CallRecord>> callsByServer) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (int attempt = 1; ; attempt++) {
          try {
            insertCallsOfExistingServers(c, callsByServer);
            c.commit();
            return;
          } catch (SQLException e) {
            c.rollback();
            if (attempt > 1 || !isForeignKeyViolation(e)) {
              throw e;
            }
          }
        }
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static void insertCallsOfExistingServers(
      Connection c, Map<String, List<CallRecord>> callsByServer) throws SQLException {
    try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM mcp_server WHERE id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO call_log (server_id, tool, called_at, status, duration_ms)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, List<CallRecord>> server : callsByServer.entrySet()) {
        exists.setString(1, server.getKey());
        try (ResultSet r = exists.executeQuery()) {
          if (!r.next()) {
            continue; // deleted, and its log with it
          }
        }
        for (CallRecord call : server.getValue()) {
          insert.setString(1, server.getKey());
          insert.setString(2, call.tool());
          insert.setLong(3, call.calledAt());
          insert.setString(4, call.status());
          insert.setInt(5, call.durationMs());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  /** SQLSTATE 23503, the same in H2 and PostgreSQL, possibly inside a batch's chain. */
  private static boolean isForeignKeyViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      for (Throwable t = next; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Keeps only each server's newest {@code keepPerServer} calls (by time, then insertion): the log
   * is for looking back at recent use, and an unbounded table costs disk and the store's cache.
   *
   * <p>Server by server, along the (server, time) index: the oldest call to keep is found by
   * stepping over the newest ones, and everything older goes in one range delete. A single ranking
   * query over the whole table did the same, but re-read every row each minute; under load it took
   * a quarter of the server's CPU.
   *
   * @return how many calls were deleted
   */
  public int pruneCalls(int keepPerServer) throws SQLException {
    if (keepPerServer < 1) {
      throw new IllegalArgumentException("keepPerServer must be at least 1");
    }
    int deleted = 0;
    try (Connection c = db.getConnection();
        PreparedStatement servers = c.prepareStatement("SELECT id FROM mcp_server");
        PreparedStatement oldestKept =
            c.prepareStatement(
                "SELECT called_at, id FROM call_log WHERE server_id = ?"
                    + " ORDER BY called_at DESC, id DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY");
        PreparedStatement older =
            c.prepareStatement(
                "DELETE FROM call_log WHERE server_id = ?"
                    + " AND (called_at < ? OR (called_at = ? AND id < ?))")) {
      List<String> ids = new ArrayList<>();
      try (ResultSet r = servers.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      for (String id : ids) {
        oldestKept.setString(1, id);
        oldestKept.setInt(2, keepPerServer - 1);
        try (ResultSet r = oldestKept.executeQuery()) {
          if (!r.next()) {
            continue; // no more calls than are kept
          }
          older.setString(1, id);
          older.setLong(2, r.getLong(1));
          older.setLong(3, r.getLong(1));
          older.setLong(4, r.getLong(2));
        }
        deleted += older.executeUpdate();
      }
    }
    return deleted;
  }

  /** The newest calls first, at most {@code limit} (at least 1). */
  public List<CallRecord> calls(String serverId, int limit) throws SQLException {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    List<CallRecord> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT tool, called_at, status, duration_ms FROM call_log WHERE server_id = ?"
                    + " ORDER BY called_at DESC, id DESC")) {
      s.setString(1, serverId);
      s.setMaxRows(limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new CallRecord(r.getString(1), r.getLong(2), r.getString(3), r.getInt(4)));
        }
      }
    }
    return out;
  }
}
