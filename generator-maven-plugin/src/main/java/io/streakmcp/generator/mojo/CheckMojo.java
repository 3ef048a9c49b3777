package io.streakmcp.generator.mojo;

import io.streakmcp.generator.CheckOutcome;
import io.streakmcp.generator.CheckRequest;
import io.streakmcp.generator.Generator;
import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.model.DroppedMethod;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
   * Tool names of methods left undocumented on purpose. Default empty; example {@code
   * <allowUndocumented><tool>list_all_streak_boxes_v2</tool></allowUndocumented>}. Set in the POM
   * only, beside the reason for each entry: a command-line property replaced the whole list, so
   * {@code -D} could let any method through the gate unexplained.
   */
  @Parameter List<String> allowUndocumented = new ArrayList<>();

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
              .check(
                  new CheckRequest(
                      docsDirectory.toPath(),
                      minSummaryLength,
                      allowUndocumented == null ? List.of() : allowUndocumented));
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
