package io.streakmcp.generator.model;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.records.DocRecord;
import io.streakmcp.generator.records.DocumentationSet;
import io.streakmcp.generator.records.ParamSpec;
import io.streakmcp.generator.records.SurfaceMethod;
import io.streakmcp.runtime.tool.ApiVersion;
import io.streakmcp.runtime.tool.ArgumentLocation;
import io.streakmcp.runtime.tool.BodyEncoding;
import io.streakmcp.runtime.tool.HttpBinding;
import io.streakmcp.runtime.tool.HttpVerb;
import io.streakmcp.runtime.tool.PagingStyle;
import io.streakmcp.runtime.tool.ResultShape;
import io.streakmcp.runtime.tool.ToolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meets every surface method with its record, runs the quality gate, checks every cross-reference,
 * and builds the tool models. All problems are collected before it fails.
 */
public final class ModelAssembler {
  /** Arguments the runtime adds to every paged tool. */
  public static final Set<String> PAGING_ARGUMENTS = Set.of("limit", "next_cursor");

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private final QualityGate gate;

  public ModelAssembler(QualityGate gate) {
    this.gate = gate;
  }

  /** The tools to generate and the methods dropped; throws when the records contradict. */
  public ToolSet assemble(DocumentationSet docs) throws RecordSetException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, SurfaceMethod> methods = indexMethods(docs.methods(), problems);
    Map<String, DocRecord> records = indexRecords(docs.records(), methods, problems);

    List<DroppedMethod> dropped = new ArrayList<>();
    Map<String, DocRecord> kept = new TreeMap<>();
    for (var entry : methods.entrySet()) {
      String name = entry.getKey();
      DocRecord record = records.get(name);
      Optional<DroppedMethod> drop =
          record == null
              ? Optional.of(
                  new DroppedMethod(
                      name,
                      entry.getValue().route(),
                      DropReason.UNDOCUMENTED,
                      "no record in records/; document it, or put it on the check goal's allow-list"))
              : gate.judge(record, entry.getValue().route());
      drop.ifPresentOrElse(dropped::add, () -> kept.put(name, record));
    }

