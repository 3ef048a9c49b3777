package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Pipelines, their stages and their custom field definitions. */
final class PipelineRoutes {
  static final Set<String> FIELD_TYPES =
      Set.of(
          "TEXT_INPUT",
          "DROPDOWN",
          "CHECKBOX",
          "DATE",
          "PERSON",
          "FORMULA",
          "TAG",
          "TEAM_CONTACT",
          "TEAM_ORGANIZATION");

  private final Crm crm;

  PipelineRoutes(Crm crm) {
    this.crm = crm;
  }

  void register(Router r) {
    r.add("GET", "/v1/pipelines", c -> Pages.array(sorted(c)))
        .add("GET", "/v2/pipelines", c -> Pages.pageLimit(c, sorted(c), 100))
        .add("POST", "/v2/pipelines", this::create)
        .add("GET", "/v1/pipelines/{pipelineKey}", c -> crm.pipelineView(pipeline(c)))
        .add("GET", "/v2/pipelines/{pipelineKey}", c -> crm.pipelineView(pipeline(c)))
        .add("POST", "/v2/pipelines/{pipelineKey}", this::update)
        .add("DELETE", "/v2/pipelines/{pipelineKey}", this::delete)
        .add("GET", "/v1/pipelines/{pipelineKey}/stages", c -> stages(pipeline(c)))
        .add("GET", "/v2/pipelines/{pipelineKey}/stages", c -> stages(pipeline(c)))
        .add("POST", "/v2/pipelines/{pipelineKey}/stages", this::createStage)
        .add("GET", "/v1/pipelines/{pipelineKey}/stages/{stageKey}", this::stage)
        .add("GET", "/v2/pipelines/{pipelineKey}/stages/{stageKey}", this::stage)
        .add("POST", "/v2/pipelines/{pipelineKey}/stages/{stageKey}", this::updateStage)
        .add("DELETE", "/v2/pipelines/{pipelineKey}/stages/{stageKey}", this::deleteStage)
        .add(
            "GET", "/v1/pipelines/{pipelineKey}/fields", c -> pipeline(c).path("fields").deepCopy())
        .add("POST", "/v2/pipelines/{pipelineKey}/fields", this::createField)
        .add(
            "GET",
            "/v1/pipelines/{pipelineKey}/fields/{fieldKey}",
            c -> crm.field(pipeline(c), c.key("fieldKey")).deepCopy())
        .add("POST", "/v1/pipelines/{pipelineKey}/fields/{fieldKey}", this::updateField)
        .add("DELETE", "/v1/pipelines/{pipelineKey}/fields/{fieldKey}", this::deleteField);
  }

  private ObjectNode pipeline(Call c) {
    return crm.pipeline(c.key("pipelineKey"));
  }

  private List<ObjectNode> sorted(Call c) {
    String sortBy = c.query("sortBy");
    List<ObjectNode> all = new ArrayList<>();
    crm.pipelines.values().forEach(p -> all.add(crm.pipelineView(p)));
    if (sortBy != null) {
      if (!Set.of("creationTimestamp", "lastUpdatedTimestamp").contains(sortBy)) {
        throw ApiError.badRequest(
            "sortBy must be creationTimestamp or lastUpdatedTimestamp, got " + sortBy);
      }
      all.sort(Comparator.comparingLong((ObjectNode p) -> p.path(sortBy).asLong()).reversed());
    }
    return all;
  }

