package io.streakmcp.generator.records;

import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.diagnostics.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one YAML file into location-aware nodes. Duplicate keys are an error: in hand-edited YAML a
 * repeated key silently wins, and the earlier text is lost without a word.
 */
public final class YamlDocumentReader {
  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The parsed document, or a diagnostic that says where the YAML breaks. */
  public Parsed read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try (JsonParser parser = yaml.createParser(text)) {
      JsonNode root = yaml.reader().with(new LocationJsonNodeFactory(parser)).readTree(parser);
      if (root == null || root.isMissingNode()) {
        return Parsed.failed(syntax(file, null, "a YAML mapping", "an empty file"));
      }
      return new Parsed(new YamlDocument(file, root), List.of());
    } catch (JacksonException e) {
      boolean duplicate =
          e.getOriginalMessage() != null
              && e.getOriginalMessage().startsWith("Duplicate Object property");
      Diagnostic d =
          duplicate
              ? new Diagnostic(
                  DiagnosticCode.DOC_DUPLICATE_KEY,
                  position(file, e.getLocation()),
                  "$",
                  "each key once per mapping",
                  e.getOriginalMessage())
              : syntax(file, e.getLocation(), "valid YAML", firstLine(e.getOriginalMessage()));
      return Parsed.failed(d);
    }
  }

  private static Diagnostic syntax(
      Path file, TokenStreamLocation location, String expected, String found) {
    return new Diagnostic(
        DiagnosticCode.DOC_YAML_SYNTAX, position(file, location), "$", expected, found);
  }

  private static SourcePosition position(Path file, TokenStreamLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return SourcePosition.of(file);
    }
    return new SourcePosition(file, location.getLineNr(), location.getColumnNr());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * The outcome of reading one file.
   *
   * @param document the document, or null when it could not be parsed
   * @param diagnostics the parse problems
   */
  public record Parsed(YamlDocument document, List<Diagnostic> diagnostics) {
    static Parsed failed(Diagnostic diagnostic) {
      return new Parsed(null, List.of(diagnostic));
    }
  }
}
