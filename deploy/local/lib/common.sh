# shellcheck shell=bash disable=SC2034 # the variables are used by the scripts that source this file
# Shared by up.sh, down.sh and token.sh: where things live, pid bookkeeping, port checks, messages.
# Sourced, not run.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
RUN_DIR="$LOCAL_DIR/.run"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
DATA_DIR="$RUN_DIR/data"
TOOLS_DIR="$RUN_DIR/tools"
SECRETS_DIR="$RUN_DIR/secrets"
STATE_DIR="$RUN_DIR/state"

KEYCLOAK_PORT=8180
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
REALM=shouwang
ISSUER="$KEYCLOAK_URL/realms/$REALM"
TOKEN_URL="$ISSUER/protocol/openid-connect/token"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"

# module:port:database, in start order
SERVICES=(
  registry-service:8081:registry
  visit-service:8082:visit
  alert-service:8083:alert
  volunteer-service:8084:volunteer
)
DEMO_USERS=(city-admin district-admin district-admin-tf community-worker grid-worker unit-liaison volunteer street-officer cadre partner)

info() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# The command line of a process, or nothing if it is gone.
cmdline_of() {
  local pid=$1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true
  else
    ps -ww -o args= -p "$pid" 2>/dev/null || true
  fi
}

# Every process we start carries a marker on its command line: JVMs get -Dshouwang.local.run=<.run dir>,
# Keycloak's launcher is our copy of kc.sh, and the postmaster names our data directory.
JAVA_MARKER="-Dshouwang.local.run=$RUN_DIR"

# True if PID is alive and was started by this stack (so a recycled PID is never mistaken for ours,
# and a `tail -f .run/logs/...` is never taken for a server).
is_ours() {
  local pid=$1 cmd
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  cmd="$(cmdline_of "$pid")"
  [[ $cmd == *"$JAVA_MARKER"* || $cmd == *"$TOOLS_DIR/keycloak/bin/kc.sh"* || $cmd == *"postgres -D $DATA_DIR/postgres"* ]]
}

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# Prints the recorded pid of a component if it is still ours and alive; forgets a stale pid file.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f $file ]] || return 1
  pid="$(<"$file")"
  if is_ours "$pid"; then
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

record_pid() { printf '%s\n' "$2" >"$(pid_file "$1")"; }

# Pids listening on a TCP port (empty if free or if the owner cannot be seen).
listener_pids() {
  local port=$1
  if have ss; then
    ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
  elif have lsof; then
    lsof -nP -t -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | sort -u
  fi
}

port_in_use() {
  local port=$1
  if have ss; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Fails with a clear message if PORT is taken by something that is not ours.
# Prints the pid of our own listener if one holds the port (e.g. its pid file was lost).
require_port() {
  local port=$1 what=$2 pid owners=""
  port_in_use "$port" || return 0
  for pid in $(listener_pids "$port"); do
    if is_ours "$pid"; then
      printf '%s\n' "$pid"
      return 0
    fi
    owners+=$'\n'"    pid $pid: $(cmdline_of "$pid" | cut -c1-160)"
  done
  [[ -n $owners ]] || owners=$'\n'"    (owner not visible to $(id -un); try: ss -ltnp 'sport = :$port')"
  die "port $port, needed by $what, is already in use by a process that is not part of this stack:$owners
  Stop that process, then run up.sh again."
}

# Stops a process group we started (setsid made the recorded pid its leader): TERM, then KILL.
stop_pid() {
  local name=$1 pid=$2 timeout=${3:-30} waited=0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < timeout * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name (pid $pid) did not stop within ${timeout}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  # a child that outlived its leader (e.g. Keycloak's java under kc.sh)
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# Pids of every live process whose command line names our .run directory (except this shell).
our_processes() {
  local dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
    is_ours "$pid" && printf '%s\n' "$pid"
  done
  return 0
}

# GET on a local URL; prints the body, fails on no answer or a status >= 400. curl if present,
# else plain HTTP/1.0 over bash's /dev/tcp (enough for health and discovery documents).
http_get() {
  local url=$1
  if have curl; then
    curl -fsS --max-time 5 "$url" 2>/dev/null
    return
  fi
  local rest=${url#http://} hostport path host port response
  hostport=${rest%%/*}
  path="/${rest#*/}"
  host=${hostport%:*}
  port=${hostport##*:}
  [[ $host == localhost ]] && host=127.0.0.1
  response="$(
    exec 3<>"/dev/tcp/$host/$port" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
    timeout 5 cat <&3
  )" 2>/dev/null || return 1
  [[ ${response%%$'\r'*} =~ ^HTTP/1\.[01]\ [23][0-9][0-9] ]] || return 1
  printf '%s\n' "${response#*$'\r\n\r\n'}"
}

# Last lines of a log, indented, for error messages.
log_tail() {
  [[ -f $1 ]] || return 0
  tail -n "${2:-15}" "$1" | sed 's/^/    | /'
}
