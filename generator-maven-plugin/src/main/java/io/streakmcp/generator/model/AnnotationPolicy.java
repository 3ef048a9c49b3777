package io.streakmcp.generator.model;

import io.streakmcp.runtime.tool.ToolAnnotations;
import io.streakmcp.runtime.tool.ToolKind;

/**
 * Which MCP hints a tool carries. Only hints that differ from the protocol defaults, or that a
 * client needs to warn the user, are set: each one costs tokens in every tools/list.
 */
final class AnnotationPolicy {
  private AnnotationPolicy() {}

  static ToolAnnotations of(ToolKind kind, String verb, boolean overwrites) {
    return switch (kind) {
      case LIST, GET -> new ToolAnnotations(true, null, null, null);
      case CREATE -> new ToolAnnotations(null, false, null, null);
      // Repeating an update leaves Streak in the same state, so updates are idempotent; an
      // update that replaces lists loses what was there, so it is destructive.
      case UPDATE -> new ToolAnnotations(null, overwrites, true, null);
      case DELETE -> new ToolAnnotations(null, true, true, null);
      case CUSTOM ->
          "GET".equals(verb)
              ? new ToolAnnotations(true, null, null, null)
              : new ToolAnnotations(null, false, null, null);
    };
  }
}
