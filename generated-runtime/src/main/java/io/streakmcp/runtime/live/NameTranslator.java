package io.streakmcp.runtime.live;

import io.streakmcp.runtime.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the names a model writes (stage "Contract Sent", field "Seniority": "Senior") into the keys
 * Streak wants, within the pipeline the call is about. Keys pass through unchanged. A name that
 * matches nothing, or several things, is an error that lists the valid names.
 */
public final class NameTranslator {
  private NameTranslator() {}

  /**
   * The outcome.
   *
   * @param arguments the arguments with names replaced by keys ({@code fields} removed)
   * @param fields Streak's {@code fields} body map ({@code {fieldKey: value}}), or null
   * @param error what was wrong and what is valid, or null
   */
  public record Translation(ObjectNode arguments, ObjectNode fields, String error) {
    static Translation failed(String error) {
      return new Translation(null, null, error);
    }
  }

  /**
   * @param boxPipeline finds the pipeline key of a box (one Streak read), used only when a name
   *     needs the box's pipeline
   */
  public static Translation translate(
      String tool,
      ObjectNode args,
      AccountSchema schema,
      Function<String, Optional<String>> boxPipeline) {
    ObjectNode out = args.deepCopy();
    if (out.has(SchemaEnricher.STAGE_NAME)) {
      // `stage` is the enum form of a stage name; from here on it is handled as stage_key.
      if (out.has("stage_key")) {
        return Translation.failed("give `stage` (a name) or `stage_key`, not both");
      }
      out.set("stage_key", out.remove(SchemaEnricher.STAGE_NAME));
    }
    AccountSchema.Pipeline pipeline = null;
    if (out.path("pipeline_key").isString()) {
      String given = out.get("pipeline_key").stringValue();
      pipeline =
          find(
              schema.pipelines(), given, AccountSchema.Pipeline::key, AccountSchema.Pipeline::name);
      if (pipeline != null) {
        out.put("pipeline_key", pipeline.key());
      }
    }
    boolean needsPipeline =
        out.has("fields")
            || out.has("field_key")
            || (out.path("stage_key").isString() && !isStageKey(schema, out.get("stage_key")));
    boolean boxPipelineUnknown = false;
    if (pipeline == null && needsPipeline && out.path("box_key").isString()) {
      String key = boxPipeline.apply(out.get("box_key").stringValue()).orElse(null);
      pipeline =
          key == null
              ? null
              : find(
                  schema.pipelines(),
                  key,
                  AccountSchema.Pipeline::key,
                  AccountSchema.Pipeline::key);
      boxPipelineUnknown = pipeline == null;
    }
    if (out.path("stage_key").isString() && SchemaEnricher.STAGE_TOOLS.contains(tool)) {
      String error = stage(out, pipeline, boxPipelineUnknown, schema);
      if (error != null) {
        return Translation.failed(error);
      }
    }
    ObjectNode fieldsBody = null;
    if (out.has("fields")) {
      if (pipeline == null) {
        return Translation.failed(
            "`fields` needs the box's pipeline, which could not be read;"
                + " try again, or set values with update_a_streak_box_field_value_by_id");
      }
      JsonNode given = out.remove("fields");
      if (!given.isObject()) {
        return Translation.failed("`fields` must be an object of field name to value");
      }
      fieldsBody = Json.object();
      for (var e : given.properties()) {
        FieldMatch match = field(pipeline, e.getKey());
        if (match.field() == null) {
          return Translation.failed("`fields." + e.getKey() + "` " + match.problem());
        }
        AccountSchema.Field field = match.field();
        Object value = value(field, e.getValue());
        if (value instanceof String error) {
          return Translation.failed("`fields." + e.getKey() + "`: " + error);
        }
        fieldsBody.set(field.key(), (JsonNode) value);
      }
    }
    if (out.path("field_key").isString() && pipeline != null) {
      FieldMatch match = field(pipeline, out.get("field_key").stringValue());
      if (match.field() == null) {
        return Translation.failed("`field_key` " + out.get("field_key") + " " + match.problem());
      }
      AccountSchema.Field field = match.field();
      out.put("field_key", field.key());
      if (out.has("value")) {
        Object value = value(field, out.get("value"));
        if (value instanceof String error) {
          return Translation.failed("`value`: " + error);
        }
        out.set("value", (JsonNode) value);
      }
    }
    return new Translation(out, fieldsBody, null);
  }

