package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stand-in's state: one user's view of one team. Entities are kept as the JSON Streak stores
 * (so an answer is a copy plus computed counters) in insertion-ordered tables. Every call runs
 * under the one lock the server holds, so nothing here synchronises on its own.
 */
final class Crm {
  final Clock clock;
  final Map<String, ObjectNode> users = new LinkedHashMap<>();
  final Map<String, ObjectNode> teams = new LinkedHashMap<>();
  final Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
  final Map<String, ObjectNode> boxes = new LinkedHashMap<>();
  final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
  final Map<String, ObjectNode> comments = new LinkedHashMap<>();
  final Map<String, ObjectNode> meetings = new LinkedHashMap<>();
  final Map<String, ObjectNode> contacts = new LinkedHashMap<>();
  final Map<String, ObjectNode> organizations = new LinkedHashMap<>();
  final Map<String, ObjectNode> threads = new LinkedHashMap<>();
  final Map<String, ObjectNode> files = new LinkedHashMap<>();
  final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();

  /** The user the API key belongs to. */
  String me;

  private long nextOpaque = 1;
  private int nextShort = 1001;

  Crm(Clock clock) {
    this.clock = clock;
  }

  long now() {
    return clock.millis();
  }

  /** A long opaque key, the form Streak gives pipelines, boxes, tasks and the like. */
  String opaqueKey(String kind) {
    String raw = "sandbox:" + kind + ":" + nextOpaque++;
    return "agx"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** A short numeric key, the form Streak gives stages, fields, dropdown items and tags. */
  String shortKey() {
    return Integer.toString(nextShort++);
  }

  // ---- lookups that answer Streak's 404 ----

  ObjectNode pipeline(String key) {
    return found(pipelines, key, "pipeline");
  }

  ObjectNode box(String key) {
    return found(boxes, key, "box");
  }

  ObjectNode task(String key) {
    return found(tasks, key, "task");
  }

  ObjectNode comment(String key) {
    return found(comments, key, "comment");
  }

  ObjectNode meeting(String key) {
    return found(meetings, key, "meeting");
  }

  ObjectNode contact(String key) {
    return found(contacts, key, "contact");
  }

  ObjectNode organization(String key) {
    return found(organizations, key, "organization");
  }

  ObjectNode team(String key) {
    return found(teams, key, "team");
  }

  ObjectNode user(String key) {
    return found(users, key, "user");
  }

  ObjectNode stage(ObjectNode pipeline, String stageKey) {
    JsonNode s = pipeline.path("stages").get(stageKey);
    if (s instanceof ObjectNode o) {
      return o;
    }
    throw ApiError.notFound("stage", stageKey + " in pipeline " + pipeline.path("key").asString());
  }

  ObjectNode field(ObjectNode pipeline, String fieldKey) {
    for (JsonNode f : pipeline.path("fields")) {
      if (f.path("key").asString().equals(fieldKey)) {
        return (ObjectNode) f;
      }
    }
    throw ApiError.notFound("field", fieldKey + " in pipeline " + pipeline.path("key").asString());
  }

  private static ObjectNode found(Map<String, ObjectNode> table, String key, String what) {
    ObjectNode o = table.get(key);
    if (o == null) {
      throw ApiError.notFound(what, key);
    }
    return o;
  }

  // ---- the views Streak answers with: stored data plus what it computes ----

  ObjectNode pipelineView(ObjectNode p) {
    ObjectNode view = p.deepCopy();
    String key = p.path("key").asString();
    List<ObjectNode> inPipeline = where(boxes, b -> b.path("pipelineKey").asString().equals(key));
    view.put("boxCount", inPipeline.size());
    for (JsonNode s : view.path("stages")) {
      String stageKey = s.path("key").asString();
      ((ObjectNode) s)
          .put(
              "boxCount",
              inPipeline.stream()
                  .filter(b -> b.path("stageKey").asString().equals(stageKey))
                  .count());
    }
    return view;
  }

  ObjectNode boxView(ObjectNode b) {
    ObjectNode view = b.deepCopy();
    String key = b.path("key").asString();
    long now = now();
    List<ObjectNode> own = ofBox(tasks, key);
    long done = own.stream().filter(t -> "DONE".equals(t.path("status").asString())).count();
    long overdue =
        own.stream()
            .filter(t -> !"DONE".equals(t.path("status").asString()))
            .filter(t -> t.has("dueDate") && t.path("dueDate").asLong() < now)
            .count();
    view.put("taskTotal", own.size());
    view.put("taskCompleteCount", done);
    view.put("taskIncompleteCount", own.size() - done);
    view.put("taskOverdueCount", overdue);
    List<ObjectNode> boxComments = ofBox(comments, key);
    view.put("commentCount", boxComments.size());
    view.put("fileCount", ofBox(files, key).size());
    List<ObjectNode> boxThreads = ofBox(threads, key);
    view.put("gmailThreadCount", boxThreads.size());
    view.put(
        "totalNumberOfEmails",
        boxThreads.stream().mapToInt(t -> t.path("numberOfEmails").asInt()).sum());
    long touch = b.path("lastUpdatedTimestamp").asLong();
    for (ObjectNode c : boxComments) {
      touch = Math.max(touch, c.path("timestamp").asLong());
    }
    view.put("lastTouchpointTimestamp", touch);
    return view;
  }

  /** The entries of a table that belong to a box (tasks, comments, meetings, threads, files). */
  static List<ObjectNode> ofBox(Map<String, ObjectNode> table, String boxKey) {
    return where(table, o -> o.path("boxKey").asString().equals(boxKey));
  }

  /** Copies of a box's entries, as an answer lists them. */
  List<ObjectNode> copiesOfBox(Map<String, ObjectNode> table, String boxKey) {
    List<ObjectNode> out = new ArrayList<>();
    ofBox(table, box(boxKey).path("key").asString()).forEach(o -> out.add(o.deepCopy()));
    return out;
  }

  static List<ObjectNode> where(Map<String, ObjectNode> table, Predicate<ObjectNode> test) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode o : table.values()) {
      if (test.test(o)) {
        out.add(o);
      }
    }
    return out;
  }

  /** A user as Streak embeds one in tasks and assignee lists. */
  ObjectNode userBrief(String userKey) {
    ObjectNode u = user(userKey);
    ObjectNode brief = Json.object();
    brief.put("userKey", userKey);
    brief.put("email", u.path("email").asString());
    brief.put("displayName", u.path("displayName").asString());
    brief.put("fullName", u.path("displayName").asString());
    return brief;
  }

  /** The user with this email, or null. */
  String userByEmail(String email) {
    for (ObjectNode u : users.values()) {
      if (u.path("email").asString().equalsIgnoreCase(email)) {
        return u.path("key").asString();
      }
    }
    return null;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode a = Json.array();
    values.forEach(a::add);
    return a;
  }
}
