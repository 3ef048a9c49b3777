/**
 * Model-facing prose, rendered from Mustache templates: tool descriptions with their pitfalls,
 * argument descriptions with the tool that supplies each key, and the paging arguments.
 */
package io.streakmcp.generator.text;
