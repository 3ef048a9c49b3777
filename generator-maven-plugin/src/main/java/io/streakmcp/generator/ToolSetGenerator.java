package io.streakmcp.generator;

import com.palantir.javapoet.JavaFile;
import io.streakmcp.generator.emit.GeneratedFile;
import io.streakmcp.generator.emit.OutputRoots;
import io.streakmcp.generator.java.RegistryGenerator;
import io.streakmcp.generator.java.ToolClassGenerator;
import io.streakmcp.generator.model.ToolModel;
import io.streakmcp.generator.model.ToolSet;
import io.streakmcp.generator.report.CostEstimator;
import io.streakmcp.generator.report.ToolCost;
import io.streakmcp.generator.schema.CanonicalJson;
import io.streakmcp.generator.schema.InputSchemaGenerator;
import io.streakmcp.generator.schema.OutputSchemaGenerator;
import io.streakmcp.generator.text.DescriptionRenderer;
import io.streakmcp.generator.text.ToolText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** Turns a tool set into files and token costs. Pure: nothing here touches disk. */
public final class ToolSetGenerator {
  /** Where schemas live on the classpath. */
  public static final String SCHEMA_DIR = OutputRoots.SCHEMA_DIR;

  private final DescriptionRenderer renderer = new DescriptionRenderer();
  private final InputSchemaGenerator inputSchemas = new InputSchemaGenerator();
  private final OutputSchemaGenerator outputSchemas = new OutputSchemaGenerator();
  private final ToolClassGenerator toolClasses = new ToolClassGenerator();
  private final RegistryGenerator registry = new RegistryGenerator();
  private final CostEstimator costs;

  public ToolSetGenerator(CostEstimator costs) {
    this.costs = costs;
  }

  /**
   * The generated files and costs of a tool set.
   *
   * @param files every file, tools in name order, registry last
   * @param costs the token cost of each tool, in name order
   */
  public record Output(List<GeneratedFile> files, List<ToolCost> costs) {}

  public Output generate(ToolSet set, String basePackage) {
    String toolPackage = basePackage + ".tools";
    List<GeneratedFile> files = new ArrayList<>();
    List<ToolCost> toolCosts = new ArrayList<>();
    for (ToolModel tool : set.tools()) {
      ToolText text = renderer.render(tool);
      ObjectNode input = inputSchemas.generate(tool, text);
      Optional<ObjectNode> output = outputSchemas.generate(tool, text);
      String inputPath = SCHEMA_DIR + tool.name() + ".input.json";
      String outputPath = output.isPresent() ? SCHEMA_DIR + tool.name() + ".output.json" : null;
      files.add(resource(inputPath, CanonicalJson.pretty(input)));
      output.ifPresent(o -> files.add(resource(outputPath, CanonicalJson.pretty(o))));
      files.add(source(toolClasses.generate(tool, text, toolPackage, inputPath, outputPath)));
      toolCosts.add(costs.estimate(tool, text, input));
    }
    List<String> names = set.tools().stream().map(ToolModel::name).toList();
    files.add(source(registry.generate(names, basePackage, toolPackage)));
    return new Output(files, toolCosts);
  }

  private static GeneratedFile resource(String path, String json) {
    return new GeneratedFile(GeneratedFile.Root.RESOURCE, path, json);
  }

  private static GeneratedFile source(JavaFile file) {
    String path =
        (file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/")
            + file.typeSpec().name()
            + ".java";
    return new GeneratedFile(GeneratedFile.Root.SOURCE, path, file.toString());
  }
}
