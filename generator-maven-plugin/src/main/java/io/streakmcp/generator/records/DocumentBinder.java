package io.streakmcp.generator.records;

import io.streakmcp.generator.diagnostics.SourcePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns documents that passed the meta-schema into {@link SurfaceMethod}s and {@link DocRecord}s.
 * It trusts the meta-schema for shape, so it has no error paths of its own.
 */
final class DocumentBinder {
  private DocumentBinder() {}

  static List<SurfaceMethod> surface(YamlDocument doc) {
    List<SurfaceMethod> out = new ArrayList<>();
    JsonNode methods = doc.root().get("methods");
    for (int i = 0; i < methods.size(); i++) {
      JsonNode m = methods.get(i);
      out.add(
          new SurfaceMethod(
              text(m, "resource"),
              text(m, "plural"),
              text(m, "kind"),
              text(m, "action"),
              text(m, "variant"),
              text(m, "verb"),
              text(m, "version"),
              text(m, "path"),
              strings(m.get("query")),
              text(m, "body"),
              text(m, "paging"),
              m.has("result") ? text(m, "result") : "object",
              doc.positionOf(m),
              fieldPositions(doc, m),
              "$.methods[" + i + "]"));
    }
    return out;
  }

  static List<DocRecord> records(YamlDocument doc) {
    List<DocRecord> out = new ArrayList<>();
    JsonNode records = doc.root().get("records");
    for (int i = 0; i < records.size(); i++) {
      JsonNode r = records.get(i);
      String path = "$.records[" + i + "]";
      out.add(
          new DocRecord(
              text(r, "tool"),
              text(r, "title"),
              text(r, "summary"),
              strings(r.get("pitfalls")),
              strings(r.get("tags")),
              r.path("overwrites").asBoolean(false),
              params(doc, r.get("params"), path + ".params"),
              params(doc, r.get("body"), path + ".body"),
              // A plain copy: the model must not hold the parser's location-aware nodes.
              r.has("response") ? plain(r.get("response")) : null,
              doc.positionOf(r),
              fieldPositions(doc, r),
              path));
    }
    return out;
  }

  private static JsonNode plain(JsonNode node) {
    return JsonMapper.shared().readTree(node.toString());
  }

  private static Map<String, SourcePosition> fieldPositions(YamlDocument doc, JsonNode node) {
    Map<String, SourcePosition> out = new LinkedHashMap<>();
    for (var entry : node.properties()) {
      out.put(entry.getKey(), doc.positionOf(entry.getValue()));
    }
    return out;
  }

  private static Map<String, ParamSpec> params(YamlDocument doc, JsonNode node, String path) {
    if (node == null) {
      return Map.of();
    }
    Map<String, ParamSpec> out = new LinkedHashMap<>();
    for (var entry : node.properties()) {
      out.put(
          entry.getKey(),
          param(doc, entry.getKey(), entry.getValue(), path + "." + entry.getKey()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static ParamSpec param(YamlDocument doc, String name, JsonNode p, String path) {
    return new ParamSpec(
        name,
        text(p, "type"),
        text(p, "description"),
        p.path("required").asBoolean(false),
        text(p, "source"),
        strings(p.get("enum")),
        p.has("minimum") ? p.get("minimum").asDouble() : null,
        p.has("maximum") ? p.get("maximum").asDouble() : null,
        p.has("items") ? param(doc, name, p.get("items"), path + ".items") : null,
        params(doc, p.get("properties"), path + ".properties"),
        doc.positionOf(p),
        path);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static List<String> strings(JsonNode array) {
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asString()));
    return List.copyOf(out);
  }
}
