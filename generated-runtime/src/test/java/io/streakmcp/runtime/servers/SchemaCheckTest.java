package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The list of migrations the start-up shortcut trusts, and what it makes of an empty store. */
class SchemaCheckTest {
  @Test
  void theListedMigrationsAreExactlyTheScriptsShipped() throws IOException, URISyntaxException {
    Path dir = Path.of(SchemaCheck.class.getClassLoader().getResource("db/migration").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<String> shipped =
          files
              .map(p -> p.getFileName().toString())
              .sorted((a, b) -> Integer.compare(version(a), version(b)))
              .toList();
      assertEquals(
          shipped, SchemaCheck.MIGRATIONS, "add a new migration to SchemaCheck.MIGRATIONS");
    }
  }

  @Test
  void aStoreWithoutHistoryIsNotCurrent() {
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:" + UUID.randomUUID());
    assertFalse(SchemaCheck.isCurrent(empty));
  }

  private static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }
}
