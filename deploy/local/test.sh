#!/usr/bin/env bash
# Runs every test of every module against real PostgreSQL, Kafka and Redis on loopback.
# Uses the servers already running on their ports and starts the rest (embedded PostgreSQL and
# Redis, a real Kafka broker), once for the whole build; stops only what it started.
# Every service's container image is built too (-Dtsh.images=tar: <service>/target/jib-image.tar) and checked by
# deploy's ImagesTest. Extra arguments go to Maven, e.g. deploy/local/test.sh -pl libs/outbox
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/common.sh

ensure_tools
build_devstack
start_devstack
log "running the test suite: ./mvnw -B verify -Dtsh.images=tar $*"
./mvnw -B verify -Dtsh.images=tar "$@"
