package io.streakmcp.runtime.live;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.streak.StreakClient;
import io.streakmcp.runtime.streak.StreakRequest;
import io.streakmcp.runtime.streak.StreakResponse;
import io.streakmcp.runtime.streak.StreakUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an account's pipelines in one call: {@code GET /v1/pipelines} answers every pipeline with
 * its stages, stage order and fields embedded.
 */
final class SchemaReader {
  private SchemaReader() {}

  static AccountSchema read(StreakClient streak) throws StreakUnavailableException {
    StreakResponse response =
        streak.send(new StreakRequest("GET", "/v1/pipelines", List.of(), null, null));
    if (!response.ok()) {
      throw new StreakUnavailableException(
          "Streak answered HTTP " + response.status() + " when reading the pipelines", null);
    }
    JsonNode body = Json.read(response.body());
    JsonNode list = body.isArray() ? body : body.path("results");
    List<AccountSchema.Pipeline> pipelines = new ArrayList<>();
    for (JsonNode p : list) {
      pipelines.add(pipeline(p));
    }
    return new AccountSchema(pipelines, fingerprint(pipelines));
  }

  private static AccountSchema.Pipeline pipeline(JsonNode p) {
    List<AccountSchema.Option> stages = new ArrayList<>();
    JsonNode byKey = p.path("stages");
    List<String> order = new ArrayList<>();
    p.path("stageOrder").forEach(k -> order.add(k.asString()));
    byKey
        .propertyNames()
        .forEach(
            k -> {
              if (!order.contains(k)) {
                order.add(k);
              }
            });
    for (String key : order) {
      JsonNode stage = byKey.get(key);
      if (stage != null) {
        stages.add(new AccountSchema.Option(key, stage.path("name").asString(key)));
      }
    }
    List<AccountSchema.Field> fields = new ArrayList<>();
    for (JsonNode f : p.path("fields")) {
      List<AccountSchema.Option> options = new ArrayList<>();
      f.path("dropdownSettings")
          .path("items")
          .forEach(
              i ->
                  options.add(
                      new AccountSchema.Option(
                          i.path("key").asString(), i.path("name").asString())));
      f.path("tagSettings")
          .path("tags")
          .forEach(
              t ->
                  options.add(
                      new AccountSchema.Option(
                          t.path("key").asString(), t.path("tag").asString())));
      fields.add(
          new AccountSchema.Field(
              f.path("key").asString(),
              f.path("name").asString(),
              f.path("type").asString("TEXT_INPUT"),
              options));
    }
    return new AccountSchema.Pipeline(
        p.path("key").asString(p.path("pipelineKey").asString()),
        p.path("name").asString(),
        stages,
        fields);
  }

  private static String fingerprint(List<AccountSchema.Pipeline> pipelines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(pipelines.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
