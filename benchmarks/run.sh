#!/usr/bin/env bash
# The one command behind BENCHMARKS.md: build, run JMH on the hot paths, run the load harness
# against one Streak stand-in (direct REST, this server, the Java and TypeScript SDK peers), and
# write BENCHMARKS.md at the repository root.
#
#   bash benchmarks/run.sh
#
# Environment: BENCHMARKS_SECONDS (seconds per load cell, default 10), SKIP_BUILD=1 (reuse the
# last build), SKIP_JMH=1 (keep the report's JMH section empty).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
SECONDS_PER_CELL="${BENCHMARKS_SECONDS:-10}"

if ! command -v wrk > /dev/null; then
  echo "benchmarks: installing wrk (the load driver) from Debian's packages"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y -q wrk > /dev/null; else sudo apt-get install -y -q wrk > /dev/null; fi
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # The build installs the Node clients too: the TypeScript peer runs on their SDK and Node 22.
  mvn -B -q -ntp -DskipTests -Dinvoker.skip=true install
fi
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

JMH_JSON="$ROOT/benchmarks/target/jmh.json"
rm -f "$JMH_JSON"
if [[ "${SKIP_JMH:-0}" != 1 ]]; then
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main -rf json -rff "$JMH_JSON" 'io.streakmcp.bench.(HotPaths|TokenTiming)'
fi

"$JAVA" -cp "$CP" io.streakmcp.bench.LoadHarness \
  --jar "$ROOT/sample-server/target/streak-mcp-server.jar" \
  --classpath "$CP" \
  --clients "$ROOT/sample-server/src/test/clients" \
  --docs "$ROOT/streak-docs/src/main/streak" \
  --jmh "$JMH_JSON" \
  --seconds "$SECONDS_PER_CELL" \
  --out "$ROOT/BENCHMARKS.md"
