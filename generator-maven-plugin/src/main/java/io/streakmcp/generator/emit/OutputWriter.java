package io.streakmcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * more is deleted; with no previous manifest (lost or damaged), so is a file that carries the
   * generator's marks (see {@link Leftovers}). Nothing the plugin did not write is ever deleted.
   */
  public Summary write(
      List<GeneratedFile> files,
      OutputRoots roots,
      Optional<GenerationState> previous,
      String fingerprint,
      String report)
      throws IOException {
    Files.createDirectories(roots.sources());
    Files.createDirectories(roots.resources());
    int written = 0;
    int unchanged = 0;
    Set<String> current = new HashSet<>();
    List<String> manifest = new ArrayList<>();
    for (GeneratedFile file : files) {
      current.add(file.id());
      Path target = checkedTarget(roots, file.root(), file.path());
      byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
      manifest.add(GenerationState.entry(file, Hashes.hex(bytes)));
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
        unchanged++;
        continue;
      }
      Files.createDirectories(target.getParent());
      checkedTarget(roots, file.root(), file.path());
      Files.write(target, bytes);
      written++;
    }
    int deleted = 0;
    List<String> earlier = previous.isPresent() ? previous.get().ids() : Leftovers.marked(roots);
    for (String stale : earlier) {
      if (!current.contains(stale)) {
        int colon = stale.indexOf(':');
        GeneratedFile.Root root = GeneratedFile.Root.valueOf(stale.substring(0, colon));
        if (Files.deleteIfExists(checkedTarget(roots, root, stale.substring(colon + 1)))) {
          deleted++;
        }
      }
    }
    manifest.sort(null);
    new GenerationState(fingerprint, manifest, report).write(roots);
    return new Summary(written, unchanged, deleted);
  }

  /**
   * Refuses any path that would leave the owned directory, whatever the manifest says: by its name,
   * and, once its folder exists, through a symbolic link.
   */
  private static Path checkedTarget(OutputRoots roots, GeneratedFile.Root root, String path)
      throws IOException {
    Path base = (root == GeneratedFile.Root.SOURCE ? roots.sources() : roots.resources());
    Path target = roots.resolve(root, path);
    boolean inside = target.startsWith(base.normalize());
    Path parent = target.getParent();
    if (inside && parent != null && Files.exists(parent)) {
      inside = parent.toRealPath().startsWith(base.toRealPath());
    }
    if (!inside) {
      throw new IOException("refusing to touch " + target + ": it lies outside " + base);
    }
    return target;
  }
}
