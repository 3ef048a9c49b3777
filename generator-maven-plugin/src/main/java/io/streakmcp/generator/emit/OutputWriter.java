package io.streakmcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Writes generated files: only the ones whose bytes changed, and deletes the stale ones. */
public final class OutputWriter {

  /**
   * What a write did.
   *
   * @param written files whose bytes were new or different
   * @param unchanged files that already had these bytes
   * @param deleted stale files of the last generation that were removed
   */
  public record Summary(int written, int unchanged, int deleted) {}

  /**
   * Writes the files and the new state. A file of the previous manifest that is not produced any
   * more is deleted; nothing the plugin did not write is ever deleted.
   */
  public Summary write(
      List<GeneratedFile> files,
      OutputRoots roots,
      Optional<GenerationState> previous,
      String fingerprint,
      String report)
      throws IOException {
    int written = 0;
    int unchanged = 0;
    Set<String> current = new HashSet<>();
    for (GeneratedFile file : files) {
      current.add(file.id());
      Path target = checkedTarget(roots, file.root(), file.path());
      byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
        unchanged++;
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
      written++;
    }
    int deleted = 0;
    for (String stale : previous.map(GenerationState::files).orElse(List.of())) {
      if (!current.contains(stale)) {
        int colon = stale.indexOf(':');
        Path target =
            checkedTarget(
                roots,
                GeneratedFile.Root.valueOf(stale.substring(0, colon)),
                stale.substring(colon + 1));
        if (Files.deleteIfExists(target)) {
          deleted++;
        }
      }
    }
    new GenerationState(
            fingerprint, files.stream().map(GeneratedFile::id).sorted().toList(), report)
        .write(roots);
    return new Summary(written, unchanged, deleted);
  }

  /** Refuses any path that would leave the owned directory, whatever the manifest says. */
  private static Path checkedTarget(OutputRoots roots, GeneratedFile.Root root, String path) {
    Path base = root == GeneratedFile.Root.SOURCE ? roots.sources() : roots.resources();
    Path target = roots.resolve(root, path);
    if (!target.startsWith(base.normalize())) {
      throw new IllegalArgumentException("refusing to touch " + target + " outside " + base);
    }
    return target;
  }
}
