package io.streakmcp.generator.support;

import io.streakmcp.generator.GenerateRequest;
import io.streakmcp.generator.emit.OutputRoots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Record sets for tests: the checked-in ones under fixtures/, and ones written inline. */
public final class Fixtures {
  private Fixtures() {}

  /** The real streak-docs records of this repository. */
  public static Path realDocs() {
    return Path.of(System.getProperty("real.docs", "../streak-docs/src/main/streak"));
  }

  /** A copy of a checked-in fixture record set, so a test may change it. */
  public static Path copy(String name, Path target) {
    try {
      Path source = Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path p : walk.toList()) {
          Path to = target.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a file below a docs directory, creating folders. */
  public static Path write(Path docs, String relative, String text) {
    try {
      Path file = docs.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request that generates from {@code docs} into {@code out}. */
  public static GenerateRequest request(Path docs, Path out) {
    return new GenerateRequest(
        docs,
        new OutputRoots(out.resolve("sources"), out.resolve("resources")),
        "com.example.streak",
        40);
  }
}
