#!/usr/bin/env bash
# Builds the bench and runs every scenario with tiny sizes (seconds), so the bench keeps working.
# No timing is judged in quick mode. Exit code: non-zero only when the build fails, a scenario crashes, or a stream
# lost or duplicated an update (the bench's own exit code 1); the report goes to bench/results/latest-quick.md.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! dotnet build bench/LogisticsLink.Bench -c Release -nologo -clp:ErrorsOnly; then
  echo "bench build failed"
  exit 1
fi
timeout 900 dotnet run -c Release --no-build --project bench/LogisticsLink.Bench -- --quick --scenario all
status=$?
if [ "$status" -eq 124 ]; then
  echo "bench quick run timed out"
fi
exit "$status"
