package io.streakmcp.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/** The heap's live set and the live thread count of this JVM, each read once things settle. */
final class JvmGauges {
  private JvmGauges() {}

  /**
   * Heap in use right after a full collection, in bytes: the lowest of several collections a little
   * apart, since threads that are still winding down (a pool's last task, the call log's writer)
   * allocate between them.
   */
  static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      memory.gc();
      Thread.sleep(150);
      lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
    }
    return lowest;
  }

  /**
   * Live threads, the lowest seen over three seconds: a pool's spare thread may be on its way out,
   * and a count taken at that instant would read as a leak.
   */
  static int threads() throws InterruptedException {
    var bean = ManagementFactory.getThreadMXBean();
    return settled(bean::getThreadCount);
  }

  /** Live threads whose names do not start with {@code prefix}, settled as {@link #threads}. */
  static int threadsExcept(String prefix) throws InterruptedException {
    return settled(
        () ->
            (int)
                Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !t.getName().startsWith(prefix))
                    .count());
  }

  /** Live threads whose names start with {@code prefix}, settled as {@link #threads}. */
  static int threadsOf(String prefix) throws InterruptedException {
    return settled(
        () ->
            (int)
                Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(prefix))
                    .count());
  }

  /**
   * The lowest value of a count over three seconds: pools shrink and sockets close a little late.
   */
  static int settled(IntSupplier count) throws InterruptedException {
    int lowest = count.getAsInt();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(100);
      lowest = Math.min(lowest, count.getAsInt());
    }
    return lowest;
  }

  /** Live threads by name with the numbers taken out ("mcp-http-#"), to say which pool grew. */
  static Map<String, Long> threadsByName() {
    return Thread.getAllStackTraces().keySet().stream()
        .collect(
            Collectors.groupingBy(
                t -> t.getName().replaceAll("\\d+", "#"), TreeMap::new, Collectors.counting()));
  }

  /** The names whose count changed, as "name=before->after". */
  static String changed(Map<String, Long> before, Map<String, Long> after) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    Map<String, String> out = new TreeMap<>();
    for (String name : names) {
      long was = before.getOrDefault(name, 0L);
      long now = after.getOrDefault(name, 0L);
      if (was != now) {
        out.put(name, was + "->" + now);
      }
    }
    return out.toString();
  }
}
