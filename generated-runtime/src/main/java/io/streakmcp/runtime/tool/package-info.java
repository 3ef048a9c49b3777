/**
 * The contract between generated tool classes and the runtime: what a tool is, how it binds to a
 * Streak HTTP call, and the registry that lists every tool without reflection.
 */
package io.streakmcp.runtime.tool;
