package io.streakmcp.generator.schema;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON byte-for-byte the same every time: two-space indent, {@code ": "} between name and
 * value, keys in the order the generator built them, and a trailing newline.
 *
 * <p>Keys are not sorted alphabetically, on purpose: the generators build every object in a fixed
 * order (keywords with {@code type} first; arguments path first, then query, body and paging),
 * because a model reads a schema top-down. The order depends only on the records, never on hash
 * iteration, so determinism holds without sorting.
 */
public final class CanonicalJson {
  private static final JsonMapper MAPPER = JsonMapper.shared();

  private CanonicalJson() {}

  /** The pretty form, for files. */
  public static String pretty(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb, 0);
    return sb.append('\n').toString();
  }

  /** The compact form, as it goes over the wire. */
  public static String compact(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  private static void write(JsonNode node, StringBuilder sb, int depth) {
    if (node.isObject() && !node.isEmpty()) {
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        indent(sb, depth + 1).append(MAPPER.writeValueAsString(e.getKey())).append(": ");
        write(e.getValue(), sb, depth + 1);
        sb.append(++i < node.size() ? ",\n" : "\n");
      }
      indent(sb, depth).append('}');
    } else if (node.isArray() && !node.isEmpty()) {
      sb.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        indent(sb, depth + 1);
        write(node.get(i), sb, depth + 1);
        sb.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      indent(sb, depth).append(']');
    } else {
      sb.append(MAPPER.writeValueAsString(node));
    }
  }

  private static StringBuilder indent(StringBuilder sb, int depth) {
    return sb.append("  ".repeat(depth));
  }
}
