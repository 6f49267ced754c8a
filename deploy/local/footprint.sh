#!/usr/bin/env bash
# Each service's start time and memory at rest, started as run.sh and the Kubernetes Deployments start it (the same
# JVM flags, common.sh), one at a time on a quiet machine, so that no start is slowed by another: a first start on an
# empty database (Flyway creates the tables) and a restart on the same one (the usual case: a redeploy or a pod moved).
# Writes BENCHMARKS.md, section footprint (targets: start under 3 s, under 300 MB each). About 5 minutes. Uses its
# own databases (tsh_fp_*) and ports 18080-18089, so it runs beside a running run.sh (its figures are then not quiet).
#   deploy/local/footprint.sh [module ...]     (default: every service module and the simulator)
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

ensure_tools
if [ "${TSH_NO_BUILD:-}" != 1 ]; then # TSH_NO_BUILD=1: measure the jars as built
  log "building (tests skipped)"
  ./mvnw -B -q install -DskipTests
fi

export TSH_ZOHO_CLIENT_SECRET="${TSH_ZOHO_CLIENT_SECRET:-tsh-local-secret}"
export TSH_ZOHO_REFRESH_TOKEN="${TSH_ZOHO_REFRESH_TOKEN:-tsh-local-refresh}"
databases=$(printf '%s\n' "${SERVICES[@]}" | awk '$3 != "-" {print "tsh_fp_" substr($3, 5)}' | paste -sd, -)
for db in ${databases//,/ }; do
  psql -h "${TSH_PG_HOST:-127.0.0.1}" -p "${TSH_PG_PORT:-5432}" -U "${TSH_PG_USER:-postgres}" -qc \
    "drop database if exists $db with (force)" >/dev/null 2>&1 || true
done
start_devstack "$databases"
DIR=target/footprint
mkdir -p "$DIR"
ensure_gateway_secrets "$DIR"

# measure MODULE PORT DB: starts it, times it to ready, waits 20 s (consumers join, schedulers run once), reads its
# resident memory, stops it; prints "<ms to ready> <Quarkus's started-in> <RSS MB>"
measure() {
  local module=$1 port=$2 db=$3 t0 t1 pid started rss
  t0=$(date +%s%N)
  start_service "$module" "$port" "$db" "$DIR"
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { log "$module stopped while starting (log $DIR/$module.log)"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  sleep 20
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
  started=$(grep -o 'started in [0-9.]*s' "$DIR/$module.log" | tail -1 | sed 's/started in //')
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $started $rss"
}

body="$DIR/footprint.md"
{
  echo "Each service's packaged jar started alone (the others stopped), with the JVM flags run.sh starts it with"
  echo "(deploy/local/common.sh): \`${JVM_COMMON[*]}\` and the heap below${TSH_JVM_OPTIONS:+, and \`$TSH_JVM_OPTIONS\`}. *Ready* is from the \`java\` command to the first"
  echo "\`/q/health/ready\` answering UP (JVM start, Quarkus start, Flyway, the database pool, Kafka and Redis"
  echo "connections); *Quarkus* is the \"started in\" its log reports; *RSS* is the resident memory 20 s after ready."
  echo
  echo "| Service | Heap (-Xmx) | First start: ready | Quarkus | RSS | Restart: ready | Quarkus | RSS |"
  echo "|---|---|---|---|---|---|---|---|"
} >"$body"
for entry in "${SERVICES[@]}"; do
  read -r module port db <<<"$entry"
  [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || continue
  [ $# -eq 0 ] || [[ " $* " == *" $module "* ]] || continue
  fpdb=-; [ "$db" = - ] || fpdb="tsh_fp_${db#tsh_}"
  fport=$((port + 10000))
  log "$module: first start"
  read -r r1 q1 m1 < <(measure "$module" "$fport" "$fpdb")
  log "$module: restart"
  read -r r2 q2 m2 < <(measure "$module" "$fport" "$fpdb")
  name="$module"; [ "$module" = zoho-simulator ] && name="zoho-simulator (not a service; tests and local runs)"
  awk -v n="$name" -v h="$(jvm_heap "$module")" -v r1="$r1" -v q1="$q1" -v m1="$m1" -v r2="$r2" -v q2="$q2" -v m2="$m2" \
    'BEGIN { printf "| %s | %s | %.1f s | %s | %s MB | %.1f s | %s | %s MB |\n", n, h, r1 / 1000, q1, m1, r2 / 1000, q2, m2 }' >>"$body"
done
java -cp libs/bench-support/target/classes com.tsh.erp.bench.BenchmarkReport footprint \
  "Start time and memory at rest of each service (issue 13)" "deploy/local/footprint.sh" "$body"
