#!/usr/bin/env bash
# Runs every check of the suite: buf lint on the contracts, then all tests. Needs nothing
# running: the tests start their own redis-server and service processes on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")"

bash .ci/prerequisites.sh

echo "== buf lint (protos/)"
if [ ! -x protos/node_modules/.bin/buf ]; then
  npm ci --prefix protos --no-audit --no-fund --loglevel=error
fi
(cd protos && node_modules/.bin/buf lint)
echo "buf lint: passed"

echo "== build"
dotnet build CapacityBuilding.sln -c Release -warnaserror -nologo -v quiet

echo "== tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test CapacityBuilding.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line over all test projects.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(/ /, "", $i)
      if ($i == "Failed") failed += $(i+1)
      if ($i == "Passed") passed += $(i+1)
      if ($i == "Skipped") skipped += $(i+1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
