#!/usr/bin/env bash
# Runs the whole system locally: PostgreSQL, Redis and a Kafka broker (using any already running),
# a database for each service, every service module there is, and a little demo data (first run
# only), then prints what runs where. Ctrl-C stops everything this script started.
#   deploy/local/run.sh              demo data (bilingual, loaded through the APIs)
#   deploy/local/run.sh --data 10x   the 10x data set instead (deploy/local/data-10x.sh: 20,000 products, 5,000
#                                    clients, 1,000 salespeople, 200,000 orders, written by SQL in two to three minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

DATA=demo
while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$2"; shift 2 ;;
    *) echo "usage: deploy/local/run.sh [--data demo|10x]" >&2; exit 2 ;;
  esac
done
case "$DATA" in demo|10x) ;; *) echo "--data takes demo or 10x" >&2; exit 2 ;; esac

# SERVICES (common.sh): every service module, its port and database

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

ensure_gateway_secrets "$LOG_DIR"
started=()
for entry in "${SERVICES[@]}"; do
  read -r module port db <<<"$entry"
  jar="$module/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || continue
  start_service "$module" "$port" "$db" "$LOG_DIR"
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

if [ "$DATA" = 10x ]; then
  deploy/local/data-10x.sh || log "10x data not loaded (see above)"
else
  TSH_ADMIN_USERNAME=admin TSH_ADMIN_PASSWORD="$(cat "$GATEWAY_ADMIN_PASSWORD_FILE" 2>/dev/null || true)" \
    deploy/local/demo-data.sh || log "demo data not loaded (see the service logs)"
fi

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
if [ -f gateway/target/quarkus-app/quarkus-run.jar ]; then
  echo "Gateway sign-in: admin / $(cat "$GATEWAY_ADMIN_PASSWORD_FILE")  (POST http://127.0.0.1:8080/api/v1/auth/login; the password"
  echo "  is kept in $GATEWAY_ADMIN_PASSWORD_FILE and used when the gateway's database has no user yet)"
  echo "The apps' entry: http://127.0.0.1:8080/api/v1/... (every service's routes) and /mobile/v1/... (the phone lists),"
  echo "  with the access token as Authorization: Bearer <access_token>"
fi
echo "Ctrl-C stops everything started here."
wait
