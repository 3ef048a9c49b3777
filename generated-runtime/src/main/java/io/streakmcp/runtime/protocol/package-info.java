/**
 * JSON-RPC 2.0 and MCP wire vocabulary: method names, error codes, protocol revisions, and the
 * parser that turns bytes into one validated message. Knows nothing of Streak or HTTP.
 */
package io.streakmcp.runtime.protocol;
