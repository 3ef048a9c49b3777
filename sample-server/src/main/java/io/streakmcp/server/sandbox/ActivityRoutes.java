package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What happens on a box: tasks (and the upcoming-tasks agenda), comments and meetings. */
final class ActivityRoutes {
  private static final Set<String> STATUSES = Set.of("DONE", "NOT_DONE");
  private static final Set<String> MEETING_TYPES = Set.of("CALL_LOG", "MEETING_NOTES");
  private static final Set<String> DIRECTIONS = Set.of("desc", "past", "asc", "future");

  private final Crm crm;

  ActivityRoutes(Crm crm) {
    this.crm = crm;
  }

  void register(Router r) {
    r.add(
            "GET",
            "/v2/boxes/{boxKey}/tasks",
            c -> Pages.pageLimit(c, crm.copiesOfBox(crm.tasks, c.key("boxKey")), 100))
        .add("POST", "/v2/boxes/{boxKey}/tasks", this::createTask)
        .add("GET", "/v2/tasks", this::upcoming)
        .add("GET", "/v2/tasks/{taskKey}", c -> crm.task(c.key("taskKey")).deepCopy())
        .add("POST", "/v2/tasks/{taskKey}", this::updateTask)
        .add(
            "DELETE",
            "/v2/tasks/{taskKey}",
            c -> remove(crm.tasks, crm.task(c.key("taskKey")), "task"))
        .add("GET", "/v2/boxes/{boxKey}/comments", this::listComments)
        .add("POST", "/v2/boxes/{boxKey}/comments", this::createComment)
        .add("GET", "/v2/comments/{commentKey}", c -> crm.comment(c.key("commentKey")).deepCopy())
        .add("POST", "/v2/comments/{commentKey}", this::updateComment)
        .add(
            "DELETE",
            "/v2/comments/{commentKey}",
            c -> remove(crm.comments, crm.comment(c.key("commentKey")), "comment"))
        .add(
            "GET",
            "/v2/boxes/{boxKey}/meetings",
            c -> Pages.pageLimit(c, crm.copiesOfBox(crm.meetings, c.key("boxKey")), 100))
        .add("POST", "/v2/boxes/{boxKey}/meetings", this::createMeeting)
        .add("GET", "/v2/meetings/{meetingKey}", c -> crm.meeting(c.key("meetingKey")).deepCopy())
        .add("POST", "/v2/meetings/{meetingKey}", this::updateMeeting)
        .add(
            "DELETE",
            "/v2/meetings/{meetingKey}",
            c -> remove(crm.meetings, crm.meeting(c.key("meetingKey")), "meeting"));
  }

  private static ObjectNode remove(Map<String, ObjectNode> table, ObjectNode o, String what) {
    table.remove(o.path("key").asString());
    return Bodies.operation(what + " deleted");
  }

  // ---- tasks ----

  private Object createTask(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    ObjectNode body = c.object();
    String text = Bodies.required(body, "text");
    Long due = Bodies.millis(body, "dueDate");
    JsonNode assigned = Bodies.array(body, "assignedTo");
    ArrayNode assignees = assigned == null ? Crm.strings(List.of()) : assignees(assigned);
    if (assigned == null) {
      assignees.add(crm.userBrief(crm.me));
    }
    return newTask(box, text, due == null || due < 0 ? null : due, assignees).deepCopy();
  }

  /** A task on a box, not done; the seed makes its tasks through this too. */
  ObjectNode newTask(ObjectNode box, String text, Long dueDate, ArrayNode assignees) {
    String key = crm.opaqueKey("Task");
    long now = crm.now();
    ObjectNode t = Json.object();
    t.put("key", key);
    t.put("boxKey", box.path("key").asString());
    t.put("pipelineKey", box.path("pipelineKey").asString());
    t.put("creatorKey", crm.me);
    t.put("text", text);
    t.put("status", "NOT_DONE");
    if (dueDate != null) {
      t.put("dueDate", dueDate);
    }
    t.set("assignedTo", assignees);
    t.put("creationDate", now);
    t.put("lastStatusChangeDate", now);
    t.put("lastSavedTimestamp", now);
    t.put("reminderStatus", dueDate == null ? "NONE" : "SCHEDULED");
    crm.tasks.put(key, t);
    return t;
  }

