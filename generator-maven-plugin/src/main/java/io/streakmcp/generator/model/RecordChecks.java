package io.streakmcp.generator.model;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.records.DocRecord;
import io.streakmcp.generator.records.ParamSpec;
import io.streakmcp.generator.records.SurfaceMethod;
import io.streakmcp.runtime.tool.ArgumentLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one record against its surface method and turns its parameters into arguments: path
 * parameters first in path order, then query, then body.
 */
final class RecordChecks {
  /** Arguments the runtime adds to every paged tool. */
  static final Set<String> PAGING_ARGUMENTS = Set.of("limit", "next_cursor");

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private RecordChecks() {}

  static List<ArgumentModel> arguments(
      SurfaceMethod m, DocRecord r, boolean paged, List<Diagnostic> problems) {
    List<String> pathParams = pathParams(m.path());
    for (String p : pathParams) {
      if (!r.params().containsKey(p)) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_MISSING_PATH_PARAM,
                r.at("params"),
                r.jsonPath() + ".params",
                "an entry for path parameter \"" + p + "\" of " + m.route(),
                "none"));
      }
    }
    List<ArgumentModel> path = new ArrayList<>();
    List<ArgumentModel> rest = new ArrayList<>();
    for (ParamSpec p : r.params().values()) {
      if (pathParams.contains(p.name())) {
        path.add(new ArgumentModel(ArgumentNames.snake(p.name()), ArgumentLocation.PATH, p));
      } else if (m.query().contains(p.name())) {
        rest.add(new ArgumentModel(ArgumentNames.snake(p.name()), ArgumentLocation.QUERY, p));
      } else {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_UNKNOWN_PARAM,
                p.position(),
                p.jsonPath(),
                "a path parameter "
                    + pathParams
                    + " or a query parameter "
                    + m.query()
                    + " of "
                    + m.route(),
                "\"" + p.name() + "\""));
      }
    }
    path.sort((a, b) -> pathParams.indexOf(a.spec().name()) - pathParams.indexOf(b.spec().name()));
    if (!r.body().isEmpty() && "none".equals(m.body())) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_BODY_NOT_ALLOWED,
              r.at("body"),
              r.jsonPath() + ".body",
              "no body: " + m.route() + " sends none",
              "a body"));
    }
    for (ParamSpec p : r.body().values()) {
      rest.add(new ArgumentModel(ArgumentNames.snake(p.name()), ArgumentLocation.BODY, p));
    }
    List<ArgumentModel> arguments = new ArrayList<>(path);
    arguments.addAll(rest);
    checkNames(arguments, paged, problems);
    arguments.forEach(a -> PortabilityCheck.check(a.spec(), problems));
    if (r.overwrites() && !"update".equals(m.kind())) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_OVERWRITES_NOT_UPDATE,
              r.at("overwrites"),
              r.jsonPath() + ".overwrites",
              "overwrites only on update methods",
              "overwrites on a " + m.kind() + " method"));
    }
    return arguments;
  }

  /** Every {@code source}, however deeply nested, must name a tool that is generated. */
  static void checkSources(ParamSpec p, Set<String> generated, List<Diagnostic> problems) {
    if (p.source() != null && !generated.contains(p.source())) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_UNKNOWN_SOURCE,
              p.position(),
              p.jsonPath() + ".source",
              "the name of a generated tool",
              "\"" + p.source() + "\", which is not generated"));
    }
    if (p.items() != null) {
      checkSources(p.items(), generated, problems);
    }
    p.properties().values().forEach(nested -> checkSources(nested, generated, problems));
  }

  private static void checkNames(
      List<ArgumentModel> arguments, boolean paged, List<Diagnostic> problems) {
    Map<String, ArgumentModel> seen = new TreeMap<>();
    for (ArgumentModel a : arguments) {
      ArgumentModel prior = seen.putIfAbsent(a.name(), a);
      if (prior != null) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_ARGUMENT_CLASH,
                a.spec().position(),
                a.spec().jsonPath(),
                "a unique argument name",
                "\"" + a.name() + "\", also the name of " + prior.spec().jsonPath()));
      } else if (paged && PAGING_ARGUMENTS.contains(a.name())) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_ARGUMENT_CLASH,
                a.spec().position(),
                a.spec().jsonPath(),
                "a name other than limit and next_cursor, which paged tools reserve (paging"
                    + " parameters are implied by the surface's paging style)",
                "\"" + a.name() + "\""));
      }
    }
  }

  static List<String> pathParams(String path) {
    List<String> out = new ArrayList<>();
    Matcher matcher = PATH_PARAM.matcher(path);
    while (matcher.find()) {
      out.add(matcher.group(1));
    }
    return out;
  }
}
