package io.streakmcp.generator.schema;

import java.util.Set;

/**
 * The JSON Schema subset our generated input schemas keep to, so every major client accepts them
 * unchanged. What is avoided, and why:
 *
 * <ul>
 *   <li>{@code $ref}, {@code $defs}, {@code definitions}: several clients do not resolve
 *       references, and Gemini rejects them.
 *   <li>{@code $schema}, {@code $id}, {@code title} inside properties, {@code examples}, {@code
 *       default}: Gemini's function declarations reject unknown keywords, and OpenAI strict mode
 *       rejects {@code default}.
 *   <li>A root that is not {@code type: object}: MCP requires an object, and OpenAI and Gemini
 *       reject anything else at the root, including a root {@code anyOf}.
 *   <li>{@code oneOf}, {@code allOf}, {@code not}, {@code if/then/else}, {@code const}: rejected by
 *       Gemini or by OpenAI strict mode.
 *   <li>Type arrays such as {@code ["string", "null"]} and {@code nullable}: Gemini rejects the
 *       first, OpenAI strict the second.
 *   <li>{@code additionalProperties} and {@code patternProperties}: OpenAI strict mode requires
 *       {@code additionalProperties: false} on every object while Gemini rejects the keyword, so no
 *       value satisfies both. We leave it out; strict clients add {@code false} themselves, which
 *       is safe because no schema has a free-form map. The runtime rejects unknown arguments by
 *       name, so leaving the keyword out loses no checking.
 *   <li>Free-form objects (no {@code properties}): OpenAI strict mode turns them into empty
 *       objects, and Gemini rejects an object without properties.
 *   <li>{@code enum} of anything but strings: Gemini accepts only string enums.
 * </ul>
 *
 * What remains: {@code type} (one of string, integer, number, boolean, array, object), {@code
 * description}, {@code enum}, {@code minimum}, {@code maximum}, {@code items}, {@code properties}
 * and {@code required}.
 */
public final class PortableSchemaRules {
  /** Every keyword an input schema may use. */
  public static final Set<String> KEYWORDS =
      Set.of(
          "type", "description", "enum", "minimum", "maximum", "items", "properties", "required");

  private PortableSchemaRules() {}
}