  private Object create(Call c) {
    ObjectNode body = c.object();
    String name = Bodies.required(body, "name");
    String teamKey = Bodies.required(body, "teamKey");
    crm.team(teamKey);
    JsonNode stageNames = Bodies.array(body, "stages");
    if (stageNames == null || stageNames.isEmpty()) {
      throw ApiError.badRequest("stages is required: the stage names in order, at least one");
    }
    ObjectNode p = newPipeline(name, teamKey, Bodies.string(body, "description"));
    for (JsonNode s : stageNames) {
      if (!s.isString() || s.stringValue().isBlank()) {
        throw ApiError.badRequest("stages must be non-empty stage names");
      }
      addStage(p, s.stringValue());
    }
    JsonNode fields = Bodies.array(body, "fields");
    if (fields != null) {
      for (JsonNode f : fields) {
        if (!(f instanceof ObjectNode fo)) {
          throw ApiError.badRequest("fields must be objects with name and type");
        }
        addField(p, fo);
      }
    }
    crm.pipelines.put(p.path("key").asString(), p);
    return crm.pipelineView(p);
  }

  /** A pipeline with no stages or fields yet; the seed builds on this too. */
  ObjectNode newPipeline(String name, String teamKey, String description) {
    String key = crm.opaqueKey("Pipeline");
    long now = crm.now();
    ObjectNode p = Json.object();
    p.put("key", key);
    p.put("pipelineKey", key);
    p.put("name", name);
    p.put("description", description == null ? "" : description);
    p.put("teamKey", teamKey);
    p.put("creatorKey", crm.me);
    p.put("creationTimestamp", now);
    p.put("lastUpdatedTimestamp", now);
    p.put("stageColorTheme", "DEFAULT");
    p.set("stageOrder", Json.array());
    p.set("stages", Json.object());
    p.set("fields", Json.array());
    return p;
  }

  ObjectNode addStage(ObjectNode p, String name) {
    for (JsonNode s : p.path("stages")) {
      if (s.path("name").asString().equalsIgnoreCase(name.strip())) {
        throw ApiError.badRequest("stage name already exists: " + name);
      }
    }
    String key = crm.shortKey();
    ObjectNode stage = Json.object();
    stage.put("key", key);
    stage.put("name", name.strip());
    ObjectNode color = stage.putObject("color");
    color.put("foregroundColor", "#ffffff");
    color.put("backgroundColor", "#5f6368");
    stage.put("isColorFromTheme", true);
    ((ObjectNode) p.get("stages")).set(key, stage);
    ((ArrayNode) p.get("stageOrder")).add(key);
    touch(p);
    return stage;
  }

  ObjectNode addField(ObjectNode p, ObjectNode body) {
    String name = Bodies.required(body, "name");
    String type = Bodies.required(body, "type");
    if (!FIELD_TYPES.contains(type)) {
      throw ApiError.badRequest("type must be one of " + FIELD_TYPES + ", got " + type);
    }
    for (JsonNode f : p.path("fields")) {
      if (f.path("name").asString().equalsIgnoreCase(name.strip())) {
        throw ApiError.badRequest("a field named " + name + " already exists in this pipeline");
      }
    }
    ObjectNode field = Json.object();
    field.put("key", crm.shortKey());
    field.put("name", name.strip());
    field.put("type", type);
    String defaultValue = Bodies.string(body, "defaultValue");
    if (defaultValue != null) {
      field.put("defaultValue", defaultValue);
    }
    field.put("lastUpdatedTimestamp", crm.now());
    if (type.equals("DROPDOWN")) {
      field.putObject("dropdownSettings").set("items", Json.array());
    } else if (type.equals("TAG")) {
      field.putObject("tagSettings").set("tags", Json.array());
    }
    ((ArrayNode) p.get("fields")).add(field);
    touch(p);
    return field;
  }

  /** Adds a dropdown item or a tag to a field, with a fresh key. */
  String addOption(ObjectNode field, String name) {
    String key = crm.shortKey();
    if (field.path("type").asString().equals("DROPDOWN")) {
      ObjectNode item = ((ArrayNode) field.get("dropdownSettings").get("items")).addObject();
      item.put("key", key);
      item.put("name", name);
    } else {
      ObjectNode tag = ((ArrayNode) field.get("tagSettings").get("tags")).addObject();
      tag.put("key", key);
      tag.put("tag", name);
    }
    return key;
  }

