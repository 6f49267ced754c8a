#!/usr/bin/env bash
# Seeds a little bilingual demo data through the services' own APIs, once: only when the catalog
# has no products yet. Called by run.sh; safe to run again.
set -euo pipefail
CATALOG=${CATALOG_URL:-http://127.0.0.1:8081}
CLIENTS=${CLIENTS_URL:-http://127.0.0.1:8082}

GATEWAY=${GATEWAY_URL:-http://127.0.0.1:8080}

# Every service route needs the gateway's access token: sign in as the first admin (run.sh passes the password).
TOKEN=""
if [ -n "${TSH_ADMIN_PASSWORD:-}" ]; then
  for i in $(seq 1 60); do
    TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
      -d "{\"username\":\"${TSH_ADMIN_USERNAME:-admin}\",\"password\":\"$TSH_ADMIN_PASSWORD\"}" \
      "$GATEWAY/api/v1/auth/login" 2>/dev/null | sed -E 's/.*"access_token":"([^"]+)".*/\1/' || true)
    [ -n "$TOKEN" ] && break
    sleep 1
  done
fi
AUTH=(-H "Authorization: Bearer $TOKEN")

post() { curl -fsS "${AUTH[@]}" -H 'Content-Type: application/json' -d "$2" "$1"; }
id_of() { sed -E 's/.*"id":([0-9]+).*/\1/'; }

if curl -fsS "$CATALOG/q/health/ready" >/dev/null 2>&1; then
  if curl -fsS "${AUTH[@]}" "$CATALOG/products?per_page=1&active=true" | grep -q '"items":\[\]'; then
    phones=$(post "$CATALOG/categories" '{"name":"Phones and accessories","name_ar":"هواتف وإكسسوارات","sort_order":1}' | id_of)
    cables=$(post "$CATALOG/categories" "{\"name\":\"Cables\",\"name_ar\":\"كابلات\",\"parent_id\":$phones,\"sort_order\":1}" | id_of)
    chargers=$(post "$CATALOG/categories" "{\"name\":\"Chargers\",\"name_ar\":\"شواحن\",\"parent_id\":$phones,\"sort_order\":2}" | id_of)
    post "$CATALOG/products" "{\"sku\":\"TSH-CBL-0001\",\"name\":\"USB-C cable 1 m\",\"name_ar\":\"كابل يو إس بي سي ١ متر\",\"category_id\":$cables,\"retail_price\":7500,\"wholesale_price\":6000,\"cost_price\":4250.50,\"stock_on_hand\":120,\"reorder_level\":20}" >/dev/null
    post "$CATALOG/products" "{\"sku\":\"TSH-CBL-0002\",\"name\":\"Lightning cable 2 m\",\"name_ar\":\"كابل لايتنينغ ٢ متر\",\"category_id\":$cables,\"retail_price\":9000,\"wholesale_price\":7250,\"stock_on_hand\":60,\"reorder_level\":10}" >/dev/null
    post "$CATALOG/products" "{\"sku\":\"TSH-CHG-0007\",\"name\":\"Fast charger 20 W\",\"name_ar\":\"شاحن سريع ٢٠ واط\",\"category_id\":$chargers,\"retail_price\":18500,\"wholesale_price\":15000,\"stock_on_hand\":35,\"reorder_level\":5}" >/dev/null
    echo "demo data: 3 categories, 3 products"
  fi
fi
if curl -fsS "$CLIENTS/q/health/ready" >/dev/null 2>&1; then
  if curl -fsS "${AUTH[@]}" "$CLIENTS/clients?per_page=1" | grep -q '"items":\[\]'; then
    sp=$(post "$CLIENTS/salespeople" '{"name":"Hassan Ali","name_ar":"حسن علي","phone":"0781 111 2222","kind":"TRAVEL","region":"South","commission_rate":2.5}' | id_of)
    post "$CLIENTS/clients" "{\"name\":\"Al-Noor Electronics\",\"name_ar\":\"النور للإلكترونيات\",\"client_type\":\"WHOLESALE\",\"phone\":\"0770 123 4567\",\"city\":\"Basra\",\"region\":\"South\",\"salesperson_id\":$sp,\"credit_limit\":25000000}" >/dev/null
    post "$CLIENTS/clients" '{"name":"Corner shop","name_ar":"محل الزاوية","client_type":"RETAIL","phone":"+964 771 765 4321","city":"Baghdad","region":"Central"}' >/dev/null
    echo "demo data: 1 salesperson, 2 clients"
  fi
fi
ORDERS=${ORDERS_URL:-http://127.0.0.1:8083}
if curl -fsS "$ORDERS/q/health/ready" >/dev/null 2>&1 && curl -fsS "${AUTH[@]}" "$ORDERS/orders?per_page=1" | grep -q '"items":\[\]'; then
  product=$(curl -fsS "${AUTH[@]}" "$CATALOG/products/by-sku/TSH-CBL-0001" 2>/dev/null | id_of || true)
  client=$(curl -fsS "${AUTH[@]}" "$CLIENTS/clients?type=WHOLESALE&per_page=1" 2>/dev/null | id_of || true)
  if [[ "$product" =~ ^[0-9]+$ && "$client" =~ ^[0-9]+$ ]]; then
    # order-service learns products and clients from their events: wait until it knows them
    for i in $(seq 1 60); do
      if curl -fsS "${AUTH[@]}" -o /dev/null -H 'Content-Type: application/json' -H "Idempotency-Key: demo-order-1" \
           -d "{\"client_id\":$client,\"lines\":[{\"product_id\":$product,\"quantity\":10}],\"note\":\"demo order\"}" "$ORDERS/orders"; then
        echo "demo data: 1 order (PENDING, confirmed by the saga within a second)"; break
      fi
      sleep 1
    done
  fi
fi
