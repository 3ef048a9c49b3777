/**
 * Integrated accounts and their MCP servers, stored in a real database: hashed URL tokens,
 * encrypted Streak API keys, method and tag filters, expiry, platform-token auth and call logs.
 */
package io.streakmcp.runtime.servers;
