package io.streakmcp.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real server (and its Streak stand-in) per test class. */
abstract class WithTestServer {
  static TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new TestServer();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }
}
