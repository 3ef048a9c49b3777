package io.streakmcp.server.sandbox;

import io.streakmcp.runtime.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Streak's paging styles, over an already filtered and ordered list. */
final class Pages {
  static final int MAX_LIMIT = 1000;

  private Pages() {}

  /** {@code page} (0-based) and {@code limit}: {@code {results, hasNextPage}}. */
  static ObjectNode pageLimit(Call call, List<? extends JsonNode> all, int defaultLimit) {
    int limit = call.queryInt("limit", defaultLimit, 1, MAX_LIMIT);
    int page = call.queryInt("page", 0, 0, Integer.MAX_VALUE);
    long from = Math.min((long) page * limit, all.size());
    int to = (int) Math.min(from + limit, all.size());
    ObjectNode out = Json.object();
    out.set("results", array(all.subList((int) from, to)));
    out.put("hasNextPage", to < all.size());
    return out;
  }

  /**
   * An opaque {@code cursor} and {@code limit}: {@code {results, cursor}}. As Streak does, every
   * non-empty page carries a cursor; the list is over when a page comes back empty.
   */
  static ObjectNode cursor(Call call, List<? extends JsonNode> all) {
    int limit = call.queryInt("limit", 100, 1, MAX_LIMIT);
    int from = decode(call.query("cursor"));
    int start = Math.min(from, all.size());
    int to = Math.min(start + limit, all.size());
    ObjectNode out = Json.object();
    out.set("results", array(all.subList(start, to)));
    if (to > start) {
      out.put("cursor", encode(to));
    }
    return out;
  }

  static ArrayNode array(List<? extends JsonNode> items) {
    ArrayNode a = Json.array();
    items.forEach(a::add);
    return a;
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (raw.startsWith("offset:")) {
        return Math.max(0, Integer.parseInt(raw.substring("offset:".length())));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below
    }
    throw ApiError.badRequest("cursor is not one this API gave out");
  }
}