  private Object update(Call c) {
    ObjectNode p = pipeline(c);
    ObjectNode body = c.object();
    for (String text : List.of("name", "description", "icon")) {
      String v = Bodies.string(body, text);
      if (v != null) {
        if (text.equals("name") && v.isBlank()) {
          throw ApiError.badRequest("name must not be empty");
        }
        p.put(text, v);
      }
    }
    JsonNode order = Bodies.array(body, "stageOrder");
    if (order != null) {
      Set<String> given = new HashSet<>();
      order.forEach(k -> given.add(k.asString()));
      Set<String> existing = new HashSet<>(p.path("stages").propertyNames());
      if (order.size() != existing.size() || !given.equals(existing)) {
        throw ApiError.badRequest(
            "stageOrder must list every stage key of the pipeline exactly once: " + existing);
      }
      p.set("stageOrder", order.deepCopy());
    }
    touch(p);
    return crm.pipelineView(p);
  }

  private Object delete(Call c) {
    ObjectNode p = pipeline(c);
    String key = p.path("key").asString();
    if (crm.boxes.values().stream().anyMatch(b -> b.path("pipelineKey").asString().equals(key))) {
      throw ApiError.badRequest("only an empty pipeline can be deleted; this one has boxes");
    }
    crm.pipelines.remove(key);
    crm.webhooks.values().removeIf(w -> key.equals(w.path("pipelineKey").asString()));
    return Bodies.operation("pipeline deleted");
  }

  private ObjectNode stages(ObjectNode p) {
    ObjectNode view = crm.pipelineView(p);
    ObjectNode out = Json.object();
    for (JsonNode k : view.path("stageOrder")) {
      out.set(k.asString(), view.path("stages").get(k.asString()));
    }
    return out;
  }

  private Object stage(Call c) {
    ObjectNode p = pipeline(c);
    crm.stage(p, c.key("stageKey"));
    return crm.pipelineView(p).path("stages").get(c.key("stageKey"));
  }

  private Object createStage(Call c) {
    ObjectNode p = pipeline(c);
    ObjectNode body = c.object();
    ObjectNode stage = addStage(p, Bodies.required(body, "name"));
    color(stage, body);
    return crm.pipelineView(p).path("stages").get(stage.path("key").asString());
  }

  private Object updateStage(Call c) {
    ObjectNode p = pipeline(c);
    ObjectNode stage = crm.stage(p, c.key("stageKey"));
    ObjectNode body = c.object();
    String name = Bodies.string(body, "name");
    if (name != null) {
      if (name.isBlank()) {
        throw ApiError.badRequest("name must not be empty");
      }
      for (JsonNode s : p.path("stages")) {
        if (s != stage && s.path("name").asString().equalsIgnoreCase(name.strip())) {
          throw ApiError.badRequest("stage name already exists: " + name);
        }
      }
      stage.put("name", name.strip());
    }
    color(stage, body);
    touch(p);
    return crm.pipelineView(p).path("stages").get(c.key("stageKey"));
  }

  private static void color(ObjectNode stage, ObjectNode body) {
    JsonNode color = body.get("color");
    if (color instanceof ObjectNode given) {
      String fg = given.path("foregroundColor").asString("");
      String bg = given.path("backgroundColor").asString("");
      boolean reset = fg.isEmpty() && bg.isEmpty();
      stage.put("isColorFromTheme", reset);
      if (!reset) {
        ObjectNode c = stage.putObject("color");
        c.put("foregroundColor", fg);
        c.put("backgroundColor", bg);
      }
    }
  }

