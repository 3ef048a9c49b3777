/**
 * The validated, immutable model: surface methods meet their records, the quality gate drops the
 * undocumented and the useless, and every kept method becomes one {@link ToolModel}.
 */
package io.streakmcp.generator.model;