  /**
   * Turns {@code stage_key} into a key: a key or name of the pipeline when it is known, else any
   * stage key as it is (Streak knows its pipeline; keys may repeat across pipelines), else a name
   * found in exactly one pipeline. A name is never matched across pipelines for a box whose own
   * pipeline could not be read: the same name in another pipeline is another stage.
   */
  private static String stage(
      ObjectNode out,
      AccountSchema.Pipeline pipeline,
      boolean boxPipelineUnknown,
      AccountSchema schema) {
    String given = out.get("stage_key").stringValue();
    if (pipeline != null) {
      AccountSchema.Option stage =
          find(pipeline.stages(), given, AccountSchema.Option::key, AccountSchema.Option::name);
      if (stage == null) {
        return "`stage_key` \""
            + given
            + "\" is not a stage of pipeline "
            + pipeline.name()
            + "; valid: "
            + names(pipeline.stages());
      }
      out.put("stage_key", stage.key());
      return null;
    }
    if (isStageKey(schema, out.get("stage_key"))) {
      return null;
    }
    if (boxPipelineUnknown) {
      return "`stage_key` \""
          + given
          + "\": the box's pipeline could not be read, so a stage name cannot be matched to it;"
          + " give the stage's key (list_all_streak_stages), or try again";
    }
    List<String> keys = new ArrayList<>();
    for (AccountSchema.Pipeline p : schema.pipelines()) {
      AccountSchema.Option s =
          find(p.stages(), given, AccountSchema.Option::key, AccountSchema.Option::name);
      if (s != null) {
        keys.add(s.key());
      }
    }
    if (keys.size() == 1) {
      out.put("stage_key", keys.get(0));
      return null;
    }
    return "`stage_key` \""
        + given
        + "\" "
        + (keys.isEmpty() ? "matches no stage" : "matches" + " stages in several pipelines")
        + "; give pipeline_key or a stage key. Stages: "
        + String.join(
            "; ",
            schema.pipelines().stream().map(p -> p.name() + ": " + names(p.stages())).toList());
  }

  private static boolean isStageKey(AccountSchema schema, JsonNode value) {
    return schema.pipelines().stream()
        .flatMap(p -> p.stages().stream())
        .anyMatch(s -> s.key().equals(value.stringValue()));
  }

  /** A field found by key or name, or what is wrong with the name given. */
  private record FieldMatch(AccountSchema.Field field, String problem) {}

  /**
   * A field of the pipeline by its key, else by its name (any case), else by its property name in
   * the live schema ({@code deal_size}). A name two fields answer to is refused rather than written
   * to whichever comes first.
   */
  private static FieldMatch field(AccountSchema.Pipeline p, String given) {
    for (AccountSchema.Field f : p.fields()) {
      if (f.key().equals(given)) {
        return new FieldMatch(f, null);
      }
    }
    List<Predicate<AccountSchema.Field>> ways =
        List.of(
            f -> f.name().equalsIgnoreCase(given.strip()),
            f -> SchemaEnricher.propertyName(f.name()).equals(given));
    for (Predicate<AccountSchema.Field> matches : ways) {
      List<AccountSchema.Field> found = p.fields().stream().filter(matches).toList();
      if (found.size() == 1) {
        return new FieldMatch(found.get(0), null);
      }
      if (found.size() > 1) {
        return new FieldMatch(
            null,
            "names several fields of pipeline "
                + p.name()
                + " ("
                + String.join(", ", found.stream().map(f -> f.name() + ": key " + f.key()).toList())
                + "); give the field's exact name or its key");
      }
    }
    return new FieldMatch(
        null, "is not a field of pipeline " + p.name() + "; valid: " + fieldNames(p));
  }

