package io.streakmcp.server;

import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ServerStore;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The accounts and MCP servers the load spreads over, made in the store as the admin API makes
 * them: per account, one server with every tool and three with method filters, each with the calls
 * its filter lets through.
 */
final class LoadFleet {

  /** One MCP server under load, and the calls it is sent. */
  record Target(String accountId, String serverId, String name, URI url, List<LoadCall> calls) {}

  /** A kind of server: its filter and the calls that filter allows. */
  private record Profile(String name, List<String> methods, List<LoadCall> calls) {}

  private static final List<Profile> PROFILES =
      List.of(
          new Profile(
              "everything",
              List.of(),
              List.of(
                  LoadCall.GET_BOX,
                  LoadCall.LIST_BOXES,
                  LoadCall.GET_TASK,
                  LoadCall.COMMENT,
                  LoadCall.LIST_BOXES)),
          new Profile(
              "read-only",
              List.of("read"),
              List.of(
                  LoadCall.GET_BOX, LoadCall.LIST_BOXES, LoadCall.GET_TASK, LoadCall.LIST_BOXES)),
          new Profile(
              "box tools by name",
              List.of(
                  "get_single_streak_box_by_id",
                  "list_all_streak_boxes",
                  "create_a_streak_box_comment"),
              List.of(
                  LoadCall.GET_BOX, LoadCall.COMMENT, LoadCall.LIST_BOXES, LoadCall.LIST_BOXES)),
          new Profile(
              "gets and writes",
              List.of("get", "write"),
              List.of(LoadCall.GET_BOX, LoadCall.GET_TASK, LoadCall.COMMENT)));

  final List<Target> targets;

  private LoadFleet(List<Target> targets) {
    this.targets = List.copyOf(targets);
  }

  /** {@code accounts} accounts, each with one server of every profile. */
  static LoadFleet create(ServerStore store, URI base, int accounts) throws Exception {
    List<Target> targets = new ArrayList<>();
    SecureRandom random = new SecureRandom();
    for (int a = 0; a < accounts; a++) {
      byte[] suffix = new byte[8];
      random.nextBytes(suffix);
      String apiKey = Secrets.remember("strk_load_" + a + "_" + HexFormat.of().formatHex(suffix));
      Account account = store.createAccount("Load " + a, apiKey);
      for (Profile p : PROFILES) {
        ServerStore.Created created =
            store.createServer(
                account.id(), p.name(), new ServerConfig(p.methods(), List.of(), false), null);
        URI url = base.resolve("/mcp/" + Secrets.remember(created.token()));
        targets.add(new Target(account.id(), created.server().id(), p.name(), url, p.calls()));
      }
    }
    return new LoadFleet(targets);
  }

  int size() {
    return targets.size();
  }
}
