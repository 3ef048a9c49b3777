package io.streakmcp.runtime.transport;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.mcp.McpEngine;
import io.streakmcp.runtime.mcp.Reply;
import io.streakmcp.runtime.mcp.RequestContext;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.MessageParser;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.Responses;
import io.streakmcp.runtime.protocol.RpcException;
import io.streakmcp.runtime.server.McpServerContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP over stdin and stdout: one JSON-RPC message per line, nothing else on stdout (logs go to
 * stderr). Ends when stdin closes. Lines longer than the limit are refused without being held.
 */
public final class StdioTransport {
  private final McpEngine engine;
  private final McpServerContext server;
  private final InputStream in;
  private final OutputStream out;
  private final int maxLineBytes;
  private String version = ProtocolVersions.LEGACY.get(0);
  private volatile boolean initialized;

  public StdioTransport(
      McpEngine engine,
      McpServerContext server,
      InputStream in,
      OutputStream out,
      int maxLineBytes) {
    this.engine = engine;
    this.server = server;
    this.in = in;
    this.out = out;
    this.maxLineBytes = maxLineBytes;
    // A changed pipeline is announced once the client has initialized; the modern era learns of
    // changes from ttlMs instead.
    engine
        .liveSchema()
        .onChange(
            account -> {
              if (initialized && account.equals(server.accountId())) {
                announceToolsChanged();
              }
            });
  }

  /**
   * Serves until stdin ends. A last message without its newline is served too: the client has
   * closed its side, but it may still read the answer.
   */
  public void run() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    for (int b; (b = in.read()) >= 0; ) {
      if (b != '\n') {
        if (line.size() < maxLineBytes) {
          line.write(b);
        } else {
          tooLong = true;
        }
        continue;
      }
      endOfLine(line, tooLong);
      line.reset();
      tooLong = false;
    }
    endOfLine(line, tooLong);
  }

  private void endOfLine(ByteArrayOutputStream line, boolean tooLong) throws IOException {
    if (tooLong) {
      write(
          Responses.error(
              null,
              new RpcException(
                  ErrorCodes.INVALID_REQUEST,
                  "Request too large: the limit is " + maxLineBytes + " bytes")));
    } else if (line.size() > 0 && !isBlank(line.toByteArray())) {
      serveLine(line.toByteArray());
    }
  }

  /** Sends a notification, such as tools/list_changed. */
  public void notify(ObjectNode notification) throws IOException {
    write(notification);
  }

  private void serveLine(byte[] bytes) throws IOException {
    JsonNode json;
    try {
      json = MessageParser.parseJson(bytes);
    } catch (RpcException e) {
      write(Responses.error(null, e));
      return;
    }
    if (json.isArray()) {
      write(
          Responses.error(
              null,
              new RpcException(
                  ErrorCodes.INVALID_REQUEST,
                  "Invalid request: batches are not supported on stdio")));
      return;
    }
    IncomingMessage message;
    try {
      message = MessageParser.message(json);
    } catch (RpcException e) {
      write(Responses.error(MessageParser.readableId(json), e));
      return;
    }
    Reply reply;
    try {
      RequestContext context = engine.context(message, server, null, version);
      reply = engine.handle(message, context);
    } catch (RpcException e) {
      reply = new Reply(Responses.error(message.id(), e), e.httpStatus(), java.util.Map.of());
    }
    if (Methods.INITIALIZE.equals(message.method())
        && reply.body() != null
        && reply.body().has("result")) {
      version = reply.body().get("result").path("protocolVersion").asString();
      initialized = true;
    }
    if (reply.body() != null) {
      write(reply.body());
    }
  }

  private void announceToolsChanged() {
    try {
      write(Responses.notification(Methods.TOOLS_LIST_CHANGED, null));
    } catch (IOException e) {
      // stdout is gone: the read loop ends when stdin does.
    }
  }

  private synchronized void write(ObjectNode message) throws IOException {
    // Jackson never writes raw newlines inside JSON strings, so one message is one line.
    out.write(Json.bytes(message));
    out.write('\n');
    out.flush();
  }

  private static boolean isBlank(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).isBlank();
  }
}
