package io.streakmcp.runtime.servers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store by JDBC URL (an H2 file by default, PostgreSQL when several instances share one)
 * through a bounded pool, and brings its schema up to date with Flyway. Migrations are safe to run
 * from several instances at once: Flyway serialises them with a lock. A store that already holds
 * exactly this build's migrations opens without starting Flyway ({@link SchemaCheck}).
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /**
   * The default store: an H2 file in the working directory. WRITE_DELAY=0 makes every commit reach
   * the disk before the caller answers; H2's default would delay it by up to a second, and a crash
   * in that second would lose a server already answered 201. {@link #open} adds it to any H2 file
   * URL; it stays here so the usage text shows it.
   */
  public static final String DEFAULT_URL =
      "jdbc:h2:file:./streak-mcp-data/streak-mcp;WRITE_DELAY=0";

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * The URL with every commit made durable before it returns: for an H2 database in a file, the URL
   * with {@code ;WRITE_DELAY=0} unless it sets a write delay itself. H2 otherwise holds commits in
   * memory for up to half a second, and a kill -9 in that time lost servers already answered 201
   * (CrashRecoveryIT: 66 of 310 over three kills); the default URL had the setting, a URL given
   * with {@code --db} did not. Other databases, and H2 in memory or over the network, are
   * unchanged.
   */
  public static String durable(String jdbcUrl) {
    String lower = jdbcUrl.toLowerCase(java.util.Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:")
        || lower.contains(";write_delay=")
        || lower.startsWith("jdbc:h2:mem:")
        || lower.startsWith("jdbc:h2:tcp:")
        || lower.startsWith("jdbc:h2:ssl:")
        || lower.startsWith("jdbc:h2:zip:")) {
      return jdbcUrl;
    }
    return jdbcUrl + ";WRITE_DELAY=0";
  }

  /** Opens the store at {@code jdbcUrl}, made {@link #durable}, and migrates its schema. */
  public static Database open(String jdbcUrl, String user, String password) {
    HikariDataSource pool = connect(jdbcUrl, user, password);
    try {
      if (!SchemaCheck.isCurrent(pool)) {
        InterruptedMigration.clear(pool);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      }
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("the store could not be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  /**
   * The pool for the {@link #durable} URL. H2 lets only admin users set WRITE_DELAY, so a store
   * opened as an ordinary user is refused with it; such a store opens with H2's own delay, and the
   * log says what that risks and how to remove it (the setting is kept in the file, so one open as
   * an admin is enough).
   */
  private static HikariDataSource connect(String jdbcUrl, String user, String password) {
    String durable = durable(jdbcUrl);
    try {
      return new HikariDataSource(config(durable, user, password));
    } catch (RuntimeException e) {
      if (durable.equals(jdbcUrl) || !adminRightsRequired(e)) {
        throw e;
      }
      LOG.warn(
          "The store's user may not set WRITE_DELAY (H2 wants admin rights for it), so H2's own"
              + " delay stands and a crash can lose commits of its last half second. Open the"
              + " store once as an admin user with ;WRITE_DELAY=0 in the URL: H2 keeps it.");
      return new HikariDataSource(config(jdbcUrl, user, password));
    }
  }

  private static HikariConfig config(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(16);
    // Two connections kept open, more made on demand: filling all sixteen at once cost about
    // 0.3 s of CPU in the middle of the cold start, for a load that has not arrived yet.
    config.setMinimumIdle(2);
    config.setPoolName("streak-mcp-store");
    return config;
  }

  /** H2's ADMIN_RIGHTS_REQUIRED, anywhere in the chain of causes. */
  private static boolean adminRightsRequired(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == 90040) {
        return true;
      }
    }
    return false;
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
