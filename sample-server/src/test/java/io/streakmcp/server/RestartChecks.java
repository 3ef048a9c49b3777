package io.streakmcp.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * What must hold of a jar restarted on the store a kill left. Each check adds one line per failure
 * to {@code problems} instead of stopping at the first, so a round reports all it found.
 */
final class RestartChecks {
  private final JarAdmin admin;
  private final ServeJar jar;
  private final List<String> problems;

  RestartChecks(JarAdmin admin, ServeJar jar, List<String> problems) {
    this.admin = admin;
    this.jar = jar;
    this.problems = problems;
  }

  /**
   * Every promised server is listed as it was answered, and its URL answers tools/list with as many
   * tools as every other server of its config. Eight at a time: hundreds of them, each two
   * requests.
   */
  void served(List<CrashLoad.Promised> servers, Map<String, Integer> toolsByConfig)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      servers.forEach(p -> pool.execute(() -> served(p, toolsByConfig)));
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
        throw new AssertionError("checking the served servers did not end within 2 minutes");
      }
    }
  }

  private void served(CrashLoad.Promised p, Map<String, Integer> toolsByConfig) {
    try {
      JsonNode listed =
          admin.call(jar, "GET", "/integrated-account/" + p.accountId() + "/mcp/" + p.id(), null);
      for (String field : List.of("id", "name", "config", "expires_at", "created_at")) {
        if (!listed.path(field).equals(p.answer().path(field))) {
          problems.add(
              "server "
                  + p.id()
                  + " lists "
                  + field
                  + " "
                  + listed.path(field)
                  + ", answered "
                  + p.answer().path(field));
        }
      }
      McpHttp.Answer tools = JarAdmin.toolsList(p.url());
      int count = tools.status() == 200 ? tools.json().path("result").path("tools").size() : -1;
      if (count <= 0) {
        problems.add(
            "server " + p.id() + " answers tools/list " + tools.status() + ": " + tools.body());
        return;
      }
      String config = p.answer().path("config").toString();
      int expected = toolsByConfig.computeIfAbsent(config, c -> count);
      if (expected != count) {
        problems.add(
            "server " + p.id() + " lists " + count + " tools; its config gives " + expected);
      }
    } catch (Exception | AssertionError e) {
      problems.add("server " + p.id() + ": " + e);
    }
  }

  /** A server whose expiry passed while the jar was down answers 404 at once. */
  void expiredRefused(List<CrashLoad.Promised> expired) throws Exception {
    for (CrashLoad.Promised p : expired) {
      int status = JarAdmin.toolsList(p.url()).status();
      if (status != 404) {
        problems.add("expired server " + p.id() + " answered " + status + " after the restart");
      }
    }
  }

  /** The admin API lists no server that was not in the store the kill left. */
  void nothingListedUnstored(Set<String> accounts, StoreAudit audit) throws Exception {
    Map<String, StoreAudit.Row> stored = audit.byId();
    for (String account : accounts) {
      for (JsonNode s :
          admin.call(jar, "GET", "/integrated-account/" + account + "/mcp", null).path("result")) {
        if (!stored.containsKey(s.path("id").asString())) {
          problems.add("server " + s.path("id").asString() + " is listed but was never stored");
        }
      }
    }
  }

  /**
   * Polls the admin list until no expired server is in it (the cleaner runs at start, then every
   * minute), up to {@code limit}; returns how many were removed.
   */
  int awaitCleanup(List<CrashLoad.Promised> expired, Duration limit) throws Exception {
    Set<String> waiting = new HashSet<>();
    Map<String, String> accountOf = new HashMap<>();
    expired.forEach(
        p -> {
          waiting.add(p.id());
          accountOf.put(p.id(), p.accountId());
        });
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Set<String> listed = new HashSet<>();
      for (String account : new HashSet<>(accountOf.values())) {
        admin
            .call(jar, "GET", "/integrated-account/" + account + "/mcp", null)
            .path("result")
            .forEach(s -> listed.add(s.path("id").asString()));
      }
      waiting.retainAll(listed);
      if (waiting.isEmpty()) {
        return expired.size();
      }
      if (System.nanoTime() > deadline) {
        problems.add(
            waiting.size() + " expired servers still listed " + limit + " after the restart");
        return expired.size() - waiting.size();
      }
      Thread.sleep(100);
    }
  }
}
