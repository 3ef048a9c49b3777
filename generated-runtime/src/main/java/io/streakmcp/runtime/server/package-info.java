/** What an MCP server URL's token stands for: the account's Streak client and its tools. */
package io.streakmcp.runtime.server;
