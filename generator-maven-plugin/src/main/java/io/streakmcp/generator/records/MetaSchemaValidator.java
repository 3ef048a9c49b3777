package io.streakmcp.generator.records;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one YAML document against a meta-schema (networknt, draft 2020-12) and turns each
 * violation into a diagnostic with a code, a position, and what was expected against what was
 * found.
 */
public final class MetaSchemaValidator {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_]*");

  private final Schema schema;
  private final JsonNode schemaJson;

  /** A validator for any meta-schema; package-private so tests can exercise rare keywords. */
  MetaSchemaValidator(JsonNode schemaJson) {
    this.schemaJson = schemaJson;
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schemaJson.toString(), InputFormat.JSON);
  }

  private static MetaSchemaValidator fromResource(String resource) {
    try (InputStream in = MetaSchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("meta-schema missing from the plugin: " + resource);
      }
      return new MetaSchemaValidator(JsonMapper.shared().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validator for {@code surface/*.yaml}. */
  public static MetaSchemaValidator forSurface() {
    return fromResource("surface.schema.json");
  }

  /** The validator for {@code records/*.yaml}. */
  public static MetaSchemaValidator forRecords() {
    return fromResource("record.schema.json");
  }

  /** Every violation in the document; empty when it conforms. */
  public List<Diagnostic> validate(YamlDocument document) {
    Set<String> seen = new LinkedHashSet<>();
    List<Diagnostic> out = new ArrayList<>();
    for (Error error : schema.validate(document.root())) {
      Diagnostic d = toDiagnostic(document, error);
      // One violation can surface through several schema paths ($ref chains); report it once.
      if (seen.add(d.code() + d.jsonPath() + d.found())) {
        out.add(d);
      }
    }
    return out;
  }

  private Diagnostic toDiagnostic(YamlDocument document, Error error) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String path = jsonPath(error.getInstanceLocation());
    JsonNode instance = error.getInstanceNode();
    JsonNode located = instance;
    if ("additionalProperties".equals(keyword)
        && error.getProperty() != null
        && instance != null
        && instance.has(error.getProperty())) {
      located = instance.get(error.getProperty());
      path = append(path, error.getProperty());
    }
    var position = document.positionOf(located);
    return switch (keyword) {
      case "type" ->
          new Diagnostic(
              DiagnosticCode.DOC_WRONG_TYPE,
              position,
              path,
              text(error.getSchemaNode()),
              typeOf(instance));
      case "enum" ->
          new Diagnostic(
              path.endsWith(".type")
                  ? DiagnosticCode.DOC_UNKNOWN_TYPE
                  : DiagnosticCode.DOC_NOT_ALLOWED_VALUE,
              position,
              path,
              "one of " + joined(error.getSchemaNode()),
              render(instance));
      case "required" ->
          new Diagnostic(
              DiagnosticCode.DOC_MISSING_KEY,
              position,
              path,
              "key \"" + error.getProperty() + "\"",
              "a mapping without it");
      case "additionalProperties" ->
          new Diagnostic(
              DiagnosticCode.DOC_UNKNOWN_KEY,
              position,
              path,
              "one of " + knownKeys(error),
              "\"" + error.getProperty() + "\"");
      case "pattern", "propertyNames" ->
          new Diagnostic(
              DiagnosticCode.DOC_BAD_NAME,
              position,
              path,
              "a value matching " + text(error.getSchemaNode()),
              render(instance));
      case "minLength", "maxLength", "minItems", "maxItems" ->
          new Diagnostic(
              DiagnosticCode.DOC_BAD_LENGTH,
              position,
              path,
              keyword + " " + text(error.getSchemaNode()),
              render(instance));
      case "uniqueItems" ->
          new Diagnostic(
              DiagnosticCode.DOC_DUPLICATE_ITEM,
              position,
              path,
              "no repeated items",
              render(instance));
      default ->
          new Diagnostic(
              DiagnosticCode.DOC_SCHEMA,
              position,
              path,
              keyword + " " + text(error.getSchemaNode()),
              render(instance));
    };
  }

  /** The property names allowed where an unknown key was found, read from the meta-schema. */
  private String knownKeys(Error error) {
    String fragment = String.valueOf(error.getSchemaLocation().getFragment());
    int cut = fragment.lastIndexOf("/additionalProperties");
    JsonNode parent = cut < 0 ? null : schemaJson.at(fragment.substring(0, cut));
    if (parent == null || !parent.has("properties")) {
      return "the keys the meta-schema defines";
    }
    return String.join(", ", parent.get("properties").propertyNames());
  }

  static String jsonPath(NodePath location) {
    StringBuilder sb = new StringBuilder("$");
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Number n) {
        sb.append('[').append(n).append(']');
      } else {
        sb.replace(0, sb.length(), append(sb.toString(), String.valueOf(element)));
      }
    }
    return sb.toString();
  }

  private static String append(String path, String name) {
    return IDENTIFIER.matcher(name).matches() ? path + "." + name : path + "['" + name + "']";
  }

  private static String typeOf(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    return node.isValueNode() ? type + " " + render(node) : type;
  }

  private static String render(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String s = node.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  private static String text(JsonNode node) {
    if (node == null) {
      return "?";
    }
    return node.isString() ? node.stringValue() : node.toString();
  }

  private static String joined(JsonNode node) {
    if (node == null || !node.isArray()) {
      return text(node);
    }
    List<String> values = new ArrayList<>();
    node.forEach(v -> values.add(v.isString() ? v.stringValue() : v.toString()));
    return String.join(", ", values);
  }
}
