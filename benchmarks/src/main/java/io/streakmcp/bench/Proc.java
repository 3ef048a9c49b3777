package io.streakmcp.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A contender in its own process: started, waited for, measured (RSS) and stopped. */
final class Proc implements AutoCloseable {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Process process;
  final String name;

  private Proc(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  static Proc start(String name, List<String> command, Map<String, String> env, Path log)
      throws Exception {
    ProcessBuilder b = new ProcessBuilder(command);
    b.environment().putAll(env);
    File out = log.toFile();
    b.redirectOutput(ProcessBuilder.Redirect.appendTo(out))
        .redirectError(ProcessBuilder.Redirect.appendTo(out));
    return new Proc(name, b.start());
  }

  /** Resident set size, in MiB, from /proc. */
  double rssMiB() throws Exception {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + name);
  }

  /** Heap in use right after a full collection, in MiB (jcmd GC.run, then GC.heap_info). */
  double heapAfterGcMiB() throws Exception {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  private String jcmd(String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** CPU time used so far (user and system), in milliseconds, from /proc. */
  double cpuMillis() throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // The fields after the command name, which is in parentheses and may hold spaces.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
  }

  /** POSTs a JSON-RPC body until it is answered 200, or the deadline passes; answers the body. */
  static String awaitAnswer(String url, String body, Duration deadline) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    Exception last = null;
    while (System.nanoTime() < end) {
      try {
        HttpResponse<String> r = HTTP.send(mcp(url, body), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return r.body();
        }
        last = new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
      } catch (java.io.IOException e) {
        last = e;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException(url + " did not answer in " + deadline, last);
  }

  static HttpRequest mcp(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", LoadHarness.VERSION)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
