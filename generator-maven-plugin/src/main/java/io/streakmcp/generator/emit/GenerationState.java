package io.streakmcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the last generation produced: the fingerprint of its inputs, the files it wrote (so stale
 * ones can be deleted without touching anything else), and its report (shown again on a skip).
 *
 * @param fingerprint the inputs' fingerprint
 * @param files the manifest ids of every file written
 * @param report the generation report
 */
public record GenerationState(String fingerprint, List<String> files, String report) {
  private static final JsonMapper MAPPER = JsonMapper.shared();

  public GenerationState {
    files = List.copyOf(files);
  }

  /** The state left by the last run, or empty when there is none or it is unreadable. */
  public static Optional<GenerationState> read(OutputRoots roots) throws IOException {
    Path file = roots.stateFile();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(Files.readString(file), GenerationState.class));
    } catch (JacksonException e) {
      // A damaged state file only costs a full generation.
      return Optional.empty();
    }
  }

  /** True when every file of the manifest, and the report, is still on disk. */
  public boolean outputsPresent(OutputRoots roots) {
    if (!Files.isRegularFile(roots.reportFile())) {
      return false;
    }
    for (String id : files) {
      int colon = id.indexOf(':');
      GeneratedFile.Root root = GeneratedFile.Root.valueOf(id.substring(0, colon));
      if (!Files.isRegularFile(roots.resolve(root, id.substring(colon + 1)))) {
        return false;
      }
    }
    return true;
  }

  void write(OutputRoots roots) throws IOException {
    Files.createDirectories(roots.sources());
    Files.writeString(
        roots.stateFile(),
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(roots.reportFile(), report, StandardCharsets.UTF_8);
  }
}
