package io.streakmcp.generator.emit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything that decides the output: each input file's name and bytes, the options
 * (which include the plugin's dependencies, see GenerateMojo), and the generator itself (its jar),
 * so a new plugin build regenerates even when the records did not change.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(Path docsRoot, List<Path> inputs, List<String> options)
      throws IOException {
    MessageDigest digest = Hashes.sha256();
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

  /**
   * The generator's own code: the hash of its jar, or of every file in its class folder when it
   * runs from one (a reactor build, an IDE, the tests), so a code change always regenerates.
   */
  private static String generatorIdentity() throws IOException {
    try {
      var source = Fingerprint.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        // No way to know the code: never skip rather than risk stale output.
        return "unknown-" + System.nanoTime();
      }
      return ofCode(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException e) {
      return "unknown-" + System.nanoTime();
    }
  }

  /** The hash of a jar's bytes, or of every file (name and bytes) in a class folder. */
  public static String ofCode(Path location) throws IOException {
    MessageDigest digest = Hashes.sha256();
    if (Files.isDirectory(location)) {
      try (Stream<Path> walk = Files.walk(location)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          update(digest, location.relativize(file).toString().replace('\\', '/'));
          digest.update(Files.readAllBytes(file));
        }
      }
    } else {
      try (InputStream in = Files.newInputStream(location)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
