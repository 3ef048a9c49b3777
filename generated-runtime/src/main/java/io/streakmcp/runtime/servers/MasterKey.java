package io.streakmcp.runtime.servers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key that encrypts API keys comes from: {@code STREAK_MCP_MASTER_KEY} (base64 of 32
 * bytes), else a key file. On a first start with neither, a new key is written to the key file
 * (owner-only permissions) and the server says so: keep that file, or the stored API keys cannot be
 * read again.
 */
public final class MasterKey {
  private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

  private MasterKey() {}

  public static byte[] load(String fromEnvironment, Path keyFile) throws IOException {
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return decode(fromEnvironment.strip(), "STREAK_MCP_MASTER_KEY");
    }
    if (Files.exists(keyFile)) {
      return decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip(), keyFile.toString());
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path parent = keyFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    // Written whole to a private temp file and synced, then moved into place without
    // overwriting: a crash leaves no half-written key file, and of two instances starting at
    // once, the second finds the first's key and uses it.
    Path temp =
        Files.createTempFile(
            parent,
            ".master-key",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(
            ByteBuffer.wrap(
                (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      Files.move(temp, keyFile);
    } catch (FileAlreadyExistsException e) {
      return decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip(), keyFile.toString());
    } finally {
      Files.deleteIfExists(temp);
    }
    LOG.warn("no master key given: created {}; back it up, stored API keys need it", keyFile);
    return key;
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + " is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(
          where
              + " must hold 32 bytes (base64 of them); it holds "
              + key.length
              + " (make one with: openssl rand -base64 32)");
    }
    return key;
  }
}
