#!/usr/bin/env bash
# Runs the whole suite on this machine: Redis, the three services, the portal and the gateway, then
# loads the demo data through the gateway. Ctrl+C (or SIGTERM: `kill <pid of run.sh>`) stops everything;
# the data stays in .data/ for next time. See docs/operations.md.
#
#   ./run.sh                     the ports below
#   REDIS_PORT=6380 ./run.sh     when 6379 is taken (e.g. by a system Redis)
#
# Every port can be set, one variable each, so that two runs (from two clones) can go side by side:
# REDIS_PORT (6379), GATEWAY_REST_PORT (8080), GATEWAY_GRPC_PORT (8081), ASSISTANCE_PORT (5101),
# TRAINING_PORT (5102), FUNDING_PORT (5103), PORTAL_PORT (5104).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REDIS_PORT="${REDIS_PORT:-6379}"
GATEWAY_REST_PORT="${GATEWAY_REST_PORT:-8080}"
GATEWAY_GRPC_PORT="${GATEWAY_GRPC_PORT:-8081}"
ASSISTANCE_PORT="${ASSISTANCE_PORT:-5101}"
TRAINING_PORT="${TRAINING_PORT:-5102}"
FUNDING_PORT="${FUNDING_PORT:-5103}"
PORTAL_PORT="${PORTAL_PORT:-5104}"
DATA_DIR="$ROOT/.data"
REDIS_DIR="$DATA_DIR/redis"
LOG_DIR="$DATA_DIR/logs"
# What this run started ("name pid" a line), so that a later run can name what a killed one left.
PIDS_FILE="$DATA_DIR/run.pids"
READY_TIMEOUT_SECONDS=60
# How long the gateway, services and Redis get to stop after SIGTERM before they are killed.
STOP_TIMEOUT_SECONDS=20
# Each service: name, port, project folder (relative to ROOT), assembly name.
APPS=(
  "training   $TRAINING_PORT services/CapacityBuilding.Training   CapacityBuilding.Training"
  "assistance $ASSISTANCE_PORT services/CapacityBuilding.Assistance CapacityBuilding.Assistance"
  "funding    $FUNDING_PORT services/CapacityBuilding.Funding    CapacityBuilding.Funding"
)
GATEWAY_DIR=gateway/CapacityBuilding.Gateway
PORTAL_DIR=services/CapacityBuilding.Portal
LOADER_DLL=tools/CapacityBuilding.DemoData/bin/Release/net10.0/CapacityBuilding.DemoData.dll
TOKENS_DLL=tools/CapacityBuilding.DevTokens/bin/Release/net10.0/CapacityBuilding.DevTokens.dll
SIGNING_KEY_FILE="$DATA_DIR/dev-signing-key"
SERVICE_TOKEN_KEY_FILE="$DATA_DIR/dev-service-token-key"
CHECKPOINT_KEY_FILE="$DATA_DIR/dev-checkpoint-key.pem"
TOKENS_FILE="$DATA_DIR/tokens.env"
# The loader writes here the id of the demo donor whose money funds requests (the service makes ids).
DEMO_DONOR_ID_FILE="$DATA_DIR/demo-donor-id"
# The focal points the loader acts as ("country subject" each): the states whose requests the demo
# publishes (each consents for its own) and whose offers it answers.
DEMO_FOCAL_POINTS=("GHA focal.point@gh" "VNM focal.point@vn" "SEN focal.point@sn")

# How Ctrl+C and SIGTERM are handled: children run in the background, in sessions of their own
# (setsid), so the terminal's SIGINT reaches only this script, which then stops them in order,
# services before Redis. A script that starts run.sh in the background stops it with SIGTERM: a
# background job of a non-interactive shell starts with SIGINT ignored, and bash cannot trap a
# signal ignored on entry. The script waits only with the `wait` builtin, which a trapped signal
# interrupts at once; bash runs a trap only after a foreground command ends, which for the loader
# can be a minute.
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

# Names the process listening on a local port, when ss (iproute2) is there to tell.
port_holder() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n 1
}

