package io.streakmcp.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as a child process, the way an operator runs it: {@code java -jar
 * streak-mcp-server.jar <args>} in a working directory, with its settings in the environment. Its
 * stdout and stderr go to a log file (kept under target/ for a failed run), and the process handle
 * is the JVM itself, not a shell, so {@link #killHard()} is a real {@code kill -9} of the server.
 */
final class ServeJar {
  static final Path JAR = Path.of("target", "streak-mcp-server.jar").toAbsolutePath();

  /**
   * Every jar started and not yet gone. Should the test JVM be made to exit with some still up (a
   * test that timed out and never reached its cleanup, say), they go with it instead of holding
   * their ports and stores for the next run.
   */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "serve-jar-reaper"));
  }

  private final Process process;
  private final Path log;
  private final int port;

  private ServeJar(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** {@code java -jar streak-mcp-server.jar} followed by {@code args}. */
  static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    return command;
  }

  /**
   * Starts {@code serve --port <port> <args>} in {@code workDir} with {@code env} added to this
   * JVM's environment, without waiting for it: see {@link #awaitHealthy}.
   */
  static ServeJar serve(
      Path workDir, int port, Map<String, String> env, List<String> args, Path log)
      throws IOException {
    List<String> all = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
    all.addAll(args);
    ProcessBuilder b =
        new ProcessBuilder(command(all))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Only what the test gives: a variable inherited from the shell running the build (a master
    // key, a database URL) would change what is tested.
    b.environment().keySet().removeIf(k -> k.startsWith("STREAK_"));
    b.environment().putAll(env);
    Files.createDirectories(log.getParent());
    Process process = b.start();
    RUNNING.add(process);
    process.onExit().thenRun(() -> RUNNING.remove(process));
    return new ServeJar(process, log, port);
  }

  /** A port free right now; the jar binds it a moment later, and again after each restart. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Process process() {
    return process;
  }

  /**
   * Waits until {@code GET /healthz} answers 200; fails at once with the log's tail if the process
   * exits first, or after {@code limit} (a bound for a hung start, not a performance claim).
   */
  ServeJar awaitHealthy(Duration limit) throws Exception {
    if (!awaitHealthyOrExit(limit)) {
      throw new AssertionError(
          "serve exited with " + process.exitValue() + " before it was healthy:\n" + logTail());
    }
    return this;
  }

  /**
   * Waits until {@code GET /healthz} answers 200 (true) or the process exits (false); fails after
   * {@code limit}.
   */
  boolean awaitHealthyOrExit(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (true) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        if (McpHttp.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notListeningYet) {
        // the port is not bound yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "serve was neither healthy nor gone after " + limit + ":\n" + logTail());
      }
      Thread.sleep(25);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no close; what a crash or an OOM killer does. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the server outlived kill -9 for 30 s (pid " + process.pid() + ")");
    }
  }

  /** Waits for the process to exit on its own, and returns its exit code. */
  int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("serve did not exit within " + limit + ":\n" + logTail());
    }
    return process.exitValue();
  }

  /** Everything the process wrote, stdout and stderr interleaved. */
  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  String logTail() {
    try {
      String all = output();
      return all.length() <= 4000 ? all : "..." + all.substring(all.length() - 4000);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** SIGTERM, then SIGKILL if it does not stop: whatever the test did, the child goes. */
  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        killHard();
      }
    }
  }
}
