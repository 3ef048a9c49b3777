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

  /**
   * Whether a request is served under the modern (stateless) model: its HTTP version header names a
   * modern revision, or its {@code _meta} carries modern fields. An {@code initialize} is legacy
   * unless the header says otherwise, since legacy clients may send _meta too.
   */
  static boolean isModern(JsonNode params, String method, Map<String, String> headers) {
    String header = headers == null ? null : headers.get("mcp-protocol-version");
    if (header != null && ProtocolVersions.MODERN.contains(header.strip())) {
      return true;
    }
    JsonNode meta = params == null ? null : params.path("_meta");
    boolean modernMeta = meta != null && (meta.has(VERSION) || meta.has(CAPABILITIES));
    return modernMeta && !Methods.INITIALIZE.equals(method);
  }

  /**
   * Checks a modern request in the order the spec's errors imply: missing metadata (-32602), then
   * headers that disagree with the body (-32020), then an unsupported version (-32022).
   *
   * @param headers lower-case HTTP header names to values, or null on stdio
   * @return the request's protocol version
   */
  static String check(IncomingMessage message, Map<String, String> headers) {
    JsonNode meta = message.params().get("_meta");
    if (meta == null || !meta.isObject()) {
      throw new RpcException(
          ErrorCodes.INVALID_PARAMS,
          "params._meta is required in " + ProtocolVersions.V2026_07_28 + " requests",
          null,
          400);
    }
    JsonNode version = meta.get(VERSION);
    if (version == null || !version.isString()) {
      throw new RpcException(
          ErrorCodes.INVALID_PARAMS,
          "_meta." + VERSION + " is required (a string such as \"2026-07-28\")",
          null,
          400);
    }
    if (!meta.path(CAPABILITIES).isObject()) {
      throw new RpcException(
          ErrorCodes.INVALID_PARAMS,
          "_meta." + CAPABILITIES + " is required (an object; {} for none)",
          null,
          400);
    }
    if (headers != null) {
      checkHeaders(message, version.stringValue(), headers);
    }
    if (!ProtocolVersions.MODERN.contains(version.stringValue())) {
      ObjectNode data = Json.object();
      ProtocolVersions.MODERN.forEach(data.putArray("supported")::add);
      data.set("requested", version);
      throw new RpcException(
          ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "Unsupported protocol version: " + version.stringValue(),
          data,
          400);
    }
    return version.stringValue();
  }

  private static void checkHeaders(IncomingMessage m, String version, Map<String, String> headers) {
    expect(headers, "mcp-protocol-version", version);
    expect(headers, "mcp-method", m.method());
    if (Methods.TOOLS_CALL.equals(m.method())) {
      JsonNode name = m.params().get("name");
      expect(headers, "mcp-name", name != null && name.isString() ? name.stringValue() : null);
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
