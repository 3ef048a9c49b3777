package io.streakmcp.generator.model;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds {@code source} chains a model can never start. A required key's {@code source} tells the
 * model which tool to call first for it; when that tool in turn needs a key sourced from the first
 * (or a tool needs its own key), every tool on the loop waits for another and none can be called. A
 * tool can be called first when each of its required sourced keys comes from a tool that can;
 * whatever is left over after that is settled lies on or behind a loop, and each loop is reported
 * once, at the key of its first tool by name, with the whole loop spelled out.
 *
 * <p>Optional keys are left out: a tool that lists folders may well take an optional parent from
 * its own results. Sources that name no generated tool are reported elsewhere (DOC-UNKNOWN-SOURCE).
 */
final class SourceCycles {
  /** A required argument of {@code tool} whose key comes from {@code source}. */
  private record Need(String tool, ArgumentModel argument, String source) {}

  static void check(Map<String, List<ArgumentModel>> tools, List<Diagnostic> problems) {
    Map<String, List<Need>> needs = new LinkedHashMap<>();
    tools.forEach(
        (tool, arguments) -> {
          List<Need> sourced = new ArrayList<>();
          for (ArgumentModel a : arguments) {
            String source = a.spec().source();
            if (a.required() && source != null && tools.containsKey(source)) {
              sourced.add(new Need(tool, a, source));
            }
          }
          needs.put(tool, sourced);
        });
    Set<String> callable = callable(needs);
    Set<Set<String>> reported = new HashSet<>();
    for (String tool : new TreeSet<>(needs.keySet())) {
      if (callable.contains(tool)) {
        continue;
      }
      List<Need> loop = loopFrom(tool, needs, callable);
      Set<String> members = new TreeSet<>();
      loop.forEach(n -> members.add(n.tool()));
      if (!loop.isEmpty() && reported.add(members)) {
        problems.add(diagnostic(loop));
      }
    }
  }

  /** The tools that can be called first, or after others that can: a fixpoint. */
  private static Set<String> callable(Map<String, List<Need>> needs) {
    Set<String> callable = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var entry : needs.entrySet()) {
        if (!callable.contains(entry.getKey())
            && entry.getValue().stream().allMatch(n -> callable.contains(n.source()))) {
          callable.add(entry.getKey());
          grew = true;
        }
      }
    }
    return callable;
  }

  /**
   * Walks from {@code start} through keys whose source cannot be called until a tool repeats, and
   * returns the needs that form the loop (empty if the walk ends, which a stuck tool never does:
   * each has a need whose source is stuck too).
   */
  private static List<Need> loopFrom(
      String start, Map<String, List<Need>> needs, Set<String> callable) {
    List<Need> walk = new ArrayList<>();
    Map<String, Integer> visitedAt = new LinkedHashMap<>();
    String tool = start;
    while (!visitedAt.containsKey(tool)) {
      visitedAt.put(tool, walk.size());
      Need stuck =
          needs.get(tool).stream()
              .filter(n -> !callable.contains(n.source()))
              .findFirst()
              .orElse(null);
      if (stuck == null) {
        return List.of();
      }
      walk.add(stuck);
      tool = stuck.source();
    }
    List<Need> loop = walk.subList(visitedAt.get(tool), walk.size());
    // Start the loop at its first tool by name, so the report does not depend on where the walk
    // came in.
    int first = 0;
    for (int i = 1; i < loop.size(); i++) {
      if (loop.get(i).tool().compareTo(loop.get(first).tool()) < 0) {
        first = i;
      }
    }
    List<Need> rotated = new ArrayList<>(loop.subList(first, loop.size()));
    rotated.addAll(loop.subList(0, first));
    return rotated;
  }

  private static Diagnostic diagnostic(List<Need> loop) {
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < loop.size(); i++) {
      Need n = loop.get(i);
      found
          .append(i == 0 ? n.tool() : ", which")
          .append(" needs ")
          .append(n.argument().name())
          .append(" from ")
          .append(n.source());
    }
    if (loop.size() == 1) {
      found.append(" itself");
    } else {
      found.append(": a loop");
    }
    Need at = loop.get(0);
    return new Diagnostic(
        DiagnosticCode.DOC_SOURCE_CYCLE,
        at.argument().spec().position(),
        at.argument().spec().jsonPath() + ".source",
        "a required key sourced from a tool that can be called without it",
        found.toString());
  }

  private SourceCycles() {}
}
