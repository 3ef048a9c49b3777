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
 *   <li>{@code properties: {}} on a tool without arguments: Gemini rejects an object whose
 *       properties are empty, so such a tool's schema is just {@code {"type": "object"}}, the form
 *       MCP recommends.
 * </ul>
 *
 * <p>One strict-mode rule we deliberately do not follow: OpenAI strict mode wants every property in
 * {@code required}, with optional ones typed as a union with null. Doing that here would make every
 * optional argument look mandatory to non-strict clients and cost tokens on every tool, and type
 * unions are what Gemini rejects. Clients that call OpenAI in strict mode (the OpenAI Agents SDK,
 * for one) rewrite MCP schemas into that form themselves; what matters is that nothing here blocks
 * the rewrite: no free-form objects, no composition keywords, no type arrays. The build enforces
 * the shape rules per parameter (see the model's portability check).
 *
 * <p>What remains: {@code type} (one of string, integer, number, boolean, array, object), {@code
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
