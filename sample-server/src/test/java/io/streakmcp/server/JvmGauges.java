package io.streakmcp.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

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
    int lowest = bean.getThreadCount();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(100);
      lowest = Math.min(lowest, bean.getThreadCount());
    }
    return lowest;
  }
}
