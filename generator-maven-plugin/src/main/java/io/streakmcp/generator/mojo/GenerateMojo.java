package io.streakmcp.generator.mojo;

import io.streakmcp.generator.GenerateOutcome;
import io.streakmcp.generator.GenerateRequest;
import io.streakmcp.generator.Generator;
import io.streakmcp.generator.diagnostics.RecordSetException;
import io.streakmcp.generator.emit.Fingerprint;
import io.streakmcp.generator.emit.OutputRoots;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates one MCP tool class per documented Streak method, its JSON Schemas and the dispatch
 * table, and logs the generation report. Methods without a useful record are dropped and named.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /**
   * The folder holding {@code surface/} and {@code records/}. Default {@code
   * ${project.basedir}/src/main/streak}; example {@code ../streak-docs/src/main/streak}; property
   * {@code -Dstreakmcp.docsDirectory}.
   */
  @Parameter(
      property = "streakmcp.docsDirectory",
      defaultValue = "${project.basedir}/src/main/streak",
      required = true)
  File docsDirectory;

  /**
   * Where Java sources go; the plugin owns this folder. Default {@code
   * ${project.build.directory}/generated-sources/streak-mcp}; property {@code
   * -Dstreakmcp.sourceOutputDirectory}.
   */
  @Parameter(
      property = "streakmcp.sourceOutputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/streak-mcp",
      required = true)
  File sourceOutputDirectory;

  /**
   * Where JSON Schemas go; the plugin owns this folder. Default {@code
   * ${project.build.directory}/generated-resources/streak-mcp}; property {@code
   * -Dstreakmcp.resourceOutputDirectory}.
   */
  @Parameter(
      property = "streakmcp.resourceOutputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/streak-mcp",
      required = true)
  File resourceOutputDirectory;

  /**
   * Package of the dispatch table; tools go in {@code <basePackage>.tools}. Default {@code
   * io.streakmcp.generated}; example {@code com.acme.streak}; property {@code
   * -Dstreakmcp.basePackage}.
   */
  @Parameter(
      property = "streakmcp.basePackage",
      defaultValue = "io.streakmcp.generated",
      required = true)
  String basePackage;

  /**
   * The shortest record summary, in characters, the quality gate accepts. Default {@code 40};
   * example {@code 60}; property {@code -Dstreakmcp.minSummaryLength}.
   */
  @Parameter(property = "streakmcp.minSummaryLength", defaultValue = "40")
  int minSummaryLength;

  /** Skips the goal. Default {@code false}; property {@code -Dstreakmcp.skip}. */
  @Parameter(property = "streakmcp.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** This plugin as Maven resolved it, with its dependencies. */
  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Streak MCP generation skipped (streakmcp.skip)");
      return;
    }
    OutputRoots outputs =
        new OutputRoots(sourceOutputDirectory.toPath(), resourceOutputDirectory.toPath());
    long start = System.nanoTime();
    try {
      GenerateRequest request =
          new GenerateRequest(
              docsDirectory.toPath(), outputs, basePackage, minSummaryLength, dependencies());
      GenerateOutcome outcome = new Generator().generate(request);
      String took = " (" + (System.nanoTime() - start) / 1_000_000 + " ms)";
      if (outcome.skipped()) {
        getLog()
            .info(
                "Streak MCP: records unchanged (fingerprint "
                    + outcome.fingerprint().substring(0, 12)
                    + "), generation skipped; no file written"
                    + took);
      } else {
        DiagnosticLog.lines(getLog(), outcome.report());
        getLog()
            .info(
                "Streak MCP: "
                    + outcome.writes().written()
                    + " files written, "
                    + outcome.writes().unchanged()
                    + " unchanged, "
                    + outcome.writes().deleted()
                    + " stale deleted"
                    + took);
      }
    } catch (RecordSetException e) {
      throw DiagnosticLog.fail(getLog(), e);
    } catch (IllegalArgumentException e) {
      // Only configuration reaches here (an invalid basePackage): the user's to fix.
      throw new MojoFailureException("Streak MCP generation: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Streak MCP generation failed: " + e.getMessage(), e);
    }
    if (project != null) {
      project.addCompileSourceRoot(sourceOutputDirectory.getPath());
      Resource resource = new Resource();
      resource.setDirectory(resourceOutputDirectory.getPath());
      project.addResource(resource);
    }
  }

  /**
   * The plugin's dependencies for the fingerprint, sorted: group, artifact and version, and for a
   * snapshot (whose code changes under one version) the hash of its jar or class folder.
   */
  private List<String> dependencies() throws IOException {
    if (plugin == null || plugin.getArtifacts() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Artifact a : plugin.getArtifacts()) {
      String id = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion();
      File file = a.getFile();
      if (a.isSnapshot() && file != null && file.exists()) {
        id += "@" + Fingerprint.ofCode(file.toPath());
      }
      out.add(id);
    }
    out.sort(null);
    return out;
  }
}
