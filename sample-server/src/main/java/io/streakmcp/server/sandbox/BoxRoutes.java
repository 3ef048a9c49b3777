package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Boxes, their field values, threads and files, search, and pipeline webhooks. */
final class BoxRoutes {
  /** Search answers this many hits of each kind per page. */
  static final int SEARCH_PAGE = 10;

  /** The properties a box update writes; Streak ignores the rest. */
  private static final Set<String> REPLACED_SETS =
      Set.of(
          "followerKeys", "linkedBoxKeys", "assignedToSharingEntries", "contacts", "organizations");

  private final Crm crm;

  BoxRoutes(Crm crm) {
    this.crm = crm;
  }

  void register(Router r) {
    r.add("GET", "/v1/pipelines/{pipelineKey}/boxes", this::list)
        .add("POST", "/v2/pipelines/{pipelineKey}/boxes", this::create)
        .add("GET", "/v1/boxes/{boxKey}", c -> crm.boxView(crm.box(c.key("boxKey"))))
        .add("POST", "/v1/boxes/{boxKey}", this::update)
        .add("DELETE", "/v1/boxes/{boxKey}", this::delete)
        .add("GET", "/v1/boxes/{boxKey}/fields", this::fieldValues)
        .add("GET", "/v1/boxes/{boxKey}/fields/{fieldKey}", this::fieldValue)
        .add("POST", "/v1/boxes/{boxKey}/fields/{fieldKey}", this::setFieldValue)
        .add(
            "GET",
            "/v1/boxes/{boxKey}/threads",
            c -> Pages.array(crm.copiesOfBox(crm.threads, c.key("boxKey"))))
        .add(
            "GET",
            "/v1/boxes/{boxKey}/files",
            c -> Pages.array(crm.copiesOfBox(crm.files, c.key("boxKey"))))
        .add("GET", "/v1/search", this::search)
        .add("GET", "/v2/pipelines/{pipelineKey}/webhooks", this::webhooks);
  }

