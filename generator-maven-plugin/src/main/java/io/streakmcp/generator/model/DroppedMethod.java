package io.streakmcp.generator.model;

/**
 * A surface method the generator left out.
 *
 * @param tool the tool name it would have had
 * @param route the Streak route, e.g. {@code GET /v1/boxes}
 * @param reason why it was left out
 * @param detail a sentence that says what to do about it
 */
public record DroppedMethod(String tool, String route, DropReason reason, String detail) {}
