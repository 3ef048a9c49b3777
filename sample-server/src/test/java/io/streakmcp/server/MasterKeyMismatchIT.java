package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made under one master key, started with another: the server must refuse to start (exit 2,
 * saying why, without printing either key) rather than come up and fail every call of every server
 * when it cannot decrypt their API keys.
 */
class MasterKeyMismatchIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @Test
  void aStoreStartedWithAnotherMasterKeyIsRefused(@TempDir Path dir) throws Exception {
    String admin = Secrets.remember("mismatch-admin-" + key());
    String keyA = Secrets.remember(key());
    String keyB = Secrets.remember(key());
    List<String> db = List.of("--db", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
    Path log = Path.of("target", "crash-recovery", "master-key-mismatch.log").toAbsolutePath();
    java.nio.file.Files.deleteIfExists(log);
    int port = ServeJar.freePort();

    ServeJar first = ServeJar.serve(dir, port, env(admin, keyA), db, log).awaitHealthy(LIMIT);
    try {
      String apiKey = Secrets.remember("strk_mismatch_" + key());
      HttpResponse<String> created =
          McpHttp.send(
              HttpRequest.newBuilder(URI.create(first.baseUrl() + "/integrated-account"))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"Acme\",\"api_key\":\"" + apiKey + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, created.statusCode(), created.body());
    } finally {
      first.stop();
    }

    ServeJar wrong = ServeJar.serve(dir, port, env(admin, keyB), db, log);
    try {
      boolean healthy = wrong.awaitHealthyOrExit(LIMIT);
      assertFalse(healthy, "started with a master key that cannot read the store's API keys");
      assertEquals(2, wrong.process().exitValue(), wrong.logTail());
      String out = wrong.output();
      assertTrue(
          out.contains("master key") && out.contains("cannot decrypt"),
          "the refusal says why: " + wrong.logTail());
      assertFalse(out.contains(keyA) || out.contains(keyB), "a master key was printed");
    } finally {
      wrong.stop();
    }

    // The check refuses only the wrong key: the right one still opens the store.
    ServeJar right = ServeJar.serve(dir, port, env(admin, keyA), db, log);
    try {
      right.awaitHealthy(LIMIT);
    } finally {
      right.stop();
    }

    // A flag wins over its variable: the right key in --master-key-file opens the store although
    // the environment still holds the wrong one (the variable used to win).
    Path keyFile = dir.resolve("right.key");
    java.nio.file.Files.writeString(keyFile, keyA + "\n");
    // A secret given as a flag works, with a warning that names the flag and not the value.
    String secret = Secrets.remember("flag-secret-" + key());
    List<String> withFile =
        List.of(db.get(0), db.get(1), "--master-key-file", keyFile.toString(), "--secret", secret);
    ServeJar flag = ServeJar.serve(dir, port, env(admin, keyB), withFile, log);
    try {
      flag.awaitHealthy(LIMIT);
      String out = flag.output();
      assertTrue(out.contains("warning: --secret is visible"), flag.logTail());
      assertFalse(out.contains(secret), "the secret was printed");
    } finally {
      flag.stop();
    }
  }

  private static Map<String, String> env(String admin, String masterKey) {
    return Map.of("STREAK_MCP_ADMIN_TOKEN", admin, "STREAK_MCP_MASTER_KEY", masterKey);
  }

  private static String key() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
