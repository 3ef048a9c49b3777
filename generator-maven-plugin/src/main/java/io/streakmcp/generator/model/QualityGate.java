package io.streakmcp.generator.model;

import io.streakmcp.generator.records.DocRecord;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a record is useful enough to generate a tool from. It judges what the model will
 * read, the summary together with the pitfalls: "Deletes a stage." alone says nothing, but followed
 * by "Only an empty stage can be deleted." it does. A description that is too short, or that only
 * repeats the tool's name, teaches the model nothing and still costs tokens.
 */
public final class QualityGate {
  /** Words that carry no meaning of their own in a summary. */
  private static final Set<String> FILLER =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "of",
          "by",
          "id",
          "ids",
          "key",
          "for",
          "to",
          "in",
          "on",
          "with",
          "this",
          "that",
          "it",
          "its",
          "their",
          "is",
          "all",
          "single",
          "streak",
          "api",
          "method",
          "endpoint",
          "tool",
          "call",
          "return",
          "get",
          "list",
          "create",
          "update",
          "delete",
          "one",
          "given");

  private final int minSummaryLength;

  public QualityGate(int minSummaryLength) {
    this.minSummaryLength = minSummaryLength;
  }

  /** The reason to drop the record, or empty when it passes. */
  public Optional<DroppedMethod> judge(DocRecord record, String route) {
    String summary = (record.summary() + " " + String.join(" ", record.pitfalls())).strip();
    if (summary.length() < minSummaryLength) {
      return Optional.of(
          new DroppedMethod(
              record.tool(),
              route,
              DropReason.SUMMARY_TOO_SHORT,
              "summary and pitfalls have "
                  + summary.length()
                  + " characters; at least "
                  + minSummaryLength
                  + " are needed to say what the method returns"));
    }
    Set<String> nameWords = words(record.tool().replace('_', ' '));
    Set<String> extra = words(summary);
    extra.removeAll(nameWords);
    extra.removeAll(FILLER);
    if (extra.isEmpty()) {
      return Optional.of(
          new DroppedMethod(
              record.tool(),
              route,
              DropReason.SUMMARY_ECHOES_NAME,
              "description only repeats the tool name; say what comes back and when to use it"));
    }
    return Optional.empty();
  }

  /**
   * Lower-case words, letters and digits of any script, with a plural or third-person ending taken
   * off, so "boxes" meets "box" and "stages" meets "stage".
   */
  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .map(QualityGate::stem)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /** "es" comes off only after a sibilant (boxes, matches); otherwise a lone "s" does. */
  private static String stem(String w) {
    if (w.length() > 4 && w.endsWith("es") && w.matches(".*(s|x|z|ch|sh)es")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
