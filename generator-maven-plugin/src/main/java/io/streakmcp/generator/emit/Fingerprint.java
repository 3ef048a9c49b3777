package io.streakmcp.generator.emit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 over everything that decides the output: each input file's name and bytes, the options,
 * and the generator itself (its jar), so a new plugin build regenerates even when the records did
 * not change.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(Path docsRoot, List<Path> inputs, List<String> options)
      throws IOException {
    MessageDigest digest = sha256();
    for (Path file : inputs) {
      update(digest, docsRoot.relativize(file).toString().replace('\\', '/'));
      digest.update(Files.readAllBytes(file));
    }
    for (String option : options) {
      update(digest, option);
    }
    update(digest, generatorIdentity());
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The generator jar's hash; in tests, where classes come from a folder, its location. */
  private static String generatorIdentity() throws IOException {
    try {
      var source = Fingerprint.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return "unknown";
      }
      Path location = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        return location.toString();
      }
      MessageDigest digest = sha256();
      try (InputStream in = Files.newInputStream(location)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (URISyntaxException e) {
      return "unknown";
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
