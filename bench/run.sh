#!/usr/bin/env bash
# The benchmark command (issue 13): our figures next to the machine's limits, side by side, in one run.
# Starts PostgreSQL and Kafka on loopback with fresh data under bench/target/, packages the services if their jars
# are missing, then the JVM client (bench/src) runs a loopback OIDC issuer, the four services with production JVM
# settings, every scenario and its limit twin, and prints one line per scenario:
#   BENCH name=<scenario> ours=<figure> limit=<figure> ratio=<r> goal=<g> met=<yes|no>
# It stops only what it started, by pid. Needs JDK 17+ and Maven; the rest comes from Maven Central (Kafka, and
# PostgreSQL when none is installed).
#
# Usage: bench/run.sh [--quick] [--cadres=100000] [--signals=1000] [--duration=30] [--requests=200]
#                     [--clients=8] [--community-size=20000] [--jvm-opts="-Xmx256m -XX:+ExitOnOutOfMemoryError"]
#                     [--pg-port=15432] [--kafka-port=19092] [--kafka-controller-port=19093]
#                     [--issuer-port=18180] [--ports=18081,18082,18083,18084] [--idle-seconds=10]
#                     [--scenarios=statistics,visits,coverage,signals,rebuild|none]
#                     [--profile=registry,visit,alert,volunteer] [--warm-up=5000] [--statements=25]
#                     [--rebuild-profiles=1000000] [--warm-up-window=30]
#   --quick         a tenth of every size and shorter load windows (10 s): under 10 minutes
#   --scenarios=L   only these scenarios after the import (start-up, idle memory and the import always run)
#   --profile=L     run these services under JFR; recordings in bench/target/logs/<module>.jfr (jfr print ...)
#   --warm-up=N     import N other cadres first (default: a twentieth of --cadres; 0: measure cold JVMs)
#   --warm-up-window=S  seconds of the same load before each throughput window, not measured (default 30, quick 20):
#                   the first minute of a path meets interpreted code and the JIT compilers at work
#   --statements=N  the N statements that took PostgreSQL longest from the import to the catch-up (pg_stat_statements)
#   --rebuild-profiles=N  the rebuild scenario (last): the topic filled up to N cadres with copies of the import's
#                   events, then visit-, alert- and volunteer-service each started in turn as a new replica (empty
#                   database, new consumer groups) until its read model holds them all (issue 17: 1,000,000 in 2 min)
#   --cadres=N      cadres imported (default 100000; 1000000 is the issue's statistics/coverage size, see
#                   docs/performance.md: it needs --jvm-opts with a larger heap and a long run)
# Environment: BENCH_PG_BIN=DIR  PostgreSQL bin folder (default: an installed one, else Maven's binaries)
#              BENCH_OFFLINE=1   pass -o to Maven
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
  exit 0
fi

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
TARGET="$BENCH_DIR/target"
DATA="$TARGET/data"
LOGS="$TARGET/logs"
TOOLS="$TARGET/tools"
PG_PORT=15432
KAFKA_PORT=19092
KAFKA_CONTROLLER_PORT=19093
ISSUER_PORT=18180
PORTS=18081,18082,18083,18084
PASS=()
for arg in "$@"; do
  case $arg in
    --pg-port=*) PG_PORT=${arg#*=} ;;
    --kafka-port=*) KAFKA_PORT=${arg#*=} ;;
    --kafka-controller-port=*) KAFKA_CONTROLLER_PORT=${arg#*=} ;;
    --issuer-port=*) ISSUER_PORT=${arg#*=} ;;
    --ports=*) PORTS=${arg#*=} ;;
    *) PASS+=("$arg") ;;
  esac
done
MVN=(mvn -B -q)
[[ ${BENCH_OFFLINE:-0} == 1 ]] && MVN+=(-o)
MODULES=(registry-service visit-service alert-service volunteer-service)

