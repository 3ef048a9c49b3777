package io.streakmcp.runtime.live;

import io.streakmcp.runtime.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Folds an account's stages and custom fields into the tools that write or filter boxes.
 *
 * <p>Representation: a tool's schema cannot depend on its own {@code pipeline_key} argument, and
 * conditional schemas (if/then, oneOf per pipeline) are exactly what Gemini and OpenAI strict mode
 * refuse. So {@code stage_key} stays a free string (a key or a name) whose description lists each
 * pipeline's stage names, and a sibling {@code stage} property is a plain enum of the account's
 * stage names (the union over pipelines; the runtime checks the name against the box's own
 * pipeline). A flat string enum is the one constraint every major client honours. Custom fields
 * become one {@code fields} object with a typed property per field name, the union over the
 * account's pipelines (a name whose type differs between pipelines falls back to a string). The
 * runtime checks the value against the box's own pipeline when it translates names to keys.
 *
 * <p>Budget: at most {@link #MAX_PIPELINES} pipelines and {@link #MAX_STAGES} stages each are
 * listed, and at most {@link #MAX_FIELDS} field properties with {@link #MAX_OPTIONS} options each;
 * the rest is summarised ("+N more") with the tool that lists them. However many pipelines an
 * account has, an enriched tool grows by a bounded amount. The stated budget is 2,000 o200k tokens
 * over the list of an account without pipelines; measured: +1,322 for 2 pipelines, +1,630 for 20
 * and +1,632 for 200 (8 stages and 15 fields each; that list is 28,773), by
 * docs/measure/ToolsListSize.java.
 */
public final class SchemaEnricher {
  static final int MAX_PIPELINES = 6;
  static final int MAX_STAGES = 8;
  static final int MAX_FIELDS = 20;
  static final int MAX_OPTIONS = 10;

  /** The most stage names the {@code stage} enum lists; past this it is not offered. */
  static final int MAX_STAGE_ENUM = 48;

  /** The property that takes a stage by name only, as an enum. */
  public static final String STAGE_NAME = "stage";

  /** Tools whose {@code stage_key} takes a stage name too. */
  static final Set<String> STAGE_TOOLS =
      Set.of("create_a_streak_box", "update_a_streak_box_by_id", "list_all_streak_boxes");

  /** The tool that takes custom field values by name. */
  static final String FIELDS_TOOL = "update_a_streak_box_by_id";

  /** The tools that address one field by name or key. */
  static final Set<String> FIELD_VALUE_TOOLS =
      Set.of("update_a_streak_box_field_value_by_id", "get_single_streak_box_field_value_by_id");

  private SchemaEnricher() {}

  /** True for tools this class changes. */
  public static boolean enriches(String tool) {
    return STAGE_TOOLS.contains(tool) || FIELD_VALUE_TOOLS.contains(tool);
  }

  /** A copy of the tool's input schema with the account's stages and fields folded in. */
  public static ObjectNode enrich(String tool, ObjectNode schema, AccountSchema account) {
    ObjectNode copy = schema.deepCopy();
    ObjectNode properties = (ObjectNode) copy.get("properties");
    if (STAGE_TOOLS.contains(tool) && properties.has("stage_key")) {
      append(properties, "stage_key", "Name or key. " + stages(account));
      stageEnum(account)
          .ifPresent(
              names -> {
                ObjectNode stage = properties.putObject(STAGE_NAME).put("type", "string");
                stage.put("description", "The stage by name, instead of stage_key.");
                names.forEach(stage.putArray("enum")::add);
              });
    }
    if (FIELDS_TOOL.equals(tool)) {
      properties.set("fields", fields(account));
    }
    if (FIELD_VALUE_TOOLS.contains(tool) && properties.has("field_key")) {
      append(properties, "field_key", "Name or key. " + fieldList(account));
    }
    return copy;
  }

  /** The same schema with a note saying the live schema could not be read. */
  public static ObjectNode unavailable(ObjectNode schema, String tool) {
    ObjectNode copy = schema.deepCopy();
    ObjectNode properties = (ObjectNode) copy.get("properties");
    String target = properties.has("stage_key") ? "stage_key" : "field_key";
    if (properties.has(target)) {
      append(
          properties,
          target,
          "(Live stage and field names are unavailable right now: use"
              + " keys from list_all_streak_stages or list_all_streak_fields.)");
    }
    return copy;
  }

  /** The snake_case property name of a field name, as the fields object uses it. */
  public static String propertyName(String fieldName) {
    String s =
        fieldName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return s.isEmpty() ? "field" : Character.isDigit(s.charAt(0)) ? "f_" + s : s;
  }

  private static String stages(AccountSchema account) {
    List<String> parts = new ArrayList<>();
    List<AccountSchema.Pipeline> pipelines = account.pipelines();
    for (AccountSchema.Pipeline p :
        pipelines.subList(0, Math.min(MAX_PIPELINES, pipelines.size()))) {
      List<String> names = p.stages().stream().map(AccountSchema.Option::name).toList();
      parts.add(
          p.name()
              + ": "
              + String.join(", ", names.subList(0, Math.min(MAX_STAGES, names.size())))
              + (names.size() > MAX_STAGES ? " +" + (names.size() - MAX_STAGES) : ""));
    }
    String more =
        pipelines.size() > MAX_PIPELINES
            ? "; +" + (pipelines.size() - MAX_PIPELINES) + " pipelines (list_all_streak_stages)"
            : "";
    return "Stages by pipeline: " + String.join("; ", parts) + more + ".";
  }

  /** Every distinct stage name, when there are few enough to list them all. */
  private static Optional<List<String>> stageEnum(AccountSchema account) {
    List<String> names =
        account.pipelines().stream()
            .flatMap(p -> p.stages().stream())
            .map(AccountSchema.Option::name)
            .distinct()
            .toList();
    return names.isEmpty() || names.size() > MAX_STAGE_ENUM ? Optional.empty() : Optional.of(names);
  }

  private static String fieldList(AccountSchema account) {
    Map<String, AccountSchema.Field> byName = union(account);
    List<String> names =
        byName.values().stream()
            .limit(MAX_FIELDS)
            .map(f -> f.name() + " (" + f.type().toLowerCase(Locale.ROOT) + ")")
            .toList();
    return "Fields: "
        + String.join(", ", names)
        + (byName.size() > MAX_FIELDS ? " +" + (byName.size() - MAX_FIELDS) + " more" : "")
        + ".";
  }

  private static ObjectNode fields(AccountSchema account) {
    ObjectNode node = Json.object().put("type", "object");
    node.put(
        "description",
        "Custom field values by field name (the key also works)."
            + " Dropdowns take item names, tags tag names, dates an ISO date or epoch ms.");
    ObjectNode properties = node.putObject("properties");
    Map<String, AccountSchema.Field> byName = union(account);
    byName.entrySet().stream()
        .limit(MAX_FIELDS)
        .forEach(e -> properties.set(propertyName(e.getKey()), typed(e.getValue())));
    return node;
  }

  /** Writable fields by name across pipelines; a name whose type differs becomes a string. */
  private static Map<String, AccountSchema.Field> union(AccountSchema account) {
    Map<String, AccountSchema.Field> byName = new LinkedHashMap<>();
    for (AccountSchema.Pipeline p : account.pipelines()) {
      for (AccountSchema.Field f : p.fields()) {
        if (f.type().equals("FORMULA")) {
          continue;
        }
        byName.merge(
            f.name(),
            f,
            (a, b) ->
                a.type().equals(b.type())
                    ? new AccountSchema.Field(
                        a.key(), a.name(), a.type(), merge(a.options(), b.options()))
                    : new AccountSchema.Field(a.key(), a.name(), "TEXT_INPUT", List.of()));
      }
    }
    return byName;
  }

  private static List<AccountSchema.Option> merge(
      List<AccountSchema.Option> a, List<AccountSchema.Option> b) {
    Map<String, AccountSchema.Option> out = new LinkedHashMap<>();
    a.forEach(o -> out.putIfAbsent(o.name(), o));
    b.forEach(o -> out.putIfAbsent(o.name(), o));
    return List.copyOf(out.values());
  }

  private static ObjectNode typed(AccountSchema.Field f) {
    ObjectNode p = Json.object();
    List<String> options =
        f.options().stream()
            .map(AccountSchema.Option::name)
            .distinct()
            .limit(MAX_OPTIONS)
            .collect(Collectors.toList());
    switch (f.type()) {
      case "CHECKBOX" -> p.put("type", "boolean");
      case "DATE" -> p.put("type", "string").put("description", "ISO date or epoch ms.");
      case "DROPDOWN" -> {
        p.put("type", "string");
        if (options.size() == f.options().size()) {
          options.forEach(p.putArray("enum")::add);
        } else {
          p.put("description", "One of: " + String.join(", ", options) + ", ...");
        }
      }
      case "TAG" -> {
        p.put("type", "array");
        ObjectNode items = p.putObject("items").put("type", "string");
        if (options.size() == f.options().size() && !options.isEmpty()) {
          ArrayNode values = items.putArray("enum");
          options.forEach(values::add);
        }
      }
      case "PERSON", "TEAM_CONTACT", "TEAM_ORGANIZATION" ->
          // Streak does not document these value formats, so we promise nothing beyond a string.
          p.put("type", "string")
              .put("description", "Sent as given; copy the form from a box that has it set.");
      default -> p.put("type", "string");
    }
    return p;
  }

  private static void append(ObjectNode properties, String name, String text) {
    ObjectNode p = (ObjectNode) properties.get(name);
    String before = p.path("description").asString("");
    p.put("description", (before + " " + text).strip());
  }
}
