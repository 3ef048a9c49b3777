#!/usr/bin/env bash
# The load test's full form: LoadTest (sample-server) against the real deployment (Jetty, H2 store,
# call log, admin API) with WireMock as Streak, at full size instead of the build's short form.
# Prints the test's one-line summary; the test fails on any protocol error, heap or thread growth
# past its bounds, or a call missing from the call log.
#
#   bash benchmarks/load.sh                 # 100,000 calls at concurrency 64
#   LOAD_CALLS=20000 LOAD_CONCURRENCY=16 bash benchmarks/load.sh
#
# Environment: LOAD_CALLS (default 100000), LOAD_CONCURRENCY (default 64), LOAD_WARMUP (calls
# before the heap and threads are first measured, default 2000), SKIP_BUILD=1 (reuse the last
# install). Any arguments go to both Maven commands (e.g. -o -Dmaven.repo.local=...).
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS="${LOAD_CALLS:-100000}"
CONCURRENCY="${LOAD_CONCURRENCY:-64}"
WARMUP="${LOAD_WARMUP:-2000}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -ntp -DskipTests -Dinvoker.skip=true -Dclients.skip=true install "$@"
fi
rm -f sample-server/target/load-summary.txt
# The test's output goes to its report file, so the summary below is printed once.
mvn -B -q -ntp test -pl sample-server -Dtest=LoadTest -Dclients.skip=true \
  -Dtests.methodTimeout="60 m" \
  -Dmaven.test.redirectTestOutputToFile=true \
  -Dload.calls="$CALLS" -Dload.concurrency="$CONCURRENCY" -Dload.warmup="$WARMUP" "$@" || status=$?
if [[ -f sample-server/target/load-summary.txt ]]; then
  cat sample-server/target/load-summary.txt
fi
exit "${status:-0}"
