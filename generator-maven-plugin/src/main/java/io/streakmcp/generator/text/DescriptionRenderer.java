package io.streakmcp.generator.text;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import io.streakmcp.generator.model.ArgumentModel;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.records.ParamSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders descriptions from the templates beside this class. Pure: model in, strings out. Templates
 * hold the wording; records hold the facts; so the wording can change in one place.
 */
public final class DescriptionRenderer {
  /** How argument-description.mustache introduces a chaining hint; the report finds hints by it. */
  public static final String HINT_PREFIX = " From ";

  /** The largest page a tool may ask for: long pages cost context for little gain. */
  public static final int MAX_LIMIT = 100;

  private final Mustache tool;
  private final Mustache argument;
  private final Mustache nextCursor;
  private final Mustache resultCursor;

  public DescriptionRenderer() {
    MustacheFactory factory = new PlainTextMustacheFactory();
    this.tool = factory.compile("io/streakmcp/generator/text/tool-description.mustache");
    this.argument = factory.compile("io/streakmcp/generator/text/argument-description.mustache");
    this.resultCursor =
        factory.compile("io/streakmcp/generator/text/result-cursor-description.mustache");
    this.nextCursor =
        factory.compile("io/streakmcp/generator/text/next-cursor-description.mustache");
  }

  /** The tool's description and the description of every argument it takes. */
  public ToolText render(ToolModel model) {
    String description =
        run(
            tool,
            Map.of(
                "summary", sentence(model.summary()),
                "pitfalls", model.pitfalls().stream().map(DescriptionRenderer::sentence).toList()));
    Map<String, String> arguments = new HashMap<>();
    Map<String, String> nested = new HashMap<>();
    for (ArgumentModel a : model.arguments()) {
      arguments.put(a.name(), describe(a.spec()));
      describeNested(a.spec(), nested);
    }
    if (model.paged()) {
      arguments.put("next_cursor", run(nextCursor, Map.of()));
    }
    return new ToolText(
        description, arguments, nested, model.paged() ? run(resultCursor, Map.of()) : null);
  }

  /** A parameter's description with its chaining hint, or null when it has neither. */
  private String describe(ParamSpec spec) {
    if (spec.description() == null && spec.source() == null) {
      return null;
    }
    Map<String, Object> scope = new HashMap<>();
    scope.put("description", spec.description() == null ? "" : sentence(spec.description()));
    if (spec.source() != null) {
      scope.put("source", spec.source());
    }
    return run(argument, scope);
  }

  private void describeNested(ParamSpec spec, Map<String, String> out) {
    if (spec.items() != null) {
      putIfPresent(out, spec.items().jsonPath(), describe(spec.items()));
      describeNested(spec.items(), out);
    }
    for (ParamSpec p : spec.properties().values()) {
      putIfPresent(out, p.jsonPath(), describe(p));
      describeNested(p, out);
    }
  }

  private static void putIfPresent(Map<String, String> out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  private static String run(Mustache template, Object scope) {
    StringWriter out = new StringWriter();
    template.execute(out, List.of(scope));
    return out.toString().strip();
  }

  /** Trims and ends the text with a full stop, so templates can join sentences safely. */
  static String sentence(String text) {
    String s = text.strip().replaceAll("\\s+", " ");
    if (s.isEmpty() || s.endsWith(".") || s.endsWith("?") || s.endsWith("!")) {
      return s;
    }
    return s + ".";
  }

  /** Descriptions are plain text for a model, never HTML: write values as they are. */
  private static final class PlainTextMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