  /** The value in Streak's form, or a String saying what is wrong. */
  private static Object value(AccountSchema.Field field, JsonNode v) {
    switch (field.type()) {
      case "DROPDOWN":
        {
          if (!v.isString()) {
            return "a dropdown takes one of: " + names(field.options());
          }
          AccountSchema.Option o =
              find(
                  field.options(),
                  v.stringValue(),
                  AccountSchema.Option::key,
                  AccountSchema.Option::name);
          return o == null
              ? "\""
                  + v.stringValue()
                  + "\" is not an item of "
                  + field.name()
                  + "; valid: "
                  + names(field.options())
              : Json.MAPPER.valueToTree(o.key());
        }
      case "TAG":
        {
          // Whatever is given replaces the box's tags: anything but names is refused, never
          // read as "no tags".
          List<String> given = new ArrayList<>();
          if (v.isArray()) {
            for (JsonNode t : v) {
              if (!t.isString()) {
                return "a tag field takes a list of tag names; "
                    + t
                    + " is not one; valid: "
                    + names(field.options());
              }
              given.add(t.stringValue());
            }
          } else if (v.isString() && !v.stringValue().isBlank()) {
            for (String t : v.stringValue().split(",")) {
              if (!t.isBlank()) {
                given.add(t.strip());
              }
            }
          } else {
            return "a tag field takes a list of tag names (or one comma-separated string), and []"
                + " to clear it; valid: "
                + names(field.options());
          }
          ArrayNode keys = Json.array();
          for (String t : given) {
            AccountSchema.Option o =
                find(field.options(), t, AccountSchema.Option::key, AccountSchema.Option::name);
            if (o == null) {
              return "\""
                  + t
                  + "\" is not a tag of "
                  + field.name()
                  + "; valid: "
                  + names(field.options());
            }
            keys.add(o.key());
          }
          return keys;
        }
      case "DATE":
        {
          if (v.isIntegralNumber()) {
            return v;
          }
          if (!v.isString()) {
            return "a date takes an ISO date such as 2026-12-01, or epoch milliseconds";
          }
          String s = v.stringValue().strip();
          try {
            return Json.MAPPER.valueToTree(
                s.matches("\\d{9,}")
                    ? Long.parseLong(s)
                    : s.length() == 10
                        ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                        : Instant.parse(s).toEpochMilli());
          } catch (DateTimeParseException | NumberFormatException e) {
            return "a date takes an ISO date such as 2026-12-01, or epoch milliseconds";
          }
        }
      case "CHECKBOX":
        {
          if (v.isBoolean()) {
            return v;
          }
          if (!v.isString()) {
            return "a checkbox takes true or false";
          }
          String s = v.stringValue().strip().toLowerCase(Locale.ROOT);
          return s.equals("true") || s.equals("false")
              ? Json.MAPPER.valueToTree(s.equals("true"))
              : "a checkbox takes true or false";
        }
      case "TEXT_INPUT":
        if (v.isString()) {
          return v;
        }
        return v.isNumber() || v.isBoolean()
            ? Json.MAPPER.valueToTree(v.asString())
            : "a text field takes a string";
      default:
        return v;
    }
  }

  private static <T> T find(
      List<T> items, String given, Function<T, String> key, Function<T, String> name) {
    for (T item : items) {
      if (key.apply(item).equals(given)) {
        return item;
      }
    }
    T match = null;
    for (T item : items) {
      if (name.apply(item).equalsIgnoreCase(given.strip())) {
        if (match != null) {
          return null;
        }
        match = item;
      }
    }
    return match;
  }

  private static String names(List<AccountSchema.Option> options) {
    return String.join(", ", options.stream().map(AccountSchema.Option::name).toList());
  }

  private static String fieldNames(AccountSchema.Pipeline p) {
    return String.join(", ", p.fields().stream().map(AccountSchema.Field::name).toList());
  }
}
