package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.servers.GatedDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** A database that hangs makes /healthz answer "down", not hang with it. */
class HealthHandlerTest {

  @Test
  void aHungDatabaseIsReportedDownWhileEveryProbeStillAnswers() throws Exception {
    GatedDataSource db = GatedDataSource.hung();
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
            McpHttp.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("database"), r.body());
      }
    } finally {
      db.open();
      server.stop();
    }
  }
}
