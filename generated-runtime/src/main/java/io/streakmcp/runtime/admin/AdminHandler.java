package io.streakmcp.runtime.admin;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.PlatformTokens;
import io.streakmcp.runtime.servers.ServerStore;
import io.streakmcp.runtime.servers.StoredServer;
import io.streakmcp.runtime.servers.ToolFilter;
import io.streakmcp.runtime.tools.ToolCatalog;
import io.streakmcp.runtime.transport.HttpExchange;
import io.streakmcp.runtime.transport.MediaType;
import io.streakmcp.runtime.transport.RepeatedHeaders;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin REST API: {@code /integrated-account}, {@code /integrated-account/{id}}, {@code
 * /integrated-account/{id}/mcp}, {@code /integrated-account/{id}/mcp/{mcpId}} and its {@code
 * /calls}, and {@code /tool-catalog} with its {@code /preview} of what a filter exposes. Every
 * request needs {@code Authorization: Bearer <platform API token>}.
 */
public final class AdminHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
  private static final Pattern ROUTE =
      Pattern.compile(
          "^/integrated-account(?:/([0-9a-f-]{36})(/mcp(?:/([0-9a-f-]{36})(/calls)?)?)?)?/?$");
  private static final Pattern CATALOG = Pattern.compile("^/tool-catalog(/preview)?/?$");
  private static final Pattern ANY_ADMIN =
      Pattern.compile("^/(integrated-account|tool-catalog)(/.*)?$");
  private static final int MAX_BODY = 64 * 1024;

  private final ServerStore store;
  private final ToolCatalog catalog;
  private final PlatformTokens tokens;
  private final Supplier<String> publicBaseUrl;
  private final Clock clock;

  /**
   * @param publicBaseUrl the origin clients reach this server at, e.g. https://mcp.example.com;
   *     server URLs are built from it, so deployments behind a proxy give the proxy's address
   */
  public AdminHandler(
      ServerStore store,
      ToolCatalog catalog,
      PlatformTokens tokens,
      Supplier<String> publicBaseUrl,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.tokens = tokens;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!ANY_ADMIN.matcher(path).matches()) {
      return false;
    }
    try {
      String repeated = RepeatedHeaders.conflicting(request);
      if (repeated != null) {
        send(
            response,
            callback,
            400,
            error("invalid_request", RepeatedHeaders.problem(repeated), null));
        return true;
      }
      if (!tokens.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"streak-mcp-admin\"");
        send(
            response,
            callback,
            401,
            error("unauthorized", "send Authorization: Bearer <platform API token>", null));
        return true;
      }
      Matcher c = CATALOG.matcher(path);
      if (c.matches()) {
        catalog(request, response, callback, c.group(1) != null);
        return true;
      }
      Matcher m = ROUTE.matcher(path);
      if (!m.matches()) {
        send(response, callback, 404, error("not_found", "no such resource", null));
        return true;
      }
      route(
          request,
          response,
          callback,
          m.group(1),
          m.group(2) != null,
          m.group(3),
          m.group(4) != null);
    } catch (BadRequest e) {
      send(response, callback, e.status(), error(e.code(), e.getMessage(), e.field()));
    } catch (Exception e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("admin API error (ref {}) on {} {}", ref, request.getMethod(), path, e);
      send(
          response,
          callback,
          500,
          error("internal_error", "internal error (ref " + ref + ")", null));
    }
    return true;
  }

  private void route(
      Request request,
      Response response,
      Callback callback,
      String accountId,
      boolean mcp,
      String serverId,
      boolean calls)
      throws Exception {
    String method = request.getMethod();
    if (accountId == null) {
      if (method.equals("GET")) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("result");
        store.accounts().forEach(a -> list.add(AdminViews.account(a)));
        send(response, callback, 200, out);
        return;
      }
      if (!method.equals("POST")) {
        notAllowed(response, callback, "GET, POST");
        return;
      }
      AdminRequests.NewAccount a = AdminRequests.account(body(request));
      Account created = store.createAccount(a.name(), a.apiKey());
      LOG.atInfo().addKeyValue("account", created.id()).log("integrated account created");
      send(response, callback, 201, AdminViews.account(created));
      return;
    }
    Optional<Account> account = store.account(accountId);
    if (account.isEmpty()) {
      send(response, callback, 404, error("not_found", "no integrated account " + accountId, null));
      return;
    }
    if (!mcp) {
      switch (method) {
        case "GET" -> send(response, callback, 200, AdminViews.account(account.get()));
        case "DELETE" -> {
          store.deleteAccount(accountId);
          LOG.atInfo().addKeyValue("account", accountId).log("integrated account deleted");
          send(response, callback, 204, null);
        }
        default -> notAllowed(response, callback, "GET, DELETE");
      }
    } else if (serverId == null) {
      servers(request, response, callback, accountId);
    } else {
      server(request, response, callback, accountId, serverId, calls);
    }
  }

  private void servers(Request request, Response response, Callback callback, String accountId)
      throws Exception {
    switch (request.getMethod()) {
      case "GET" -> {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("result");
        long now = clock.millis();
        store.servers(accountId).forEach(s -> list.add(AdminViews.server(s, now)));
        send(response, callback, 200, out);
      }
      case "POST" -> {
        AdminRequests.NewServer n = AdminRequests.server(body(request), clock);
        checkFilter(n.config());
        // Everything that can fail is done before the insert: after it, the token must reach
        // the caller, or nobody will ever have it.
        String base = baseUrl(request);
        ServerStore.Created created;
        try {
          created = store.createServer(accountId, n.name(), n.config(), n.expiresAt());
        } catch (java.sql.SQLException e) {
          if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            // The account was deleted between our check and the insert.
            send(
                response,
                callback,
                404,
                error("not_found", "no integrated account " + accountId, null));
            return;
          }
          throw e;
        }
        LOG.atInfo()
            .addKeyValue("account", accountId)
            .addKeyValue("server", created.server().id())
            .addKeyValue("expires_at", created.server().expiresAt())
            .log("MCP server created");
        ObjectNode out = AdminViews.server(created.server(), clock.millis());
        out.put("url", base + "/mcp/" + created.token());
        send(response, callback, 201, out);
      }
      default -> notAllowed(response, callback, "GET, POST");
    }
  }

  private void server(
      Request request,
      Response response,
      Callback callback,
      String accountId,
      String serverId,
      boolean calls)
      throws Exception {
    Optional<StoredServer> server = store.server(accountId, serverId);
    if (server.isEmpty()) {
      send(
          response,
          callback,
          404,
          error("not_found", "no MCP server " + serverId + " in account " + accountId, null));
      return;
    }
    if (calls) {
      if (!request.getMethod().equals("GET")) {
        notAllowed(response, callback, "GET");
        return;
      }
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("result");
      store.callLog().calls(serverId, 500).forEach(c -> list.add(AdminViews.call(c)));
      send(response, callback, 200, out);
      return;
    }
    switch (request.getMethod()) {
      case "GET" -> send(response, callback, 200, AdminViews.server(server.get(), clock.millis()));
      case "PATCH" -> {
        JsonNode body = body(request);
        Optional<StoredServer> updated;
        try {
          // Decided from the server as the transaction sees it, with its row held: a PATCH racing
          // another merges into what that one wrote, and one racing the expiry sees it.
          updated =
              store.updateServer(
                  accountId,
                  serverId,
                  current -> {
                    if (current.expiredAt(clock.millis())) {
                      throw new Expired();
                    }
                    ServerStore.Patch patch = AdminRequests.patch(body, current.config(), clock);
                    if (patch.setConfig()) {
                      checkFilter(patch.config());
                    }
                    return patch;
                  });
        } catch (Expired e) {
          // An expired server stays expired: its URL was promised to stop working.
          send(
              response,
              callback,
              409,
              error("expired", "this MCP server has expired; create a new one", null));
          return;
        }
        if (updated.isEmpty()) {
          send(response, callback, 404, error("not_found", "no MCP server " + serverId, null));
          return;
        }
        send(response, callback, 200, AdminViews.server(updated.get(), clock.millis()));
      }
      case "DELETE" -> {
        if (store.deleteServer(accountId, serverId)) {
          LOG.atInfo()
              .addKeyValue("account", accountId)
              .addKeyValue("server", serverId)
              .log("MCP server revoked");
        }
        send(response, callback, 204, null);
      }
      default -> notAllowed(response, callback, "GET, PATCH, DELETE");
    }
  }

  /** GET the catalog a filter chooses from, or POST a config to see what it would expose. */
  private void catalog(Request request, Response response, Callback callback, boolean preview)
      throws Exception {
    String method = request.getMethod();
    if (!preview && method.equals("GET")) {
      send(response, callback, 200, CatalogViews.catalog(catalog));
    } else if (preview && method.equals("POST")) {
      send(
          response,
          callback,
          200,
          CatalogViews.preview(catalog, AdminRequests.preview(body(request))));
    } else {
      notAllowed(response, callback, preview ? "POST" : "GET");
    }
  }

  /** The configured public origin, else the one the caller reached us at. */
  private String baseUrl(Request request) {
    String configured = publicBaseUrl.get();
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    var uri = request.getHttpURI();
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /** A PATCH found its server expired. */
  private static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super(null, null, false, false);
    }
  }

  private void checkFilter(io.streakmcp.runtime.servers.ServerConfig config) {
    List<String> problems = ToolFilter.problems(config, catalog);
    if (!problems.isEmpty()) {
      throw new BadRequest("config", String.join("; ", problems));
    }
  }

  private static JsonNode body(Request request) throws Exception {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (!MediaType.isJson(type)) {
      throw BadRequest.unsupportedMediaType("Content-Type must be application/json (UTF-8)");
    }
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      throw BadRequest.tooLarge("the body is larger than " + MAX_BODY + " bytes");
    }
    return AdminRequests.parse(bytes);
  }

  private static ObjectNode error(String code, String message, String field) {
    ObjectNode e = Json.object().put("error", code).put("message", message);
    if (field != null && !field.isEmpty()) {
      e.put("field", field);
    }
    return e;
  }

  private static void notAllowed(Response response, Callback callback, String allow) {
    response.getHeaders().put(HttpHeader.ALLOW, allow);
    send(response, callback, 405, error("method_not_allowed", "use " + allow, null));
  }

  private static void send(Response response, Callback callback, int status, JsonNode body) {
    if (status >= 400) {
      HttpExchange.closeIfBodyUnread(response);
    }
    response.setStatus(status);
    if (body == null) {
      callback.succeeded();
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(Json.bytes(body)), callback);
  }
}
