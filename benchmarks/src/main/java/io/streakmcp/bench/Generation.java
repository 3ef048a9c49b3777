package io.streakmcp.bench;

import io.streakmcp.generator.GenerateOutcome;
import io.streakmcp.generator.GenerateRequest;
import io.streakmcp.generator.Generator;
import io.streakmcp.generator.emit.OutputRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generation speed, in process: a full generation into a fresh directory (the first one in a cold
 * JVM, as a Maven build runs it, then warm ones), and a no-op generation over unchanged records.
 */
final class Generation {
  record Times(double coldFullMs, double fullMs, double noopMs, int files) {}

  private Generation() {}

  static Times measure(Path docs) throws Exception {
    double cold = full(docs);
    List<Double> fulls = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      fulls.add(full(docs));
    }
    Path out = Files.createTempDirectory("gen-noop");
    GenerateOutcome first = generate(docs, out);
    List<Double> noops = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      long start = System.nanoTime();
      GenerateOutcome again = generate(docs, out);
      noops.add((System.nanoTime() - start) / 1e6);
      if (!again.skipped()) {
        throw new IllegalStateException("a generation over unchanged records was not skipped");
      }
    }
    return new Times(cold, median(fulls), median(noops), first.writes().written());
  }

  private static double full(Path docs) throws Exception {
    Path out = Files.createTempDirectory("gen-full");
    long start = System.nanoTime();
    GenerateOutcome o = generate(docs, out);
    double ms = (System.nanoTime() - start) / 1e6;
    if (o.skipped()) {
      throw new IllegalStateException("a generation into an empty directory was skipped");
    }
    return ms;
  }

  private static GenerateOutcome generate(Path docs, Path out) throws Exception {
    return new Generator()
        .generate(
            new GenerateRequest(
                docs,
                new OutputRoots(out.resolve("sources"), out.resolve("resources")),
                "io.streakmcp.bench.generated",
                40));
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
