package io.streakmcp.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Records every secret a test makes, so the log audit can look for it afterwards. */
final class Secrets {
  private Secrets() {}

  static synchronized String remember(String secret) {
    String file = System.getProperty("test.secrets.file");
    if (file != null) {
      try {
        Path path = Path.of(file);
        Files.writeString(
            path,
            secret + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return secret;
  }
}
