package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.live.FieldNames;
import io.streakmcp.runtime.live.LiveSchemaCache;
import io.streakmcp.runtime.live.NameTranslator;
import io.streakmcp.runtime.live.SchemaEnricher;
import io.streakmcp.runtime.streak.PathEncoder;
import io.streakmcp.runtime.streak.RateLimit;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.streak.StreakRequest;
import io.streakmcp.runtime.streak.StreakResponse;
import io.streakmcp.runtime.streak.StreakUnavailableException;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.ToolKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one tools/call: validate, build the Streak request, send it once, and shape the answer. A
 * 429 is never retried: the model (or its host) decides when to try again.
 */
public final class ToolInvoker {
  /**
   * The arguments without those only the live schema knows (a stage or fields by name), which the
   * static schema would call unknown.
   */
  private static ObjectNode withoutLiveOnly(ToolEntry tool, ObjectNode arguments) {
    ObjectNode copy = arguments.deepCopy();
    for (String name : NAMED_ARGUMENTS) {
      if (!tool.inputSchema().path("properties").has(name)) {
        copy.remove(name);
      }
    }
    return copy;
  }

  /** Box reads whose custom fields are also shown by name. */
  private static final Set<String> BOX_READS =
      Set.of("get_single_streak_box_by_id", "list_all_streak_boxes", "update_a_streak_box_by_id");

  /** Arguments that may carry names the live schema translates to keys. */
  private static final List<String> NAMED_ARGUMENTS =
      List.of("stage_key", SchemaEnricher.STAGE_NAME, "fields", "field_key");

  /**
   * Arguments left for after the names are translated, when they will be: the named ones, and the
   * pipeline, which NameTranslator also finds by name (a name may hold spaces, which no key does).
   */
  private static final List<String> TRANSLATED_ARGUMENTS =
      List.of("stage_key", SchemaEnricher.STAGE_NAME, "fields", "field_key", "pipeline_key");

  /** Writes to these resources change an account's live schema. */
  private static final Set<String> SCHEMA_RESOURCES = Set.of("pipeline", "stage", "field");

  /** How old a schema must be to be read again when a name in it is not found. */
  static final Duration STALE_ON_MISS = Duration.ofSeconds(10);

  /** The page size when the model gives no {@code limit}. */
  public static final int DEFAULT_LIMIT = 25;

  private final CursorCodec cursors;
  private final LiveSchemaCache live;

  public ToolInvoker(CursorCodec cursors, LiveSchemaCache live) {
    this.cursors = cursors;
    this.live = live;
  }

