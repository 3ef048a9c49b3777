/**
 * The runtime generated Streak tools run on: {@link io.streakmcp.runtime.McpRuntime} wires the
 * protocol engine, the tools layer and the Streak client; transports serve it.
 */
package io.streakmcp.runtime;
