package io.streakmcp.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub's bounds: per account and per kind, and nothing left behind. */
class NotificationHubTest {
  /** The streams have no response to write to: each is removed before the hub closes. */
  private final List<Map.Entry<String, SseStream>> added = new ArrayList<>();

  private NotificationHub hub;

  private boolean add(String key) {
    SseStream stream = new SseStream(null, null, () -> {}, () -> true);
    boolean ok = hub.add(key, stream);
    if (ok) {
      added.add(Map.entry(key, stream));
    }
    return ok;
  }

  @AfterEach
  void close() {
    added.forEach(e -> hub.remove(e.getKey(), e.getValue()));
    hub.close();
  }

  @Test
  void eachAccountHasItsOwnBoundForEachKindOfStream() {
    hub = new NotificationHub(3_600, 2);
    String quietA = NotificationHub.quiet("account-a");
    assertTrue(add(quietA));
    assertTrue(add(quietA));
    assertFalse(add(quietA), "account a's keep-alive streams are at the bound");
    // Keep-alive streams used to share one bucket across all accounts.
    assertTrue(add(NotificationHub.quiet("account-b")));
    assertTrue(add(NotificationHub.notified("account-a")));
    assertEquals(4, hub.openStreams());
  }

  @Test
  void aClosedStreamFreesItsSlotAndAnEmptiedAccountLeavesNothing() {
    hub = new NotificationHub(3_600, 1);
    String key = NotificationHub.notified("account-a");
    assertTrue(add(key));
    assertFalse(add(key));
    Map.Entry<String, SseStream> first = added.remove(0);
    hub.remove(first.getKey(), first.getValue());
    assertEquals(0, hub.openStreams());
    assertTrue(add(key), "the slot is free again");
  }
}
