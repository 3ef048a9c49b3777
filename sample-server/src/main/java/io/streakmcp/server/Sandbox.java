package io.streakmcp.server;

import io.streakmcp.runtime.crypto.ServerSecret;
import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.PlatformTokens;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ServerStore;
import io.streakmcp.server.sandbox.SandboxStreak;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code sandbox}: the whole product on one machine with no Streak account. It starts the in-memory
 * Streak stand-in with its demo team, a deployment on an in-memory database pointed at it, one
 * integrated account and one MCP server, and hands back what a user needs to connect a client.
 * Nothing outlives the process: every run has fresh data, keys and URLs.
 */
final class Sandbox implements AutoCloseable {
  /**
   * @param host the interface both parts bind
   * @param port the MCP port, or 0 for any
   * @param streakPort the stand-in's port, or 0 for any
   * @param allowedHosts Host names accepted besides loopback ones
   * @param publicBaseUrl the origin clients reach the MCP port at, or null
   */
  record Settings(
      String host,
      int port,
      Set<String> allowedHosts,
      int streakPort,
      String publicBaseUrl,
      Duration schemaTtl) {}

  /** What the sandbox made; the printed guide is built from it. */
  record Made(String mcpUrl, URI streakBase, String streakKey, String adminToken, int port) {}

  private final SandboxStreak streak;
  private final Deployment deployment;
  private final Made made;

  private Sandbox(SandboxStreak streak, Deployment deployment, Made made) {
    this.streak = streak;
    this.deployment = deployment;
    this.made = made;
  }

  static Sandbox start(Settings s, Clock clock) throws Exception {
    String streakKey = "sandbox_" + random(24);
    SandboxStreak streak = SandboxStreak.start(s.host(), s.streakPort(), streakKey, clock);
    Deployment deployment = null;
    try {
      String adminToken = random(32);
      deployment =
          Deployment.start(
              new Deployment.Settings(
                  s.host(),
                  s.port(),
                  s.allowedHosts(),
                  // A private in-memory database: a sandbox keeps nothing between runs.
                  "jdbc:h2:mem:streak-mcp-sandbox-" + random(8) + ";DB_CLOSE_DELAY=-1",
                  null,
                  null,
                  new SecureRandom().generateSeed(32),
                  PlatformTokens.of(adminToken),
                  ServerSecret.random(),
                  streak.baseUrl(),
                  s.publicBaseUrl(),
                  s.schemaTtl(),
                  Duration.ofSeconds(30)),
              clock);
      ServerStore store = deployment.store();
      Account account = store.createAccount("Sandbox: Northwind Demo Team", streakKey);
      ServerStore.Created server =
          store.createServer(
              account.id(),
              "sandbox (every tool)",
              new ServerConfig(List.of(), List.of(), false),
              null);
      String base =
          s.publicBaseUrl() == null
              ? "http://" + authority(s.host()) + ":" + deployment.port()
              : s.publicBaseUrl().replaceAll("/+$", "");
      Made made =
          new Made(
              base + "/mcp/" + server.token(),
              streak.baseUrl(),
              streakKey,
              adminToken,
              deployment.port());
      return new Sandbox(streak, deployment, made);
    } catch (Exception | Error e) {
      // Jetty's threads would keep the JVM alive after the error: close what started.
      if (deployment != null) {
        deployment.close();
      }
      streak.close();
      throw e;
    }
  }

  Made made() {
    return made;
  }

  @Override
  public void close() {
    deployment.close();
    streak.close();
  }

  private static String authority(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return bytes <= 8
        ? HexFormat.of().formatHex(b)
        : Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The jar this runs from, for the stdio configuration; a plain path when run from classes. */
  static String jarPath() {
    try {
      Path p = Path.of(Sandbox.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (p.toString().endsWith(".jar")) {
        return p.toAbsolutePath().toString();
      }
    } catch (Exception e) {
      // fall through to the documented location
    }
    return Path.of("sample-server/target/streak-mcp-server.jar").toAbsolutePath().toString();
  }
}
