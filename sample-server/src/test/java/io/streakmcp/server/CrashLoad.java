package io.streakmcp.server;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin and MCP traffic against a running jar until it dies: creator threads make servers through
 * the admin API (some expiring a few seconds later) and caller threads run tools/call on servers
 * already made. It keeps the books a crash test needs: every create request sent (by its unique
 * name), and every server answered 201, the "promised" ones, with the URL token that is their only
 * credential. Requests stop with the first I/O error of each thread, which is the kill.
 */
final class CrashLoad {
  /** The server configs creators choose from, in the stored form (all three fields). */
  static final List<String> CONFIGS =
      List.of(
          "{\"methods\":[],\"tags\":[],\"require_api_token_auth\":false}",
          "{\"methods\":[\"read\"],\"tags\":[],\"require_api_token_auth\":false}",
          "{\"methods\":[\"read\"],\"tags\":[\"boxes\"],\"require_api_token_auth\":false}");

  static final String TOOL = "get_single_streak_box_by_id";

  /** A create request as sent: what the store may hold under this name, answered or not. */
  record Sent(String name, String accountId, String config, Long expiresAt) {}

  /** A server answered 201: the admin API promised it exists. */
  record Promised(
      String id, String accountId, String name, String url, JsonNode answer, Long expiresAt) {
    String token() {
      return url.substring(url.lastIndexOf('/') + 1);
    }
  }

  private final String adminToken;
  private final List<String> accounts;
  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private final List<Promised> promised = new CopyOnWriteArrayList<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final AtomicInteger callsAnswered = new AtomicInteger();
  private volatile String baseUrl;
  private volatile boolean stopped;

  CrashLoad(String adminToken, List<String> accounts) {
    this.adminToken = adminToken;
    this.accounts = List.copyOf(accounts);
  }

  /** Each create request sent, by name: the names are unique, and are the request's identity. */
  Map<String, Sent> sent() {
    return sent;
  }

  List<Promised> promised() {
    return promised;
  }

  /** Answers no live server should give (a create refused, a call failing with 500). */
  List<String> problems() {
    return problems;
  }

  /** Every URL token answered, forgotten servers' too: none may ever appear in a log. */
  List<String> tokens() {
    return tokens;
  }

  int callsAnswered() {
    return callsAnswered.get();
  }

  /** Forgets servers the test has seen expire and cleaned up, so callers stop picking them. */
  void forget(Promised p) {
    promised.remove(p);
  }

  /**
   * Runs {@code creators} and {@code callers} threads against {@code baseUrl} until {@code kill}
   * has run (after {@code delay}), then until every thread has seen its connection fail.
   *
   * @param round used in server names, so each request's name is unique across rounds
   */
  void runUntilKilled(
      String baseUrl, int round, long seed, int creators, int callers, Duration delay, Killer kill)
      throws Exception {
    this.baseUrl = baseUrl;
    this.stopped = false;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < creators; i++) {
      Random random = new Random(seed * 31 + i);
      String prefix = "r" + round + "-c" + i + "-";
      threads.add(new Thread(() -> create(prefix, random), "creator-" + i));
    }
    for (int i = 0; i < callers; i++) {
      Random random = new Random(seed * 37 + i);
      threads.add(new Thread(() -> call(random), "caller-" + i));
    }
    threads.forEach(Thread::start);
    Thread.sleep(delay.toMillis());
    kill.kill();
    stopped = true;
    for (Thread t : threads) {
      t.join(30_000);
      if (t.isAlive()) {
        throw new AssertionError(t.getName() + " still runs 30 s after the kill");
      }
    }
  }

  /** What ends the round: a kill -9 of the server. */
  @FunctionalInterface
  interface Killer {
    void kill() throws Exception;
  }

  private void create(String prefix, Random random) {
    for (int n = 0; !stopped; n++) {
      String name = prefix + n;
      String account = accounts.get(random.nextInt(accounts.size()));
      String config = CONFIGS.get(random.nextInt(CONFIGS.size()));
      // A third expire, as soon as the admin API allows (a minute ahead) or a little later; the
      // test ages them while the server is down (see StoreAudit#age).
      Long expiresAt =
          random.nextInt(3) == 0
              ? System.currentTimeMillis() + 61_000 + random.nextInt(30_000)
              : null;
      String body =
          "{\"name\":\""
              + name
              + "\",\"config\":"
              + config
              + ",\"expires_at\":"
              + (expiresAt == null ? "null" : "\"" + Instant.ofEpochMilli(expiresAt) + "\"")
              + "}";
      sent.put(name, new Sent(name, account, config, expiresAt));
      HttpResponse<String> r;
      try {
        r = admin("/integrated-account/" + account + "/mcp", body);
      } catch (Exception killed) {
        return;
      }
      if (r.statusCode() != 201) {
        problems.add("create " + name + " answered " + r.statusCode() + ": " + r.body());
        continue;
      }
      JsonNode answer = JsonMapper.shared().readTree(r.body());
      String url = Secrets.remember(answer.path("url").asString());
      tokens.add(url.substring(url.lastIndexOf('/') + 1));
      promised.add(
          new Promised(answer.path("id").asString(), account, name, url, answer, expiresAt));
    }
  }

  private void call(Random random) {
    for (int n = 0; !stopped; n++) {
      List<Promised> known = promised;
      if (known.isEmpty()) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      Promised p = known.get(random.nextInt(known.size()));
      try {
        McpHttp.Answer a =
            McpHttp.post(
                URI.create(p.url()),
                McpHttp.call(n, TOOL, "{\"box_key\":\"b1\"}"),
                "MCP-Protocol-Version",
                "2025-11-25");
        if (a.status() == 200) {
          callsAnswered.incrementAndGet();
        } else if (a.status() != 404 || p.expiresAt() == null) {
          // 404 is right for a server whose expiry has passed, and for nothing else.
          problems.add("tools/call on " + p.id() + " answered " + a.status() + ": " + a.body());
        }
      } catch (Exception killed) {
        return;
      }
    }
  }

  private HttpResponse<String> admin(String path, String body) throws Exception {
    return McpHttp.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
