package io.streakmcp.generator.model;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.records.DocRecord;
import io.streakmcp.generator.records.DocumentationSet;
import io.streakmcp.generator.records.SurfaceMethod;
import io.streakmcp.runtime.tool.ApiVersion;
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

/**
 * Meets every surface method with its record, checks every record (also those the quality gate will
 * drop, so all problems surface at once), runs the gate, and builds the tool models.
 */
public final class ModelAssembler {
  /** Arguments the runtime adds to every paged tool. */
  public static final Set<String> PAGING_ARGUMENTS = RecordChecks.PAGING_ARGUMENTS;

  private final QualityGate gate;

  public ModelAssembler(QualityGate gate) {
    this.gate = gate;
  }

  /** The tools to generate and the methods dropped; throws when the records contradict. */
  public ToolSet assemble(DocumentationSet docs) throws RecordSetException {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, SurfaceMethod> methods = SurfaceIndex.of(docs.methods(), problems);
    Map<String, DocRecord> records = indexRecords(docs.records(), methods, problems);

    List<DroppedMethod> dropped = new ArrayList<>();
    Map<String, List<ArgumentModel>> kept = new TreeMap<>();
    for (var entry : methods.entrySet()) {
      String name = entry.getKey();
      SurfaceMethod method = entry.getValue();
      DocRecord record = records.get(name);
      if (record == null) {
        dropped.add(
            new DroppedMethod(
                name,
                method.route(),
                DropReason.UNDOCUMENTED,
                "no record in records/; document it, or put it on the check goal's allow-list"));
        continue;
      }
      List<ArgumentModel> arguments =
          RecordChecks.arguments(method, record, isPaged(method), problems);
      Optional<DroppedMethod> drop = gate.judge(record, method.route());
      drop.ifPresentOrElse(dropped::add, () -> kept.put(name, arguments));
    }
    for (DocRecord record : records.values()) {
      record.params().values().forEach(p -> RecordChecks.checkSources(p, kept.keySet(), problems));
      record.body().values().forEach(p -> RecordChecks.checkSources(p, kept.keySet(), problems));
    }
    SourceCycles.check(kept, problems);
    if (!problems.isEmpty()) {
      throw new RecordSetException(problems, docs.files().size());
    }
    List<ToolModel> tools = new ArrayList<>();
    kept.forEach(
        (name, arguments) -> tools.add(model(methods.get(name), records.get(name), arguments)));
    return new ToolSet(tools, dropped, methods.size());
  }

  private static Map<String, DocRecord> indexRecords(
      List<DocRecord> all, Map<String, SurfaceMethod> methods, List<Diagnostic> problems) {
    Map<String, DocRecord> records = new TreeMap<>();
    for (DocRecord r : all) {
      if (!methods.containsKey(r.tool())) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_UNKNOWN_TOOL,
                r.at("tool"),
                r.jsonPath() + ".tool",
                "a tool name derived from a surface method",
                "\"" + r.tool() + "\""));
        continue;
      }
      DocRecord prior = records.putIfAbsent(r.tool(), r);
      if (prior != null) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_DUPLICATE_RECORD,
                r.at("tool"),
                r.jsonPath() + ".tool",
                "one record per tool",
                "a second record for \"" + r.tool() + "\"; the first is at " + prior.position()));
      }
    }
    return records;
  }

  private static boolean isPaged(SurfaceMethod m) {
    return "list".equals(m.kind()) || !"none".equals(m.paging());
  }

  private static ToolModel model(SurfaceMethod m, DocRecord r, List<ArgumentModel> arguments) {
    ToolKind kind = ToolKind.valueOf(upper(m.kind()));
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
        isPaged(m),
        r.response());
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
