package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on H2. Each test gets its own H2 file in a temp dir (the default store is an
 * H2 file too), so the restart test really closes and reopens the database.
 */
class H2StoreTest extends StoreTest {
  @TempDir Path dir;

  @Override
  protected Database openDatabase() {
    return Database.open("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "");
  }

  @Override
  protected String expectedProduct() {
    return "H2";
  }

  @Test
  void anInMemoryDatabaseWorksToo() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Database mem = Database.open(url, "sa", "")) {
      ServerStore s = new ServerStore(mem.dataSource(), cipher, clock);
      Account a = s.createAccount("Mem", API_KEY);
      ServerStore.Created created = s.createServer(a.id(), "m", config(), null);
      s.callLog().appendCalls(created.server().id(), List.of(call("get_box", T0)));
      assertEquals(API_KEY, s.findByToken(created.token()).orElseThrow().apiKey());
      assertEquals(1, s.callLog().calls(created.server().id(), 5).size());
    }
    // DB_CLOSE_DELAY=-1 keeps it for the JVM; a second open migrates nothing and sees the data.
    try (Database again = Database.open(url, "sa", "")) {
      ServerStore s = new ServerStore(again.dataSource(), cipher, clock);
      String accountId = firstAccountId(again);
      assertEquals("Mem", s.account(accountId).orElseThrow().name());
      assertEquals(1, s.servers(accountId).size());
    }
  }

  @Test
  void everyH2FileUrlIsOpenedWithoutAWriteDelay() throws SQLException {
    assertEquals("jdbc:h2:file:/x/s;WRITE_DELAY=0", Database.durable("jdbc:h2:file:/x/s"));
    assertEquals(
        "jdbc:h2:./s;MODE=PostgreSQL;WRITE_DELAY=0",
        Database.durable("jdbc:h2:./s;MODE=PostgreSQL"));
    // An operator's own delay is theirs to choose; in-memory and remote stores are left alone.
    assertEquals("jdbc:h2:/x/s;write_delay=100", Database.durable("jdbc:h2:/x/s;write_delay=100"));
    assertEquals("jdbc:h2:mem:x", Database.durable("jdbc:h2:mem:x"));
    assertEquals("jdbc:h2:tcp://db/x", Database.durable("jdbc:h2:tcp://db/x"));
    assertEquals("jdbc:postgresql://db/x", Database.durable("jdbc:postgresql://db/x"));
    // The test store's URL sets no delay; the database as opened has none.
    try (Database d = openDatabase()) {
      assertEquals(0, writeDelay(d));
    }
  }

  /**
   * H2 refuses WRITE_DELAY to users without admin rights; such a user still opens the store (with
   * H2's own delay, which the log warns of), and once an admin has opened it, the setting is kept.
   */
  @Test
  void anOrdinaryUserOpensTheStoreThatAnAdminMadeDurable() throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE USER bob PASSWORD 'pw'");
      s.execute("GRANT ALTER ANY SCHEMA TO bob");
    }
    // Without the fallback, H2 answers "Admin rights are required" and the server never starts.
    try (Database asBob = Database.open(url, "bob", "pw")) {
      ServerStore s = new ServerStore(asBob.dataSource(), cipher, clock);
      Account a = s.createAccount("Bob's", API_KEY);
      assertEquals("Bob's", s.account(a.id()).orElseThrow().name());
      assertTrue(writeDelay(asBob) > 0, "a new store keeps H2's default delay for bob");
    }
    try (Database asAdmin = Database.open(url, "sa", "")) {
      assertEquals(0, writeDelay(asAdmin));
    }
    try (Database asBob = Database.open(url, "bob", "pw")) {
      assertEquals(0, writeDelay(asBob), "the admin's setting is kept in the file");
    }
  }

  private static int writeDelay(Database d) throws SQLException {
    try (Connection c = d.dataSource().getConnection();
        ResultSet r =
            c.createStatement()
                .executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertTrue(r.next(), "H2 reports its write delay");
      return Integer.parseInt(r.getString(1));
    }
  }

  /**
   * What a kill -9 in the middle of the first migration leaves on H2, where each CREATE commits at
   * once: Flyway's history with no migration in it (or no history yet), and some of V1's tables (a
   * real kill left integrated_account and mcp_server). A start of an earlier build then added V1 to
   * the history as failed.
   */
  @Test
  void aFirstMigrationCutShortIsMadeAgain() throws SQLException {
    for (String history :
        List.of(
            "DELETE FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'",
            "DROP TABLE \"flyway_schema_history\"",
            "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'")) {
      String url = "jdbc:h2:file:" + dir.resolve("cut-" + history.hashCode()).toAbsolutePath();
      Database.open(url, "sa", "").close();
      try (Connection c = DriverManager.getConnection(url, "sa", "");
          Statement s = c.createStatement()) {
        if (history.startsWith("UPDATE")) {
          s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '2'");
        }
        s.execute(history);
        s.execute("DROP TABLE call_log");
      }
      try (Database again = Database.open(url, "sa", "")) {
        ServerStore s = new ServerStore(again.dataSource(), cipher, clock);
        Account a = s.createAccount("After", API_KEY);
        ServerStore.Created created = s.createServer(a.id(), "s", config(), null);
        assertEquals(API_KEY, s.findByToken(created.token()).orElseThrow().apiKey());
      }
    }
  }

  /**
   * A store with data in it is never cleared, whatever its history says; and every table is looked
   * at before any is dropped, so the empty call log beside tables with rows stays too.
   */
  @Test
  void aStoreWithDataButNoHistoryIsLeftAlone() throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve("kept").toAbsolutePath();
    try (Database d = Database.open(url, "sa", "")) {
      ServerStore s = new ServerStore(d.dataSource(), cipher, clock);
      s.createServer(s.createAccount("Kept", API_KEY).id(), "no calls yet", config(), null);
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE \"flyway_schema_history\"");
    }
    assertThrows(RuntimeException.class, () -> Database.open(url, "sa", "").close());
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM integrated_account),"
                    + " (SELECT COUNT(*) FROM call_log)")) {
      r.next();
      assertEquals(1, r.getInt(1));
      assertEquals(0, r.getInt(2), "call_log is still there, and empty");
    }
  }

  private static String firstAccountId(Database d) throws SQLException {
    try (var c = d.dataSource().getConnection();
        var r = c.createStatement().executeQuery("SELECT id FROM integrated_account")) {
      r.next();
      return r.getString(1);
    }
  }
}
