package io.streakmcp.generator.model;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.records.ParamSpec;
import java.util.List;

/**
 * Rejects parameter schemas that some major client would refuse or misread, at build time, so a
 * record cannot ship a tool that Gemini or OpenAI strict mode turns away. The meta-schema already
 * limits the keywords; this checks how they combine.
 */
final class PortabilityCheck {
  private PortabilityCheck() {}

  static void check(ParamSpec p, List<Diagnostic> problems) {
    String type = p.type();
    if ("array".equals(type) && p.items() == null) {
      fail(p, "an array with items", "an array without items", problems);
    }
    if ("object".equals(type) && p.properties().isEmpty()) {
      fail(p, "an object with properties (free-form maps are not portable)", "none", problems);
    }
    if (!"object".equals(type) && !p.properties().isEmpty()) {
      fail(p, "properties only on objects", "properties on a " + type, problems);
    }
    if (!"array".equals(type) && p.items() != null) {
      fail(p, "items only on arrays", "items on a " + type, problems);
    }
    if (!p.enumValues().isEmpty() && !"string".equals(type)) {
      fail(p, "enum only on strings", "an enum on a " + type, problems);
    }
    boolean numeric = "integer".equals(type) || "number".equals(type);
    if (!numeric && (p.minimum() != null || p.maximum() != null)) {
      fail(p, "minimum and maximum only on numbers", "bounds on a " + type, problems);
    }
    if (p.minimum() != null && p.maximum() != null && p.minimum() > p.maximum()) {
      fail(p, "minimum <= maximum", p.minimum() + " > " + p.maximum(), problems);
    }
    if (p.items() != null) {
      check(p.items(), problems);
    }
    p.properties().values().forEach(nested -> check(nested, problems));
  }

  private static void fail(ParamSpec p, String expected, String found, List<Diagnostic> problems) {
    problems.add(
        new Diagnostic(
            DiagnosticCode.DOC_NOT_PORTABLE, p.position(), p.jsonPath(), expected, found));
  }
}
