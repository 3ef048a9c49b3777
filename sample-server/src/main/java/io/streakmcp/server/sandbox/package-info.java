/**
 * The sandbox: an in-process stand-in for Streak's REST API, seeded with a demo team, so the
 * product can be tried without a Streak account. It answers on Streak's own paths, verbs, body
 * encodings and paging styles (../shared/reference/streak-api.md), so the generated tools run
 * against it unchanged; it keeps its state in memory for the life of the process.
 */
package io.streakmcp.server.sandbox;
