package io.streakmcp.server;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * The live heap by class (the JVM's GC.class_histogram, which collects first), so that when the
 * heap grows a failure can say what grew instead of only how much.
 */
final class HeapHistogram {
  private static final Pattern ROW = Pattern.compile("\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*");

  private final Map<String, Long> bytesByClass;

  private HeapHistogram(Map<String, Long> bytesByClass) {
    this.bytesByClass = bytesByClass;
  }

  static HeapHistogram take() throws Exception {
    String text =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {null},
                    new String[] {String[].class.getName()});
    Map<String, Long> bytes = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
      }
    }
    return new HeapHistogram(bytes);
  }

  /** The {@code n} classes that grew most since {@code before}, with their growth in KiB. */
  String largestGrowthSince(HeapHistogram before, int n) {
    return bytesByClass.entrySet().stream()
        .map(
            e ->
                Map.entry(
                    e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KiB")
        .collect(Collectors.joining(", "));
  }
}
