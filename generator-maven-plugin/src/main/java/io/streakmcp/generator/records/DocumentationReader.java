package io.streakmcp.generator.records;

import io.streakmcp.generator.diagnostics.Diagnostic;
import io.streakmcp.generator.diagnostics.RecordSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code surface/*.yaml} and {@code records/*.yaml} under a docs directory. Every file is
 * read and checked before anything fails, so the user sees all problems at once.
 */
public final class DocumentationReader {
  /** The folder of API facts under the docs directory. */
  public static final String SURFACE_DIR = "surface";

  /** The folder of documentation records under the docs directory. */
  public static final String RECORDS_DIR = "records";

  private final YamlDocumentReader yaml = new YamlDocumentReader();
  private final MetaSchemaValidator surfaceSchema = MetaSchemaValidator.forSurface();
  private final MetaSchemaValidator recordSchema = MetaSchemaValidator.forRecords();

  /** Every YAML file the docs directory holds, in a stable order. */
  public static List<Path> inputFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    files.addAll(yamlFiles(root.resolve(SURFACE_DIR)));
    files.addAll(yamlFiles(root.resolve(RECORDS_DIR)));
    return files;
  }

  /** Reads and checks every file; throws with every problem found when any file is bad. */
  public DocumentationSet read(Path root) throws IOException, RecordSetException {
    for (String dir : List.of(SURFACE_DIR, RECORDS_DIR)) {
      if (!Files.isDirectory(root.resolve(dir))) {
        throw new IOException(
            "no "
                + dir
                + " directory at "
                + root.resolve(dir)
                + "; set docsDirectory to the folder that holds surface/ and records/");
      }
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<SurfaceMethod> methods = new ArrayList<>();
    List<DocRecord> records = new ArrayList<>();
    List<Path> surfaceFiles = yamlFiles(root.resolve(SURFACE_DIR));
    List<Path> recordFiles = yamlFiles(root.resolve(RECORDS_DIR));
    for (Path file : surfaceFiles) {
      YamlDocument doc = check(file, surfaceSchema, problems);
      if (doc != null) {
        methods.addAll(DocumentBinder.surface(doc));
      }
    }
    for (Path file : recordFiles) {
      YamlDocument doc = check(file, recordSchema, problems);
      if (doc != null) {
        records.addAll(DocumentBinder.records(doc));
      }
    }
    List<Path> files = new ArrayList<>(surfaceFiles);
    files.addAll(recordFiles);
    if (!problems.isEmpty()) {
      throw new RecordSetException(problems, files.size());
    }
    return new DocumentationSet(root, files, methods, records);
  }

  private YamlDocument check(Path file, MetaSchemaValidator schema, List<Diagnostic> problems)
      throws IOException {
    YamlDocumentReader.Parsed parsed = yaml.read(file);
    problems.addAll(parsed.diagnostics());
    if (parsed.document() == null) {
      return null;
    }
    List<Diagnostic> violations = schema.validate(parsed.document());
    problems.addAll(violations);
    return violations.isEmpty() ? parsed.document() : null;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml");
              })
          .sorted()
          .toList();
    }
  }
}
