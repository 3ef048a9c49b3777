/**
 * The generation report: tools generated, methods dropped and why, and what the served tools/list
 * costs in tokens (o200k), with where those tokens go.
 */
package io.streakmcp.generator.report;
