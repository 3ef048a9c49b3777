package io.streakmcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the last generation produced: the fingerprint of its inputs, each file it wrote with the
 * hash of its bytes (so a hand-edited output is noticed, and stale files can be deleted without
 * touching anything else), and its report (kept beside it as text).
 *
 * <p>Stored as plain lines, not JSON: a no-op build reads it and stops, and should not pay for
 * starting a JSON library. A state file that does not parse, line by line, is ignored: that costs
 * one full generation, never a failed build.
 *
 * @param fingerprint the inputs' fingerprint
 * @param files every file written, as {@code ROOT:path<TAB>sha256}
 * @param report the generation report
 */
public record GenerationState(String fingerprint, List<String> files, String report) {
  private static final String HEADER = "streak-mcp-state 2";
  private static final Pattern ENTRY =
      Pattern.compile(
          "(SOURCE|RESOURCE):((?:[\\p{L}\\p{N}_.$-]+/)*[\\p{L}\\p{N}_.$-]+)\t([0-9a-f]{64})");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  public GenerationState {
    files = List.copyOf(files);
  }

  /** The manifest line of one file. */
  static String entry(GeneratedFile file, String sha256) {
    return file.id() + "\t" + sha256;
  }

  /** The state left by the last run, or empty when there is none or it is damaged. */
  public static Optional<GenerationState> read(OutputRoots roots) throws IOException {
    Path file = roots.stateFile();
    if (!Files.isRegularFile(file) || !Files.isRegularFile(roots.reportFile())) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < 2
        || !lines.get(0).equals(HEADER)
        || !FINGERPRINT.matcher(lines.get(1)).matches()) {
      return Optional.empty();
    }
    List<String> entries = lines.subList(2, lines.size());
    for (String entry : entries) {
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches() || m.group(2).contains("..")) {
        return Optional.empty();
      }
    }
    String report = Files.readString(roots.reportFile(), StandardCharsets.UTF_8);
    return Optional.of(new GenerationState(lines.get(1), entries, report));
  }

  /** The manifest ids ({@code ROOT:path}) of every file written. */
  public List<String> ids() {
    return files.stream().map(f -> f.substring(0, f.indexOf('\t'))).toList();
  }

  /** True when every file of the manifest is on disk with the bytes the generator wrote. */
  public boolean outputsIntact(OutputRoots roots) throws IOException {
    for (String entry : files) {
      Matcher m = ENTRY.matcher(entry);
      if (!m.matches()) {
        return false;
      }
      Path path = roots.resolve(GeneratedFile.Root.valueOf(m.group(1)), m.group(2));
      if (!Files.isRegularFile(path) || !Hashes.hex(Files.readAllBytes(path)).equals(m.group(3))) {
        return false;
      }
    }
    return true;
  }

  void write(OutputRoots roots) throws IOException {
    Files.createDirectories(roots.sources());
    StringBuilder sb = new StringBuilder(HEADER).append('\n').append(fingerprint).append('\n');
    files.forEach(f -> sb.append(f).append('\n'));
    Files.writeString(roots.stateFile(), sb.toString(), StandardCharsets.UTF_8);
    Files.writeString(roots.reportFile(), report, StandardCharsets.UTF_8);
  }
}