    List<ToolModel> tools = new ArrayList<>();
    for (var entry : kept.entrySet()) {
      tools.add(build(methods.get(entry.getKey()), entry.getValue(), kept.keySet(), problems));
    }
    if (!problems.isEmpty()) {
      throw new RecordSetException(problems, docs.files().size());
    }
    return new ToolSet(tools, dropped, methods.size());
  }

  private static Map<String, SurfaceMethod> indexMethods(
      List<SurfaceMethod> all, List<Diagnostic> problems) {
    Map<String, SurfaceMethod> methods = new TreeMap<>();
    for (SurfaceMethod m : all) {
      checkKindFields(m, problems);
      String name = ToolNames.derive(m);
      if (!ToolNames.VALID.matcher(name).matches()) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_BAD_TOOL_NAME,
                m.position(),
                m.jsonPath(),
                "a derived name matching " + ToolNames.VALID.pattern(),
                "\"" + name + "\" (" + name.length() + " characters)"));
      }
      SurfaceMethod prior = methods.putIfAbsent(name, m);
      if (prior != null) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_DUPLICATE_TOOL,
                m.position(),
                m.jsonPath(),
                "a tool name no other method derives (add a variant)",
                "\"" + name + "\", also derived by " + prior.route() + " at " + prior.position()));
      }
    }
    return methods;
  }

  private static void checkKindFields(SurfaceMethod m, List<Diagnostic> problems) {
    boolean custom = "custom".equals(m.kind());
    if (custom != (m.action() != null)) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_KIND_MISMATCH,
              m.position(),
              m.jsonPath() + ".action",
              custom ? "an action for a custom method" : "no action",
              custom ? "none" : "\"" + m.action() + "\" on a " + m.kind() + " method"));
    }
    if (m.plural() != null && !"list".equals(m.kind())) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_KIND_MISMATCH,
              m.position(),
              m.jsonPath() + ".plural",
              "plural only on list methods",
              "\"" + m.plural() + "\" on a " + m.kind() + " method"));
    }
  }

  private static Map<String, DocRecord> indexRecords(
      List<DocRecord> all, Map<String, SurfaceMethod> methods, List<Diagnostic> problems) {
    Map<String, DocRecord> records = new TreeMap<>();
    for (DocRecord r : all) {
      if (!methods.containsKey(r.tool())) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_UNKNOWN_TOOL,
                r.position(),
                r.jsonPath() + ".tool",
                "a tool name derived from a surface method",
                "\"" + r.tool() + "\""));
      } else {
        DocRecord prior = records.putIfAbsent(r.tool(), r);
        if (prior != null) {
          problems.add(
              new Diagnostic(
                  DiagnosticCode.DOC_DUPLICATE_RECORD,
                  r.position(),
                  r.jsonPath() + ".tool",
                  "one record per tool",
                  "a second record for \"" + r.tool() + "\"; the first is at " + prior.position()));
        }
      }
    }
    return records;
  }

  private ToolModel build(
      SurfaceMethod m, DocRecord r, Set<String> generated, List<Diagnostic> problems) {
    ToolKind kind = ToolKind.valueOf(upper(m.kind()));
    List<String> pathParams = pathParams(m.path());
    List<ArgumentModel> arguments = new ArrayList<>();
    for (String p : pathParams) {
      if (!r.params().containsKey(p)) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_MISSING_PATH_PARAM,
                r.position(),
                r.jsonPath() + ".params",
                "an entry for path parameter \"" + p + "\" of " + m.route(),
                "none"));
      }
    }
    for (ParamSpec p : r.params().values()) {
      if (pathParams.contains(p.name())) {
        arguments.add(new ArgumentModel(ArgumentNames.snake(p.name()), ArgumentLocation.PATH, p));
      } else if (m.query().contains(p.name())) {
        arguments.add(new ArgumentModel(ArgumentNames.snake(p.name()), ArgumentLocation.QUERY, p));
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
    // Path parameters first, in path order, so the model reads keys top-down.
    arguments.sort((a, b) -> Integer.compare(rank(a, pathParams), rank(b, pathParams)));
    if (!r.body().isEmpty() && "none".equals(m.body())) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_BODY_NOT_ALLOWED,
              r.position(),
              r.jsonPath() + ".body",
              "no body: " + m.route() + " sends none",
              "a body"));
    }
    for (ParamSpec p : r.body().values()) {
      arguments.add(new ArgumentModel(ArgumentNames.snake(p.name()), ArgumentLocation.BODY, p));
    }
    boolean paged = kind == ToolKind.LIST || !"none".equals(m.paging());
    checkArgumentNames(arguments, paged, problems);
    for (ArgumentModel a : arguments) {
      checkSources(a.spec(), generated, problems);
    }
    if (r.overwrites() && kind != ToolKind.UPDATE) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_OVERWRITES_NOT_UPDATE,
              r.position(),
              r.jsonPath() + ".overwrites",
              "overwrites only on update methods",
              "overwrites on a " + m.kind() + " method"));
    }
    HttpBinding binding =
        new HttpBinding(
            HttpVerb.valueOf(m.verb()),
            ApiVersion.valueOf(upper(m.version())),
            m.path(),
            BodyEncoding.valueOf(upper(m.body())),
            PagingStyle.valueOf(upper(m.paging())),
            ResultShape.valueOf(upper(m.result())),
            arguments.stream().map(ArgumentModel::binding).toList());
    return new ToolModel(
        r.tool(),
        r.title(),
        r.summary().strip(),
        r.pitfalls(),
        kind,
        m.resource(),
        r.tags(),
        AnnotationPolicy.of(kind, m.verb(), r.overwrites()),
        binding,
        m.route(),
        arguments,
        paged,
        r.response());
  }

  private static int rank(ArgumentModel a, List<String> pathParams) {
    return a.location() == ArgumentLocation.PATH ? pathParams.indexOf(a.spec().name()) : 1000;
  }

  private static void checkArgumentNames(
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
                "a name other than limit and next_cursor, which paged tools "
                    + "reserve (paging parameters are implied by the surface's paging style)",
                "\"" + a.name() + "\""));
      }
    }
  }

  private static void checkSources(ParamSpec p, Set<String> generated, List<Diagnostic> problems) {
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
    for (ParamSpec nested : p.properties().values()) {
      checkSources(nested, generated, problems);
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

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
