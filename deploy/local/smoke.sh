#!/usr/bin/env bash
# Smoke test of a running local system (deploy/local/run.sh in another terminal): everything through the gateway,
# the way an app does it, then Zoho's side read from the simulator the way zoho-sync-service reads it.
#   1. sign in as the first admin                       POST /api/v1/auth/login
#   2. make a category, a product and a wholesale client (names in Arabic and English; unique per run)
#   3. place an order for them with an Idempotency-Key   POST /api/v1/orders (retried until order-service has
#      learnt the new product and client from their events)
#   4. wait until the saga has confirmed it              GET /api/v1/orders/{id}  -> CONFIRMED
#   5. wait until it is a sales order in the simulator   GET /books/v3/salesorders?salesorder_number=<number>,
#      with the simulator's OAuth token; its customer and item are the Zoho ids of our client and product
# Exits 0 when every step passed, 1 naming the step that did not. Settings: GATEWAY_URL, ZOHO_URL,
# TSH_ADMIN_USERNAME / TSH_ADMIN_PASSWORD (default: the password run.sh keeps in target/local-run),
# SMOKE_TIMEOUT (seconds per wait, default 120).
set -euo pipefail
cd "$(dirname "$0")/../.."
GATEWAY=${GATEWAY_URL:-http://127.0.0.1:8080}
ZOHO=${ZOHO_URL:-http://127.0.0.1:8089}
USERNAME=${TSH_ADMIN_USERNAME:-admin}
PASSWORD=${TSH_ADMIN_PASSWORD:-$(cat target/local-run/gateway-admin-password 2>/dev/null || true)}
TIMEOUT=${SMOKE_TIMEOUT:-120}
ZOHO_ORG=${TSH_ZOHO_ORGANIZATION_ID:-10234695}
command -v jq >/dev/null || { echo "smoke: jq is needed (apt-get install jq)" >&2; exit 1; }

step() { printf '[smoke] %s\n' "$*"; }
fail() { printf '[smoke] FAILED: %s\n' "$*" >&2; exit 1; }
# until SECONDS CMD...: runs CMD every second until it succeeds or the time is up
until_ok() { local t=$1; shift; for _ in $(seq 1 "$t"); do "$@" && return 0; sleep 1; done; return 1; }

[ -n "$PASSWORD" ] || fail "no admin password (set TSH_ADMIN_PASSWORD, or start deploy/local/run.sh first)"
curl -fsS "$GATEWAY/q/health/ready" >/dev/null || fail "the gateway at $GATEWAY is not ready (is deploy/local/run.sh running?)"

step "1. sign in as $USERNAME"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "$(jq -n --arg u "$USERNAME" --arg p "$PASSWORD" '{username: $u, password: $p}')" \
  "$GATEWAY/api/v1/auth/login" | jq -r .access_token) || fail "sign-in refused"
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || fail "sign-in answered no access token"
api() { # api METHOD PATH [BODY] [extra curl args...]: the answer's body; fails on any non-2xx
  local method=$1 path=$2 body=${3:-}; shift $(( $# < 3 ? $# : 3 ))
  if [ -n "$body" ]; then
    curl -fsS -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@" -d "$body" "$GATEWAY$path"
  else
    curl -fsS -X "$method" -H "Authorization: Bearer $TOKEN" "$@" "$GATEWAY$path"
  fi
}

RUN=$(date +%s)
step "2. a category, a product and a client for this run ($RUN)"
category=$(api POST /api/v1/categories "{\"name\":\"Smoke $RUN\",\"name_ar\":\"فحص $RUN\"}" | jq -r .id)
sku="SMOKE-$RUN"
product=$(api POST /api/v1/products "$(jq -n --arg sku "$sku" --argjson c "$category" \
  '{sku: $sku, name: "Smoke test charger", name_ar: "شاحن فحص", category_id: $c, retail_price: 18500,
    wholesale_price: 15000, cost_price: 9000, stock_on_hand: 50, reorder_level: 5}')" | jq -r .id)
phone="0790$(printf '%07d' $((RUN % 10000000)))"
client=$(api POST /api/v1/clients "$(jq -n --arg phone "$phone" --arg run "$RUN" \
  '{name: ("Smoke shop " + $run), name_ar: ("متجر الفحص " + $run), client_type: "WHOLESALE", phone: $phone,
    city: "Basra", region: "South", credit_limit: 10000000}')" | jq -r .id)
[[ "$product" =~ ^[0-9]+$ && "$client" =~ ^[0-9]+$ ]] || fail "product ($product) or client ($client) not created"
step "   product $product ($sku), client $client"

step "3. place an order (Idempotency-Key smoke-$RUN)"
order_body=$(jq -n --argjson c "$client" --argjson p "$product" \
  '{client_id: $c, lines: [{product_id: $p, quantity: 3}], note: "smoke test"}')
place() { ORDER=$(api POST /api/v1/orders "$order_body" -H "Idempotency-Key: smoke-$RUN" 2>/dev/null); }
until_ok "$TIMEOUT" place || fail "order-service did not take the order within ${TIMEOUT}s"
order_id=$(jq -r .id <<<"$ORDER"); number=$(jq -r .number <<<"$ORDER")
step "   order $number ($order_id), $(jq -r .status <<<"$ORDER")"

step "4. wait for the saga to confirm it"
confirmed() { status=$(api GET "/api/v1/orders/$order_id" | jq -r .status); [ "$status" = CONFIRMED ]; }
until_ok "$TIMEOUT" confirmed || fail "order $number is $status after ${TIMEOUT}s, not CONFIRMED"
step "   CONFIRMED"

step "5. wait for it in Zoho (the simulator)"
ZTOKEN=$(curl -fsS -X POST "$ZOHO/oauth/v2/token" \
  --data-urlencode "refresh_token=${TSH_ZOHO_REFRESH_TOKEN:-tsh-local-refresh}" \
  --data-urlencode "client_id=${TSH_ZOHO_CLIENT_ID:-tsh-local-client}" \
  --data-urlencode "client_secret=${TSH_ZOHO_CLIENT_SECRET:-tsh-local-secret}" \
  --data-urlencode "grant_type=refresh_token" | jq -r .access_token) || fail "the simulator refused the OAuth refresh"
zoho() { # zoho PATH: a Zoho API GET with the token and the organization
  local sep='?'; [[ "$1" == *'?'* ]] && sep='&'
  curl -fsS -H "Authorization: Zoho-oauthtoken $ZTOKEN" "$ZOHO$1${sep}organization_id=$ZOHO_ORG"
}
in_zoho() { SO=$(zoho "/books/v3/salesorders?salesorder_number=$number" | jq -c '.salesorders[0] // empty'); [ -n "$SO" ]; }
until_ok "$TIMEOUT" in_zoho || fail "sales order $number not in the simulator after ${TIMEOUT}s"
so_id=$(jq -r .salesorder_id <<<"$SO")
detail=$(zoho "/books/v3/salesorders/$so_id" | jq -c .salesorder)
item_sku=$(zoho "/inventory/v1/items/$(jq -r '.line_items[0].item_id' <<<"$detail")" | jq -r .item.sku)
customer=$(zoho "/books/v3/contacts/$(jq -r .customer_id <<<"$detail")" | jq -r .contact.contact_name)
[ "$item_sku" = "$sku" ] || fail "the Zoho sales order's item is $item_sku, not $sku"
[ "$customer" = "Smoke shop $RUN" ] || fail "the Zoho sales order's customer is '$customer', not 'Smoke shop $RUN'"
step "   Zoho sales order $so_id: customer '$customer', item $item_sku x $(jq -r '.line_items[0].quantity' <<<"$detail")"
step "passed"
