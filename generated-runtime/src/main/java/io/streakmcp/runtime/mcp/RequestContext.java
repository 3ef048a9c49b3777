package io.streakmcp.runtime.mcp;

import io.streakmcp.runtime.server.McpServerContext;

/**
 * What a request is served under.
 *
 * @param server the MCP server its URL (or stdio configuration) names
 * @param era legacy or modern
 * @param protocolVersion the revision in force for this request
 */
public record RequestContext(McpServerContext server, Era era, String protocolVersion) {}
