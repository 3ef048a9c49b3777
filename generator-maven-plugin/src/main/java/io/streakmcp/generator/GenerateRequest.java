package io.streakmcp.generator;

import io.streakmcp.generator.emit.OutputRoots;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one generation needs, fixed before it starts.
 *
 * @param docsDirectory the folder holding {@code surface/} and {@code records/}
 * @param outputs the directories the generator owns
 * @param basePackage the package of the registry; tools go in {@code <basePackage>.tools}
 * @param minSummaryLength the shortest summary the quality gate accepts
 */
public record GenerateRequest(
    Path docsDirectory, OutputRoots outputs, String basePackage, int minSummaryLength) {

  /** The options that change the output, for the fingerprint. */
  List<String> options() {
    return List.of("basePackage=" + basePackage, "minSummaryLength=" + minSummaryLength);
  }
}