  private ArrayNode assignees(JsonNode given) {
    ArrayNode out = Json.array();
    for (JsonNode a : given) {
      String userKey = a.path("userKey").asString("");
      if (userKey.isEmpty() && !a.path("email").asString("").isEmpty()) {
        userKey = crm.userByEmail(a.path("email").asString());
        if (userKey == null) {
          throw ApiError.badRequest(
              "assignedTo: " + a.path("email").asString() + " is not a member of the team");
        }
      }
      if (userKey.isEmpty()) {
        throw ApiError.badRequest("assignedTo items need a userKey or an email");
      }
      out.add(crm.userBrief(userKey));
    }
    return out;
  }

  private Object updateTask(Call c) {
    ObjectNode t = crm.task(c.key("taskKey"));
    ObjectNode body = c.object();
    String text = Bodies.string(body, "text");
    if (text != null && text.isBlank()) {
      throw ApiError.badRequest("text must not be empty");
    }
    Long due = Bodies.millis(body, "dueDate");
    String status = Bodies.oneOf(body, "status", STATUSES);
    JsonNode assigned = Bodies.array(body, "assignedTo");
    ArrayNode assignees = assigned == null ? null : assignees(assigned);
    if (text != null) {
      t.put("text", text);
    }
    if (due != null) {
      if (due < 0) {
        t.remove("dueDate");
      } else {
        t.put("dueDate", due);
      }
    }
    if (status != null && !status.equals(t.path("status").asString())) {
      t.put("status", status);
      t.put("lastStatusChangeDate", crm.now());
      if (status.equals("DONE")) {
        t.put("reminderStatus", "NOT_REMINDED_BECAUSE_TASK_DONE");
      }
    }
    if (assignees != null) {
      t.set("assignedTo", assignees);
    }
    t.put("lastSavedTimestamp", crm.now());
    return t.deepCopy();
  }

  /**
   * The agenda: by default the caller's open tasks due before tomorrow, newest due first; {@code
   * asc}/{@code future} turn it to tasks due from today on, soonest first. Each task carries a
   * {@code sortOrder}, and passing the last one back continues after it.
   */
  private Object upcoming(Call c) {
    String direction = c.query("direction") == null ? "desc" : c.query("direction");
    if (!DIRECTIONS.contains(direction)) {
      throw ApiError.badRequest("direction must be one of " + DIRECTIONS + ", got " + direction);
    }
    boolean forward = direction.equals("asc") || direction.equals("future");
    int limit = c.queryInt("limit", 50, 1, Pages.MAX_LIMIT);
    List<String> users =
        c.queryAll("userKeys").isEmpty() ? List.of(crm.me) : c.queryAll("userKeys");
    String pipelineKey = c.query("pipelineKey");
    boolean includeCompleted = c.queryFlag("includeCompleted");
    long startOfToday =
        LocalDate.ofInstant(crm.clock.instant(), ZoneOffset.UTC)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
    long tomorrow = startOfToday + 86_400_000L;
    List<ObjectNode> agenda = new ArrayList<>();
    for (ObjectNode t : crm.tasks.values()) {
      if (!t.has("dueDate")
          || (!includeCompleted && "DONE".equals(t.path("status").asString()))
          || (pipelineKey != null && !pipelineKey.equals(t.path("pipelineKey").asString()))
          || !assignedToAny(t, users)) {
        continue;
      }
      long due = t.path("dueDate").asLong();
      if (forward ? due >= startOfToday : due < tomorrow) {
        ObjectNode view = t.deepCopy();
        view.put("sortOrder", String.format("%015d:%s", due, t.path("key").asString()));
        agenda.add(view);
      }
    }
    Comparator<ObjectNode> order = Comparator.comparing(t -> t.path("sortOrder").asString());
    agenda.sort(forward ? order : order.reversed());
    String after = c.query("sortOrder");
    if (after != null) {
      agenda.removeIf(
          t ->
              forward
                  ? t.path("sortOrder").asString().compareTo(after) <= 0
                  : t.path("sortOrder").asString().compareTo(after) >= 0);
    }
    ObjectNode out = Json.object();
    out.set("results", Pages.array(agenda.subList(0, Math.min(limit, agenda.size()))));
    out.put("hasNextPage", agenda.size() > limit);
    return out;
  }

