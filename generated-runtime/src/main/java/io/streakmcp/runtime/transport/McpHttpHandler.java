package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.server.McpServerContext;
import io.streakmcp.runtime.server.RequestAuthenticator;
import io.streakmcp.runtime.server.ServerResolver;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /mcp/{token}} (Streamable HTTP) and {@code /mcp/{token}/sse} with {@code
 * /mcp/{token}/messages} (HTTP+SSE), after the checks every request gets: origin and host, a known
 * token. A bug anywhere below answers -32603 with a reference; the detail goes to the log.
 */
public final class McpHttpHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);
  private static final Pattern ROUTE =
      Pattern.compile("^/mcp/([A-Za-z0-9_-]{1,200})(/sse|/messages)?/?$");

  private final ServerResolver servers;
  private final RequestAuthenticator platformAuth;
  private final OriginPolicy origins;
  private final StreamableHttp streamable;
  private final LegacySse legacy;

  public McpHttpHandler(
      ServerResolver servers, McpEngine engine, HttpServerConfig config, NotificationHub hub) {
    this.servers = servers;
    this.platformAuth = config.platformAuth();
    this.origins = new OriginPolicy(config.allowedOrigins(), config.allowedHosts());
    Dispatch dispatch = new Dispatch(engine);
    EventStreams streams = new EventStreams(hub);
    this.streamable =
        new StreamableHttp(
            dispatch,
            new SessionCodec(config.secret().derive("session")),
            streams,
            config.maxRequestBytes());
    this.legacy = new LegacySse(dispatch, streams, config.maxRequestBytes());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Matcher route = ROUTE.matcher(Request.getPathInContext(request));
    if (!route.matches()) {
      return false;
    }
    try {
      route(request, response, callback, route.group(1), route.group(2));
    } catch (RuntimeException e) {
      // A bug: the client gets a reference to quote, never the exception; the log gets both.
      String ref = UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "internal error (ref {}) on {} /mcp/<token>{}",
          ref,
          request.getMethod(),
          route.group(2) == null ? "" : route.group(2),
          e);
      if (!response.isCommitted()) {
        HttpExchange.error(
            response, callback, 200, ErrorCodes.INTERNAL_ERROR, "Internal error (ref " + ref + ")");
      } else {
        callback.failed(e);
      }
    }
    return true;
  }

  private void route(
      Request request, Response response, Callback callback, String token, String sub)
      throws Exception {
    String repeated = RepeatedHeaders.conflicting(request);
    if (repeated != null) {
      HttpExchange.error(
          response,
          callback,
          400,
          ErrorCodes.TRANSPORT,
          "Bad request: " + RepeatedHeaders.problem(repeated));
      return;
    }
    Map<String, String> headers = HttpExchange.headers(request);
    Optional<String> refused = origins.check(headers.get("origin"), headers.get("host"));
    if (refused.isPresent()) {
      HttpExchange.error(
          response, callback, 403, ErrorCodes.TRANSPORT, "Forbidden: " + refused.get());
      return;
    }
    Optional<McpServerContext> server = servers.resolve(token);
    if (server.isEmpty()) {
      HttpExchange.error(
          response,
          callback,
          404,
          ErrorCodes.TRANSPORT,
          "No MCP server at this URL: the token is unknown, revoked or expired");
      return;
    }
    if (server.get().requiresPlatformToken()
        && !platformAuth.allows(headers.get("authorization"))) {
      response
          .getHeaders()
          .put(
              "WWW-Authenticate",
              // RFC 6750: name the error only when a token was sent and refused.
              headers.containsKey("authorization")
                  ? "Bearer realm=\"streak-mcp\", error=\"invalid_token\""
                  : "Bearer realm=\"streak-mcp\"");
      HttpExchange.error(
          response,
          callback,
          401,
          ErrorCodes.TRANSPORT,
          "This MCP server requires a platform API token: send Authorization: Bearer <token>");
      return;
    }
    BooleanSupplier stillServed = stillServed(token, server.get(), headers.get("authorization"));
    String method = request.getMethod();
    if ("/sse".equals(sub)) {
      if ("GET".equals(method)) {
        legacy.open(request, response, callback, server.get(), token, stillServed);
      } else {
        HttpExchange.methodNotAllowed(response, callback, "GET");
      }
    } else if ("/messages".equals(sub)) {
      if ("POST".equals(method)) {
        legacy.message(request, response, callback, server.get(), headers);
      } else {
        HttpExchange.methodNotAllowed(response, callback, "POST");
      }
    } else if ("POST".equals(method)) {
      streamable.post(request, response, callback, server.get(), headers, stillServed);
    } else if ("GET".equals(method)) {
      streamable.get(request, response, callback, server.get(), headers, stillServed);
    } else {
      // DELETE included: sessions are stateless here, so there is nothing to end.
      HttpExchange.methodNotAllowed(response, callback, "POST, GET");
    }
  }

  /**
   * Whether a request like this one would still be let in: the token still names the same server
   * (not deleted, not expired), and if the server now requires a platform token, this request's is
   * accepted. An open event stream is asked this at each keep-alive, so it ends as its next request
   * would be refused.
   */
  private BooleanSupplier stillServed(String token, McpServerContext server, String authorization) {
    return () ->
        servers
            .resolve(token)
            .filter(now -> now.serverId().equals(server.serverId()))
            .filter(now -> !now.requiresPlatformToken() || platformAuth.allows(authorization))
            .isPresent();
  }
}
