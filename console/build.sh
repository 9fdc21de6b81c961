#!/usr/bin/env bash
# The console's build with the machine's own Node.js, run by Maven (console/pom.xml) and by deploy/local/up.sh:
#   build.sh build   npm ci (offline from the cache once installed), typed client from the four services' OpenAPI
#                    documents, Spectral lint of those documents, type check, vite build into dist/
#   build.sh test    the Vitest component tests
#   build.sh e2e     the Playwright browser tests against a running local stack (deploy/local/up.sh)
# Without Node.js it warns and skips, so `mvn -B verify` still runs on a machine with only JDK and Maven; CI sets
# SHOUWANG_REQUIRE_NODE=1 (and installs Node.js), so there a missing Node.js fails the build.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${SHOUWANG_REQUIRE_NODE:-0}" = "1" ]; then
    echo "console: Node.js and npm are required (SHOUWANG_REQUIRE_NODE=1)" >&2
    exit 1
  fi
  echo "WARNING console: Node.js not found, the web workbench was NOT built (apt-get install nodejs npm)" >&2
  exit 0
fi
install() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error --prefer-offline
  fi
}
case "${1:-build}" in
  build)
    install
    node scripts/generate-api.mjs
    node scripts/lint-api.mjs
    npx --no-install vue-tsc --noEmit -p tsconfig.json
    npx --no-install vite build --logLevel warn
    echo "console: built into $(pwd)/dist"
    ;;
  test)
    install
    npx --no-install vitest run
    ;;
  e2e)
    install
    node --test --test-concurrency=1 e2e/
    ;;
  *)
    echo "usage: build.sh build|test|e2e" >&2
    exit 2
    ;;
esac
