package io.streakmcp.generator.mojo;

import io.streakmcp.generator.CheckOutcome;
import io.streakmcp.generator.CheckRequest;
import io.streakmcp.generator.Generator;
import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.model.DroppedMethod;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The CI quality gate: validates every record and fails the build, naming each method, when a
 * method has no useful record and is not on the allow-list.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /**
   * The folder holding {@code surface/} and {@code records/}. Default {@code
   * ${project.basedir}/src/main/streak}; property {@code -Dstreakmcp.docsDirectory}.
   */
  @Parameter(
      property = "streakmcp.docsDirectory",
      defaultValue = "${project.basedir}/src/main/streak",
      required = true)
  File docsDirectory;

  /**
   * Methods left undocumented on purpose, in groups, each with the reason they stay so (see {@link
   * Exemption}). Default empty. Set in the POM only: a command-line property replaced the whole
   * list, so {@code -D} could let any method through the gate unexplained.
   */
  @Parameter List<Exemption> allowUndocumented = new ArrayList<>();

  /**
   * The shortest record summary, in characters, the gate accepts. Default {@code 40}; property
   * {@code -Dstreakmcp.minSummaryLength}.
   */
  @Parameter(property = "streakmcp.minSummaryLength", defaultValue = "40")
  int minSummaryLength;

  /**
   * Skips the gate (generation is skipped separately). Default {@code false}; property {@code
   * -Dstreakmcp.check.skip}.
   */
  @Parameter(property = "streakmcp.check.skip", defaultValue = "false")
  boolean skip;

  /** The gate's own default: CI may not accept shorter summaries than this. */
  static final int DEFAULT_MIN_SUMMARY = 40;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    refuseLooseningInCi(System.getenv("CI"));
    if (skip) {
      getLog().info("Streak MCP check skipped (streakmcp.check.skip)");
      return;
    }
    CheckOutcome outcome;
    try {
      outcome =
          new Generator()
              .check(new CheckRequest(docsDirectory.toPath(), minSummaryLength, allowedTools()));
    } catch (RecordSetException e) {
      throw DiagnosticLog.fail(getLog(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Streak MCP check failed: " + e.getMessage(), e);
    }
    for (String stale : outcome.staleAllowed()) {
      getLog().warn("allow-list entry " + stale + " is documented now; remove it from the list");
    }
    for (DroppedMethod d : outcome.violations()) {
      getLog().error(d.tool() + " [" + d.reason().code() + "] " + d.route() + ": " + d.detail());
    }
    for (String unknown : outcome.unknownAllowed()) {
      getLog().error("allow-list entry " + unknown + " names no Streak method in the surface");
    }
    int allowed = outcome.tools().dropped().size() - outcome.violations().size();
    logExemptions(outcome);
    if (!outcome.passed()) {
      throw new MojoFailureException(
          outcome.violations().size()
              + " Streak methods lack a useful record and are not on the allow-list: "
              + String.join(", ", outcome.violations().stream().map(DroppedMethod::tool).toList())
              + (outcome.unknownAllowed().isEmpty()
                  ? ""
                  : "; unknown allow-list entries: "
                      + String.join(", ", outcome.unknownAllowed())));
    }
    getLog()
        .info(
            "Streak MCP quality gate passed: "
                + outcome.tools().tools().size()
                + " documented tools, "
                + allowed
                + " undocumented methods on the allow-list");
  }

  /** The allow-list's tool names, once every exemption says why and names its tools, each once. */
  private List<String> allowedTools() throws MojoFailureException {
    List<String> tools = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Exemption e : exemptions()) {
      if (e.reason().length() < Exemption.MIN_REASON) {
        problems.add(
            "the exemption of "
                + (e.tools().isEmpty() ? "no tools" : String.join(", ", e.tools()))
                + " gives "
                + (e.reason().isEmpty() ? "no reason" : "the reason \"" + e.reason() + "\"")
                + "; say in "
                + Exemption.MIN_REASON
                + " characters or more why these methods stay undocumented");
      }
      if (e.tools().isEmpty()) {
        problems.add("the exemption \"" + e.reason() + "\" names no tools");
      }
      for (String tool : e.tools()) {
        if (!seen.add(tool)) {
          problems.add(tool + " is on the allow-list twice; keep it under one reason");
        }
        tools.add(tool);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(getLog()::error);
      throw new MojoFailureException(
          "the check goal's allow-list is not well formed: " + String.join("; ", problems));
    }
    return tools;
  }

  private List<Exemption> exemptions() {
    return allowUndocumented == null ? List.of() : allowUndocumented;
  }

  /** Each reason, with how many of its methods the gate let through, for the CI log. */
  private void logExemptions(CheckOutcome outcome) {
    Set<String> dropped = new HashSet<>();
    outcome.tools().dropped().forEach(d -> dropped.add(d.tool()));
    for (Exemption e : exemptions()) {
      long through = e.tools().stream().filter(dropped::contains).count();
      if (through > 0) {
        getLog().info("allowed undocumented (" + through + "): " + e.reason());
      }
    }
  }

  /**
   * In CI (the {@code CI} variable set, as every CI service sets it) the gate is the point: it may
   * not be skipped, nor its summary minimum lowered, from the command line or the POM.
   */
  void refuseLooseningInCi(String ci) throws MojoFailureException {
    if (ci == null || ci.isBlank() || ci.equalsIgnoreCase("false") || ci.equals("0")) {
      return;
    }
    if (skip) {
      throw new MojoFailureException(
          "the Streak MCP quality gate cannot be skipped in CI (CI is set);"
              + " document the methods, or allow-list them in the POM with a reason");
    }
    if (minSummaryLength < DEFAULT_MIN_SUMMARY) {
      throw new MojoFailureException(
          "minSummaryLength "
              + minSummaryLength
              + " is below the gate's "
              + DEFAULT_MIN_SUMMARY
              + ", which CI keeps (CI is set)");
    }
  }
}
