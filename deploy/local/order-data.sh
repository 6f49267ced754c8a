#!/usr/bin/env bash
# Loads order-service's history at ten times today's size into tsh_orders with COPY, in about a
# minute: 200,000 orders with 1,000,000 lines and their transitions over the last two years, and
# the 20,000 products, 5,000 clients and 1,000 salespeople they were sold from (read models, ids
# from 1,000,001). GeneratedOrders (order-service's test code) writes it; OrderBenchmark measures
# on the same data.
#
# The database must have order-service's tables: start the system once (deploy/local/run.sh,
# which also installs the modules this command builds on), then, beside it or after it:
#   deploy/local/order-data.sh [--database NAME] [--seed N] [--replace]
# --replace is needed when the database already has orders: they are all deleted first.
# The server comes from TSH_PG_HOST, TSH_PG_PORT, TSH_PG_USER and TSH_PG_PASSWORD (README).
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

ensure_tools
./mvnw -B -q -pl order-service test-compile exec:java -Dexec.mainClass=com.tsh.erp.orders.bench.GeneratedOrders \
  -Dexec.classpathScope=test -Dexec.args="$*"
