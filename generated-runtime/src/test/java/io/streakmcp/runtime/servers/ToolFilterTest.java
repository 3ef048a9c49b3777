package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.tools.ToolEntry;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToolFilterTest {
  private static ToolCatalog catalog;

  @BeforeAll
  static void loadCatalog() {
    catalog = ToolCatalog.of(new TestToolRegistry());
  }

  private static List<String> kept(List<String> methods, List<String> tags) {
    return catalog
        .filter(ToolFilter.predicate(new ServerConfig(methods, tags, false)))
        .all()
        .stream()
        .map(ToolEntry::name)
        .toList();
  }

  private static List<String> problems(List<String> methods, List<String> tags) {
    return ToolFilter.problems(new ServerConfig(methods, tags, false), catalog);
  }

  @Test
  void theTestCatalogLoadsEveryToolAndItsSchema() {
    assertEquals(9, catalog.size());
    assertEquals(
        "string",
        catalog
            .find("get_box")
            .orElseThrow()
            .inputSchema()
            .path("properties")
            .path("note")
            .path("type")
            .asString());
  }

  @Test
  void readKeepsListAndGetOnly() {
    assertEquals(
        List.of("get_box", "get_pipeline", "list_boxes", "list_tasks"),
        kept(List.of("read"), List.of()));
  }

  @Test
  void writeKeepsCreateUpdateAndDelete() {
    assertEquals(
        List.of("create_box", "create_task", "delete_box", "update_box"),
        kept(List.of("write"), List.of()));
  }

  @Test
  void customKeepsCustomToolsOnly() {
    assertEquals(List.of("search_everything"), kept(List.of("custom"), List.of()));
  }

  @Test
  void aSingleKindKeepsThatKind() {
    assertEquals(List.of("delete_box"), kept(List.of("delete"), List.of()));
    assertEquals(List.of("create_box", "create_task"), kept(List.of("create"), List.of()));
    assertEquals(List.of("list_boxes", "list_tasks"), kept(List.of("list"), List.of()));
    assertEquals(List.of("get_box", "get_pipeline"), kept(List.of("get"), List.of()));
    assertEquals(List.of("update_box"), kept(List.of("update"), List.of()));
  }

  @Test
  void anExactToolNameKeepsThatTool() {
    assertEquals(List.of("get_box"), kept(List.of("get_box"), List.of()));
    assertEquals(
        List.of("delete_box", "get_box"),
        kept(List.of("get_box", "delete"), List.of()),
        "several words are a union, in catalog order");
    assertEquals(
        List.of("create_task", "search_everything"),
        kept(List.of("custom", "create_task"), List.of()));
  }

  @Test
  void tagsAndMethodsCombineWithAnd() {
    assertEquals(
        List.of("get_box", "list_boxes", "list_tasks"), kept(List.of("read"), List.of("box")));
    assertEquals(List.of("create_task"), kept(List.of("write"), List.of("task")));
    assertEquals(List.of("list_tasks"), kept(List.of("list"), List.of("task")));
    assertEquals(List.of(), kept(List.of("custom"), List.of("box")));
  }

  @Test
  void tagsAloneMatchAnyOfTheirTags() {
    assertEquals(
        List.of("create_task", "list_tasks", "search_everything"),
        kept(List.of(), List.of("task", "search")));
  }

  @Test
  void emptyListsKeepEverything() {
    assertEquals(catalog.all().stream().map(ToolEntry::name).toList(), kept(List.of(), List.of()));
    assertEquals(List.of(), problems(List.of(), List.of()));
  }

  @Test
  void validConfigsHaveNoProblems() {
    assertEquals(List.of(), problems(List.of("read", "write", "custom"), List.of("box")));
    assertEquals(List.of(), problems(List.of("delete", "get_pipeline"), List.of()));
    assertEquals(List.of(), problems(List.of(), List.of("pipeline", "search")));
  }

  @Test
  void unknownMethodsAreNamedWithTheValidWords() {
    List<String> problems = problems(List.of("read", "reed", "READ", "get_boxes"), List.of());
    assertEquals(1, problems.size(), problems.toString());
    String p = problems.get(0);
    assertTrue(p.startsWith("config.methods: unknown [reed, READ, get_boxes]"), p);
    assertTrue(p.contains("read, write, custom, list, get, create, update, delete"), p);
    assertTrue(p.contains("a tool name such as create_box, create_task, delete_box"), p);
  }

  @Test
  void unknownTagsAreNamedWithTheValidTags() {
    List<String> problems = problems(List.of("read"), List.of("boxes", "box"));
    assertEquals(
        List.of("config.tags: unknown [boxes]; valid: box, pipeline, search, task"), problems);
  }

  @Test
  void bothKindsOfUnknownWordAreReportedTogether() {
    List<String> problems = problems(List.of("wrote"), List.of("tasks"));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("config.methods: unknown [wrote]"));
    assertTrue(problems.get(1).startsWith("config.tags: unknown [tasks]"));
  }

  @Test
  void aFilterThatMatchesNoToolIsReported() {
    List<String> problems = problems(List.of("custom"), List.of("box"));
    assertEquals(1, problems.size(), problems.toString());
    String p = problems.get(0);
    assertTrue(p.contains("match no tool"), p);
    assertTrue(p.contains("[custom]") && p.contains("[box]"), p);
    assertTrue(p.contains("box, pipeline, search, task"), p);
    assertEquals(1, problems(List.of("delete"), List.of("task")).size());
  }
}
