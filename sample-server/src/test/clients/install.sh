#!/usr/bin/env bash
# Installs the pinned Node clients (TS SDK, Inspector CLI, conformance suites, Node 22) with
# `npm ci`, unless node_modules already matches package-lock.json. Run by the Maven build.
set -euo pipefail
cd "$(dirname "$0")"
stamp="node_modules/.lock-sha256"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "test clients: node_modules matches package-lock.json"
  exit 0
fi
echo "test clients: npm ci"
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
