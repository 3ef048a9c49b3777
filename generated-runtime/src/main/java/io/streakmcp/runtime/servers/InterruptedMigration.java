package io.streakmcp.runtime.servers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Clears what a first start killed in the middle of its schema migration left behind, so the next
 * start can migrate. On H2 every CREATE commits at once, so a kill -9 during V1 leaves some of its
 * tables and no record of V1 in Flyway's history; Flyway then refuses the store ("non-empty schema
 * but no schema history table") or fails re-creating a table that exists, and the server never
 * starts again on that store. PostgreSQL runs the migration in one transaction, so a kill leaves
 * nothing to clear there, and it is left alone.
 *
 * <p>A store an earlier build already failed to start on also holds V1 recorded as failed; that
 * record goes too, as Flyway's repair would remove it.
 *
 * <p>Only when no migration has ever completed (so the server never served, and nothing can have
 * been stored through it), only this schema's own tables, and only while they are empty, are they
 * dropped for Flyway to make again. Anything else is left for Flyway to judge.
 */
final class InterruptedMigration {
  /** V1's tables, in an order that drops each before the tables it refers to. */
  static final List<String> TABLES = List.of("call_log", "mcp_server", "integrated_account");

  private InterruptedMigration() {}

  /**
   * @return how many tables were dropped
   */
  static int clear(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName()) || anyMigrationCompleted(c)) {
        return 0;
      }
      int dropped = 0;
      for (String table : TABLES) {
        Boolean empty = isEmpty(c, table);
        if (empty == null) {
          continue; // not made before the kill
        }
        if (!empty) {
          return dropped; // holds data: not ours to clear, and Flyway will say what is wrong
        }
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE " + table);
        }
        dropped++;
      }
      // A start of an earlier build on such a store recorded V1 as failed, and Flyway refuses a
      // history with a failed migration ("remove any half-completed changes then run repair"):
      // the changes are gone now, and this is the repair.
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE NOT \"success\"");
      } catch (SQLException e) {
        // no history table: nothing recorded
      }
      return dropped;
    }
  }

  private static boolean anyMigrationCompleted(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\""
                    + " WHERE \"success\" AND \"type\" = 'SQL'")) {
      return r.next() && r.getInt(1) > 0;
    } catch (SQLException e) {
      return false; // no history table: nothing was ever migrated
    }
  }

  /** Whether the table holds no row; null when there is no such table. */
  private static Boolean isEmpty(Connection c, String table) {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery("SELECT 1 FROM " + table)) {
        return !r.next();
      }
    } catch (SQLException e) {
      return null;
    }
  }
}