  /**
   * @param serverId the MCP server the call is made for; cursors are bound to it
   */
  public ToolOutcome call(
      ToolEntry tool,
      ObjectNode arguments,
      StreakClient streak,
      String serverId,
      String accountId) {
    // Keys are checked before anything can reach Streak, the live schema's box read included; the
    // arguments that may still hold names are checked once those are translated.
    boolean translates =
        SchemaEnricher.enriches(tool.name()) && NAMED_ARGUMENTS.stream().anyMatch(arguments::has);
    List<String> badKeys =
        PathKeys.problems(tool, arguments, translates ? TRANSLATED_ARGUMENTS : NAMED_ARGUMENTS);
    if (!badKeys.isEmpty()) {
      return invalidArguments(tool, badKeys);
    }
    ObjectNode fields = null;
    if (translates) {
      // Translating names may read the box from Streak: arguments that are wrong whatever the
      // names turn out to be are refused first, so nothing is sent for them.
      List<String> early = tool.validator().validate(withoutLiveOnly(tool, arguments));
      if (!early.isEmpty()) {
        return invalidArguments(tool, early);
      }
      LiveSchemaCache.Result schema = live.get(accountId, streak);
      if (schema.schema().isPresent()) {
        NameTranslator.Translation t = translate(tool, arguments, schema, streak);
        if (t.error() != null) {
          // A stage or field made outside this server since the schema was read is unknown to
          // it: a schema older than a few seconds is read again, once, before the name is refused.
          Optional<LiveSchemaCache.Result> fresher =
              live.refreshIfOlderThan(accountId, streak, STALE_ON_MISS, schema);
          if (fresher.isPresent() && fresher.get().schema().isPresent()) {
            t = translate(tool, arguments, fresher.get(), streak);
          }
        }
        if (t.error() != null) {
          return invalidArguments(tool, List.of(t.error()));
        }
        arguments = t.arguments();
        fields = t.fields();
      } else if (arguments.has("fields") || arguments.has(SchemaEnricher.STAGE_NAME)) {
        return invalidArguments(
            tool,
            List.of(
                "`fields` and `stage` by name need the account's pipelines,"
                    + " which cannot be read right now ("
                    + schema.failure()
                    + "); use stage_key with a key from list_all_streak_stages, and set"
                    + " values with update_a_streak_box_field_value_by_id and a field key"));
      }
    }
    // Translated arguments were checked before translation; after it, values are in Streak's
    // types (a date as epoch ms, tags as a list), which the static schema describes as text.
    List<String> problems = translates ? new ArrayList<>() : tool.validator().validate(arguments);
    problems.addAll(PathKeys.problems(tool, arguments, List.of()));
    if (!problems.isEmpty()) {
      return invalidArguments(tool, problems);
    }
    HttpBinding binding = tool.definition().binding();
    boolean paged = isPaged(tool);
    ObjectNode callArguments = arguments.deepCopy();
    callArguments.remove(List.of("limit", "next_cursor"));
    CursorState state = CursorState.first(arguments.path("limit").asInt(DEFAULT_LIMIT));
    String hash = argumentsHash(callArguments);
    String scope = serverId + "/" + tool.name();
    if (paged && arguments.hasNonNull("next_cursor")) {
      try {
        state = cursors.decode(arguments.get("next_cursor").asString(), scope, hash);
      } catch (CursorCodec.InvalidCursorException e) {
        return invalidCursor(e.getMessage());
      }
      if (arguments.has("limit") && arguments.get("limit").asInt() != state.limit()) {
        return invalidCursor(
            "this list pages by "
                + state.limit()
                + "; limit cannot change in"
                + " the middle of a list (omit limit, or omit next_cursor to start again)");
      }
    }
    List<Map.Entry<String, String>> pagingQuery =
        paged ? Paging.query(binding.paging(), state) : List.of();
    StreakRequest request = StreakCallBuilder.build(binding, callArguments, pagingQuery, fields);
    StreakResponse response;
    try {
      response = streak.send(request);
    } catch (StreakUnavailableException e) {
      ObjectNode s =
          Json.object().put("error", "streak_unavailable").put("message", e.getMessage());
      return ToolOutcome.error(
          e.getMessage()
              + ". "
              + (binding.verb().name().equals("GET")
                  ? "Try again in a moment."
                  : "The change may or may not have been made: read the item before trying again."),
          s,
          RateLimit.NONE);
    }
    if (response.status() == 429) {
      return StreakErrors.rateLimited(response.rateLimit());
    }
    if (!response.ok()) {
      return StreakErrors.failed(response, StreakErrors.message(response, streak::redact));
    }
    ToolKind kind = tool.definition().kind();
    if (kind.isWrite() && SCHEMA_RESOURCES.contains(tool.definition().resource())) {
      // The agent just changed a stage or field: the next tools/list must show it.
      live.invalidate(accountId);
    }
    UnaryOperator<ObjectNode> finish =
        BOX_READS.contains(tool.name()) ? s -> withFieldNames(s, accountId, streak) : s -> s;
    return success(tool, binding, response, paged, state, hash, scope, finish);
  }

  /** Box reads name each custom field beside its key, from the account's live schema. */
  private ObjectNode withFieldNames(ObjectNode structured, String accountId, StreakClient streak) {
    live.get(accountId, streak)
        .schema()
        .ifPresent(
            schema -> {
              if (structured.has("result")) {
                structured.get("result").forEach(box -> FieldNames.annotate(box, schema));
              } else {
                FieldNames.annotate(structured, schema);
              }
            });
    return structured;
  }

  /** Names to keys with this schema; the box's pipeline is read from Streak when needed. */
  private static NameTranslator.Translation translate(
      ToolEntry tool, ObjectNode arguments, LiveSchemaCache.Result schema, StreakClient streak) {
    return NameTranslator.translate(
        tool.name(), arguments, schema.schema().get(), box -> boxPipeline(streak, box));
  }

