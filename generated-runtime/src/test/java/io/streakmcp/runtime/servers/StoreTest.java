package io.streakmcp.runtime.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's contract, run unchanged against every database it supports: each subclass says how to
 * open its database, and everything here must hold on all of them.
 */
abstract class StoreTest {
  static final long T0 = 1_800_000_000_000L; // 2027-01-15, a fixed "now"
  static final byte[] MASTER_KEY = key(7);
  static final String API_KEY = "streak-api-key-0123456789abcdef";

  /** Flyway's history, quoted because Flyway creates it in lower case on H2 too. */
  static final String HISTORY =
      "SELECT \"version\", \"script\", \"checksum\", \"success\""
          + " FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";

  protected MutableClock clock;
  protected ApiKeyCipher cipher;
  protected Database db;
  protected ServerStore store;

  /** A new pool on this test's database, migrated by Flyway. */
  protected abstract Database openDatabase();

  /** The product name JDBC reports, to prove which database really ran. */
  protected abstract String expectedProduct();

  @BeforeEach
  void openStore() throws SQLException {
    clock = new MutableClock(T0);
    cipher = new ApiKeyCipher(MASTER_KEY);
    db = openDatabase();
    // Databases shared between tests (PostgreSQL) start each test empty.
    exec("DELETE FROM call_log");
    exec("DELETE FROM mcp_server");
    exec("DELETE FROM integrated_account");
    store = new ServerStore(db.dataSource(), cipher, clock);
  }

  @AfterEach
  void closeStore() {
    if (db != null) {
      db.close();
    }
  }

  // ---------------------------------------------------------------- accounts

