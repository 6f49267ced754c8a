#!/usr/bin/env bash
# Runs the whole system locally: PostgreSQL, Redis and a Kafka broker (using any already running),
# a database for each service, every service module there is, and a little demo data (first run
# only), then prints what runs where. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

# service module | port | database ("-": none)  (a module joins the local run once its folder exists)
# The Zoho simulator comes first: zoho-sync-service talks to it instead of Zoho on this machine.
SERVICES=(
  "zoho-simulator 8089 -"
  "gateway 8080 tsh_gateway"
  "catalog-service 8081 tsh_catalog"
  "client-service 8082 tsh_clients"
  "order-service 8083 tsh_orders"
  "zoho-sync-service 8084 tsh_zoho"
)

ensure_tools
log "building (tests skipped; run deploy/local/test.sh for those)"
./mvnw -B -q install -DskipTests

databases=$(printf '%s\n' "${SERVICES[@]}" | awk '$3 != "-" {print $3}' | paste -sd, -)

# zoho-sync-service's Zoho credentials come only from the environment; locally they are the simulator's
# own (zoho-simulator/README.md). For a real Zoho organization set TSH_ZOHO_* before running.
export TSH_ZOHO_CLIENT_SECRET="${TSH_ZOHO_CLIENT_SECRET:-tsh-local-secret}"
export TSH_ZOHO_REFRESH_TOKEN="${TSH_ZOHO_REFRESH_TOKEN:-tsh-local-refresh}"
start_devstack "$databases"

SERVICE_PIDS=()
stop_all() {
  for pid in "${SERVICE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVICE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_devstack
}
trap stop_all EXIT

LOG_DIR="target/local-run"
mkdir -p "$LOG_DIR"
started=()
for entry in "${SERVICES[@]}"; do
  read -r module port db <<<"$entry"
  jar="$module/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || continue
  tmp="$LOG_DIR/$module.tmp"; mkdir -p "$tmp"
  settings=(QUARKUS_HTTP_PORT="$port"
    KAFKA_BOOTSTRAP_SERVERS="${TSH_KAFKA_HOST:-127.0.0.1}:${TSH_KAFKA_PORT:-9092}"
    QUARKUS_REDIS_HOSTS="redis://${TSH_REDIS_HOST:-127.0.0.1}:${TSH_REDIS_PORT:-6379}")
  if [ "$db" != "-" ]; then
    settings+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${TSH_PG_HOST:-127.0.0.1}:${TSH_PG_PORT:-5432}/$db"
      QUARKUS_DATASOURCE_USERNAME="${TSH_PG_USER:-postgres}" QUARKUS_DATASOURCE_PASSWORD="${TSH_PG_PASSWORD:-}")
  fi
  env "${settings[@]}" java -Djava.io.tmpdir="$tmp" -jar "$jar" >"$LOG_DIR/$module.log" 2>&1 &
  SERVICE_PIDS+=($!)
  started+=("$module $port")
done

for s in "${started[@]}"; do
  read -r module port <<<"$s"
  for i in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

deploy/local/demo-data.sh || log "demo data not loaded (see the service logs)"

echo
echo "TSH ERP running locally"
if [ ${#started[@]} -eq 0 ]; then
  echo "  services: none built yet (each service module joins this run when it exists)"
fi
for s in "${started[@]}"; do
  read -r module port <<<"$s"
  status=$(curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -o '"status": *"[A-Z]*"' | head -1 || true)
  printf '  %-18s http://127.0.0.1:%s  (%s; Swagger UI /q/swagger-ui; log %s)\n' "$module" "$port" "${status:-not ready}" "$LOG_DIR/$module.log"
done
echo "Ctrl-C stops everything started here."
wait
