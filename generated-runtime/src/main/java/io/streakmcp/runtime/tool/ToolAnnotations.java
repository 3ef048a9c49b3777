package io.streakmcp.runtime.tool;

/**
 * MCP tool annotations. A null hint is left out of the wire form, so the client applies the
 * protocol default; generated tools set only the hints that differ from it or that matter.
 */
public record ToolAnnotations(
    Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint, Boolean openWorldHint) {}
