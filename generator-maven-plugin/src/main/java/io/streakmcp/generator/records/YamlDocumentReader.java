package io.streakmcp.generator.records;

import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.diagnostics.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one YAML file into location-aware nodes. Three things hand-edited YAML gets wrong silently
 * are errors here: a repeated key (the last one wins and the earlier text is lost), an alias such
 * as {@code *name} (Jackson does not expand aliases, so the anchor's name would become the text),
 * and bytes that are not UTF-8.
 */
public final class YamlDocumentReader {
  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The parsed document, or the diagnostics that say where the file breaks. */
  public Parsed read(Path file) throws IOException {
    Utf8Text.Result decoded = Utf8Text.decode(file, Files.readAllBytes(file));
    if (decoded.problem().isPresent()) {
      return Parsed.failed(List.of(decoded.problem().get()));
    }
    String text = decoded.text();
    JsonNode root;
    try (JsonParser parser = yaml.createParser(text)) {
      root = yaml.reader().with(new LocationJsonNodeFactory(parser)).readTree(parser);
    } catch (JacksonException e) {
      return Parsed.failed(List.of(parseProblem(file, e)));
    }
    if (root == null || root.isMissingNode()) {
      return Parsed.failed(
          List.of(
              new Diagnostic(
                  DiagnosticCode.DOC_YAML_SYNTAX,
                  SourcePosition.of(file),
                  "$",
                  "a YAML mapping",
                  "an empty file")));
    }
    List<Diagnostic> aliases = aliases(file, text);
    if (!aliases.isEmpty()) {
      return Parsed.failed(aliases);
    }
    return new Parsed(new YamlDocument(file, root), List.of());
  }

  private static Diagnostic parseProblem(Path file, JacksonException e) {
    String message = e.getOriginalMessage() == null ? "unreadable YAML" : e.getOriginalMessage();
    SourcePosition at = position(file, e.getLocation());
    if (message.startsWith("Duplicate Object property")) {
      return new Diagnostic(
          DiagnosticCode.DOC_DUPLICATE_KEY, at, "$", "each key once per mapping", message);
    }
    return new Diagnostic(DiagnosticCode.DOC_YAML_SYNTAX, at, "$", "valid YAML", oneLine(message));
  }

  /** Every alias in the file: the parse succeeded, so the event stream is well formed. */
  private static List<Diagnostic> aliases(Path file, String text) {
    List<Diagnostic> out = new ArrayList<>();
    for (Event event : new Parse(LoadSettings.builder().build()).parseString(text)) {
      if (event.getEventId() == Event.ID.Alias) {
        Mark mark = event.getStartMark().orElse(null);
        SourcePosition at =
            mark == null
                ? SourcePosition.of(file)
                : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
        out.add(
            new Diagnostic(
                DiagnosticCode.DOC_YAML_ALIAS,
                at,
                "$",
                "the text written out (records do not expand YAML aliases)",
                "an alias"));
      }
    }
    return out;
  }

  private static SourcePosition position(Path file, TokenStreamLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return SourcePosition.of(file);
    }
    return new SourcePosition(file, location.getLineNr(), location.getColumnNr());
  }

  /** The parser's message on one line: its own line breaks would break the javac shape. */
  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", "; ");
  }

  /**
   * The outcome of reading one file.
   *
   * @param document the document, or null when it could not be used
   * @param diagnostics the problems
   */
  public record Parsed(YamlDocument document, List<Diagnostic> diagnostics) {
    static Parsed failed(List<Diagnostic> diagnostics) {
      return new Parsed(null, diagnostics);
    }
  }
}
