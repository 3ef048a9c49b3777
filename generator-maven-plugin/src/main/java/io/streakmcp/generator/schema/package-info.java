/**
 * JSON Schemas for each tool, in the portable subset every major client accepts; see {@link
 * io.streakmcp.generator.schema.PortableSchemaRules} for what is avoided and why.
 */
package io.streakmcp.generator.schema;
