package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.Reply;
import io.streakmcp.runtime.mcp.RequestContext;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.server.McpServerContext;
import java.util.Map;

/** One message through the engine: era and metadata checks, then the handler. Never throws. */
final class Dispatch {
  private final McpEngine engine;

  Dispatch(McpEngine engine) {
    this.engine = engine;
  }

  Reply serve(
      IncomingMessage message,
      McpServerContext server,
      Map<String, String> headers,
      String legacyVersion) {
    RequestContext context;
    try {
      context = engine.context(message, server, headers, legacyVersion);
    } catch (RpcException e) {
      return new Reply(Responses.error(message.id(), e), e.httpStatus(), Map.of());
    }
    return engine.handle(message, context);
  }

  /** The request context alone, for requests a transport serves itself (listen). */
  RequestContext context(
      IncomingMessage message, McpServerContext server, Map<String, String> headers) {
    return engine.context(message, server, headers, null);
  }
}
