package io.streakmcp.runtime.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each of Streak's paging styles: the query asked for, the items read, the next state. */
class PagingTest {

  private static JsonNode json(String s) {
    return Json.MAPPER.readTree(s);
  }

  private static List<String> query(PagingStyle style, CursorState s) {
    return Paging.query(style, s).stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  @Test
  void pageAndLimitFollowsHasNextPage() {
    CursorState s = CursorState.first(2);
    assertEquals(List.of("page=0", "limit=2"), query(PagingStyle.PAGE_LIMIT, s));
    var page =
        Paging.read(
            PagingStyle.PAGE_LIMIT,
            ResultShape.RESULTS,
            json("{\"results\":[{},{}],\"hasNextPage\":true}"),
            s);
    assertEquals(1, page.next().orElseThrow().page());
    var last =
        Paging.read(
            PagingStyle.PAGE_LIMIT,
            ResultShape.RESULTS,
            json("{\"results\":[{}],\"hasNextPage\":false}"),
            page.next().orElseThrow());
    assertTrue(last.next().isEmpty());
  }

  @Test
  void aBareArrayWithoutAFlagEndsOnAShortPage() {
    var full =
        Paging.read(
            PagingStyle.PAGE_LIMIT, ResultShape.ARRAY, json("[{},{}]"), CursorState.first(2));
    assertTrue(full.next().isPresent());
    var shortPage =
        Paging.read(PagingStyle.PAGE_LIMIT, ResultShape.ARRAY, json("[{}]"), CursorState.first(2));
    assertTrue(shortPage.next().isEmpty());
  }

  @Test
  void streakCursorStopsOnAnEmptyPageOrARepeatedCursor() {
    CursorState s = CursorState.first(5);
    assertEquals(List.of("limit=5"), query(PagingStyle.CURSOR, s));
    var page =
        Paging.read(
            PagingStyle.CURSOR,
            ResultShape.RESULTS,
            json("{\"results\":[{}],\"cursor\":\"c1\"}"),
            s);
    CursorState next = page.next().orElseThrow();
    assertEquals(List.of("cursor=c1", "limit=5"), query(PagingStyle.CURSOR, next));
    assertTrue(
        Paging.read(
                PagingStyle.CURSOR,
                ResultShape.RESULTS,
                json("{\"results\":[{}],\"cursor\":\"c1\"}"),
                next)
            .next()
            .isEmpty(),
        "a loop ends");
    assertTrue(
        Paging.read(
                PagingStyle.CURSOR,
                ResultShape.RESULTS,
                json("{\"results\":[],\"cursor\":\"c2\"}"),
                next)
            .next()
            .isEmpty(),
        "an empty page ends");
  }

  @Test
  void nextPageTokenReadsEntriesAndNextPage() {
    var page =
        Paging.read(
            PagingStyle.NEXT_PAGE_TOKEN,
            ResultShape.RESULTS,
            json("{\"entries\":[{},{}],\"nextPage\":\"t2\"}"),
            CursorState.first(5));
    assertEquals(2, page.items().size());
    assertEquals(
        List.of("nextPageToken=t2", "limit=5"),
        query(PagingStyle.NEXT_PAGE_TOKEN, page.next().orElseThrow()));
  }

  @Test
  void sortOrderUsesTheLastItemsSortOrder() {
    var page =
        Paging.read(
            PagingStyle.SORT_ORDER,
            ResultShape.RESULTS,
            json("{\"results\":[{\"sortOrder\":5},{\"sortOrder\":9}],\"hasNextPage\":true}"),
            CursorState.first(2));
    assertEquals("9", page.next().orElseThrow().token());
  }

  @Test
  void aLargeStreakPageIsServedInSlicesOfLimit() {
    JsonNode seven =
        json("[{\"k\":0},{\"k\":1},{\"k\":2},{\"k\":3},{\"k\":4},{\"k\":5},{\"k\":6}]");
    CursorState s = CursorState.first(3);
    int served = 0;
    int calls = 0;
    while (s != null) {
      var page = Paging.read(PagingStyle.NONE, ResultShape.ARRAY, seven, s);
      assertTrue(page.items().size() <= 3);
      served += page.items().size();
      s = page.next().orElse(null);
      calls++;
    }
    assertEquals(7, served);
    assertEquals(3, calls);
  }

  @Test
  void keyedMapsBecomeLists() {
    assertEquals(
        2,
        Paging.items(ResultShape.KEYED_MAP, json("{\"1\":{\"name\":\"a\"},\"2\":{\"name\":\"b\"}}"))
            .size());
  }

  @Test
  void theStepCapEndsEvenAStreakThatNeverStops() {
    CursorState nearCap = new CursorState(9998, null, 0, 1, Paging.MAX_STEPS - 1);
    assertTrue(
        Paging.read(
                PagingStyle.PAGE_LIMIT,
                ResultShape.RESULTS,
                json("{\"results\":[{}],\"hasNextPage\":true}"),
                nearCap)
            .next()
            .isEmpty());
  }

  @Test
  void searchStyleObjectPagesAreSlicedByLimitThenMoveToTheNextStreakPage() {
    tools.jackson.databind.node.ObjectNode body =
        (tools.jackson.databind.node.ObjectNode)
            json(
                "{\"results\":{\"boxes\":[{\"k\":1},{\"k\":2},{\"k\":3}],\"contacts\":[{\"c\":1}]}}");
    var first = Paging.readObject(PagingStyle.PAGE, body, CursorState.first(2));
    assertEquals(2, first.body().path("results").path("boxes").size());
    CursorState next = first.next().orElseThrow();
    assertEquals(0, next.page(), "the same Streak page, further on");
    assertEquals(2, next.offset());
    var second = Paging.readObject(PagingStyle.PAGE, body, next);
    assertEquals(1, second.body().path("results").path("boxes").size());
    assertEquals(0, second.body().path("results").path("contacts").size());
    assertEquals(1, second.next().orElseThrow().page(), "then the next Streak page");
    var empty =
        Paging.readObject(
            PagingStyle.PAGE,
            (tools.jackson.databind.node.ObjectNode)
                json("{\"results\":{\"boxes\":[],\"contacts\":[]}}"),
            CursorState.first(2));
    assertTrue(empty.next().isEmpty(), "an empty Streak page ends the list");
  }
}
