/**
 * The generator pipeline, top-down: read and validate records, assemble the model and run the
 * quality gate, generate Java, schemas and prose, then emit. The Mojos only adapt Maven to it.
 */
package io.streakmcp.generator;