  @Test
  void runsOnTheExpectedDatabase() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      assertEquals(expectedProduct(), c.getMetaData().getDatabaseProductName());
    }
  }

  @Test
  void accountsAreCreatedReadAndDeleted() throws SQLException {
    Account a = store.createAccount("Acme", API_KEY);
    assertEquals("Acme", a.name());
    assertEquals(T0, a.createdAt());
    assertEquals(36, a.id().length());
    assertEquals(Optional.of(a), store.account(a.id()));
    assertEquals(Optional.empty(), store.account(UUID.randomUUID().toString()));

    assertTrue(store.deleteAccount(a.id()));
    assertEquals(Optional.empty(), store.account(a.id()));
    assertFalse(store.deleteAccount(a.id()), "a second delete finds nothing");
  }

  @Test
  void accountsAreListedOldestFirstWithoutTheirKeys() throws SQLException {
    assertEquals(List.of(), store.accounts());
    Account first = store.createAccount("First", API_KEY);
    clock.advance(Duration.ofSeconds(1));
    Account second = store.createAccount("Second", "other-key");
    assertEquals(List.of(first, second), store.accounts());
    store.deleteAccount(first.id());
    assertEquals(List.of(second), store.accounts());
  }

  @Test
  void deletingAnAccountCascadesToItsServersAndTheirCalls() throws SQLException {
    Account gone = store.createAccount("Gone", API_KEY);
    Account kept = store.createAccount("Kept", "other-key");
    ServerStore.Created g1 = store.createServer(gone.id(), "g1", config(), null);
    ServerStore.Created g2 = store.createServer(gone.id(), "g2", config(), null);
    ServerStore.Created k1 = store.createServer(kept.id(), "k1", config(), null);
    for (ServerStore.Created s : List.of(g1, g2, k1)) {
      store
          .callLog()
          .appendCalls(s.server().id(), List.of(call("list_boxes", T0), call("get_box", T0 + 1)));
    }
    assertEquals(6, count("SELECT COUNT(*) FROM call_log"));

    assertTrue(store.deleteAccount(gone.id()));

    assertEquals(List.of(), store.servers(gone.id()));
    assertEquals(Optional.empty(), store.findByToken(g1.token()));
    assertEquals(Optional.empty(), store.findByToken(g2.token()));
    assertEquals(0, count("SELECT COUNT(*) FROM mcp_server WHERE account_id = ?", gone.id()));
    assertEquals(
        0,
        count(
            "SELECT COUNT(*) FROM call_log WHERE server_id IN (?, ?)",
            g1.server().id(),
            g2.server().id()));
    // The other account is untouched.
    assertEquals(List.of(k1.server()), store.servers(kept.id()));
    assertEquals(2, store.callLog().calls(k1.server().id(), 10).size());
    assertEquals("other-key", store.findByToken(k1.token()).orElseThrow().apiKey());
  }

  // ----------------------------------------------------------------- servers

  @Test
  void aServerTokenIsUrlSafeAndOnlyItsHashIsStored() throws SQLException {
    Account a = store.createAccount("Acme", API_KEY);
    ServerStore.Created created = store.createServer(a.id(), "crm", config(), null);
    String token = created.token();
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    assertNotEquals(token, store.createServer(a.id(), "crm2", config(), null).token());

    Map<String, String> row = row("SELECT * FROM mcp_server WHERE id = ?", created.server().id());
    assertEquals(Tokens.hash(token), row.get("token_hash").strip());
    assertEquals(64, Tokens.hash(token).length());
    row.forEach(
        (column, value) ->
            assertFalse(
                value != null && value.contains(token), "the token is stored in column " + column));

    for (Map<String, String> account : rows("SELECT * FROM integrated_account")) {
      account.forEach(
          (column, value) ->
              assertFalse(
                  value != null && value.contains(API_KEY),
                  "the API key is stored in column " + column));
    }
    String encrypted =
        row("SELECT api_key_enc FROM integrated_account WHERE id = ?", a.id()).get("api_key_enc");
    assertEquals(API_KEY, cipher.decrypt(encrypted, a.id()), "what is stored is the ciphertext");
  }

  @Test
  void findByTokenResolvesTheServerAndItsDecryptedKey() throws SQLException {
    Account a = store.createAccount("Acme", API_KEY);
    ServerConfig config = new ServerConfig(List.of("read", "create_box"), List.of("box"), true);
    ServerStore.Created created = store.createServer(a.id(), "crm", config, T0 + 60_000);

    ServerStore.Resolved found = store.findByToken(created.token()).orElseThrow();
    assertEquals(created.server(), found.server());
    assertEquals(config, found.server().config(), "config survives the JSON round trip");
    assertEquals(T0 + 60_000, found.server().expiresAt());
    assertEquals(API_KEY, found.apiKey());

    assertEquals(Optional.empty(), store.findByToken(Tokens.generate()));
    assertEquals(Optional.empty(), store.findByToken(""));
    assertEquals(Optional.empty(), store.findByToken(created.token() + "x"));
    assertEquals(
        Optional.empty(),
        store.findByToken(Tokens.hash(created.token())),
        "the stored hash is not itself a token");

    // Expired servers are still found: the caller (the resolver) decides what expiry means.
    clock.advance(Duration.ofHours(1));
    assertTrue(store.findByToken(created.token()).orElseThrow().server().expiredAt(clock.millis()));
  }

  @Test
  void aServerNeedsAnExistingAccount() {
    assertThrows(
        SQLException.class,
        () -> store.createServer(UUID.randomUUID().toString(), "orphan", config(), null));
  }

  @Test
  void serversAreListedInCreationOrderAndScopedToTheirAccount() throws SQLException {
    Account a = store.createAccount("A", API_KEY);
    Account b = store.createAccount("B", API_KEY);
    List<StoredServer> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMillis(1));
      created.add(store.createServer(a.id(), "s" + i, config(), null).server());
    }
    StoredServer other = store.createServer(b.id(), "b0", config(), null).server();

    assertEquals(created, store.servers(a.id()));
    assertEquals(List.of(other), store.servers(b.id()));
    assertEquals(List.of(), store.servers(UUID.randomUUID().toString()));
    assertEquals(Optional.of(created.get(2)), store.server(a.id(), created.get(2).id()));
    assertEquals(
        Optional.empty(),
        store.server(b.id(), created.get(2).id()),
        "another account's server is not found");

    assertFalse(store.deleteServer(b.id(), created.get(0).id()), "nor can it be deleted");
    assertTrue(store.deleteServer(a.id(), created.get(0).id()));
    assertFalse(store.deleteServer(a.id(), created.get(0).id()));
    assertEquals(created.subList(1, 5), store.servers(a.id()));
  }

  @Test
  void patchingTheNameChangesOnlyTheName() throws SQLException {
    StoredServer s = newServer(T0 + 60_000);
    StoredServer patched =
        store
            .updateServer(
                s.accountId(),
                s.id(),
                new ServerStore.Patch(true, "renamed", false, null, false, null))
            .orElseThrow();
    assertEquals(
        new StoredServer(
            s.id(), s.accountId(), "renamed", s.config(), s.expiresAt(), s.createdAt()),
        patched);
    assertEquals(Optional.of(patched), store.server(s.accountId(), s.id()));
  }

  @Test
  void patchingTheConfigChangesOnlyTheConfig() throws SQLException {
    StoredServer s = newServer(T0 + 60_000);
    ServerConfig next = new ServerConfig(List.of("write"), List.of("task", "box"), true);
    StoredServer patched =
        store
            .updateServer(
                s.accountId(), s.id(), new ServerStore.Patch(false, null, true, next, false, null))
            .orElseThrow();
    assertEquals(
        new StoredServer(s.id(), s.accountId(), s.name(), next, s.expiresAt(), s.createdAt()),
        patched);
  }

  @Test
  void patchingTheExpirySetsAndClearsIt() throws SQLException {
    StoredServer s = newServer(null);
    StoredServer set =
        store
            .updateServer(
                s.accountId(),
                s.id(),
                new ServerStore.Patch(false, null, false, null, true, T0 + 5_000))
            .orElseThrow();
    assertEquals(T0 + 5_000, set.expiresAt());
    assertEquals(s.name(), set.name());
    assertEquals(s.config(), set.config());

    StoredServer cleared =
        store
            .updateServer(
                s.accountId(), s.id(), new ServerStore.Patch(false, null, false, null, true, null))
            .orElseThrow();
    assertNull(cleared.expiresAt());
    assertEquals(s, cleared);
    clock.advance(Duration.ofDays(365));
    assertEquals(0, store.deleteExpired(), "a cleared expiry never expires");
  }

  @Test
  void patchingEverythingAtOnceAndPatchingNothing() throws SQLException {
    StoredServer s = newServer(null);
    ServerConfig next = new ServerConfig(List.of("custom"), List.of(), false);
    StoredServer all =
        store
            .updateServer(
                s.accountId(), s.id(), new ServerStore.Patch(true, "all", true, next, true, T0 + 1))
            .orElseThrow();
    assertEquals(new StoredServer(s.id(), s.accountId(), "all", next, T0 + 1, s.createdAt()), all);
    assertEquals(
        Optional.of(all),
        store.updateServer(
            s.accountId(), s.id(), new ServerStore.Patch(false, null, false, null, false, null)));
  }

  /**
   * Two patches at once, each merging into the server it reads: the second waits for the first's
   * row and merges into what it wrote. (Read before the first committed, it wrote the old auth
   * setting back.) The second is given a second to finish on its own; with the row held it cannot.
   */
  @Test
  void concurrentPatchesEachMergeIntoTheOthersWrite() throws Exception {
    StoredServer s = newServer(null);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    AtomicReference<Thread> secondThread = new AtomicReference<>();
    StoredServer result =
        store
            .updateServer(
                s.accountId(),
                s.id(),
                first -> {
                  Thread second =
                      new Thread(
                          () -> {
                            try {
                              store.updateServer(
                                  s.accountId(),
                                  s.id(),
                                  now ->
                                      configPatch(
                                          new ServerConfig(
                                              List.of("write"),
                                              now.config().tags(),
                                              now.config().requireApiTokenAuth())));
                            } catch (Throwable e) {
                              failed.set(e);
                            }
                          });
                  second.start();
                  try {
                    second.join(1_000);
                  } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                  }
                  secondThread.set(second);
                  return configPatch(
                      new ServerConfig(first.config().methods(), first.config().tags(), true));
                })
            .orElseThrow();
    assertTrue(result.config().requireApiTokenAuth());
    secondThread.get().join(30_000);
    assertEquals(null, failed.get());
    ServerConfig both = store.server(s.accountId(), s.id()).orElseThrow().config();
    assertEquals(List.of("write"), both.methods(), "the second patch's methods");
    assertTrue(both.requireApiTokenAuth(), "and the first patch's auth, not undone");
  }

  private static ServerStore.Patch configPatch(ServerConfig config) {
    return new ServerStore.Patch(false, null, true, config, false, null);
  }

  @Test
  void patchingAMissingOrForeignServerChangesNothing() throws SQLException {
    StoredServer s = newServer(null);
    Account intruder = store.createAccount("Intruder", API_KEY);
    ServerStore.Patch rename = new ServerStore.Patch(true, "hijacked", false, null, true, T0);
    assertEquals(Optional.empty(), store.updateServer(intruder.id(), s.id(), rename));
    assertEquals(
        Optional.empty(), store.updateServer(s.accountId(), UUID.randomUUID().toString(), rename));
    assertEquals(Optional.of(s), store.server(s.accountId(), s.id()));
  }

  @Test
  void aPatchThatFailsHalfWayChangesNothing() throws SQLException {
    StoredServer s = newServer(T0 + 60_000);
    // The name update succeeds; the config update then breaks the column's limit (8192), so the
    // whole transaction must roll back, name and expiry included.
    ServerConfig tooBig = new ServerConfig(List.of("x".repeat(9_000)), List.of(), false);
    assertThrows(
        SQLException.class,
        () ->
            store.updateServer(
                s.accountId(),
                s.id(),
                new ServerStore.Patch(true, "half-done", true, tooBig, true, null)));
    assertEquals(Optional.of(s), store.server(s.accountId(), s.id()));

    // The pool is not poisoned: connections go back in auto-commit, so later writes persist
    // (a fresh pool sees them).
    for (int i = 0; i < 20; i++) {
      store.createAccount("after-" + i, API_KEY);
    }
    db.close();
    db = openDatabase();
    store = new ServerStore(db.dataSource(), cipher, clock);
    assertEquals(20, count("SELECT COUNT(*) FROM integrated_account WHERE name LIKE 'after-%'"));
    assertEquals(Optional.of(s), store.server(s.accountId(), s.id()));
  }

  // ------------------------------------------------------------------ expiry

  @Test
  void expiredAtIsInclusiveAndNullNeverExpires() {
    StoredServer never = new StoredServer("i", "a", "n", config(), null, T0);
    StoredServer at = new StoredServer("i", "a", "n", config(), T0 + 10, T0);
    assertFalse(never.expiredAt(Long.MAX_VALUE));
    assertFalse(at.expiredAt(T0 + 9));
    assertTrue(at.expiredAt(T0 + 10));
    assertTrue(at.expiredAt(T0 + 11));
  }

  @Test
  void deleteExpiredRemovesOnlyExpiredServersAndIsIdempotent() throws SQLException {
    Account a = store.createAccount("A", API_KEY);
    // Servers created in the same millisecond list in id (random) order, so the clock moves.
    StoredServer never = store.createServer(a.id(), "never", config(), null).server();
    clock.advance(Duration.ofMillis(1));
    StoredServer past = store.createServer(a.id(), "past", config(), T0 - 1).server();
    clock.advance(Duration.ofMillis(1));
    StoredServer boundary = store.createServer(a.id(), "boundary", config(), T0 + 1_000).server();
    clock.advance(Duration.ofMillis(1));
    StoredServer later = store.createServer(a.id(), "later", config(), T0 + 5_000).server();
    clock.set(T0);
    store.callLog().appendCalls(boundary.id(), List.of(call("get_box", T0)));

    assertEquals(1, store.deleteExpired(), "only the one already past");
    clock.set(T0 + 999);
    assertEquals(0, store.deleteExpired());
    clock.set(T0 + 1_000);
    assertEquals(1, store.deleteExpired(), "expiry is inclusive, as in expiredAt");
    assertEquals(0, store.deleteExpired(), "running it twice is fine");
    assertEquals(0, store.deleteExpired());

    assertEquals(List.of(never, later), store.servers(a.id()));
    assertEquals(Optional.empty(), store.server(a.id(), past.id()));
    assertEquals(0, count("SELECT COUNT(*) FROM call_log WHERE server_id = ?", boundary.id()));
    for (StoredServer s : store.servers(a.id())) {
      assertFalse(s.expiredAt(clock.millis()));
    }
  }

  // --------------------------------------------------------------- call logs

  @Test
  void callsAreListedNewestFirstWithALimit() throws SQLException {
    StoredServer s = newServer(null);
    StoredServer other = store.createServer(s.accountId(), "other", config(), null).server();
    store
        .callLog()
        .appendCalls(
            s.id(),
            List.of(
                new CallRecord("b", T0 + 20, "ok", 5),
                new CallRecord("a", T0 + 10, "invalid_arguments", 1),
                new CallRecord("c", T0 + 30, "streak_error", 250)));
    store
        .callLog()
        .appendCalls(
            s.id(),
            List.of(
                new CallRecord("tie-first", T0 + 40, "ok", 2),
                new CallRecord("tie-second", T0 + 40, "rate_limited", 3)));
    store.callLog().appendCalls(other.id(), List.of(new CallRecord("elsewhere", T0 + 99, "ok", 1)));
    store.callLog().appendCalls(s.id(), List.of()); // an empty batch is a no-op

    assertEquals(
        List.of(
            new CallRecord("tie-second", T0 + 40, "rate_limited", 3),
            new CallRecord("tie-first", T0 + 40, "ok", 2),
            new CallRecord("c", T0 + 30, "streak_error", 250),
            new CallRecord("b", T0 + 20, "ok", 5),
            new CallRecord("a", T0 + 10, "invalid_arguments", 1)),
        store.callLog().calls(s.id(), 100));
    assertEquals(
        List.of("tie-second", "tie-first"),
        store.callLog().calls(s.id(), 2).stream().map(CallRecord::tool).toList());
    assertEquals(1, store.callLog().calls(s.id(), 1).size());
    assertEquals(
        List.of("elsewhere"),
        store.callLog().calls(other.id(), 100).stream().map(CallRecord::tool).toList());
    assertEquals(List.of(), store.callLog().calls(UUID.randomUUID().toString(), 100));
  }

  @Test
  void pruningKeepsEachServersNewestCallsOnly() throws SQLException {
    StoredServer s = newServer(null);
    StoredServer other = store.createServer(s.accountId(), "other", config(), null).server();
    List<CallRecord> many = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      many.add(call("t" + i, T0 + i));
    }
    store.callLog().appendCalls(s.id(), many);
    store.callLog().appendCalls(other.id(), List.of(call("x0", T0), call("x1", T0 + 1)));

    assertEquals(4, store.callLog().pruneCalls(3), "7 - 3 from one server, none from the other");
    assertEquals(
        List.of("t6", "t5", "t4"),
        store.callLog().calls(s.id(), 100).stream().map(CallRecord::tool).toList());
    assertEquals(
        List.of("x1", "x0"),
        store.callLog().calls(other.id(), 100).stream().map(CallRecord::tool).toList());
    assertEquals(0, store.callLog().pruneCalls(3), "pruning again changes nothing");
    assertThrows(IllegalArgumentException.class, () -> store.callLog().pruneCalls(0));

    // Calls in the same millisecond are told apart by the order they were written.
    store
        .callLog()
        .appendCalls(
            other.id(), List.of(call("x2", T0 + 5), call("x3", T0 + 5), call("x4", T0 + 5)));
    assertEquals(4, store.callLog().pruneCalls(2), "x0, x1, x2 of the other; t4 of the first");
    assertEquals(
        List.of("x4", "x3"),
        store.callLog().calls(other.id(), 100).stream().map(CallRecord::tool).toList());
  }

  @Test
  void callsOfADeletedServerAreDroppedWithoutError() throws SQLException {
    StoredServer s = newServer(null);
    store.callLog().appendCalls(s.id(), List.of(call("get_box", T0)));
    assertTrue(store.deleteServer(s.accountId(), s.id()));
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM call_log WHERE server_id = ?", s.id()),
        "the server's log went with it");

    store
        .callLog()
        .appendCalls(s.id(), List.of(call("get_box", T0 + 1), call("list_boxes", T0 + 2)));
    store.callLog().appendCalls(UUID.randomUUID().toString(), List.of(call("get_box", T0)));
    assertEquals(0, count("SELECT COUNT(*) FROM call_log"));
    assertEquals(List.of(), store.callLog().calls(s.id(), 10));
  }

  // ---------------------------------------------------------------- API keys

  @Test
  void aCiphertextCopiedToAnotherAccountFailsToDecrypt() throws SQLException {
    Account victim = store.createAccount("Victim", API_KEY);
    Account thief = store.createAccount("Thief", "thief-key");
    ServerStore.Created thiefServer = store.createServer(thief.id(), "t", config(), null);
    String victimCiphertext =
        row("SELECT api_key_enc FROM integrated_account WHERE id = ?", victim.id())
            .get("api_key_enc");
    assertEquals(
        1,
        update(
            "UPDATE integrated_account SET api_key_enc = ? WHERE id = ?",
            victimCiphertext,
            thief.id()));

    assertThrows(IllegalStateException.class, () -> store.findByToken(thiefServer.token()));
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(victimCiphertext, thief.id()));
    assertEquals(API_KEY, cipher.decrypt(victimCiphertext, victim.id()));
  }

  @Test
  void aDifferentMasterKeyCannotReadTheKeys() throws SQLException {
    Account a = store.createAccount("Acme", API_KEY);
    ServerStore.Created created = store.createServer(a.id(), "crm", config(), null);
    ServerStore otherKey = new ServerStore(db.dataSource(), new ApiKeyCipher(key(8)), clock);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> otherKey.findByToken(created.token()));
    assertTrue(e.getMessage().contains("master key"), e.getMessage());
    assertFalse(e.getMessage().contains(API_KEY));
    assertEquals(API_KEY, store.findByToken(created.token()).orElseThrow().apiKey());
  }

  @Test
  void theCipherUsesAFreshNonceAndDetectsTampering() {
    String id = UUID.randomUUID().toString();
    String one = cipher.encrypt(API_KEY, id);
    String two = cipher.encrypt(API_KEY, id);
    assertNotEquals(one, two, "a random nonce per encryption");
    assertEquals(API_KEY, cipher.decrypt(one, id));
    assertEquals(API_KEY, cipher.decrypt(two, id));

    byte[] raw = java.util.Base64.getDecoder().decode(one);
    raw[raw.length - 1] ^= 1;
    String tampered = java.util.Base64.getEncoder().encodeToString(raw);
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered, id));
    assertThrows(IllegalArgumentException.class, () -> new ApiKeyCipher(new byte[16]));
  }

  // ----------------------------------------------------------------- restart

  @Test
  void everythingSurvivesARestartAndMigrationsDoNotRunAgain() throws SQLException {
    Account a = store.createAccount("Acme", API_KEY);
    ServerStore.Created created =
        store.createServer(
            a.id(), "crm", new ServerConfig(List.of("read"), List.of("box"), true), T0 + 60_000);
    StoredServer patched =
        store
            .updateServer(
                a.id(),
                created.server().id(),
                new ServerStore.Patch(true, "crm-renamed", false, null, false, null))
            .orElseThrow();
    store
        .callLog()
        .appendCalls(patched.id(), List.of(call("list_boxes", T0), call("get_box", T0 + 1)));
    List<Map<String, String>> history = rows(HISTORY);
    // H2 also records a marker row (no version) for the schema Flyway found; then the migrations.
    assertEquals(
        List.of("1", "2"),
        history.stream().map(r -> r.get("version")).filter(java.util.Objects::nonNull).toList(),
        history.toString());

    db.close();
    db = openDatabase();
    store = new ServerStore(db.dataSource(), new ApiKeyCipher(MASTER_KEY.clone()), clock);

    assertEquals(Optional.of(a), store.account(a.id()));
    assertEquals(List.of(patched), store.servers(a.id()));
    ServerStore.Resolved found = store.findByToken(created.token()).orElseThrow();
    assertEquals(patched, found.server());
    assertEquals(API_KEY, found.apiKey());
    assertEquals(
        List.of("get_box", "list_boxes"),
        store.callLog().calls(patched.id(), 10).stream().map(CallRecord::tool).toList());
    assertEquals(history, rows(HISTORY), "Flyway neither re-ran nor added a migration");
  }

  @Test
  void aCurrentStoreOpensWithoutFlywayAndAnEditedHistoryIsStillRefused() throws SQLException {
    // Our checksum must be Flyway's own, or every start would fall back to Flyway.
    assertTrue(SchemaCheck.isCurrent(db.dataSource()), rows(HISTORY).toString());

    update(
        "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1"
            + " WHERE \"script\" = 'V1__servers.sql'");
    try {
      assertFalse(SchemaCheck.isCurrent(db.dataSource()));
      // Not current, so Flyway runs, and its validation refuses the edited history as before.
      RuntimeException refused = assertThrows(RuntimeException.class, this::openDatabase);
      assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    } finally {
      update(
          "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" - 1"
              + " WHERE \"script\" = 'V1__servers.sql'");
    }
    assertTrue(SchemaCheck.isCurrent(db.dataSource()));
  }

  // ----------------------------------------------------------------- helpers

  static byte[] key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }

  static ServerConfig config() {
    return new ServerConfig(List.of(), List.of(), false);
  }

  static CallRecord call(String tool, long at) {
    return new CallRecord(tool, at, "ok", 12);
  }

  StoredServer newServer(Long expiresAt) throws SQLException {
    Account a = store.createAccount("Owner", API_KEY);
    return store
        .createServer(
            a.id(), "crm", new ServerConfig(List.of("read"), List.of("box"), false), expiresAt)
        .server();
  }

  void exec(String sql) throws SQLException {
    update(sql);
  }

  int update(String sql, String... args) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  long count(String sql, String... args) throws SQLException {
    return Long.parseLong(rows(sql, args).get(0).values().iterator().next());
  }

  Map<String, String> row(String sql, String... args) throws SQLException {
    List<Map<String, String>> rows = rows(sql, args);
    assertEquals(1, rows.size(), sql);
    return rows.get(0);
  }

  /** Rows with lower-case column names and every value read as a string. */
  List<Map<String, String>> rows(String sql, String... args) throws SQLException {
    List<Map<String, String>> out = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        ResultSetMetaData meta = r.getMetaData();
        while (r.next()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), r.getString(i));
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}
