package io.streakmcp.runtime.tools;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a tool's arguments against its input schema before anything reaches Streak. Each problem
 * names the argument and says what is valid, so a model can correct itself in one turn.
 *
 * <p>The generated schemas leave out {@code additionalProperties} for portability (see the
 * generator's PortableSchemaRules), so unknown arguments are caught here by name instead.
 */
public final class ArgumentValidator {
  private final ObjectNode inputSchema;
  private volatile Schema schema;

  /**
   * The schema is compiled on the tool's first call, not here: compiling all of them (and starting
   * the validator library) was a tenth of the server's cold start, for tools a session may never
   * call. The generated schemas are compiled by the tests.
   */
  public ArgumentValidator(ObjectNode inputSchema) {
    this.inputSchema = inputSchema;
  }

  /** The validator library's registry, started on first use. */
  private static final class Registry {
    static final SchemaRegistry INSTANCE =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  }

  private Schema schema() {
    Schema compiled = schema;
    if (compiled == null) {
      // Two first calls at once may both compile; either result is the same schema.
      compiled = Registry.INSTANCE.getSchema(inputSchema.toString(), InputFormat.JSON);
      schema = compiled;
    }
    return compiled;
  }

  /** Every problem with the arguments; empty when they are valid. */
  public List<String> validate(ObjectNode arguments) {
    Set<String> problems = new LinkedHashSet<>();
    JsonNode properties = inputSchema.path("properties");
    for (Iterator<String> names = arguments.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!properties.has(name)) {
        problems.add(
            "`"
                + name
                + "` is not an argument of this tool; valid arguments: "
                + (properties.isEmpty() ? "none" : String.join(", ", properties.propertyNames())));
      }
    }
    // The schema library reads numbers as longs when it compares them with a minimum or maximum,
    // and a number beyond a long's range (1e30) made it throw: such arguments are refused here by
    // name, and only the others are handed to it.
    ObjectNode checkable = arguments;
    for (String name : arguments.propertyNames()) {
      if (hasHugeNumber(arguments.get(name))) {
        problems.add(
            "`"
                + name
                + "` is "
                + shorten(arguments.get(name).toString())
                + ", a number beyond any range this tool takes; valid: "
                + valid(properties.path(name)));
        if (checkable == arguments) {
          checkable = arguments.deepCopy();
        }
        checkable.remove(name);
      }
    }
    for (Error error : schema().validate(checkable)) {
      problems.add(describe(error, properties));
    }
    return new ArrayList<>(problems);
  }

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /**
   * True when a value holds a number whose magnitude is beyond a long's, at any depth. Only the
   * magnitude counts: Jackson's canConvertToLong also says no to every fraction, and 0.5 is an
   * ordinary number for the library to judge.
   */
  private static boolean hasHugeNumber(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue().abs().compareTo(LONG_MAX) > 0;
    }
    if (value.isContainer()) {
      for (JsonNode v : value.values()) {
        if (hasHugeNumber(v)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Error error, JsonNode properties) {
    String field = field(error.getInstanceLocation());
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      String name = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
      return "`" + name + "` is required: " + valid(properties.path(error.getProperty()));
    }
    // A top-level argument is described from its schema; deeper values by the rule they broke.
    JsonNode schemaOfField =
        error.getInstanceLocation().getNameCount() == 1
            ? properties.path(String.valueOf(error.getInstanceLocation().getElement(0)))
            : null;
    String got =
        error.getInstanceNode() == null ? "nothing" : shorten(error.getInstanceNode().toString());
    String valid =
        schemaOfField != null && !schemaOfField.isMissingNode()
            ? valid(schemaOfField)
            : rule(error);
    return "`" + (field.isEmpty() ? "arguments" : field) + "` is " + got + "; valid: " + valid;
  }

  /** What the schema allows for one argument, in words. */
  static String valid(JsonNode property) {
    if (property == null || property.isMissingNode()) {
      return "see the tool's input schema";
    }
    StringBuilder sb = new StringBuilder(article(property.path("type").asString("value")));
    if (property.has("enum")) {
      List<String> values = new ArrayList<>();
      property.get("enum").forEach(v -> values.add(v.asString()));
      sb.append(", one of ").append(String.join(", ", values));
    }
    if (property.has("minimum") || property.has("maximum")) {
      sb.append(" from ")
          .append(property.path("minimum").asString("any"))
          .append(" to ")
          .append(property.path("maximum").asString("any"));
    }
    if (property.has("items")) {
      sb.append(" of ").append(property.get("items").path("type").asString("values"));
    }
    if (property.has("description")) {
      sb.append(" (").append(property.get("description").asString()).append(')');
    }
    return sb.toString();
  }

  private static String rule(Error error) {
    String message = error.getMessage();
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }

  private static String article(String type) {
    return switch (type) {
      case "integer", "array", "object" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String field(NodePath path) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Number n) {
        sb.append('[').append(n).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(element);
      }
    }
    return sb.toString();
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