  private Object deleteStage(Call c) {
    ObjectNode p = pipeline(c);
    String stageKey = c.key("stageKey");
    crm.stage(p, stageKey);
    if (p.path("stages").size() == 1) {
      throw ApiError.badRequest("the last stage of a pipeline cannot be deleted");
    }
    String pipelineKey = p.path("key").asString();
    if (crm.boxes.values().stream()
        .anyMatch(
            b ->
                b.path("pipelineKey").asString().equals(pipelineKey)
                    && b.path("stageKey").asString().equals(stageKey))) {
      throw ApiError.badRequest("only an empty stage can be deleted; move its boxes first");
    }
    ((ObjectNode) p.get("stages")).remove(stageKey);
    ArrayNode order = (ArrayNode) p.get("stageOrder");
    for (int i = order.size() - 1; i >= 0; i--) {
      if (order.get(i).asString().equals(stageKey)) {
        order.remove(i);
      }
    }
    touch(p);
    return Bodies.operation("stage deleted");
  }

  private Object createField(Call c) {
    return addField(pipeline(c), c.object()).deepCopy();
  }

  private Object updateField(Call c) {
    ObjectNode p = pipeline(c);
    ObjectNode field = crm.field(p, c.key("fieldKey"));
    ObjectNode body = c.object();
    String type = Bodies.string(body, "type");
    if (type != null && !type.equals(field.path("type").asString())) {
      throw ApiError.badRequest("the type of an existing field cannot be changed");
    }
    String name = Bodies.string(body, "name");
    if (name != null && !name.isBlank()) {
      field.put("name", name.strip());
    }
    String defaultValue = Bodies.string(body, "defaultValue");
    if (defaultValue != null) {
      field.put("defaultValue", defaultValue);
      field.put("lastDefaultValueUpdatedTimestamp", crm.now());
    }
    boolean addOnly = c.queryFlag("addOnly");
    options(field, body, "dropdownSettings", "items", "name", "DROPDOWN", addOnly);
    options(field, body, "tagSettings", "tags", "tag", "TAG", addOnly);
    field.put("lastUpdatedTimestamp", crm.now());
    touch(p);
    return field.deepCopy();
  }

  /** Replaces (or, with addOnly, extends) a field's dropdown items or tags. */
  private void options(
      ObjectNode field,
      ObjectNode body,
      String settings,
      String list,
      String label,
      String type,
      boolean addOnly) {
    JsonNode given = body.path(settings).get(list);
    if (given == null) {
      return;
    }
    if (!field.path("type").asString().equals(type)) {
      throw ApiError.badRequest(settings + " applies to " + type + " fields only");
    }
    if (!given.isArray()) {
      throw ApiError.badRequest(settings + "." + list + " must be an array");
    }
    ArrayNode current = (ArrayNode) field.get(settings).get(list);
    ArrayNode next = addOnly ? current.deepCopy() : Json.array();
    for (JsonNode item : given) {
      String text = item.path(label).asString("");
      if (text.isBlank()) {
        throw ApiError.badRequest(settings + "." + list + " items need a " + label);
      }
      String key = item.path("key").asString("");
      ObjectNode o = next.addObject();
      o.put("key", key.isEmpty() ? crm.shortKey() : key);
      o.put(label, text);
    }
    ((ObjectNode) field.get(settings)).set(list, next);
  }

  private Object deleteField(Call c) {
    ObjectNode p = pipeline(c);
    String fieldKey = c.key("fieldKey");
    crm.field(p, fieldKey);
    ArrayNode fields = (ArrayNode) p.get("fields");
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (fields.get(i).path("key").asString().equals(fieldKey)) {
        fields.remove(i);
      }
    }
    String pipelineKey = p.path("key").asString();
    crm.boxes.values().stream()
        .filter(b -> b.path("pipelineKey").asString().equals(pipelineKey))
        .forEach(b -> ((ObjectNode) b.get("fields")).remove(fieldKey));
    touch(p);
    return Bodies.operation("field deleted; its value was cleared from every box");
  }

  private void touch(ObjectNode p) {
    p.put("lastUpdatedTimestamp", crm.now());
  }
}
