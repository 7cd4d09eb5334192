#!/usr/bin/env bash
# Runs the whole suite on this machine: Redis, the three services and the gateway, then loads the
# demo data through the gateway. Ctrl+C stops everything; the data stays in .data/ for next time.
#
#   ./run.sh                     Redis on port 6379
#   REDIS_PORT=6380 ./run.sh     when 6379 is taken (e.g. by a system Redis)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REDIS_PORT="${REDIS_PORT:-6379}"
DATA_DIR="$ROOT/.data"
REDIS_DIR="$DATA_DIR/redis"
LOG_DIR="$DATA_DIR/logs"
GATEWAY_REST_PORT=8080
GATEWAY_GRPC_PORT=8081
READY_TIMEOUT_SECONDS=60
TRAINING_PORT=5102
# Each service: name, port, project folder (relative to ROOT), assembly name.
APPS=(
  "training   $TRAINING_PORT services/CapacityBuilding.Training   CapacityBuilding.Training"
  "assistance 5101 services/CapacityBuilding.Assistance CapacityBuilding.Assistance"
  "funding    5103 services/CapacityBuilding.Funding    CapacityBuilding.Funding"
)
GATEWAY_DIR=gateway/CapacityBuilding.Gateway
LOADER_DLL=tools/CapacityBuilding.DemoData/bin/Release/net10.0/CapacityBuilding.DemoData.dll
TOKENS_DLL=tools/CapacityBuilding.DevTokens/bin/Release/net10.0/CapacityBuilding.DevTokens.dll
SIGNING_KEY_FILE="$DATA_DIR/dev-signing-key"
TOKENS_FILE="$DATA_DIR/tokens.env"
# The loader writes here the id of the demo donor whose money funds requests (the service makes ids).
DEMO_DONOR_ID_FILE="$DATA_DIR/demo-donor-id"

# How Ctrl+C is handled: children run in the background, in sessions of their own (setsid), so the
# terminal's SIGINT reaches only this script, which then stops them in order, services before
# Redis. The script waits only with the `wait` builtin, which a trapped signal interrupts at once;
# bash runs a trap only after a foreground command ends, which for the loader can be a minute.
REDIS_PID=""
LOADER_PID=""
CHILD_NAMES=()
CHILD_PIDS=()

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# Sleeps in a way a signal interrupts at once (see above).
pause() {
  sleep "$1" &
  wait $!
}