  private static boolean assignedToAny(ObjectNode task, List<String> users) {
    for (JsonNode a : task.path("assignedTo")) {
      if (users.contains(a.path("userKey").asString())) {
        return true;
      }
    }
    return false;
  }

  // ---- comments ----

  private Object listComments(Call c) {
    ObjectNode out = Json.object();
    out.set("results", Pages.array(crm.copiesOfBox(crm.comments, c.key("boxKey"))));
    out.put("hasNextPage", false);
    return out;
  }

  private Object createComment(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    return newComment(box, Bodies.required(c.object(), "message"), crm.me).deepCopy();
  }

  ObjectNode newComment(ObjectNode box, String message, String author) {
    String key = crm.opaqueKey("Comment");
    ObjectNode comment = Json.object();
    comment.put("key", key);
    comment.put("boxKey", box.path("key").asString());
    comment.put("pipelineKey", box.path("pipelineKey").asString());
    comment.put("creatorKey", author);
    comment.put("message", message);
    comment.put("timestamp", crm.now());
    comment.put("lastSavedTimestamp", crm.now());
    comment.set("mentions", Json.array());
    crm.comments.put(key, comment);
    return comment;
  }

  private Object updateComment(Call c) {
    ObjectNode comment = crm.comment(c.key("commentKey"));
    String message = Bodies.string(c.object(), "message");
    if (message != null) {
      if (message.isBlank()) {
        throw ApiError.badRequest("message must not be empty");
      }
      comment.put("message", message);
    }
    comment.put("lastSavedTimestamp", crm.now());
    return comment.deepCopy();
  }

  // ---- meetings ----

  private Object createMeeting(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    ObjectNode body = c.object();
    String type = Bodies.oneOf(body, "meetingType", MEETING_TYPES);
    Long start = Bodies.millis(body, "startTimestamp");
    if (type == null || start == null) {
      throw ApiError.badRequest(
          "meetingType (" + MEETING_TYPES + ") and startTimestamp (epoch ms) are required");
    }
    ObjectNode m = meeting(box, type, start);
    writeMeeting(m, body);
    crm.meetings.put(m.path("key").asString(), m);
    return m.deepCopy();
  }

  /** A stored meeting or call log on a box; the seed makes its meetings through this too. */
  ObjectNode newMeeting(ObjectNode box, String type, long start, long duration, String notes) {
    ObjectNode m = meeting(box, type, start);
    m.put("duration", duration);
    m.put("notes", notes);
    m.put("lastSavedTimestamp", crm.now());
    crm.meetings.put(m.path("key").asString(), m);
    return m;
  }

  private ObjectNode meeting(ObjectNode box, String type, long start) {
    ObjectNode m = Json.object();
    m.put("key", crm.opaqueKey("Meeting"));
    m.put("boxKey", box.path("key").asString());
    m.put("pipelineKey", box.path("pipelineKey").asString());
    m.put("creatorKey", crm.me);
    m.put("meetingType", type);
    m.put("startTimestamp", start);
    m.put("creationDate", crm.now());
    m.put("isDraft", false);
    return m;
  }

  private Object updateMeeting(Call c) {
    ObjectNode stored = crm.meeting(c.key("meetingKey"));
    ObjectNode body = c.object();
    // Written to a copy first, so a refused update changes nothing.
    ObjectNode m = stored.deepCopy();
    String type = Bodies.oneOf(body, "meetingType", MEETING_TYPES);
    Long start = Bodies.millis(body, "startTimestamp");
    if (type != null) {
      m.put("meetingType", type);
    }
    if (start != null) {
      m.put("startTimestamp", start);
    }
    writeMeeting(m, body);
    stored.setAll(m);
    return m;
  }

  private void writeMeeting(ObjectNode m, ObjectNode body) {
    Long duration = Bodies.millis(body, "duration");
    if (duration != null) {
      if (duration < 0) {
        throw ApiError.badRequest("duration must be milliseconds, zero or more");
      }
      m.put("duration", duration);
    }
    String notes = Bodies.string(body, "notes");
    if (notes != null) {
      m.put("notes", notes);
    }
    m.put("lastSavedTimestamp", crm.now());
  }
}
