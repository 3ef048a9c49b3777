package io.streakmcp.generator.emit;

import java.nio.file.Path;

/**
 * The two directories the plugin owns. It writes only here, and deletes only files it wrote here.
 *
 * @param sources the generated Java sources
 * @param resources the generated schemas
 */
public record OutputRoots(Path sources, Path resources) {
  /** The folder of the resources root that holds the tools' schemas. */
  public static final String SCHEMA_DIR = "streak-mcp/schemas/";

  /** Where a file of the manifest lives on disk. */
  public Path resolve(GeneratedFile.Root root, String path) {
    return (root == GeneratedFile.Root.SOURCE ? sources : resources).resolve(path).normalize();
  }

  /** The last generation report as plain text, for people and scripts. */
  public Path reportFile() {
    return sources.resolve("streak-mcp-report.txt");
  }

  /** Where the state of the last generation is kept. */
  public Path stateFile() {
    return sources.resolve(".streak-mcp-state");
  }
}
