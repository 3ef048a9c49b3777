package io.streakmcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last generation produced: the fingerprint of its inputs, the files it wrote (so stale
 * ones can be deleted without touching anything else), and its report (shown again on a skip).
 *
 * <p>Stored as plain lines, not JSON: a no-op build reads it and stops, and should not pay for
 * starting a JSON library to do so.
 *
 * @param fingerprint the inputs' fingerprint
 * @param files the manifest ids of every file written
 * @param report the generation report
 */
public record GenerationState(String fingerprint, List<String> files, String report) {
  private static final String HEADER = "streak-mcp-state 1";

  public GenerationState {
    files = List.copyOf(files);
  }

  /** The state left by the last run, or empty when there is none or it is unreadable. */
  public static Optional<GenerationState> read(OutputRoots roots) throws IOException {
    Path file = roots.stateFile();
    if (!Files.isRegularFile(file) || !Files.isRegularFile(roots.reportFile())) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    // A damaged or foreign state file only costs a full generation.
    if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
      return Optional.empty();
    }
    String report = Files.readString(roots.reportFile(), StandardCharsets.UTF_8);
    return Optional.of(new GenerationState(lines.get(1), lines.subList(2, lines.size()), report));
  }

  /** True when every file of the manifest is still on disk. */
  public boolean outputsPresent(OutputRoots roots) {
    for (String id : files) {
      int colon = id.indexOf(':');
      if (colon < 0) {
        return false;
      }
      GeneratedFile.Root root = GeneratedFile.Root.valueOf(id.substring(0, colon));
      if (!Files.isRegularFile(roots.resolve(root, id.substring(colon + 1)))) {
        return false;
      }
    }
    return true;
  }

  void write(OutputRoots roots) throws IOException {
    Files.createDirectories(roots.sources());
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add(fingerprint);
    lines.addAll(files);
    Files.write(roots.stateFile(), lines, StandardCharsets.UTF_8);
    Files.writeString(roots.reportFile(), report, StandardCharsets.UTF_8);
  }
}
