package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** A database that hangs makes /healthz answer "down", not hang with it. */
class HealthHandlerTest {

  /** A JDBC pool whose every connection request waits until released, like a hung database. */
  static final class HungDataSource implements DataSource {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Connection getConnection() throws SQLException {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new SQLException("released");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
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
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }

  @Test
  void aHungDatabaseIsReportedDownWhileEveryProbeStillAnswers() throws Exception {
    HungDataSource db = new HungDataSource();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new HealthHandler(db));
    server.start();
    try {
      URI url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + HealthHandler.PATH);
      // Several probes while the database hangs: each is answered, and says what is down.
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r =
            McpHttp.CLIENT.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("database"), r.body());
      }
    } finally {
      db.release.countDown();
      server.stop();
    }
  }
}
