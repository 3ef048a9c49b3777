package io.streakmcp.generator;

import io.streakmcp.generator.model.DroppedMethod;
import io.streakmcp.generator.model.ToolSet;
import java.util.List;

/**
 * The verdict of the quality gate.
 *
 * @param tools the tool set the records produce
 * @param violations dropped methods not on the allow-list: these fail the build
 * @param unknownAllowed allow-list entries that name no method: also a failure, since a typo there
 *     would silently allow nothing
 * @param staleAllowed allow-list entries whose method is now documented: a warning
 */
public record CheckOutcome(
    ToolSet tools,
    List<DroppedMethod> violations,
    List<String> unknownAllowed,
    List<String> staleAllowed) {

  /** True when the build may go on. */
  public boolean passed() {
    return violations.isEmpty() && unknownAllowed.isEmpty();
  }
}
