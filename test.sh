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

# v1 never breaks silently: the contracts against the last release's image (protos/baseline/,
# docs/integrators.md says how an intentional change updates it). FILE rules: a field removed,
# renumbered or retyped fails; additions pass. REST paths are not protos' wire format: the test
# RestPathBaselineTests holds them against the same image.
echo "== buf breaking (protos/ against protos/baseline/v1.binpb)"
(cd protos && node_modules/.bin/buf breaking --against baseline/v1.binpb)
echo "buf breaking: passed"

# The independent OpenAPI validator the OpenAPI tests run (tests/CapacityBuilding.Tests/OpenApi).
if [ ! -d tools/openapi-validate/node_modules/@apidevtools/swagger-parser ]; then
  npm ci --prefix tools/openapi-validate --no-audit --no-fund --loglevel=error
fi

echo "== build"
dotnet build CapacityBuilding.sln -c Release -warnaserror -nologo -v quiet

echo "== tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# A test stuck for 5 minutes (the whole suite takes about 2) fails the run and is named in the
# output, instead of holding CI until its time limit.
dotnet test CapacityBuilding.sln -c Release --no-build -nologo --blame-hang-timeout 5m --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line over all test projects, from dotnet test's own closing lines
# ("Failed!  - Failed:     1, Passed:   321, Skipped:     0, Total: ...").
awk '/(Passed|Failed)! +- +Failed:/ {
    if (match($0, /Failed: *[0-9]+/))  failed  += substr($0, RSTART + 7, RLENGTH - 7)
    if (match($0, /Passed: *[0-9]+/))  passed  += substr($0, RSTART + 7, RLENGTH - 7)
    if (match($0, /Skipped: *[0-9]+/)) skipped += substr($0, RSTART + 8, RLENGTH - 8)
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
