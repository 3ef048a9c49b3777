package io.streakmcp.runtime.tools;

import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One paging model over Streak's six: the model asks with {@code limit} and {@code next_cursor};
 * this class turns a {@link CursorState} into Streak's paging parameters, reads the items out of
 * whatever shape Streak answered with, and decides the next state.
 *
 * <p>Every page holds at most {@code limit} items: a Streak page that is larger is served in
 * slices. Every next state is strictly further on (a later page, a later offset, or a new Streak
 * token), and the number of steps is capped, so following the cursor always ends.
 */
final class Paging {
  /** More pages than this is a Streak loop, not a list. */
  static final int MAX_STEPS = 10_000;

  private Paging() {}

  /** The query parameters that ask Streak for the page a state points at. */
  static List<Map.Entry<String, String>> query(PagingStyle style, CursorState s) {
    List<Map.Entry<String, String>> q = new ArrayList<>();
    switch (style) {
      case PAGE_LIMIT -> {
        q.add(new SimpleEntry<>("page", Integer.toString(s.page())));
        q.add(new SimpleEntry<>("limit", Integer.toString(s.limit())));
      }
      case PAGE -> q.add(new SimpleEntry<>("page", Integer.toString(s.page())));
      case CURSOR -> token(q, "cursor", s).add(limit(s));
      case NEXT_PAGE_TOKEN -> token(q, "nextPageToken", s).add(limit(s));
      case SORT_ORDER -> token(q, "sortOrder", s).add(limit(s));
      case NONE -> {}
    }
    return q;
  }

  /**
   * The items of one served page and the state after it.
   *
   * @param items at most {@code limit} items
   * @param next the state of the following page, or empty on the last page
   */
  record Page(List<JsonNode> items, Optional<CursorState> next) {}

  static Page read(PagingStyle style, ResultShape shape, JsonNode body, CursorState s) {
    List<JsonNode> all = items(shape, body);
    int from = Math.min(s.offset(), all.size());
    int to = Math.min(from + s.limit(), all.size());
    List<JsonNode> window = List.copyOf(all.subList(from, to));
    if (s.step() + 1 >= MAX_STEPS) {
      return new Page(window, Optional.empty());
    }
    if (to < all.size()) {
      return new Page(
          window, Optional.of(new CursorState(s.page(), s.token(), to, s.limit(), s.step() + 1)));
    }
    return new Page(window, nextStreakPage(style, body, all, s));
  }

  /**
   * One served page of a paged tool whose answer is one object holding lists (search: boxes,
   * contacts, organisations).
   *
   * @param body the answer with each list cut to at most {@code limit} items
   * @param next the state of the following page, or empty on the last page
   */
  record ObjectPage(ObjectNode body, Optional<CursorState> next) {}

  static ObjectPage readObject(PagingStyle style, ObjectNode body, CursorState s) {
    ObjectNode sliced = body.deepCopy();
    JsonNode results = sliced.path("results");
    boolean more = false;
    int seen = 0;
    if (results instanceof ObjectNode lists) {
      for (var e : lists.properties()) {
        if (e.getValue().isArray()) {
          seen += e.getValue().size();
          more |= e.getValue().size() > s.offset() + s.limit();
          lists.set(e.getKey(), slice((ArrayNode) e.getValue(), s));
        }
      }
    } else if (results instanceof ArrayNode list) {
      seen = list.size();
      more = list.size() > s.offset() + s.limit();
      sliced.set("results", slice(list, s));
    }
    int step = s.step() + 1;
    if (style != PagingStyle.PAGE || step >= MAX_STEPS || seen == 0) {
      return new ObjectPage(sliced, Optional.empty());
    }
    CursorState next =
        more
            ? new CursorState(s.page(), null, s.offset() + s.limit(), s.limit(), step)
            : new CursorState(s.page() + 1, null, 0, s.limit(), step);
    return new ObjectPage(sliced, Optional.of(next));
  }

  private static ArrayNode slice(ArrayNode list, CursorState s) {
    ArrayNode out = list.arrayNode();
    for (int i = s.offset(); i < Math.min(list.size(), s.offset() + s.limit()); i++) {
      out.add(list.get(i));
    }
    return out;
  }

  private static Optional<CursorState> nextStreakPage(
      PagingStyle style, JsonNode body, List<JsonNode> all, CursorState s) {
    int step = s.step() + 1;
    return switch (style) {
      case NONE -> Optional.empty();
      case PAGE_LIMIT ->
          hasMore(body, all, s)
              ? Optional.of(new CursorState(s.page() + 1, null, 0, s.limit(), step))
              : Optional.empty();
      case PAGE ->
          all.isEmpty()
              ? Optional.empty()
              : Optional.of(new CursorState(s.page() + 1, null, 0, s.limit(), step));
      case CURSOR -> nextToken(all, text(body, "cursor"), s);
      case NEXT_PAGE_TOKEN -> nextToken(all, text(body, "nextPage"), s);
      case SORT_ORDER ->
          hasMore(body, all, s) && !all.isEmpty()
              ? nextToken(all, text(all.get(all.size() - 1), "sortOrder"), s)
              : Optional.empty();
    };
  }

  private static Optional<CursorState> nextToken(List<JsonNode> all, String token, CursorState s) {
    // An empty page, no token, or the token we just used: the list is over (or Streak loops).
    if (all.isEmpty() || token == null || token.isEmpty() || token.equals(s.token())) {
      return Optional.empty();
    }
    return Optional.of(new CursorState(s.page(), token, 0, s.limit(), s.step() + 1));
  }

  private static boolean hasMore(JsonNode body, List<JsonNode> all, CursorState s) {
    JsonNode flag = body.get("hasNextPage");
    if (flag != null && flag.isBoolean()) {
      return flag.booleanValue();
    }
    // A bare array carries no flag: a full page may have a successor, a short one does not.
    return all.size() >= s.limit();
  }

  /** The list inside an answer, whatever its shape; readers accept both array forms. */
  static List<JsonNode> items(ResultShape shape, JsonNode body) {
    List<JsonNode> out = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(out::add);
    } else if (body.has("results") && body.get("results").isArray()) {
      body.get("results").forEach(out::add);
    } else if (body.has("entries") && body.get("entries").isArray()) {
      body.get("entries").forEach(out::add);
    } else if (shape == ResultShape.KEYED_MAP && body.isObject()) {
      body.forEach(
          v -> {
            if (v.isObject()) {
              out.add(v);
            }
          });
    }
    return out;
  }

  private static List<Map.Entry<String, String>> token(
      List<Map.Entry<String, String>> q, String name, CursorState s) {
    if (s.token() != null) {
      q.add(new SimpleEntry<>(name, s.token()));
    }
    return q;
  }

  private static Map.Entry<String, String> limit(CursorState s) {
    return new SimpleEntry<>("limit", Integer.toString(s.limit()));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }
}
