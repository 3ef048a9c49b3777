package io.streakmcp.runtime.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      // Created owner-only from the first byte, and atomically: of two instances starting on
      // one volume, one creates the file and the other reads it.
      Files.createFile(
          keyFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return decode(Files.readString(keyFile, StandardCharsets.UTF_8).strip(), keyFile.toString());
    } catch (UnsupportedOperationException e) {
      Files.createFile(keyFile);
      LOG.warn("could not restrict permissions of {}; protect it yourself", keyFile);
    }
    Files.writeString(
        keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.UTF_8);
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
