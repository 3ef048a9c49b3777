package io.streakmcp.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After every module's tests: no Streak API key and no token that any test used appears in any test
 * log. Runs as an integration test, so it reads the logs of the whole build.
 */
class NoSecretsInLogsIT {

  @Test
  void theLogsOfTheWholeTestRunHoldNoKeyAndNoToken() throws Exception {
    Path root = Path.of(System.getProperty("logs.root", ".."));
    List<Path> logs = new ArrayList<>();
    Set<String> secrets =
        new LinkedHashSet<>(
            List.of(
                TestServer.API_KEY, AdminApiTest.API_KEY, AdminApiTest.ADMIN, TestServer.TOKEN));
    try (Stream<Path> walk = Files.walk(root, 4)) {
      for (Path p :
          walk.filter(
                  p ->
                      p.getParent() != null
                          && p.getParent().getFileName().toString().equals("target")
                          && (p.getFileName().toString().equals("test.log")
                              || p.getFileName().toString().equals("test-secrets.txt")))
              .toList()) {
        if (p.getFileName().toString().equals("test-secrets.txt")) {
          Files.readAllLines(p).stream()
              .map(String::strip)
              .filter(s -> s.length() >= 16)
              .forEach(secrets::add);
        } else {
          logs.add(p);
        }
      }
    }
    assertTrue(
        logs.stream().anyMatch(p -> p.toString().contains("sample-server")),
        "the sample-server test log must exist: " + logs);
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      for (String secret : secrets) {
        if (text.contains(secret)) {
          fail("a secret (" + secret.substring(0, 6) + "...) appears in " + log);
        }
      }
      Matcher shaped = TOKEN_SHAPED.matcher(text);
      if (shaped.find()) {
        fail(
            "something shaped like a credential appears in "
                + log
                + " at offset "
                + shaped.start());
      }
    }
  }

  /**
   * Credentials no test remembered, by their shape: a URL token after /mcp/ (43 characters of
   * base64url, 256 bits) and a bearer token. Catches a token logged by a test that forgot to
   * register it, or one the server made up and logged itself.
   */
  static final Pattern TOKEN_SHAPED =
      Pattern.compile(
          "/mcp/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])|(?i:bearer)\\s+[A-Za-z0-9._~+/=-]{16,}");
}
