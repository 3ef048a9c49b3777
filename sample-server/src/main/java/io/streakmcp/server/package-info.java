/** The deployable: the generated Streak tools served over MCP (HTTP or stdio). */
package io.streakmcp.server;
