# Shared by run.sh and test.sh: tools, the devstack (PostgreSQL, Redis, Kafka) and clean stopping.
# Sourced, not run. Expects to be in the project root.

log() { printf '\033[1m[tsh]\033[0m %s\n' "$*" >&2; }

# Java 17+ and curl (the Maven wrapper fetches Maven itself). On a fresh Debian machine without
# them, install from Debian's packages when we are root.
ensure_tools() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v curl >/dev/null 2>&1 || missing+=(curl)   # the wrapper's download, health checks, demo data
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)   # the local gateway's token key pair (run.sh)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "installing ${missing[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      log "missing: ${missing[*]} (install them, then run again)"; exit 1
    fi
  fi
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  if [ "${v%%.*}" -lt 17 ] 2>/dev/null; then log "Java 17 or newer is needed, found $v"; exit 1; fi
}

# Builds the devstack and copies its Kafka broker jars (skips tests; fast when nothing changed).
build_devstack() {
  log "building the devstack (embedded servers, Kafka broker jars)"
  ./mvnw -B -q install -DskipTests -pl libs/devstack -am
}

DEVSTACK_PID=""
DEVSTACK_DIR=""

# start_devstack [databases]: makes PostgreSQL, Redis and Kafka available on loopback (using any
# that already run, starting the others), creates the databases, and waits until all are up.
start_devstack() {
  DEVSTACK_DIR=$(mktemp -d -t tsh-devstack-run.XXXXXX)
  local ready="$DEVSTACK_DIR/ready"
  java -Djava.io.tmpdir="$DEVSTACK_DIR" \
       -cp "libs/devstack/target/tsh-devstack-1.0.0-SNAPSHOT.jar:libs/devstack/target/lib/*" \
       com.tsh.erp.devstack.DevStackMain --databases "${1:-}" --ready-file "$ready" \
       >"$DEVSTACK_DIR/devstack.log" 2>&1 &
  DEVSTACK_PID=$!
  trap stop_devstack EXIT
  trap 'exit 130' INT TERM
  local i
  for i in $(seq 1 240); do
    if [ -f "$ready" ]; then
      grep -v '^SLF4J\|^\[main\] INFO' "$DEVSTACK_DIR/devstack.log" >&2 || true
      return 0
    fi
    if ! kill -0 "$DEVSTACK_PID" 2>/dev/null; then
      log "the devstack failed to start:"; cat "$DEVSTACK_DIR/devstack.log" >&2; exit 1
    fi
    sleep 0.5
  done
  log "the devstack did not start within 120 s:"; cat "$DEVSTACK_DIR/devstack.log" >&2; exit 1
}

# Ends the devstack process, which stops only the servers it started.
stop_devstack() {
  if [ -n "$DEVSTACK_PID" ] && kill -0 "$DEVSTACK_PID" 2>/dev/null; then
    kill -TERM "$DEVSTACK_PID" 2>/dev/null || true
    wait "$DEVSTACK_PID" 2>/dev/null || true
  fi
  [ -n "$DEVSTACK_DIR" ] && rm -rf "$DEVSTACK_DIR"
  DEVSTACK_PID=""
}