# A run killed with SIGKILL (or a closed session) leaves its children running, each in its own
# session: name them, with the command that stops them, instead of failing on a taken port.
refuse_leftovers_of_a_killed_run() {
  [[ -f $PIDS_FILE ]] || return 0
  local name pid left=() pids=() redis_pid=()
  while read -r name pid; do
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qE 'redis-server|CapacityBuilding'; then
      left+=("$name (pid $pid)")
      if [[ $name == redis ]]; then redis_pid=("$pid"); else pids+=("$pid"); fi
    fi
  done <"$PIDS_FILE"
  pids+=("${redis_pid[@]}")
  if ((${#pids[@]} == 0)); then
    rm -f "$PIDS_FILE"
    return 0
  fi
  die "an earlier run.sh was stopped without cleaning up and left running: ${left[*]}.
Stop them (SIGTERM; Redis then writes its data): kill ${pids[*]}
then run ./run.sh again. See docs/operations.md."
}

refuse_taken_ports() {
  local app name port holder
  local ports=("redis $REDIS_PORT REDIS_PORT" "gateway-rest $GATEWAY_REST_PORT GATEWAY_REST_PORT" "gateway-grpc $GATEWAY_GRPC_PORT GATEWAY_GRPC_PORT" "portal $PORTAL_PORT PORTAL_PORT")
  for app in "${APPS[@]}"; do
    read -r name port _ <<<"$app"
    ports+=("$name $port ${name^^}_PORT")
  done
  for app in "${ports[@]}"; do
    read -r name port variable <<<"$app"
    port_in_use "$port" || continue
    holder=$(port_holder "$port")
    die "port $port ($name) is taken${holder:+ by $holder}. Stop what uses it, or choose another port: $variable=<port> ./run.sh (see docs/operations.md)."
  done
  return 0
}

start_redis() {
  mkdir -p "$REDIS_DIR"
  setsid redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --appendonly yes --daemonize no \
    >"$LOG_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  printf 'redis %s\n' "$REDIS_PID" >>"$PIDS_FILE"
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
  printf '%s %s\n' "$name" "$!" >>"$PIDS_FILE"
}

start_apps() {
  local app name port dir assembly app_addresses=() gateway_clusters=()
  for app in "${APPS[@]}"; do
    read -r name port _ <<<"$app"
    app_addresses+=("Invocation__Apps__${name}=http://localhost:$port")
    gateway_clusters+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://localhost:$port")
  done
  for app in "${APPS[@]}"; do
    read -r name port dir assembly <<<"$app"
    # --urls, as a command-line argument, wins over the Urls in appsettings.json.
    start_app "$name" "$ROOT/$dir/bin/Release/net10.0" "${app_addresses[@]}" dotnet "$assembly.dll" --urls "http://localhost:$port"
  done
  # The portal in Development: its sign-in page lists the demo users and mints their tokens with
  # this machine's dev key (exported by use_dev_signing_key), as mint_token does.
  start_app portal "$ROOT/$PORTAL_DIR/bin/Release/net10.0" "${app_addresses[@]}" ASPNETCORE_ENVIRONMENT=Development \
    dotnet CapacityBuilding.Portal.dll --urls "http://localhost:$PORTAL_PORT"
  gateway_clusters+=("ReverseProxy__Clusters__portal__Destinations__primary__Address=http://localhost:$PORTAL_PORT")
  # The interactive API reference is off outside Development; a local run shows it (docs/integrators.md).
  start_app gateway "$ROOT/$GATEWAY_DIR/bin/Release/net10.0" "${gateway_clusters[@]}" \
    Kestrel__Endpoints__Rest__Url="http://localhost:$GATEWAY_REST_PORT" Kestrel__Endpoints__Grpc__Url="http://localhost:$GATEWAY_GRPC_PORT" \
    ApiReference__Enabled=true dotnet CapacityBuilding.Gateway.dll
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
  # The apps' own key, for the service tokens by which each names itself on the calls it makes
  # (docs/security.md, "Service identity"): a second key, never the users'.
  if [[ ! -s $SERVICE_TOKEN_KEY_FILE ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$SERVICE_TOKEN_KEY_FILE")
  fi
  export Authentication__ServiceTokens__SigningKey
  Authentication__ServiceTokens__SigningKey=$(<"$SERVICE_TOKEN_KEY_FILE")
  # The ECDSA P-256 key that signs auditors' history checkpoints, made and kept the same way.
  if [[ ! -s $CHECKPOINT_KEY_FILE ]]; then
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 >"$CHECKPOINT_KEY_FILE")
  fi
  export Audit__CheckpointSigningKey
  Audit__CheckpointSigningKey=$(<"$CHECKPOINT_KEY_FILE")
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
  local focal_point country subject focal_point_tokens=()
  for focal_point in "${DEMO_FOCAL_POINTS[@]}"; do
    read -r country subject <<<"$focal_point"
    focal_point_tokens+=("CAPACITYBUILDING_FOCAL_POINT_TOKEN_$country=$(mint_token member_state --country "$country" --subject "$subject")")
  done
  env CAPACITYBUILDING_TOKEN="$(mint_token coordinator --subject demo-data-loader)" "${focal_point_tokens[@]}" \
    dotnet "$ROOT/$LOADER_DLL" "http://localhost:$GATEWAY_GRPC_PORT" "$DEMO_DONOR_ID_FILE" &
  LOADER_PID=$!
  wait "$LOADER_PID" || die "loading the demo data failed (its message is above); the suite is stopped."
  LOADER_PID=""
}

# stop <pid...>: SIGTERM, then SIGKILL for whatever still runs after STOP_TIMEOUT_SECONDS.
stop() {
  local pid deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  kill -TERM "$@" 2>/dev/null || true
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "pid $pid did not stop within ${STOP_TIMEOUT_SECONDS} s of SIGTERM; killing it."
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

# Services first, so they stop using Redis before it writes its append-only file and exits.
stop_everything() {
  trap '' INT TERM HUP
  [[ -z $LOADER_PID ]] || stop "$LOADER_PID"
  if ((${#CHILD_PIDS[@]})); then
    say "Stopping the gateway and services..."
    stop "${CHILD_PIDS[@]}"
    CHILD_PIDS=()
  fi
  if [[ -n $REDIS_PID ]]; then
    say "Stopping Redis..."
    stop "$REDIS_PID"
    REDIS_PID=""
  fi
  rm -f "$PIDS_FILE"
}

print_overview() {
  local app name port
  printf '\nCapacityBuilding is running, ready %s s after start-up (%s s including the build).\n' "$1" "$2"
  printf 'Ctrl+C, or kill -TERM %s (this script), stops everything.\n' "$$"
  printf '  %-12s 127.0.0.1:%s   (data in .data/redis, append-only file on)\n' redis "$REDIS_PORT"
  for app in "${APPS[@]}"; do
    read -r name port _ <<<"$app"
    printf '  %-12s http://localhost:%s   (gRPC, h2c)\n' "$name" "$port"
  done
  printf '  %-12s http://localhost:%s   (web pages, HTTP/1.1; browsers use the gateway)\n' portal "$PORTAL_PORT"
  printf '  %-12s http://localhost:%s   (REST and the portal, HTTP/1.1)\n' gateway "$GATEWAY_REST_PORT"
  printf '  %-12s http://localhost:%s   (gRPC, h2c, with reflection)\n' "" "$GATEWAY_GRPC_PORT"
  printf '  %-12s http://localhost:%s/reference   (the REST API reference; the document: /openapi/v1.json)\n' "" "$GATEWAY_REST_PORT"
  printf '  %-12s .data/logs/<name>.log\n' logs
  printf '\nTry it (every API call needs a token; demo tokens for a coordinator, a member state (GHA),\nan auditor and a donor (Norway) are in .data/tokens.env; mint others with the DevTokens tool, see docs/security.md):\n'
  printf '  %s\n' "source .data/tokens.env" \
    "curl -H \"authorization: Bearer \$COORDINATOR_TOKEN\" 'http://localhost:$GATEWAY_REST_PORT/v1/courses?pageSize=3'" \
    "curl -H \"authorization: Bearer \$COORDINATOR_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/requests   # all 8, from DRAFT to IN_DELIVERY and SUSPENDED" \
    "curl -H \"authorization: Bearer \$MEMBER_STATE_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/requests   # Ghana's own" \
    "curl -H \"authorization: Bearer \$DONOR_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/requests   # only what Norway's pledges fund" \
    "curl -H \"authorization: Bearer \$DONOR_TOKEN\" http://localhost:$GATEWAY_REST_PORT/v1/allocations" \
    "curl -H \"authorization: Bearer \$COORDINATOR_TOKEN\" -H 'content-type: application/json' \\" \
    "  -d '{\"displayName\": \"Example Foundation\", \"kind\": \"KIND_FOUNDATION\"}' \\" \
    "  'http://localhost:$GATEWAY_REST_PORT/v1/donors?requestId=example-foundation-1'   # a create: the idempotency key is a query parameter" \
    "grpcurl -plaintext localhost:$GATEWAY_GRPC_PORT list" \
    "grpcurl -plaintext -H \"authorization: Bearer \$COORDINATOR_TOKEN\" localhost:$GATEWAY_GRPC_PORT capacitybuilding.funding.v1.FundingService/ListDonors"
  printf '\nOpen http://localhost:%s/ and sign in as a demo user (e.g. the focal point of Ghana).\n' "$GATEWAY_REST_PORT"
}

main() {
  cd "$ROOT"
  command -v dotnet >/dev/null || die "the .NET SDK is missing: install it first (https://dot.net)."
  install_redis_if_missing
  refuse_leftovers_of_a_killed_run
  refuse_taken_ports
  trap stop_everything EXIT
  trap 'exit 0' INT TERM HUP
  say "Building (Release)..."
  dotnet build "$ROOT/CapacityBuilding.sln" -c Release --nologo -v quiet
  mkdir -p "$LOG_DIR"
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

  # Stay until Ctrl+C or SIGTERM (the trap), or until a child exits on its own.
  while true; do
    wait -n || true
    check_children_running
  done
}

main "$@"
