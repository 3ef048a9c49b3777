package io.streakmcp.generator.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: what the generator produces, checked in under {@code src/test/golden}. Run with
 * {@code -Dgolden.update=true} to rewrite them after a deliberate change.
 */
public final class Golden {
  private static final String COMMAND = "mvn -pl generator-maven-plugin test -Dgolden.update=true";

  private Golden() {}

  public static void assertMatches(String name, String actual) {
    Path file = Path.of(System.getProperty("golden.dir", "src/test/golden")).resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("golden file " + file.toAbsolutePath() + " is missing; create it with: " + COMMAND);
      }
      assertEquals(
          Files.readString(file, StandardCharsets.UTF_8),
          actual,
          "output differs from " + file + "; if the change is intended, run: " + COMMAND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
