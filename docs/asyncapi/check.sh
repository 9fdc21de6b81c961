#!/usr/bin/env bash
# Validates the partner contract (asyncapi.yaml, its schemas, their match with the event records in code) with the
# AsyncAPI parser from the npm registry and the machine's own Node.js. Run by `mvn verify` (root pom).
# Without Node.js it warns and skips, so the README's test command still runs on a machine with only JDK and Maven;
# CI sets SHOUWANG_REQUIRE_NODE=1 (and installs Node.js), so there a missing Node.js fails the build.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${SHOUWANG_REQUIRE_NODE:-0}" = "1" ]; then
    echo "docs/asyncapi: Node.js and npm are required (SHOUWANG_REQUIRE_NODE=1)" >&2
    exit 1
  fi
  echo "WARNING docs/asyncapi: Node.js not found, the AsyncAPI contract was NOT validated (apt-get install nodejs npm)" >&2
  exit 0
fi
# Installs only when the lock file changed; offline from the npm cache after the first time.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node validate.mjs
