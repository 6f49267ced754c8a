#!/usr/bin/env bash
# Loads the 10x data set (ten times today's business) into the local databases, replacing any generated rows loaded
# before and leaving every other row alone, in two to three minutes:
#   order-service   200,000 orders over two years (1,000,000 lines, every transition), and its copies of the
#                   products, clients and salespeople they were sold from (GeneratedOrders, as order-data.sh)
#   catalog-service those 20,000 products with the same ids, SKUs, names and prices, 300 categories, stock in the
#                   ledger (MirroredCatalog)
#   client-service  those 1,000 salespeople and 5,000 clients with the same ids and owners (MirroredClients)
#   Zoho            those products and clients as items and contacts in the Zoho simulator, mapped in zoho-sync-service,
#                   the pull's watermark at now (MirroredMappings): as after two years of sync, so new orders are pushed
#                   at once instead of waiting for records no event will bring
# so the three services agree on every id and an order placed on the loaded system goes through the saga.
# Generated ids start at 1,000,001. The services' tables must exist: run.sh --data 10x starts the services first and
# calls this; by itself, with the system running:
#   deploy/local/data-10x.sh [--orders DB] [--catalog DB] [--clients DB] [--zoho DB]
# The server comes from TSH_PG_HOST, TSH_PG_PORT, TSH_PG_USER, TSH_PG_PASSWORD; Redis from TSH_REDIS_HOST, TSH_REDIS_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

orders=tsh_orders catalog=tsh_catalog clients=tsh_clients zoho=tsh_zoho
while [ $# -gt 0 ]; do
  case "$1" in
    --orders) orders="$2"; shift 2 ;;
    --catalog) catalog="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    --zoho) zoho="$2"; shift 2 ;;
    *) echo "usage: deploy/local/data-10x.sh [--orders DB] [--catalog DB] [--clients DB] [--zoho DB]" >&2; exit 2 ;;
  esac
done

ensure_tools
load() { # module main-class args...
  local module="$1" main="$2"; shift 2
  ./mvnw -B -q -pl "$module" test-compile exec:java -Dexec.mainClass="$main" -Dexec.classpathScope=test -Dexec.args="$*"
}
log "10x data: order history into $orders"
load order-service com.tsh.erp.orders.bench.GeneratedOrders --database "$orders" --replace
log "10x data: the same products into $catalog"
load catalog-service com.tsh.erp.catalog.bench.MirroredCatalog --from "$orders" --database "$catalog"
log "10x data: the same salespeople and clients into $clients"
load client-service com.tsh.erp.clients.bench.MirroredClients --from "$orders" --database "$clients"
log "10x data: their Zoho mappings into $zoho"
load zoho-sync-service com.tsh.erp.zoho.bench.MirroredMappings --catalog "$catalog" --clients "$clients" --database "$zoho" \
  --simulator http://127.0.0.1:8089   # run.sh's simulator

# catalog-service keeps its category tree and search pages in Redis under a generation its own writes move on; rows
# written here by SQL move it on by hand, so no page cached before the load is served again (RESP over bash's /dev/tcp:
# the local Redis may be the devstack's, without redis-cli)
if exec 3<>"/dev/tcp/${TSH_REDIS_HOST:-127.0.0.1}/${TSH_REDIS_PORT:-6379}" 2>/dev/null; then
  printf 'INCR catalog:categories:gen\r\nINCR catalog:plist:gen\r\nQUIT\r\n' >&3
  cat <&3 >/dev/null || true
  exec 3<&-
else
  log "Redis not reachable: catalog-service may serve pages cached before the load for up to an hour"
fi
log "10x data loaded"
