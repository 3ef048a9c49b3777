package io.streakmcp.runtime.servers;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * been stored through it), only on an H2 file this process alone has open, only this schema's own
 * tables, and only while all of them are empty, are they dropped for Flyway to make again. Anything
 * else is left for Flyway to judge.
 */
final class InterruptedMigration {
  /** V1's tables, in an order that drops each before the tables it refers to. */
  static final List<String> TABLES = List.of("call_log", "mcp_server", "integrated_account");

  private static final String HISTORY = "\"flyway_schema_history\"";

  /** H2's error codes for a table that is not there (with and without suggestions). */
  private static final Set<Integer> TABLE_NOT_FOUND = Set.of(42102, 42103, 42104);

  private InterruptedMigration() {}

  /**
   * @return how many tables were dropped
   */
  static int clear(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!soleOpener(c.getMetaData()) || anyMigrationCompleted(c)) {
        return 0;
      }
      // Every table is looked at before any is dropped: one holding data means the store is not
      // a cut-short first start, and then nothing is touched and Flyway says what is wrong.
      List<String> present = new ArrayList<>();
      for (String table : TABLES) {
        Boolean empty = isEmpty(c, table);
        if (empty == null) {
          continue; // not made before the kill
        }
        if (!empty) {
          return 0;
        }
        present.add(table);
      }
      for (String table : present) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE " + table);
        }
      }
      // A start of an earlier build on such a store recorded V1 as failed, and Flyway refuses a
      // history with a failed migration ("remove any half-completed changes then run repair"):
      // the changes are gone now, and this is the repair.
      if (isEmpty(c, HISTORY) != null) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("DELETE FROM " + HISTORY + " WHERE NOT \"success\"");
        }
      }
      return present.size();
    }
  }

  /**
   * Whether this process is the only one that can have the store open: H2 in a file, opened
   * embedded. Its file lock keeps other processes out, and a server opens its store once, so no
   * other start can be migrating the same tables while they are cleared. A store shared over TCP or
   * with AUTO_SERVER may be in the middle of another instance's migration, whose new, empty tables
   * must not be dropped; those are left to Flyway, and PostgreSQL needs nothing (its migration is
   * one transaction).
   */
  private static boolean soleOpener(DatabaseMetaData meta) throws SQLException {
    String url = meta.getURL().toLowerCase(Locale.ROOT);
    return "H2".equals(meta.getDatabaseProductName())
        && !url.startsWith("jdbc:h2:tcp:")
        && !url.startsWith("jdbc:h2:ssl:")
        && !url.startsWith("jdbc:h2:mem:")
        && !url.contains("auto_server=true");
  }

  private static boolean anyMigrationCompleted(Connection c) throws SQLException {
    if (isEmpty(c, HISTORY) == null) {
      return false; // no history table: nothing was ever migrated
    }
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT COUNT(*) FROM " + HISTORY + " WHERE \"success\" AND \"type\" = 'SQL'")) {
      return r.next() && r.getInt(1) > 0;
    }
  }

  /**
   * Whether the table holds no row; null only when there is no such table. Any other failure (a
   * lock timeout, say) is thrown: read as "no table", it would have let a table with rows, or a
   * completed history, pass for a cut-short start.
   */
  private static Boolean isEmpty(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery("SELECT 1 FROM " + table)) {
        return !r.next();
      }
    } catch (SQLException e) {
      if (TABLE_NOT_FOUND.contains(e.getErrorCode())) {
        return null;
      }
      throw e;
    }
  }
}
