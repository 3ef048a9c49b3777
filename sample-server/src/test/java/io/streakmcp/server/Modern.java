package io.streakmcp.server;

/** Builds 2026-07-28 requests: version and capabilities in _meta, and the matching headers. */
final class Modern {
  static final String VERSION = "2026-07-28";

  static String request(int id, String method, String params) {
    String meta =
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
            + VERSION
            + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
    String p =
        params.equals("{}") ? "{" + meta + "}" : params.replaceFirst("^\\{", "{" + meta + ",");
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + p
        + "}";
  }

  static String[] headers(String method, String name) {
    return name == null
        ? new String[] {"MCP-Protocol-Version", VERSION, "Mcp-Method", method}
        : new String[] {"MCP-Protocol-Version", VERSION, "Mcp-Method", method, "Mcp-Name", name};
  }

  private Modern() {}
}
