package io.streakmcp.generator.model;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.DiagnosticCode;
import io.streakmcp.generator.records.SurfaceMethod;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Surface methods by tool name, with every naming problem of the surface reported. */
final class SurfaceIndex {
  private SurfaceIndex() {}

  static Map<String, SurfaceMethod> of(List<SurfaceMethod> all, List<Diagnostic> problems) {
    Map<String, SurfaceMethod> methods = new TreeMap<>();
    // Tool names differing only in underscores or case become the same Java class name, or the
    // same file on a case-insensitive disk: "x_1" and "x1" both give X1.java.
    Map<String, SurfaceMethod> classKeys = new HashMap<>();
    for (SurfaceMethod m : all) {
      checkKindFields(m, problems);
      String name = ToolNames.derive(m);
      if (!ToolNames.VALID.matcher(name).matches()) {
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_BAD_TOOL_NAME,
                m.at("resource"),
                m.jsonPath(),
                "a derived name matching " + ToolNames.VALID.pattern(),
                "\"" + name + "\" (" + name.length() + " characters)"));
      }
      SurfaceMethod prior = methods.putIfAbsent(name, m);
      String classKey = name.replace("_", "").toLowerCase(Locale.ROOT);
      SurfaceMethod sameClass = classKeys.putIfAbsent(classKey, m);
      if (prior != null || sameClass != null) {
        SurfaceMethod other = prior != null ? prior : sameClass;
        problems.add(
            new Diagnostic(
                DiagnosticCode.DOC_DUPLICATE_TOOL,
                m.position(),
                m.jsonPath(),
                "a tool name (and Java class name) no other method derives; add a variant",
                "\"" + name + "\", which meets " + other.route() + " at " + other.position()));
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
              m.at(custom ? "kind" : "action"),
              m.jsonPath() + ".action",
              custom ? "an action for a custom method" : "no action",
              custom ? "none" : "\"" + m.action() + "\" on a " + m.kind() + " method"));
    }
    if (m.plural() != null && !"list".equals(m.kind())) {
      problems.add(
          new Diagnostic(
              DiagnosticCode.DOC_KIND_MISMATCH,
              m.at("plural"),
              m.jsonPath() + ".plural",
              "plural only on list methods",
              "\"" + m.plural() + "\" on a " + m.kind() + " method"));
    }
  }
}