  /** A box's pipeline key, read from Streak when a name needs the box's pipeline. */
  private static Optional<String> boxPipeline(StreakClient streak, String boxKey) {
    try {
      StreakResponse r =
          streak.send(
              new StreakRequest(
                  "GET", "/v1/boxes/" + PathEncoder.segment(boxKey), List.of(), null, null));
      if (!r.ok()) {
        return Optional.empty();
      }
      JsonNode box = Json.read(r.body());
      JsonNode key = box.path("pipelineKey");
      return key.isString() ? Optional.of(key.stringValue()) : Optional.empty();
    } catch (StreakUnavailableException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static ToolOutcome invalidCursor(String why) {
    ObjectNode s = Json.object().put("error", "invalid_cursor").put("message", why);
    return ToolOutcome.error(
        "`next_cursor` cannot be used: " + why + ". Nothing was sent to Streak.",
        s,
        RateLimit.NONE);
  }

  private ToolOutcome success(
      ToolEntry tool,
      HttpBinding binding,
      StreakResponse response,
      boolean paged,
      CursorState state,
      String hash,
      String scope,
      UnaryOperator<ObjectNode> finish) {
    if (binding.resultShape() == ResultShape.TEXT) {
      return ToolOutcome.text(
          new String(response.body(), StandardCharsets.UTF_8), response.rateLimit());
    }
    JsonNode body;
    try {
      body = response.body().length == 0 ? Json.object() : Json.read(response.body());
    } catch (RuntimeException e) {
      ObjectNode s = Json.object().put("status", response.status()).put("error", "bad_answer");
      return ToolOutcome.error(
          "Streak answered HTTP "
              + response.status()
              + " with a body that is not JSON. Try again shortly.",
          s,
          response.rateLimit());
    }
    if (tool.definition().kind() == ToolKind.LIST) {
      Paging.Page page = Paging.read(binding.paging(), binding.resultShape(), body, state);
      ArrayNode items = Json.array();
      page.items().forEach(items::add);
      ObjectNode s = Json.object();
      s.set("result", items);
      page.next().ifPresent(n -> s.put("next_cursor", cursors.encode(scope, hash, n)));
      return ToolOutcome.ok(finish.apply(s), response.rateLimit());
    }
    if (!body.isObject()) {
      ObjectNode s = Json.object();
      s.set("result", body);
      return ToolOutcome.ok(finish.apply(s), response.rateLimit());
    }
    if (!paged) {
      return ToolOutcome.ok(finish.apply((ObjectNode) body), response.rateLimit());
    }
    Paging.ObjectPage page = Paging.readObject(binding.paging(), (ObjectNode) body, state);
    ObjectNode s = page.body();
    page.next().ifPresent(n -> s.put("next_cursor", cursors.encode(scope, hash, n)));
    return ToolOutcome.ok(finish.apply(s), response.rateLimit());
  }

  private static ToolOutcome invalidArguments(ToolEntry tool, List<String> problems) {
    ObjectNode s = Json.object().put("error", "invalid_arguments");
    ArrayNode list = s.putArray("problems");
    problems.forEach(list::add);
    String text =
        "Invalid arguments for "
            + tool.name()
            + "; nothing was sent to Streak.\n- "
            + String.join("\n- ", problems);
    return ToolOutcome.error(text, s, RateLimit.NONE);
  }

  /** Binds a cursor to the filters it was made with, so it cannot page another list. */
  private static String argumentsHash(ObjectNode arguments) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.bytes(canonical(arguments)));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Keys sorted at every depth, so the same filters always hash the same. */
  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = Json.object();
      node.propertyNames().stream().sorted().forEach(n -> sorted.set(n, canonical(node.get(n))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.array();
      node.forEach(v -> copy.add(canonical(v)));
      return copy;
    }
    return node;
  }

  /** Paged tools are exactly those whose schema offers {@code next_cursor}. */
  private static boolean isPaged(ToolEntry tool) {
    return tool.inputSchema().path("properties").has("next_cursor");
  }
}
