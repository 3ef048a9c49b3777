package io.streakmcp.generator.records;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from a docs directory that passed the meta-schemas.
 *
 * @param root the docs directory
 * @param files every YAML file read, sorted
 * @param methods every surface method, in file order
 * @param records every documentation record, in file order
 */
public record DocumentationSet(
    Path root, List<Path> files, List<SurfaceMethod> methods, List<DocRecord> records) {

  public DocumentationSet {
    files = List.copyOf(files);
    methods = List.copyOf(methods);
    records = List.copyOf(records);
  }
}
