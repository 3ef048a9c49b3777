package io.streakmcp.generator;

import io.streakmcp.generator.emit.OutputWriter;

/**
 * What a generation did.
 *
 * @param skipped true when the inputs were unchanged and nothing was touched
 * @param fingerprint the inputs' fingerprint
 * @param report the generation report (the stored one on a skip)
 * @param writes what was written, or null on a skip
 */
public record GenerateOutcome(
    boolean skipped, String fingerprint, String report, OutputWriter.Summary writes) {}