info() { printf '==> %s\n' "$*"; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

# ------------------------------------------------------------------------------------------ cleanup
STARTED=()
cleanup() {
  local pid file
  # the services and their rebuilt replicas, should the client JVM have died before closing them (it writes their pids)
  for file in "$LOGS"/*-service.pid "$LOGS"/*-service-rebuild.pid; do
    [[ -f $file ]] || continue
    pid="$(<"$file")"
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "-Dshouwang.bench.run=$TARGET/run"; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  done
  # PostgreSQL's fast shutdown is SIGINT (SIGTERM would wait for clients)
  [[ -n ${PG_PID:-} ]] && STARTED+=("$PG_PID") && kill -INT "$PG_PID" 2>/dev/null || true
  for pid in "${STARTED[@]}"; do
    [[ $pid == "${PG_PID:-}" ]] || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED[@]}"; do
    for _ in {1..100}; do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PG_PORT" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$ISSUER_PORT" ${PORTS//,/ }; do
  port_free "$port" || die "port $port is in use: pick others (--pg-port, --kafka-port, --issuer-port, --ports)"
done

# -------------------------------------------------------------------------------------------- build
mkdir -p "$LOGS" "$TOOLS"
missing=()
for module in "${MODULES[@]}"; do
  [[ -f $REPO/$module/target/quarkus-app/quarkus-run.jar ]] || missing+=("$module")
done
if ((${#missing[@]})); then
  info "packaging ${missing[*]} (mvn package -DskipTests; log: $LOGS/build.log)"
  (cd "$REPO" && "${MVN[@]}" package -DskipTests -pl "kit,$(IFS=,; echo "${MODULES[*]}")") >"$LOGS/build.log" 2>&1 ||
    { tail -n 30 "$LOGS/build.log" >&2; die "the build failed"; }
fi
info "building the benchmark client (log: $LOGS/bench-build.log)"
"${MVN[@]}" -f "$BENCH_DIR/pom.xml" package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$TARGET/classpath.txt" \
  >"$LOGS/bench-build.log" 2>&1 || { tail -n 30 "$LOGS/bench-build.log" >&2; die "the benchmark client did not build"; }
CP="$TARGET/classes:$(<"$TARGET/classpath.txt")"

# -------------------------------------------------------------------------------------------- tools
TOOLS_POM="$REPO/deploy/local/tools/pom.xml"
if ! compgen -G "$TOOLS/kafka/libs/kafka_2.13-*.jar" >/dev/null; then
  info "fetching Kafka from Maven Central (log: $LOGS/tools.log)"
  "${MVN[@]}" -f "$TOOLS_POM" -Dtools.dir="$TOOLS" dependency:copy-dependencies@kafka >"$LOGS/tools.log" 2>&1 ||
    { tail -n 20 "$LOGS/tools.log" >&2; die "fetching Kafka failed"; }
fi
pg_bin() {
  local dir
  if [[ -n ${BENCH_PG_BIN:-} ]]; then
    printf '%s\n' "$BENCH_PG_BIN" && return 0
  fi
  if dir="$(command -v pg_ctl)"; then
    dir="$(dirname "$(readlink -f "$dir")")"
    [[ -x $dir/initdb && -x $dir/postgres ]] && printf '%s\n' "$dir" && return 0
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [[ -x $dir/pg_ctl && -x $dir/initdb && -x $dir/postgres ]] && printf '%s\n' "$dir" && return 0
  done
  if [[ ! -x $TOOLS/postgres/bin/postgres ]]; then
    info "fetching PostgreSQL binaries from Maven Central (log: $LOGS/tools.log)" >&2
    "${MVN[@]}" -f "$TOOLS_POM" -Dtools.dir="$TOOLS" dependency:unpack@postgres >>"$LOGS/tools.log" 2>&1 ||
      die "fetching PostgreSQL failed"
    mkdir -p "$TOOLS/postgres"
    tar -xJf "$(compgen -G "$TOOLS/postgres-dist/*.txz" | head -n1)" -C "$TOOLS/postgres"
  fi
  printf '%s\n' "$TOOLS/postgres/bin"
}
PG_BIN="$(pg_bin)"
[[ -x $PG_BIN/postgres && -x $PG_BIN/initdb ]] || die "no PostgreSQL binaries (set BENCH_PG_BIN to a bin folder)"

# ------------------------------------------------------------------------------- PostgreSQL (fresh)
# PostgreSQL refuses to run as root: as root it runs in a user namespace (unshare -U), where it sees itself and its
# files as "nobody" (the same approach as deploy/local/up.sh).
as_pg() { if ((EUID == 0)); then unshare -U -- "$@"; else "$@"; fi; }
rm -rf "$DATA"
mkdir -p "$DATA/pg"
chmod 700 "$DATA/pg"
info "PostgreSQL: fresh cluster in $DATA/pg ($("$PG_BIN/postgres" --version)) on 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/initdb" -D "$DATA/pg" -U postgres -E UTF8 --locale=C --auth-host=scram-sha-256 --auth-local=peer \
  >"$LOGS/postgres-initdb.log" 2>&1 || { tail "$LOGS/postgres-initdb.log" >&2; die "initdb failed"; }
cat >>"$DATA/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
CONF
# pg_stat_statements, when this PostgreSQL has it (Debian's does; Maven's binaries may not): the bench prints the
# statements that took the most time during the import's catch-up, per database, statements in triggers included
PG_LIB="$(compgen -G "$PG_BIN/../lib/pg_stat_statements.so" || compgen -G "$PG_BIN/../lib/postgresql/pg_stat_statements.so" || true)"
STATEMENTS_SQL=()
if [[ -n $PG_LIB ]]; then
  printf '%s\n' "shared_preload_libraries = 'pg_stat_statements'" "pg_stat_statements.track = all" >>"$DATA/pg/postgresql.conf"
  STATEMENTS_SQL=("CREATE EXTENSION pg_stat_statements;" "GRANT pg_read_all_stats TO shouwang;"
    "GRANT EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint) TO shouwang;")
fi
printf '%s\n' "CREATE ROLE shouwang LOGIN PASSWORD 'shouwang';" "CREATE DATABASE registry OWNER shouwang;" \
  "CREATE DATABASE visit OWNER shouwang;" "CREATE DATABASE alert OWNER shouwang;" \
  "CREATE DATABASE volunteer OWNER shouwang;" "CREATE DATABASE bench OWNER shouwang;" \
  "CREATE DATABASE visit_rebuild OWNER shouwang;" "CREATE DATABASE alert_rebuild OWNER shouwang;" \
  "CREATE DATABASE volunteer_rebuild OWNER shouwang;" |
  as_pg "$PG_BIN/postgres" --single -D "$DATA/pg" postgres >"$LOGS/postgres-bootstrap.log" 2>&1 ||
  die "creating the databases failed (log: $LOGS/postgres-bootstrap.log)"
if ((${#STATEMENTS_SQL[@]})); then
  printf '%s\n' "${STATEMENTS_SQL[@]}" | as_pg "$PG_BIN/postgres" --single -D "$DATA/pg" bench >>"$LOGS/postgres-bootstrap.log" 2>&1 ||
    die "creating pg_stat_statements failed (log: $LOGS/postgres-bootstrap.log)"
fi
# unshare execs the server, so this pid is the postmaster's
if ((EUID == 0)); then
  unshare -U -- "$PG_BIN/postgres" -D "$DATA/pg" >"$LOGS/postgres.log" 2>&1 </dev/null &
else
  "$PG_BIN/postgres" -D "$DATA/pg" >"$LOGS/postgres.log" 2>&1 </dev/null &
fi
PG_PID=$!

# ------------------------------------------------------------------------------------ Kafka (fresh)
KAFKA_CP="$TOOLS/kafka/libs/*"
KAFKA_CONFIG="$DATA/kafka.properties"
cat >"$KAFKA_CONFIG" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA/kafka
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
CONF
TOOL_JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dlog4j2.configurationFile="$REPO/deploy/local/kafka/log4j2-tools.properties")
cluster_id="$(java "${TOOL_JVM[@]}" -cp "$KAFKA_CP" kafka.tools.StorageTool random-uuid)"
java "${TOOL_JVM[@]}" -cp "$KAFKA_CP" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_CONFIG" \
  >"$LOGS/kafka-format.log" 2>&1 || { tail "$LOGS/kafka-format.log" >&2; die "formatting Kafka storage failed"; }
info "Kafka: fresh broker in $DATA/kafka on 127.0.0.1:$KAFKA_PORT"
java -Xms128m -Xmx512m -Djava.awt.headless=true -Dlog4j2.configurationFile="$REPO/deploy/local/kafka/log4j2-broker.properties" \
  -cp "$KAFKA_CP" kafka.Kafka "$KAFKA_CONFIG" >"$LOGS/kafka.log" 2>&1 </dev/null &
KAFKA_PID=$!
STARTED+=("$KAFKA_PID")

for _ in {1..120}; do
  ! port_free "$PG_PORT" && ! port_free "$KAFKA_PORT" && break
  sleep 0.5
done
port_free "$PG_PORT" && die "PostgreSQL did not start (log: $LOGS/postgres.log)"
port_free "$KAFKA_PORT" && die "Kafka did not start (log: $LOGS/kafka.log)"
info "Kafka: the contract's topics"
java -cp "$CP" "$REPO/deploy/local/kafka/KafkaTopics.java" "127.0.0.1:$KAFKA_PORT" 60 >"$LOGS/topics.log" 2>&1 ||
  { tail "$LOGS/topics.log" >&2; die "creating the topics failed"; }

# ------------------------------------------------------------------------------------------ the run
# pgbench: the installed PostgreSQL's (Debian's postgresql-client), if any; Maven's binaries have none
PGBENCH=""
for candidate in "$PG_BIN/pgbench" "$(command -v pgbench || true)"; do
  [[ -n $candidate && -x $candidate ]] && PGBENCH=$candidate && break
done
info "running the scenarios (services' logs: $LOGS/)"
cd "$REPO"
java -Xmx1g -cp "$CP" shouwang.bench.Bench --repo="$REPO" --target="$TARGET" --postgres="127.0.0.1:$PG_PORT" \
  --kafka="127.0.0.1:$KAFKA_PORT" --issuer-port="$ISSUER_PORT" --ports="$PORTS" --pgbench="$PGBENCH" \
  --pids="postgres:$PG_PID,kafka:$KAFKA_PID" "${PASS[@]}" 2>&1 |
  tee "$TARGET/bench.log"
exit "${PIPESTATUS[0]}"
