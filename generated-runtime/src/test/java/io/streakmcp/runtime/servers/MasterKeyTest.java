package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  @TempDir Path dir;

  @Test
  void aFirstStartWritesAnOwnerOnlyKeyFileAndALaterStartReadsIt() throws IOException {
    Path file = dir.resolve("nested/deeper/master.key");
    byte[] key = MasterKey.load(null, file);
    assertEquals(32, key.length);
    assertTrue(Files.isRegularFile(file), "the parent directories are created");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertArrayEquals(
        key, Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip()));

    assertArrayEquals(key, MasterKey.load(null, file), "the second start reads the same key");
    assertArrayEquals(key, MasterKey.load("  ", file), "a blank variable counts as unset");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void twoFirstStartsInDifferentPlacesMakeDifferentKeys() throws IOException {
    byte[] a = MasterKey.load(null, dir.resolve("a.key"));
    byte[] b = MasterKey.load(null, dir.resolve("b.key"));
    assertFalse(java.util.Arrays.equals(a, b));
  }

  @Test
  void theEnvironmentWinsAndNoFileIsWritten() throws IOException {
    byte[] given = StoreTest.key(3);
    Path file = dir.resolve("master.key");
    String env = "  " + Base64.getEncoder().encodeToString(given) + "\n";
    assertArrayEquals(given, MasterKey.load(env, file));
    assertFalse(Files.exists(file));

    byte[] onDisk = MasterKey.load(null, file);
    assertArrayEquals(given, MasterKey.load(env, file), "the variable beats an existing file");
    assertFalse(java.util.Arrays.equals(given, onDisk));
  }

  @Test
  void aBadEnvironmentValueIsAClearError() {
    Path file = dir.resolve("master.key");
    IllegalArgumentException notBase64 =
        assertThrows(
            IllegalArgumentException.class, () -> MasterKey.load("not*base64*at*all", file));
    assertTrue(notBase64.getMessage().contains("STREAK_MCP_MASTER_KEY"), notBase64.getMessage());
    assertTrue(notBase64.getMessage().contains("not base64"), notBase64.getMessage());
    assertFalse(
        notBase64.getMessage().contains("not*base64*at*all"), "the error does not echo the secret");

    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
    IllegalArgumentException tooShort =
        assertThrows(IllegalArgumentException.class, () -> MasterKey.load(sixteen, file));
    assertTrue(tooShort.getMessage().contains("STREAK_MCP_MASTER_KEY"), tooShort.getMessage());
    assertTrue(tooShort.getMessage().contains("32 bytes"), tooShort.getMessage());
    assertTrue(tooShort.getMessage().contains("holds 16"), tooShort.getMessage());
    assertTrue(tooShort.getMessage().contains("openssl rand -base64 32"), tooShort.getMessage());
    assertFalse(tooShort.getMessage().contains(sixteen));

    assertFalse(Files.exists(file), "a bad variable never falls back to writing a new key");
  }

  @Test
  void aCorruptKeyFileIsAClearErrorNamingTheFile() throws IOException {
    Path file = dir.resolve("master.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MasterKey.load(null, file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("holds 31"), e.getMessage());
  }

  @Test
  void aKeyFromMasterKeyOpensTheCipher() throws IOException {
    byte[] key = MasterKey.load(null, dir.resolve("master.key"));
    ApiKeyCipher cipher = new ApiKeyCipher(key);
    assertEquals("k", cipher.decrypt(cipher.encrypt("k", "acct"), "acct"));
  }
}
