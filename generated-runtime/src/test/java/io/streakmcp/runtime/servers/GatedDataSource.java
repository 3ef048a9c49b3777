package io.streakmcp.runtime.servers;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC pool behind a gate: while the gate is closed, asking for a connection waits, as it does on
 * a database that has stopped answering. Opened, it hands out the real pool's connections, or, with
 * no real pool, fails as a database that is gone would.
 */
public final class GatedDataSource implements DataSource {
  private final DataSource real;
  private volatile CountDownLatch gate = new CountDownLatch(0);

  private GatedDataSource(DataSource real) {
    this.real = real;
  }

  /** The real pool, gate open. */
  public static GatedDataSource over(DataSource real) {
    return new GatedDataSource(real);
  }

  /** No database at all, gate closed: every request hangs until {@link #open()}, then fails. */
  public static GatedDataSource hung() {
    GatedDataSource hung = new GatedDataSource(null);
    hung.close();
    return hung;
  }

  /** From now on, connection requests wait. */
  public void close() {
    gate = new CountDownLatch(1);
  }

  /** Lets waiting and new connection requests through. */
  public void open() {
    gate.countDown();
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while the database was not answering", e);
    }
    if (real == null) {
      throw new SQLException("no database");
    }
    return real.getConnection();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
