package io.streakmcp.runtime.mcp;

import io.streakmcp.runtime.json.Json;
import io.streakmcp.runtime.protocol.ErrorCodes;
import io.streakmcp.runtime.protocol.IncomingMessage;
import io.streakmcp.runtime.protocol.Methods;
import io.streakmcp.runtime.protocol.ProtocolVersions;
import io.streakmcp.runtime.protocol.RpcException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 request model: a request is modern when its {@code _meta} names a protocol
 * version. Its metadata must be complete, and on HTTP its headers must repeat the body.
 */
final class ModernMeta {
  static final String VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  private ModernMeta() {}

  /** The modern version a request asks for, if it is a modern request at all. */
  static Optional<JsonNode> requestedVersion(IncomingMessage message) {
    return Optional.ofNullable(message.params().path("_meta").get(VERSION));
  }

  /**
   * Checks a modern request; returns its version.
   *
   * @param headers lower-case HTTP header names to values, or null on stdio
   */
  static String check(IncomingMessage message, JsonNode version, Map<String, String> headers) {
    if (!version.isString() || !ProtocolVersions.MODERN.contains(version.stringValue())) {
      ObjectNode data = Json.object();
      ProtocolVersions.MODERN.forEach(data.putArray("supported")::add);
      data.set("requested", version);
      throw new RpcException(
          ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "Unsupported protocol version: " + version,
          data,
          400);
    }
    if (!message.params().path("_meta").path(CAPABILITIES).isObject()) {
      throw new RpcException(
          ErrorCodes.INVALID_PARAMS,
          "_meta." + CAPABILITIES + " is required (an object; {} for none)",
          null,
          400);
    }
    if (headers != null) {
      checkHeaders(message, version.stringValue(), headers);
    }
    return version.stringValue();
  }

  private static void checkHeaders(IncomingMessage m, String version, Map<String, String> headers) {
    expect(headers, "mcp-protocol-version", version);
    expect(headers, "mcp-method", m.method());
    if (Methods.TOOLS_CALL.equals(m.method())) {
      JsonNode name = m.params().get("name");
      expect(headers, "mcp-name", name == null ? null : name.asString());
    }
  }

  private static void expect(Map<String, String> headers, String header, String bodyValue) {
    String raw = headers.get(header);
    String value = raw == null ? null : decode(raw.strip());
    if (value == null || !value.equals(bodyValue)) {
      ObjectNode data = Json.object();
      data.putObject("mismatch")
          .put("header", header)
          .put("body", bodyValue)
          .put("headerValue", raw);
      throw new RpcException(
          ErrorCodes.HEADER_MISMATCH,
          "Header " + header + (raw == null ? " is missing" : " does not match the body"),
          data,
          400);
    }
  }

  /** Header values that are not header-safe arrive as {@code =?base64?...?=}. */
  static String decode(String value) {
    if (value.startsWith("=?base64?") && value.endsWith("?=")) {
      try {
        return new String(
            Base64.getDecoder().decode(value.substring(9, value.length() - 2)),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return value;
  }
}