  /**
   * With {@code page} or {@code limit}: {@code {results, hasNextPage}}; without either, the whole
   * list as a bare array, the two forms the reference says callers meet.
   */
  private Object list(Call c) {
    ObjectNode p = crm.pipeline(c.key("pipelineKey"));
    String pipelineKey = p.path("key").asString();
    String stageKey = c.query("stageKey");
    if (stageKey != null) {
      crm.stage(p, stageKey);
    }
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode b : crm.boxes.values()) {
      if (b.path("pipelineKey").asString().equals(pipelineKey)
          && (stageKey == null || b.path("stageKey").asString().equals(stageKey))) {
        found.add(crm.boxView(b));
      }
    }
    String sortBy = c.query("sortBy");
    if (sortBy != null) {
      if (!Set.of("creationTimestamp", "lastUpdatedTimestamp").contains(sortBy)) {
        throw ApiError.badRequest(
            "sortBy must be creationTimestamp or lastUpdatedTimestamp, got " + sortBy);
      }
      found.sort(Comparator.comparingLong((ObjectNode b) -> b.path(sortBy).asLong()).reversed());
    }
    if (c.query("page") == null && c.query("limit") == null) {
      return Pages.array(found);
    }
    return Pages.pageLimit(c, found, 100);
  }

  private Object create(Call c) {
    ObjectNode p = crm.pipeline(c.key("pipelineKey"));
    ObjectNode body = c.object();
    String stageKey = Bodies.string(body, "stageKey");
    if (stageKey == null) {
      stageKey = p.path("stageOrder").path(0).asString();
    } else {
      crm.stage(p, stageKey);
    }
    ObjectNode box = newBox(p, Bodies.required(body, "name"), stageKey);
    String notes = Bodies.string(body, "notes");
    if (notes != null) {
      box.put("notes", notes);
    }
    JsonNode assignees = Bodies.array(body, "assignedToSharingEntries");
    if (assignees != null) {
      box.set("assignedToSharingEntries", sharingEntries(assignees));
    }
    return crm.boxView(box);
  }

  /** A new box in a stage; the seed makes its boxes through this too. */
  ObjectNode newBox(ObjectNode pipeline, String name, String stageKey) {
    String key = crm.opaqueKey("Box");
    long now = crm.now();
    ObjectNode b = Json.object();
    b.put("key", key);
    b.put("boxKey", key);
    b.put("pipelineKey", pipeline.path("key").asString());
    b.put("stageKey", stageKey);
    b.put("name", name);
    b.put("notes", "");
    b.put("creatorKey", crm.me);
    b.put("creationTimestamp", now);
    b.put("lastUpdatedTimestamp", now);
    b.put("lastStageChangeTimestamp", now);
    b.set("fields", Json.object());
    b.set("assignedToSharingEntries", Json.array());
    b.set("followerKeys", Crm.strings(List.of(crm.me)));
    b.set("linkedBoxKeys", Json.array());
    b.set("contacts", Json.array());
    b.set("organizations", Json.array());
    crm.boxes.put(key, b);
    return b;
  }

  private Object update(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    ObjectNode p = crm.pipeline(box.path("pipelineKey").asString());
    ObjectNode body = c.object();
    // Check everything before writing anything: a refused update changes nothing.
    String name = Bodies.string(body, "name");
    if (name != null && name.isBlank()) {
      throw ApiError.badRequest("name must not be empty");
    }
    String stageKey = Bodies.string(body, "stageKey");
    if (stageKey != null) {
      crm.stage(p, stageKey);
    }
    JsonNode fields = body.get("fields");
    if (fields != null && !fields.isObject()) {
      throw ApiError.badRequest("fields must be an object of {fieldKey: value}");
    }
    if (fields != null) {
      for (var e : fields.properties()) {
        if (!e.getValue().isNull()) {
          FieldValues.check(crm.field(p, e.getKey()), e.getValue());
        }
      }
    }
    for (String set : REPLACED_SETS) {
      Bodies.array(body, set);
    }
    if (name != null) {
      box.put("name", name);
    }
    String notes = Bodies.string(body, "notes");
    if (notes != null) {
      box.put("notes", notes);
    }
    if (stageKey != null && !stageKey.equals(box.path("stageKey").asString())) {
      box.put("stageKey", stageKey);
      box.put("lastStageChangeTimestamp", crm.now());
    }
    if (fields != null) {
      ObjectNode values = (ObjectNode) box.get("fields");
      fields
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isNull()) {
                  values.remove(e.getKey());
                } else {
                  values.set(e.getKey(), e.getValue());
                }
              });
    }
    for (String set : REPLACED_SETS) {
      JsonNode v = body.get(set);
      if (v != null && v.isArray()) {
        box.set(set, set.equals("assignedToSharingEntries") ? sharingEntries(v) : v.deepCopy());
      }
    }
    box.put("lastUpdatedTimestamp", crm.now());
    return crm.boxView(box);
  }

  private ArrayNode sharingEntries(JsonNode given) {
    ArrayNode out = Json.array();
    for (JsonNode e : given) {
      String email = e.path("email").asString("");
      if (email.isBlank()) {
        throw ApiError.badRequest("assignedToSharingEntries items need an email");
      }
      String userKey = crm.userByEmail(email);
      ObjectNode entry = out.addObject();
      entry.put("email", email);
      if (userKey != null) {
        entry.put("userKey", userKey);
        entry.put("fullName", crm.user(userKey).path("displayName").asString());
      }
    }
    return out;
  }

  /** Deleting a box deletes its tasks, comments, meetings, threads and files with it. */
  private Object delete(Call c) {
    String key = crm.box(c.key("boxKey")).path("key").asString();
    crm.boxes.remove(key);
    for (var table : List.of(crm.tasks, crm.comments, crm.meetings, crm.threads, crm.files)) {
      table.values().removeIf(o -> o.path("boxKey").asString().equals(key));
    }
    crm.boxes.values().forEach(b -> removeText((ArrayNode) b.get("linkedBoxKeys"), key));
    return Bodies.success();
  }

  private static void removeText(ArrayNode list, String value) {
    for (int i = list.size() - 1; i >= 0; i--) {
      if (list.get(i).asString().equals(value)) {
        list.remove(i);
      }
    }
  }

  private Object fieldValues(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    ArrayNode out = Json.array();
    for (JsonNode f : crm.pipeline(box.path("pipelineKey").asString()).path("fields")) {
      out.add(value(box, f.path("key").asString()));
    }
    return out;
  }

  private Object fieldValue(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    crm.field(crm.pipeline(box.path("pipelineKey").asString()), c.key("fieldKey"));
    return value(box, c.key("fieldKey"));
  }

  private Object setFieldValue(Call c) {
    ObjectNode box = crm.box(c.key("boxKey"));
    ObjectNode field =
        crm.field(crm.pipeline(box.path("pipelineKey").asString()), c.key("fieldKey"));
    JsonNode value = c.object().get("value");
    if (value == null) {
      throw ApiError.badRequest("value is required");
    }
    ObjectNode values = (ObjectNode) box.get("fields");
    if (value.isNull()) {
      values.remove(c.key("fieldKey"));
    } else {
      FieldValues.check(field, value);
      values.set(c.key("fieldKey"), value);
    }
    box.put("lastUpdatedTimestamp", crm.now());
    return value(box, c.key("fieldKey"));
  }

  /** {@code {key, value}}, without {@code value} when the field is unset. */
  private static ObjectNode value(ObjectNode box, String fieldKey) {
    ObjectNode o = Json.object();
    o.put("key", fieldKey);
    JsonNode v = box.path("fields").get(fieldKey);
    if (v != null) {
      o.set("value", v.deepCopy());
    }
    return o;
  }

  /**
   * Exactly one of {@code query} (words anywhere in a box's name or notes, a contact's name or
   * email, an organisation's name or domain) or {@code name} (a box's exact name); 0-based pages.
   */
  private Object search(Call c) {
    String query = c.query("query");
    String name = c.query("name");
    if ((query == null || query.isBlank()) == (name == null || name.isBlank())) {
      throw ApiError.badRequest("give exactly one of query (full text) or name (exact box name)");
    }
    int page = c.queryInt("page", 0, 0, Integer.MAX_VALUE);
    List<String> pipelineKeys = c.queryAll("pipelineKey");
    List<String> stageKeys = c.queryAll("stageKey");
    List<JsonNode> boxHits = new ArrayList<>();
    for (ObjectNode b : crm.boxes.values()) {
      boolean matches =
          name != null
              ? b.path("name").asString().equals(name)
              : words(query, b.path("name").asString(), b.path("notes").asString());
      if (matches
          && (pipelineKeys.isEmpty() || pipelineKeys.contains(b.path("pipelineKey").asString()))
          && (stageKeys.isEmpty() || stageKeys.contains(b.path("stageKey").asString()))) {
        boxHits.add(hit(b));
      }
    }
    List<JsonNode> contactHits = new ArrayList<>();
    List<JsonNode> orgHits = new ArrayList<>();
    if (query != null) {
      for (ObjectNode ct : crm.contacts.values()) {
        if (words(
            query,
            ct.path("givenName").asString() + " " + ct.path("familyName").asString(),
            ct.path("emailAddresses").toString())) {
          contactHits.add(ct.deepCopy());
        }
      }
      for (ObjectNode o : crm.organizations.values()) {
        if (words(query, o.path("name").asString(), o.path("domains").toString())) {
          orgHits.add(o.deepCopy());
        }
      }
    }
    ObjectNode out = Json.object();
    ObjectNode results = out.putObject("results");
    results.set("boxes", page(boxHits, page));
    results.set("contacts", page(contactHits, page));
    results.set("orgs", page(orgHits, page));
    out.put("query", query != null ? query : name);
    out.put("page", page);
    return out;
  }

  private static boolean words(String query, String... texts) {
    String haystack = String.join(" ", texts).toLowerCase(Locale.ROOT);
    for (String w : query.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!w.isEmpty() && !haystack.contains(w)) {
        return false;
      }
    }
    return true;
  }

  private static ArrayNode page(List<JsonNode> hits, int page) {
    long from = Math.min((long) page * SEARCH_PAGE, hits.size());
    return Pages.array(hits.subList((int) from, (int) Math.min(from + SEARCH_PAGE, hits.size())));
  }

  private ObjectNode hit(ObjectNode b) {
    ObjectNode h = Json.object();
    h.put("boxKey", b.path("key").asString());
    h.put("name", b.path("name").asString());
    h.put("stageKey", b.path("stageKey").asString());
    h.put("pipelineKey", b.path("pipelineKey").asString());
    h.put("lastUpdatedTimestamp", b.path("lastUpdatedTimestamp").asLong());
    ArrayNode assigned = h.putArray("assignedToKeys");
    b.path("assignedToSharingEntries")
        .forEach(
            e -> {
              if (e.has("userKey")) {
                assigned.add(e.get("userKey").asString());
              }
            });
    return h;
  }

  private Object webhooks(Call c) {
    String key = crm.pipeline(c.key("pipelineKey")).path("key").asString();
    ArrayNode out = Json.array();
    Crm.where(crm.webhooks, w -> key.equals(w.path("pipelineKey").asString()))
        .forEach(w -> out.add(w.deepCopy()));
    return out;
  }
}
