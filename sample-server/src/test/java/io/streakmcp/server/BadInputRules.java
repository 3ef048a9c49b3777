package io.streakmcp.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every bad-input case is held to: no 5xx, the expected status and JSON-RPC code (or
 * isError result, or admin error), no Java internals, no secret echoed in body or headers, no
 * session made and no Streak call where none is allowed, and the message saying what it should.
 */
final class BadInputRules {
  private BadInputRules() {}

  /** Names of Java exceptions, or stack frames, in an answer. */
  private static final Pattern JAVA_LEAK =
      Pattern.compile(
          "\\b(java|javax|jakarta|org\\.eclipse|tools\\.jackson|com\\.networknt|io\\.streakmcp)"
              + "\\.[a-z]"
              + "|\\b[A-Z][A-Za-z]*(Exception|Throwable)\\b"
              + "|\\.java:\\d+\\)"
              + "|\\n\\s+at [a-z]");

  /**
   * What is wrong with an answer, in words, given the case's expectation (see the corpus README for
   * each key), the Streak requests the case caused, the request path and the secrets in play.
   */
  static List<String> check(
      JsonNode expect, RawHttp.Answer a, int streakCalls, String path, Set<String> secrets) {
    List<String> problems = new ArrayList<>();
    if (a.status() >= 500) {
      problems.add("a 5xx");
    }
    JsonNode status = expect.get("status");
    if (status != null) {
      boolean ok = false;
      for (JsonNode s : status.isArray() ? status : List.of(status)) {
        ok |= s.asInt() == a.status();
      }
      if (!ok) {
        problems.add("status " + a.status() + ", expected " + status);
      }
    }
    String text = a.text();
    if (JAVA_LEAK.matcher(text).find()) {
      problems.add("a Java exception name or stack frame in the body");
    }
    for (String secret : secretsOf(path, secrets)) {
      if (text.contains(secret)
          || a.headers().stream().anyMatch(h -> h.getValue().contains(secret))) {
        problems.add("a secret echoed (" + secret.length() + " characters)");
      }
    }
    JsonNode json = null;
    if (!text.isBlank()) {
      try {
        json = JsonMapper.shared().readTree(text);
      } catch (RuntimeException e) {
        if (expect.has("code") || expect.has("tool_error") || expect.has("admin_error")) {
          problems.add("the body is not JSON");
        }
      }
    }
    if (expect.has("code")) {
      JsonNode error = json == null ? null : json.path("error");
      if (error == null || error.path("code").asInt() != expect.get("code").asInt()) {
        problems.add("expected JSON-RPC error " + expect.get("code"));
      } else {
        says(expect, error.path("message").asString(), problems);
      }
    }
    if (expect.has("batch_codes")) {
      JsonNode codes = expect.get("batch_codes");
      if (json == null || !json.isArray() || json.size() != codes.size()) {
        problems.add("expected a batch answer of " + codes.size());
      } else {
        for (int i = 0; i < codes.size(); i++) {
          boolean ok =
              codes.get(i).isNull()
                  ? json.get(i).has("result")
                  : json.get(i).path("error").path("code").asInt() == codes.get(i).asInt();
          if (!ok) {
            problems.add("batch answer " + i + " is not " + codes.get(i));
          }
        }
      }
    }
    if (expect.path("tool_error").asBoolean()) {
      JsonNode result = json == null ? null : json.path("result");
      if (result == null || !result.path("isError").asBoolean()) {
        problems.add("expected a tool result with isError:true");
      } else {
        says(expect, result.path("content").path(0).path("text").asString(), problems);
      }
    }
    if (expect.path("result").asBoolean()
        && (json == null
            || !json.has("result")
            || json.path("result").path("isError").asBoolean())) {
      problems.add("expected a normal result");
    }
    if (expect.has("admin_error")) {
      if (json == null
          || !expect.get("admin_error").asString().equals(json.path("error").asString())) {
        problems.add("expected admin error " + expect.get("admin_error"));
      } else {
        says(expect, json.path("message").asString(), problems);
        if (expect.has("field")) {
          String field = expect.get("field").isNull() ? null : expect.get("field").asString();
          String got = json.has("field") ? json.get("field").asString() : null;
          if (field != null && !field.equals(got)) {
            problems.add("expected field " + field + ", got " + got);
          }
        }
      }
    }
    if (expect.path("empty_body").asBoolean() && a.body().length > 0) {
      problems.add("expected no body");
    }
    if (expect.path("no_session").asBoolean() && a.header("mcp-session-id") != null) {
      problems.add("a session was created");
    }
    if ("none".equals(expect.path("streak").asString(null)) && streakCalls > 0) {
      problems.add("Streak was called " + streakCalls + " time(s)");
    }
    return problems;
  }

  private static void says(JsonNode expect, String message, List<String> problems) {
    for (JsonNode s : expect.path("says")) {
      if (!message.toLowerCase(Locale.ROOT).contains(s.asString().toLowerCase(Locale.ROOT))) {
        problems.add("the message does not say " + s + ": " + BadInputCorpusTest.shorten(message));
      }
    }
  }

  /** The known secrets, and the token-like segment of the path whatever it is. */
  private static Set<String> secretsOf(String path, Set<String> secrets) {
    Set<String> out = new HashSet<>(secrets);
    String[] parts = path.split("[/?]");
    if (parts.length > 2 && parts[1].equalsIgnoreCase("mcp") && parts[2].length() >= 16) {
      out.add(parts[2]);
    }
    return out;
  }
}
