#!/usr/bin/env bash
# The 500-user benchmark of issue 12 through the gateway (GatewayLoad, gateway's test code): 500 signed-in users with
# the playbook's mix and think time for 3 minutes, then the same mix at rising fixed arrival rates; writes its figures
# to BENCHMARKS.md (section gateway-load). About 10 minutes. It needs the whole system running with the 10x data and
# the gateway trusting X-Forwarded-For (each simulated phone has its own address, as behind the production ingress):
#   TSH_GATEWAY_LOGIN_TRUST_FORWARDED_FOR=true deploy/local/run.sh --data 10x     # one terminal; wait for its table
#   deploy/local/gateway-load.sh [--users N] [--seconds S] [--rates R1,R2,...]   # another
# The first admin's password is read from target/local-run/gateway-admin-password (run.sh's) or TSH_ADMIN_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

ensure_tools
./mvnw -B -q -pl gateway test-compile exec:java -Dexec.mainClass=com.tsh.erp.gateway.bench.GatewayLoad \
  -Dexec.classpathScope=test -Dexec.args="$*"
