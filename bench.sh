#!/usr/bin/env bash
# Runs the benchmark harness (tests/CapacityBuilding.Benchmarks): starts its own redis-server,
# services, gateway and reference servers on free loopback ports, prints the table and writes it
# as JSON and Markdown under .bench/. Not part of ./test.sh. Options pass through, e.g.
#   ./bench.sh --Concurrency 16 --Rounds 3 --SecondsPerRun 5 --ListSizes 1000,100000,1000000
#   ./bench.sh --quick      (a short run to check the harness: small sizes, 1 s runs)
set -euo pipefail
cd "$(dirname "$0")"

bash .ci/prerequisites.sh

args=("$@")
if [ "${1:-}" = "--quick" ]; then
  args=(--Rounds 2 --SecondsPerRun 1 --WarmupSeconds 0.5 --ListSizes 1000,20000 --FilteredListSizes 1000 --CatalogueSize 1000 --PortalStoredRequests 2000 --PortalSamples 10 "${@:2}")
fi

dotnet build tests/CapacityBuilding.Benchmarks -c Release -warnaserror -nologo -v quiet
dotnet tests/CapacityBuilding.Benchmarks/bin/Release/net10.0/CapacityBuilding.Benchmarks.dll "${args[@]}"
