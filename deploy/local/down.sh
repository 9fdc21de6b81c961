#!/usr/bin/env bash
# Stops everything deploy/local/up.sh started, by the pids recorded under .run/pids: the services,
# Keycloak, Kafka, then PostgreSQL (pg_ctl stop -m fast). Data stays; reset with: rm -rf deploy/local/.run
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

START=$SECONDS
[[ -d $RUN_DIR ]] || {
  info "nothing to stop ($RUN_DIR does not exist)"
  exit 0
}
mkdir -p "$PID_DIR"

stopped=0

# Stops several components at once: TERM to all, then wait for each (KILL after TIMEOUT seconds).
stop_components() {
  local timeout=$1 name pid names=() pids=()
  shift
  for name in "$@"; do
    if pid="$(running_pid "$name")"; then
      info "stopping $name (pid $pid)"
      names+=("$name")
      pids+=("$pid")
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  local i
  for i in "${!pids[@]}"; do
    stop_pid "${names[i]}" "${pids[i]}" "$timeout"
    rm -f "$(pid_file "${names[i]}")"
    stopped=$((stopped + 1))
  done
}

# PostgreSQL runs as the user up.sh chose: ask pg_ctl as that user, fall back to a signal.
stop_postgres() {
  local pid data="$DATA_DIR/postgres" bin owner
  pid="$(running_pid postgres)" ||
    { [[ -f $data/postmaster.pid ]] && pid="$(head -n1 "$data/postmaster.pid")" && is_ours "$pid"; } || {
    rm -f "$(pid_file postgres)"
    return 0
  }
  info "stopping postgres (pid $pid)"
  bin="$(dirname "$(readlink -f "/proc/$pid/exe" 2>/dev/null || true)")"
  owner="$(stat -c %U "$data")"
  local stop=("$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop)
  if [[ -x $bin/pg_ctl ]]; then
    if ((EUID != 0)); then
      "${stop[@]}" >/dev/null || true
    elif [[ $owner != root ]]; then
      runuser -u "$owner" -- "${stop[@]}" >/dev/null || true
    else
      unshare -U -- "${stop[@]}" >/dev/null || true
    fi
  fi
  # fast shutdown is SIGINT; used directly if pg_ctl was not usable
  if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true
  fi
  local waited=0
  while kill -0 "$pid" 2>/dev/null && ((waited < 300)); do
    sleep 0.2
    waited=$((waited + 1))
  done
  kill -0 "$pid" 2>/dev/null && die "PostgreSQL (pid $pid) did not stop; see $LOG_DIR/postgres.log"
  rm -f "$(pid_file postgres)"
  stopped=$((stopped + 1))
}

services=()
for entry in "${SERVICES[@]}"; do
  services+=("${entry%%:*}")
done
stop_components 30 console "${services[@]}"
stop_components 60 keycloak kafka
stop_postgres

# Anything of ours still alive (e.g. its pid file was deleted) is named and stopped too.
leftovers="$(our_processes)"
if [[ -n $leftovers ]]; then
  for pid in $leftovers; do
    warn "stopping a leftover process of this stack: pid $pid: $(cmdline_of "$pid" | cut -c1-120)"
    stop_pid leftover "$pid" 20
  done
  sleep 0.5
  leftovers="$(our_processes)"
  [[ -z $leftovers ]] || die "still running: $leftovers"
fi

if ((stopped == 0)); then
  info "nothing was running"
else
  info "stopped $stopped process(es) in $((SECONDS - START)) s; data kept in $DATA_DIR"
fi
