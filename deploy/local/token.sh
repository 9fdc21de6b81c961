#!/usr/bin/env bash
# Prints an access token of the local Keycloak for a demo user (password grant, public client shouwang-cli).
#
#   deploy/local/token.sh USER [PASSWORD]      PASSWORD defaults to "shouwang"
#   curl -H "Authorization: Bearer $(deploy/local/token.sh district-admin)" http://localhost:8081/api/v1/cadres
#
# Users: district-admin community-worker grid-worker unit-liaison volunteer partner.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  printf 'usage: %s USER [PASSWORD]\n  users: %s (password "shouwang")\n' "$0" "${DEMO_USERS[*]}" >&2
  exit 2
fi
user=$1
password=${2:-shouwang}

if ! have curl; then
  exec java "$LOCAL_DIR/lib/Token.java" "$TOKEN_URL" shouwang-cli "$user" "$password"
fi

body="$(mktemp)"
trap 'rm -f "$body"' EXIT
status="$(curl -sS -o "$body" -w '%{http_code}' --max-time 20 \
  --data-urlencode grant_type=password \
  --data-urlencode client_id=shouwang-cli \
  --data-urlencode "username=$user" \
  --data-urlencode "password=$password" \
  "$TOKEN_URL" 2>&1)" || die "cannot reach Keycloak at $KEYCLOAK_URL ($status). Is the stack up? deploy/local/up.sh"

token="$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' "$body")"
if [[ $status != 200 || -z $token ]]; then
  reason="$(sed -n 's/.*"error_description":"\([^"]*\)".*/\1/p' "$body")"
  die "no token for '$user' (HTTP $status${reason:+: $reason}). Demo users: ${DEMO_USERS[*]}, password shouwang"
fi
printf '%s\n' "$token"
