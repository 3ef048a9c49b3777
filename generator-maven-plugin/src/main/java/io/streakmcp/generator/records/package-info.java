/**
 * Reads the hand-edited YAML (surface and records), checks it against the meta-schemas and turns it
 * into plain parsed records that remember where in the file each part came from.
 */
package io.streakmcp.generator.records;
