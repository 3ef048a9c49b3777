/**
 * The only code that touches disk: deterministic bytes, written only when they change, stale files
 * deleted only if this plugin wrote them, and a fingerprint that skips unchanged inputs.
 */
package io.streakmcp.generator.emit;
