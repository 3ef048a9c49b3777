package io.streakmcp.runtime.servers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens the store by JDBC URL (an H2 file by default, PostgreSQL when several instances share one)
 * through a bounded pool, and brings its schema up to date with Flyway. Migrations are safe to run
 * from several instances at once: Flyway serialises them with a lock. A store that already holds
 * exactly this build's migrations opens without starting Flyway ({@link SchemaCheck}).
 */
public final class Database implements AutoCloseable {
  /**
   * The default store: an H2 file in the working directory. WRITE_DELAY=0 makes every commit reach
   * the disk before the caller answers; H2's default would delay it by up to a second, and a crash
   * in that second would lose a server already answered 201.
   */
  public static final String DEFAULT_URL =
      "jdbc:h2:file:./streak-mcp-data/streak-mcp;WRITE_DELAY=0";

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  public static Database open(String jdbcUrl, String user, String password) {
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
    HikariDataSource pool = new HikariDataSource(config);
    try {
      if (!SchemaCheck.isCurrent(pool)) {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      }
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
