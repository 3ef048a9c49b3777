package io.streakmcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generator's earlier output, found by its marks when the state that listed it is lost or
 * damaged: without it, a class of a method no longer generated would stay in the sources and be
 * compiled, and break the build the day the runtime it was written against changes.
 *
 * <p>Only the generator's own marks count, inside the directories it owns: a Java file carrying
 * {@code @Generated} with one of the generator's classes as its value (every class it writes does),
 * and a schema file in the schema folder it writes.
 */
final class Leftovers {
  /** The start of the annotation every generated class carries (see RuntimeTypes#generated). */
  static final String JAVA_MARK = "@Generated(\"io.streakmcp.generator.";

  /** The manifest ids ({@code ROOT:path}) of every marked file now in {@code roots}. */
  static List<String> marked(OutputRoots roots) throws IOException {
    List<String> ids = new ArrayList<>();
    for (Path java : regularFiles(roots.sources())) {
      if (java.toString().endsWith(".java")
          && Files.readString(java, StandardCharsets.UTF_8).contains(JAVA_MARK)) {
        ids.add(GeneratedFile.Root.SOURCE + ":" + relative(roots.sources(), java));
      }
    }
    for (Path schema : regularFiles(roots.resources().resolve(OutputRoots.SCHEMA_DIR))) {
      String name = schema.getFileName().toString();
      if (name.endsWith(".input.json") || name.endsWith(".output.json")) {
        ids.add(GeneratedFile.Root.RESOURCE + ":" + relative(roots.resources(), schema));
      }
    }
    return ids;
  }

  /** Regular files below {@code dir}, not through symbolic links; none when it is missing. */
  private static List<Path> regularFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .toList();
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private Leftovers() {}
}
