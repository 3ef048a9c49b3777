package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streakmcp.runtime.server.CallRecorder;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call log on a real H2 store: what is recorded gets written, flush and close keep their
 * deadlines when the store stops answering, and a full queue drops and counts rather than blocking
 * the tool call that records.
 */
class CallLogTest {
  private static final long T0 = 1_800_000_000_000L;

  @TempDir Path dir;
  private Database db;
  private GatedDataSource gate;
  private ServerStore store;
  private String serverId;

  @BeforeEach
  void open() throws SQLException {
    db = Database.open("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "");
    gate = GatedDataSource.over(db.dataSource());
    MutableClock clock = new MutableClock(T0);
    ServerStore setup = new ServerStore(db.dataSource(), new ApiKeyCipher(new byte[32]), clock);
    Account account = setup.createAccount("Log", "streak-api-key-for-call-log-test");
    serverId =
        setup
            .createServer(account.id(), "s", new ServerConfig(List.of(), List.of(), false), null)
            .server()
            .id();
    store = new ServerStore(gate, new ApiKeyCipher(new byte[32]), clock);
  }

  @AfterEach
  void closeDatabase() {
    gate.open();
    db.close();
  }

  @Test
  void everyRecordedCallIsWrittenInOrderAcrossSeveralBatches() throws Exception {
    int calls = CallLog.MAX_BATCH + 500;
    try (CallLog log = new CallLog(store, new MutableClock(T0))) {
      CallRecorder recorder = log.recorder(serverId);
      for (int i = 0; i < calls; i++) {
        recorder.record("tool_" + i, "ok", i);
      }
      assertTrue(log.flush(Duration.ofSeconds(30)), "everything recorded is written");
      assertEquals(0, log.dropped());
    }
    List<CallRecord> written = store.callLog().calls(serverId, calls + 10);
    assertEquals(calls, written.size());
    assertEquals("tool_" + (calls - 1), written.get(0).tool(), "newest first");
  }

  @Test
  void flushGivesUpAtItsDeadlineWhenTheStoreHangsAndFinishesOnceItAnswers() throws Exception {
    gate.close();
    try (CallLog log = new CallLog(store, new MutableClock(T0))) {
      log.recorder(serverId).record("get_box", "ok", 3);
      assertFalse(log.flush(Duration.ofMillis(300)), "the store is not answering");
      assertEquals(1, log.pending());
      gate.open();
      assertTrue(log.flush(Duration.ofSeconds(30)));
    }
    assertEquals(1, store.callLog().calls(serverId, 5).size());
  }

  /**
   * Under steady traffic the queue is never empty; a flush still ends once the calls recorded
   * before it are written. (Waiting for an empty queue held it to its deadline.)
   */
  @Test
  void flushWaitsForEarlierCallsOnlyNotForTrafficThatKeepsComing() throws Exception {
    gate.close();
    try (CallLog log = new CallLog(store, new MutableClock(T0))) {
      CallRecorder recorder = log.recorder(serverId);
      for (int i = 0; i < 50; i++) {
        recorder.record("before_flush", "ok", 1);
      }
      AtomicBoolean traffic = new AtomicBoolean(true);
      Thread steady =
          new Thread(
              () -> {
                while (traffic.get()) {
                  recorder.record("during_flush", "ok", 1);
                  LockSupport.parkNanos(1_000_000);
                }
              });
      steady.start();
      try {
        gate.open();
        assertTrue(log.flush(Duration.ofSeconds(20)), "the 50 earlier calls are written");
        assertTrue(log.pending() > 0, "traffic kept coming while the flush waited");
      } finally {
        traffic.set(false);
        steady.join();
      }
      long before =
          store.callLog().calls(serverId, 100_000).stream()
              .filter(c -> c.tool().equals("before_flush"))
              .count();
      assertEquals(50, before);
    }
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlockingTheCaller() throws Exception {
    gate.close();
    int recorded = 15_000;
    long dropped;
    try (CallLog log = new CallLog(store, new MutableClock(T0))) {
      CallRecorder recorder = log.recorder(serverId);
      for (int i = 0; i < recorded; i++) {
        recorder.record("get_box", "ok", 1);
      }
      dropped = log.dropped();
      assertTrue(dropped > 0, "more calls than the queue holds were recorded: some must drop");
      gate.open();
      assertTrue(log.flush(Duration.ofSeconds(30)));
    }
    long written = store.callLog().calls(serverId, recorded).size();
    assertEquals(recorded, written + dropped, "each call is either written or counted as dropped");
  }

  @Test
  void closeWritesWhatIsQueued() throws Exception {
    try (CallLog log = new CallLog(store, new MutableClock(T0))) {
      CallRecorder recorder = log.recorder(serverId);
      for (int i = 0; i < 100; i++) {
        recorder.record("get_box", "ok", 1);
      }
    }
    assertEquals(100, store.callLog().calls(serverId, 200).size());
  }
}
