package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.tool.ArgumentBinding;
import io.streakmcp.runtime.tool.ArgumentLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The values a tool puts in Streak's URL path must be plain Streak keys: letters, digits, {@code -}
 * and {@code _}, as every key Streak hands out is. Encoding alone kept a hostile value inside its
 * segment, but still sent {@code %2E%2E%2F...}, CRLF, NUL and look-alike letters to Streak (and to
 * any proxy in between that decodes before routing); a value that cannot be a key is refused before
 * a URL is built, naming the argument and what a key looks like.
 */
final class PathKeys {
  /** Longer than any key Streak makes, short enough that no URL grows past a server's limit. */
  static final int MAX_LENGTH = 256;

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

  private PathKeys() {}

  /** True when a value can be sent as a key. */
  static boolean plain(String value) {
    return PLAIN.matcher(value).matches();
  }

  /**
   * What is wrong with the tool's path arguments, one line each; empty when all are plain keys.
   *
   * @param later arguments to leave alone, because the live schema will still turn names given
   *     there into keys (they are checked again after that)
   */
  static List<String> problems(ToolEntry tool, ObjectNode arguments, Collection<String> later) {
    List<String> problems = new ArrayList<>();
    for (ArgumentBinding a : tool.definition().binding().arguments()) {
      JsonNode v = arguments.get(a.argument());
      if (a.location() != ArgumentLocation.PATH
          || later.contains(a.argument())
          || v == null
          || !v.isString()
          || plain(v.stringValue())) {
        continue;
      }
      String shown = Json.write(v);
      problems.add(
          "`"
              + a.argument()
              + "` is "
              + (shown.length() > 60 ? shown.substring(0, 57) + "...\"" : shown)
              + (v.stringValue().length() > MAX_LENGTH
                  ? " (" + v.stringValue().length() + " characters)"
                  : "")
              + "; valid: a Streak key, 1 to "
              + MAX_LENGTH
              + " letters, digits, - or _ (no /, ., %, spaces or other characters), as returned"
              + " by the tool named in its description");
    }
    return problems;
  }
}
