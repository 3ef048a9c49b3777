package io.streakmcp.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one quality-gate run needs.
 *
 * @param docsDirectory the folder holding {@code surface/} and {@code records/}
 * @param minSummaryLength the shortest description the gate accepts
 * @param allowUndocumented tool names of methods left undocumented on purpose
 */
public record CheckRequest(
    Path docsDirectory, int minSummaryLength, List<String> allowUndocumented) {

  public CheckRequest {
    allowUndocumented = List.copyOf(allowUndocumented);
  }
}
