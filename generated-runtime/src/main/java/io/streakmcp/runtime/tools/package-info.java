/**
 * Tools at run time: the catalog built from the generated registry, argument validation against
 * each tool's JSON Schema, opaque signed cursors, list paging, and the invoker that turns one
 * tools/call into one Streak call.
 */
package io.streakmcp.runtime.tools;