# True when something accepts connections on the local port. Pure bash: a fresh machine may lack ss or curl.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the body and headers of GET http://127.0.0.1:<port><path>, or nothing; gives up after 2 s of silence.
http_get() {
  local fd line
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&"$fd"
  while IFS= read -r -t 2 -u "$fd" line || [[ -n $line ]]; do
    printf '%s\n' "$line"
    line=""
  done
  exec {fd}>&-
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

install_redis_if_missing() {
  command -v redis-server >/dev/null && return
  say "Installing redis-server from the Debian packages..."
  [[ $(id -u) -eq 0 ]] || command -v sudo >/dev/null || die "redis-server is missing and installing it needs root or sudo."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server
  # The package starts a system Redis on 6379; this script runs its own under .data/redis instead.
  if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then
    say "Stopping and disabling the system redis-server service the package just started."
    as_root systemctl disable --now redis-server
  elif command -v service >/dev/null && service redis-server status >/dev/null 2>&1; then
    say "Stopping the system redis-server service the package just started."
    as_root service redis-server stop
  fi
}

refuse_taken_ports() {
  local app port
  port_in_use "$REDIS_PORT" &&
    die "port $REDIS_PORT is taken, so Redis cannot start there. Stop what uses it, or run: REDIS_PORT=6380 ./run.sh"
  for app in "${APPS[@]}"; do
    read -r _ port _ <<<"$app"
    port_in_use "$port" && die "port $port is taken (another run.sh still running?). Stop what uses it first."
  done
  for port in "$GATEWAY_REST_PORT" "$GATEWAY_GRPC_PORT"; do
    port_in_use "$port" && die "port $port is taken (another run.sh still running?). Stop what uses it first."
  done
  return 0
}

start_redis() {
  mkdir -p "$REDIS_DIR"
  setsid redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --appendonly yes --daemonize no \
    >"$LOG_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  local tries
  for ((tries = 0; tries < 50; tries++)); do
    port_in_use "$REDIS_PORT" && return
    kill -0 "$REDIS_PID" 2>/dev/null || break
    pause 0.1
  done
  tail -n 20 "$LOG_DIR/redis.log" >&2
  die "Redis did not start on port $REDIS_PORT (log above: $LOG_DIR/redis.log)."
}

# start_app <name> <bin dir> [VAR=value ...] <command...>: runs in the bin dir (where appsettings.json is), logs to <name>.log.
start_app() {
  local name=$1 bin_dir=$2
  shift 2
  (cd "$bin_dir" && exec setsid env Redis__ConnectionString="127.0.0.1:$REDIS_PORT" "$@") >"$LOG_DIR/$name.log" 2>&1 &
  CHILD_NAMES+=("$name")
  CHILD_PIDS+=($!)
}

start_apps() {
  local app name port dir assembly gateway_clusters=()
  for app in "${APPS[@]}"; do
    read -r name port dir assembly <<<"$app"
    # --urls, as a command-line argument, wins over the Urls in appsettings.json.
    start_app "$name" "$ROOT/$dir/bin/Release/net10.0" Invocation__Apps__training="http://localhost:$TRAINING_PORT" \
      dotnet "$assembly.dll" --urls "http://localhost:$port"
    gateway_clusters+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://localhost:$port")
  done
  start_app gateway "$ROOT/$GATEWAY_DIR/bin/Release/net10.0" "${gateway_clusters[@]}" dotnet CapacityBuilding.Gateway.dll
}

show_logs() {
  local log
  for log in "$LOG_DIR"/*.log; do
    printf '\n--- last lines of %s ---\n' "$log" >&2
    tail -n 10 "$log" >&2
  done
}

# Fails with the child's name when one of them has exited.
check_children_running() {
  local i
  for i in "${!CHILD_PIDS[@]}"; do
    kill -0 "${CHILD_PIDS[$i]}" 2>/dev/null || { show_logs; die "${CHILD_NAMES[$i]} exited; see $LOG_DIR/${CHILD_NAMES[$i]}.log"; }
  done
  kill -0 "$REDIS_PID" 2>/dev/null || { show_logs; die "Redis exited; see $LOG_DIR/redis.log"; }
}

wait_until_healthy() {
  local started=$SECONDS
  until [[ $(http_get "$GATEWAY_REST_PORT" /health) == *'"status":"Healthy"'* ]]; do
    check_children_running
    if ((SECONDS - started >= READY_TIMEOUT_SECONDS)); then
      show_logs
      die "the gateway did not report Healthy on http://localhost:$GATEWAY_REST_PORT/health within ${READY_TIMEOUT_SECONDS} s."
    fi
    pause 1
  done
}

# This machine's own development signing key: made once, kept in .data/ (git-ignored), given to
# every process. Nothing secret is committed; a real deployment configures its identity provider.
use_dev_signing_key() {
  if [[ ! -s $SIGNING_KEY_FILE ]]; then
    mkdir -p "$DATA_DIR"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$SIGNING_KEY_FILE")
  fi
  export Authentication__Jwt__SigningKey
  Authentication__Jwt__SigningKey=$(<"$SIGNING_KEY_FILE")
}

# mint_token <role> [--country X] [--donor id] [--subject s]: a token for a demo user (Development only).
mint_token() {
  DOTNET_ENVIRONMENT=Development Authentication__Jwt__Issuer=capacitybuilding-local Authentication__Jwt__Audience=capacitybuilding-api \
    dotnet "$ROOT/$TOKENS_DLL" --role "$@"
}

# Tokens for the demo users, valid 8 hours, in .data/tokens.env for `source`.
write_demo_tokens() {
  local donor_id
  donor_id=$(<"$DEMO_DONOR_ID_FILE")
  [[ -n $donor_id ]] || die "the demo data names no donor that funds a request, so there is no donor to mint DONOR_TOKEN for."
  {
    printf 'COORDINATOR_TOKEN=%s\n' "$(mint_token coordinator --subject coordinator@unodc.org)"
    printf 'MEMBER_STATE_TOKEN=%s\n' "$(mint_token member_state --country GHA --subject focal.point@gh)"
    printf 'AUDITOR_TOKEN=%s\n' "$(mint_token auditor --subject auditor@oios)"
    printf 'DONOR_TOKEN=%s\n' "$(mint_token donor --donor "$donor_id" --subject donor@norway)"
  } >"$TOKENS_FILE"
  chmod 600 "$TOKENS_FILE"
}

load_demo_data() {
  CAPACITYBUILDING_TOKEN=$(mint_token coordinator --subject demo-data-loader) \
    dotnet "$ROOT/$LOADER_DLL" "http://localhost:$GATEWAY_GRPC_PORT" "$DEMO_DONOR_ID_FILE" &
  LOADER_PID=$!
  wait "$LOADER_PID" || die "loading the demo data failed (its message is above); the suite is stopped."
  LOADER_PID=""
}

# Services first, so they stop using Redis before it writes its append-only file and exits.
stop_everything() {
  trap '' INT TERM
  local pid
  [[ -z $LOADER_PID ]] || kill -TERM "$LOADER_PID" 2>/dev/null || true
  if ((${#CHILD_PIDS[@]})); then
    say "Stopping the gateway and services..."
    kill -TERM "${CHILD_PIDS[@]}" 2>/dev/null || true
    for pid in "${CHILD_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    CHILD_PIDS=()
  fi
  if [[ -n $REDIS_PID ]]; then
    say "Stopping Redis..."
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
  fi
}

print_overview() {
  local app name port
  printf '\nCapacityBuilding is running, ready %s s after start-up (%s s including the build). Ctrl+C stops everything.\n' "$1" "$2"
  printf '  %-12s 127.0.0.1:%s   (data in .data/redis, append-only file on)\n' redis "$REDIS_PORT"
  for app in "${APPS[@]}"; do
    read -r name port _ <<<"$app"
    printf '  %-12s http://localhost:%s   (gRPC, h2c)\n' "$name" "$port"
  done
  printf '  %-12s http://localhost:%s   (REST, HTTP/1.1)\n' gateway "$GATEWAY_REST_PORT"
  printf '  %-12s http://localhost:%s   (gRPC, h2c, with reflection)\n' "" "$GATEWAY_GRPC_PORT"
  printf '  %-12s .data/logs/<name>.log\n' logs
  printf '\nTry it (every API call needs a token; demo tokens for a coordinator, a member state (GHA),\nan auditor and a donor (Norway) are in .data/tokens.env; mint others with the DevTokens tool, see README):\n'
  printf '  %s\n' "source .data/tokens.env" \
    "curl -H \"authorization: Bearer \$COORDINATOR_TOKEN\" 'http://localhost:$GATEWAY_REST_PORT/v1/courses?pageSize=3'" \
    "curl -H \"authorization: Bearer \$COORDINATOR_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/requests   # all 7, from DRAFT to IN_DELIVERY" \
    "curl -H \"authorization: Bearer \$MEMBER_STATE_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/requests   # Ghana's own" \
    "curl -H \"authorization: Bearer \$DONOR_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/requests   # only what Norway's pledges fund" \
    "curl -H \"authorization: Bearer \$DONOR_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/allocations" \
    "grpcurl -plaintext localhost:$GATEWAY_GRPC_PORT list" \
    "grpcurl -plaintext -H \"authorization: Bearer \$COORDINATOR_TOKEN\" localhost:$GATEWAY_GRPC_PORT capacitybuilding.funding.v1.FundingService/ListDonors"
}

main() {
  cd "$ROOT"
  command -v dotnet >/dev/null || die "the .NET SDK is missing: install it first (https://dot.net)."
  install_redis_if_missing
  refuse_taken_ports
  say "Building (Release)..."
  dotnet build "$ROOT/CapacityBuilding.sln" -c Release --nologo -v quiet
  mkdir -p "$LOG_DIR"

  trap stop_everything EXIT
  trap 'exit 0' INT TERM
  local started=$SECONDS
  use_dev_signing_key
  start_redis
  start_apps
  say "Waiting for the gateway to report Healthy..."
  wait_until_healthy
  say "Loading demo data (creates are idempotent, so nothing is duplicated on later runs)..."
  load_demo_data
  write_demo_tokens
  print_overview $((SECONDS - started)) "$SECONDS"

  # Stay until Ctrl+C (the trap), or until a child exits on its own.
  while true; do
    wait -n || true
    check_children_running
  done
}

main "$@"
