#!/usr/bin/env bash
# The console's build with the machine's own Node.js, run by Maven (console/pom.xml) and by deploy/local/up.sh:
#   build.sh build   npm ci (offline from the cache once installed), typed client from the four services' OpenAPI
#                    documents, Spectral lint of those documents, type check, vite build into dist/
#   build.sh test    the Vitest component tests
#   build.sh e2e     the Playwright browser tests with the machine's Chromium against the local stack: a running
#                    deploy/local/up.sh stack is used as it is; without one they are skipped with a warning, unless
#                    SHOUWANG_REQUIRE_BROWSER=1 (CI), which starts up.sh for the tests and stops it afterwards
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
    # the partner contract's JSON Schemas, where every event's ce_dataschema points (/asyncapi/schemas/<file>)
    mkdir -p dist/asyncapi/schemas
    cp ../docs/asyncapi/schemas/*.json dist/asyncapi/schemas/
    echo "console: built into $(pwd)/dist"
    ;;
  test)
    install
    npx --no-install vitest run
    ;;
  e2e)
    install
    chromium=${CHROMIUM:-/usr/bin/chromium}
    require=${SHOUWANG_REQUIRE_BROWSER:-0}
    if [ ! -x "$chromium" ]; then
      if [ "$require" = "1" ]; then
        echo "console: $chromium is required for the browser tests (apt-get install chromium fonts-noto-cjk)" >&2
        exit 1
      fi
      echo "WARNING console: $chromium not found, the browser tests were NOT run (apt-get install chromium fonts-noto-cjk)" >&2
      exit 0
    fi
    up() {
      node -e 'Promise.all(["http://localhost:8080/config.js", "http://localhost:8081/q/health/ready"].map((u) =>
        fetch(u, { signal: AbortSignal.timeout(5000) }).then((r) => { if (!r.ok) throw r.status; })))
        .then(() => process.exit(0), () => process.exit(1))'
    }
    if ! up; then
      if [ "$require" != "1" ]; then
        echo "WARNING console: the local stack is not running (deploy/local/up.sh), the browser tests were NOT run" >&2
        exit 0
      fi
      echo "console: starting the local stack for the browser tests (deploy/local/up.sh)"
      trap '../deploy/local/down.sh' EXIT
      ../deploy/local/up.sh
    fi
    node --test --test-concurrency=1 --test-reporter=spec e2e/
    ;;
  *)
    echo "usage: build.sh build|test|e2e" >&2
    exit 2
    ;;
esac
