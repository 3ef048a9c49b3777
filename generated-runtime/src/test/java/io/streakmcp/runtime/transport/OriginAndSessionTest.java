package io.streakmcp.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginAndSessionTest {
  private final OriginPolicy loopback =
      new OriginPolicy(
          Set.of("https://admin.example.com"), Set.of("localhost", "127.0.0.1", "[::1]"));

  @Test
  void nonBrowserClientsAndLoopbackOriginsPass() {
    assertEquals(Optional.empty(), loopback.check(null, "127.0.0.1:8080"));
    assertEquals(Optional.empty(), loopback.check("http://localhost:6274", "localhost:8080"));
    assertEquals(Optional.empty(), loopback.check("http://[::1]:3000", "[::1]:8080"));
    assertEquals(Optional.empty(), loopback.check("https://admin.example.com", "localhost"));
  }

  @Test
  void foreignOriginsAndReboundHostNamesAreRefused() {
    assertTrue(loopback.check("http://evil.example", "127.0.0.1:8080").isPresent());
    assertTrue(loopback.check("http://localhost.evil.example", "localhost").isPresent());
    assertTrue(loopback.check("null", "localhost").isPresent());
    assertTrue(loopback.check(null, "evil.example:8080").isPresent(), "DNS rebinding");
    assertTrue(loopback.check(null, null).isPresent());
  }

  @Test
  void anOpenDeploymentAcceptsAnyHost() {
    OriginPolicy open = new OriginPolicy(Set.of(), Set.of());
    assertEquals(Optional.empty(), open.check(null, "mcp.example.com"));
  }

  @Test
  void sessionIdsVerifyAnywhereWithTheSecretAndNowhereElse() {
    byte[] secret = "shared-between-instances".getBytes(StandardCharsets.UTF_8);
    String id = new SessionCodec(secret).issue("server-a", "2025-06-18");
    assertEquals(Optional.of("2025-06-18"), new SessionCodec(secret).verify(id, "server-a"));
    assertEquals(Optional.empty(), new SessionCodec(secret).verify(id, "server-b"));
    assertEquals(
        Optional.empty(),
        new SessionCodec("another-secret-entirely!".getBytes(StandardCharsets.UTF_8))
            .verify(id, "server-a"));
    assertEquals(Optional.empty(), new SessionCodec(secret).verify(id + "x", "server-a"));
    assertEquals(Optional.empty(), new SessionCodec(secret).verify("..", "server-a"));
    assertTrue(id.chars().allMatch(c -> c > 0x20 && c < 0x7f), "visible ASCII");
  }
}
