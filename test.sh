#!/usr/bin/env bash
# The README's test command (.ci/run calls it unchanged). Builds everything once, runs every test project on the
# embedded SQLite store, then runs the store and server suites again on PostgreSQL, and prints the totals read from
# the TRX files. PostgreSQL comes from Debian's package (installed here when missing); the tests start their own
# throwaway server on a free loopback port.
set -uo pipefail
cd "$(dirname "$0")"

results="$PWD/TestResults"
rm -rf "$results"

ensure_postgres() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    return 0
  fi
  echo "Installing PostgreSQL (Debian package 'postgresql') for the PostgreSQL test run..."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

if ! dotnet build LogisticsLink.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
dotnet test LogisticsLink.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/sqlite" || status=1

if ensure_postgres; then
  for project in LogisticsLink.Storage.Tests LogisticsLink.Server.Tests; do
    LOGISTICSLINK_TEST_STORE=Postgres dotnet test "tests/$project" -c Release --no-build -nologo \
      --filter "Store!=SqliteOnly" \
      --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/postgres" || status=1
  done
else
  echo "PostgreSQL could not be installed: the PostgreSQL run is counted as failed."
  status=1
fi

passed=0 failed=0 skipped=0 files=0
while IFS= read -r trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done < <(find "$results" -name '*.trx' 2>/dev/null)

if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "no test results were produced"
  failed=$((failed + 1))
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
