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

# --- starting the services (run.sh, footprint.sh)

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

# ensure_gateway_secrets DIR: the gateway's secrets for this machine, made on the first run and kept in DIR (under
# target/, never committed): an RSA key pair for its tokens (the private key only ever in the gateway) and the first
# admin's password, used when the gateway's database has no user yet. Production mounts its own key and sets its own
# admin (deploy/k8s). Sets GATEWAY_KEY, GATEWAY_PUB and GATEWAY_ADMIN_PASSWORD_FILE.
ensure_gateway_secrets() {
  mkdir -p "$1"
  GATEWAY_KEY="$(cd "$1" && pwd)/gateway-jwt.key"
  GATEWAY_PUB="$(cd "$1" && pwd)/gateway-jwt.pub"
  GATEWAY_ADMIN_PASSWORD_FILE="$1/gateway-admin-password"
  [ -d gateway ] || return 0
  if [ ! -s "$GATEWAY_KEY" ] || [ ! -s "$GATEWAY_PUB" ]; then
    log "making the local gateway's token key pair ($GATEWAY_KEY, .pub)"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$GATEWAY_KEY" 2>/dev/null)
    openssl pkey -in "$GATEWAY_KEY" -pubout -out "$GATEWAY_PUB"
  fi
  if [ ! -s "$GATEWAY_ADMIN_PASSWORD_FILE" ]; then
    (umask 077 && openssl rand -base64 24 | tr -d '/+=\n' | cut -c1-20 >"$GATEWAY_ADMIN_PASSWORD_FILE")
  fi
}

# Every JVM is sized (left alone, each takes a quarter of the machine's memory as heap: catalog-service once grew to
# 5.1 GB under load with 45 MB live). The Kubernetes Deployments (deploy/k8s, base/common/platform.env) use the same
# collector and heaps of the same size, as half of each container's memory limit; BENCHMARKS.md has each service's
# start time and memory at rest (section footprint) and under the 500-user load (gateway-load). Serial GC: a service
# has one or two cores, and it keeps the least memory for itself. MALLOC_ARENA_MAX=2 keeps glibc from growing an
# arena per thread. TSH_JVM_OPTIONS is added last (e.g. TSH_JVM_OPTIONS=-Xmx512m to try a bigger heap);
# TSH_JVM_SIZING=off leaves every JVM at its own defaults (for comparison).
JVM_COMMON=(-XX:+UseSerialGC -Xms32m -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=96m
  -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError)
# Heaps from the 500-user run (BENCHMARKS.md, gateway-load notes): with 192 MB the gateway's old generation stayed 95%
# full (21 full collections, young pauses of 100 ms) and the run got half the throughput of unsized JVMs.
jvm_heap() {
  case "$1" in
    gateway) echo 384m ;;
    catalog-service|order-service) echo 256m ;;
    client-service|zoho-sync-service) echo 192m ;;
    zoho-simulator) echo 384m ;; # not a service: it holds the 10x data's 25,000 Zoho records in memory
    *) echo 160m ;;
  esac
}

# start_service MODULE PORT DATABASE|- LOGDIR: starts the module's packaged jar in the background with the local
# settings (loopback servers, the gateway's keys from ensure_gateway_secrets), logging to LOGDIR/MODULE.log; $! is its pid.
start_service() {
  local module=$1 port=$2 db=$3 dir=$4
  local jar="$module/target/quarkus-app/quarkus-run.jar" tmp="$4/$1.tmp"
  mkdir -p "$tmp"
  local settings=(QUARKUS_HTTP_PORT="$port"
    KAFKA_BOOTSTRAP_SERVERS="${TSH_KAFKA_HOST:-127.0.0.1}:${TSH_KAFKA_PORT:-9092}"
    QUARKUS_REDIS_HOSTS="redis://${TSH_REDIS_HOST:-127.0.0.1}:${TSH_REDIS_PORT:-6379}")
  if [ "$db" != "-" ]; then
    settings+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${TSH_PG_HOST:-127.0.0.1}:${TSH_PG_PORT:-5432}/$db"
      QUARKUS_DATASOURCE_USERNAME="${TSH_PG_USER:-postgres}" QUARKUS_DATASOURCE_PASSWORD="${TSH_PG_PASSWORD:-}")
  fi
  if [ "$module" != zoho-simulator ]; then
    # every service verifies the gateway's tokens with its public key (README, "Roles and ownership")
    settings+=(MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$GATEWAY_PUB")
  fi
  if [ "$module" = gateway ]; then
    settings+=(SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$GATEWAY_KEY" MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$GATEWAY_PUB"
      TSH_ADMIN_USERNAME=admin TSH_ADMIN_PASSWORD="$(cat "$GATEWAY_ADMIN_PASSWORD_FILE")")
  fi
  local jvm=("${JVM_COMMON[@]}" -Xmx"$(jvm_heap "$module")")
  [ "${TSH_JVM_SIZING:-on}" = off ] && jvm=() # the JVM's own defaults, for comparison (BENCHMARKS.md gateway-load notes)
  # shellcheck disable=SC2086 # TSH_JVM_OPTIONS is a list of flags
  env "${settings[@]}" MALLOC_ARENA_MAX=2 java "${jvm[@]}" ${TSH_JVM_OPTIONS:-} \
    -Djava.io.tmpdir="$tmp" -jar "$jar" >"$dir/$module.log" 2>&1 &
}
