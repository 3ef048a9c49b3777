/**
 * Benchmarks: JMH for in-process hot paths ({@link io.streakmcp.bench.HotPaths}) and an end-to-end
 * load harness ({@link io.streakmcp.bench.LoadHarness}) that drives this server and the official
 * SDK peers against one Streak stand-in, and writes BENCHMARKS.md. Run with {@code bash
 * benchmarks/run.sh}.
 */
package io.streakmcp.bench;
