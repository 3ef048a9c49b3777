package io.streakmcp.runtime.admin;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.CallRecord;
import io.streakmcp.runtime.servers.StoredServer;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** The JSON the admin API answers with. API keys and token hashes never appear in it. */
final class AdminViews {
  private AdminViews() {}

  static ObjectNode account(Account a) {
    return Json.object()
        .put("id", a.id())
        .put("name", a.name())
        .put("created_at", Instant.ofEpochMilli(a.createdAt()).toString());
  }

  static ObjectNode server(StoredServer s, long now) {
    ObjectNode node = Json.object().put("id", s.id()).put("name", s.name());
    node.set("config", s.config().toJson());
    if (s.expiresAt() == null) {
      node.putNull("expires_at");
    } else {
      node.put("expires_at", Instant.ofEpochMilli(s.expiresAt()).toString());
    }
    node.put("status", s.expiredAt(now) ? "expired" : "active");
    node.put("created_at", Instant.ofEpochMilli(s.createdAt()).toString());
    return node;
  }

  static ObjectNode call(CallRecord c) {
    return Json.object()
        .put("tool", c.tool())
        .put("called_at", Instant.ofEpochMilli(c.calledAt()).toString())
        .put("status", c.status())
        .put("duration_ms", c.durationMs());
  }
}
