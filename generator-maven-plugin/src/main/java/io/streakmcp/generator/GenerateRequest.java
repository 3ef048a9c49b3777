package io.streakmcp.generator;

import io.streakmcp.generator.emit.OutputRoots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one generation needs, fixed before it starts.
 *
 * @param docsDirectory the folder holding {@code surface/} and {@code records/}
 * @param outputs the directories the generator owns
 * @param basePackage the package of the registry; tools go in {@code <basePackage>.tools}
 * @param minSummaryLength the shortest summary the quality gate accepts
 * @param generatorDependencies the plugin's dependencies, each named with its version (and, for a
 *     snapshot, the hash of its code): a new JavaPoet or runtime changes the output as surely as a
 *     new record does
 */
public record GenerateRequest(
    Path docsDirectory,
    OutputRoots outputs,
    String basePackage,
    int minSummaryLength,
    List<String> generatorDependencies) {

  public GenerateRequest {
    generatorDependencies = List.copyOf(generatorDependencies);
  }

  /** A request from outside Maven (tests, benchmarks): no dependency list to add. */
  public GenerateRequest(
      Path docsDirectory, OutputRoots outputs, String basePackage, int minSummaryLength) {
    this(docsDirectory, outputs, basePackage, minSummaryLength, List.of());
  }

  /** The options that change the output, for the fingerprint. */
  List<String> options() {
    List<String> options = new ArrayList<>();
    options.add("basePackage=" + basePackage);
    options.add("minSummaryLength=" + minSummaryLength);
    generatorDependencies.forEach(d -> options.add("dependency=" + d));
    return options;
  }
}
