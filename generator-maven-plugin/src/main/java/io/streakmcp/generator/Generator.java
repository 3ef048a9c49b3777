package io.streakmcp.generator;

import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.emit.Fingerprint;
import io.streakmcp.generator.emit.GenerationState;
import io.streakmcp.generator.emit.OutputWriter;
import io.streakmcp.generator.java.JavaNames;
import io.streakmcp.generator.model.DroppedMethod;
import io.streakmcp.generator.model.ModelAssembler;
import io.streakmcp.generator.model.QualityGate;
import io.streakmcp.generator.model.ToolNames;
import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.records.DocumentationReader;
import io.streakmcp.generator.records.DocumentationSet;
import io.streakmcp.generator.report.CostEstimator;
import io.streakmcp.generator.report.GenerationReport;
import io.streakmcp.generator.report.TokenCounter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The pipeline, read top-down. Each stage is a class of its own; this one only sequences them. */
public final class Generator {
  // Built on first use: loading the meta-schemas is most of a no-op build's cost otherwise.
  private DocumentationReader reader;

  /** Generates, unless the inputs are unchanged since the last run and its files are intact. */
  public GenerateOutcome generate(GenerateRequest request) throws IOException, RecordSetException {
    JavaNames.packageName(request.basePackage());
    List<Path> inputs = DocumentationReader.inputFiles(request.docsDirectory());
    String fingerprint = Fingerprint.of(request.docsDirectory(), inputs, request.options());
    Optional<GenerationState> previous = GenerationState.read(request.outputs());
    if (previous.isPresent()
        && previous.get().fingerprint().equals(fingerprint)
        && previous.get().outputsIntact(request.outputs())) {
      return new GenerateOutcome(true, fingerprint, previous.get().report(), null);
    }

    ToolSet tools = assemble(reader().read(request.docsDirectory()), request.minSummaryLength());
    ToolSetGenerator.Output output =
        new ToolSetGenerator(new CostEstimator(new TokenCounter()))
            .generate(tools, request.basePackage());
    String report = GenerationReport.format(tools, output.costs());
    OutputWriter.Summary writes =
        new OutputWriter().write(output.files(), request.outputs(), previous, fingerprint, report);
    return new GenerateOutcome(false, fingerprint, report, writes);
  }

  /** Runs the quality gate without generating anything. */
  public CheckOutcome check(CheckRequest request) throws IOException, RecordSetException {
    DocumentationSet docs = reader().read(request.docsDirectory());
    ToolSet tools = assemble(docs, request.minSummaryLength());
    Set<String> known = new TreeSet<>();
    docs.methods().forEach(m -> known.add(ToolNames.derive(m)));
    Set<String> allowSet = new TreeSet<>(request.allowUndocumented());
    List<DroppedMethod> violations = new ArrayList<>();
    Set<String> dropped = new TreeSet<>();
    for (DroppedMethod d : tools.dropped()) {
      dropped.add(d.tool());
      if (!allowSet.contains(d.tool())) {
        violations.add(d);
      }
    }
    List<String> unknown = allowSet.stream().filter(a -> !known.contains(a)).toList();
    List<String> stale =
        allowSet.stream().filter(a -> known.contains(a) && !dropped.contains(a)).toList();
    return new CheckOutcome(tools, violations, unknown, stale);
  }

  private static ToolSet assemble(DocumentationSet docs, int minSummaryLength)
      throws RecordSetException {
    return new ModelAssembler(new QualityGate(minSummaryLength)).assemble(docs);
  }

  private DocumentationReader reader() {
    if (reader == null) {
      reader = new DocumentationReader();
    }
    return reader;
  }
}
