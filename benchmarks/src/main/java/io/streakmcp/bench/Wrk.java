package io.streakmcp.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver: wrk, a C program on keep-alive connections, so the driver's own cost on the
 * shared cores stays far below any contender's. One connection per unit of concurrency.
 */
final class Wrk {
  /** One run's figures; latencies in milliseconds. */
  record Result(double rps, double p50, double p99, long requests, long errors) {}

  private Wrk() {}

  static Result run(
      String url,
      String method,
      String body,
      Map<String, String> headers,
      int concurrency,
      int seconds)
      throws Exception {
    Path script = Files.createTempFile("wrk", ".lua");
    StringBuilder lua = new StringBuilder();
    lua.append("wrk.method = \"").append(method).append("\"\n");
    if (body != null) {
      lua.append("wrk.body = ").append(luaString(body)).append('\n');
    }
    for (var h : headers.entrySet()) {
      lua.append("wrk.headers[")
          .append(luaString(h.getKey()))
          .append("] = ")
          .append(luaString(h.getValue()))
          .append('\n');
    }
    Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t",
                Integer.toString(Math.min(concurrency, 2)),
                "-c",
                Integer.toString(concurrency),
                "-d",
                seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.toString(),
                url));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    Files.deleteIfExists(script);
    long errors = number(out, "Non-2xx or 3xx responses:\\s+(\\d+)", 0);
    Matcher socket =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(out);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    return new Result(
        Double.parseDouble(group(out, "Requests/sec:\\s+([0-9.]+)")),
        millis(group(out, "\\s50%\\s+([0-9.]+\\w+)")),
        millis(group(out, "\\s99%\\s+([0-9.]+\\w+)")),
        number(out, "(\\d+) requests in", -1),
        errors);
  }

  private static String luaString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in wrk output:\n" + text);
    }
    return m.group(1);
  }

  private static long number(String text, String regex, long fallback) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : fallback;
  }

  /** wrk prints 635.91us, 1.20ms or 2.01s. */
  static double millis(String v) {
    Matcher m = Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(v);
    if (!m.matches()) {
      throw new IllegalStateException("latency " + v);
    }
    double n = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> n / 1000;
      case "ms" -> n;
      case "s" -> n * 1000;
      default -> n * 60_000;
    };
  }
}
