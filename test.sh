#!/usr/bin/env bash
# The README's test command (.ci/run calls it unchanged). Builds everything once, runs every test project on the
# embedded SQLite store, then runs the store and server suites again on PostgreSQL, and prints the totals read from
# the TRX files. PostgreSQL comes from Debian's package (installed here when missing); the tests start their own
# throwaway server on a free loopback port. The dashboard's browser tests need Debian's chromium (installed here when
# missing); its front-end unit tests (vitest) run too, their JUnit counts added to the same totals, and so does one
# quick run of the benchmarks (bench/run-quick.sh).
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

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return 0
  fi
  echo "Installing Chromium (Debian package 'chromium') for the dashboard's browser tests..."
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

if ! ensure_chromium; then
  echo "Chromium could not be installed: the dashboard's browser tests will fail."
fi

if ! dotnet build LogisticsLink.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
# A test that hangs is ended after this long, named in the output, and its run fails, instead of holding CI until its
# time limit (the longest test takes about a minute).
hang=(--blame-hang-timeout 10m --blame-hang-dump-type none)
dotnet test LogisticsLink.sln -c Release --no-build -nologo "${hang[@]}" \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/sqlite" || status=1

# The dashboard's front-end unit tests (node_modules was installed by the server's build).
if ! (cd src/LogisticsLink.Dashboard && npm test -- --reporter=default --reporter=junit \
      --outputFile.junit="$results/dashboard/vitest-junit.xml"); then
  status=1
fi
frontend_missing=0
if [ ! -f "$results/dashboard/vitest-junit.xml" ]; then
  echo "the dashboard's front-end unit tests produced no results: counted as one failure"
  frontend_missing=1
fi

if ensure_postgres; then
  for project in LogisticsLink.Storage.Tests LogisticsLink.Server.Tests; do
    LOGISTICSLINK_TEST_STORE=Postgres dotnet test "tests/$project" -c Release --no-build -nologo "${hang[@]}" \
      --filter "Store!=SqliteOnly" \
      --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/postgres" || status=1
  done
else
  echo "PostgreSQL could not be installed: the PostgreSQL run is counted as failed."
  status=1
fi

# The tests' throwaway PostgreSQL clusters (see tests/Shared/ThrowawayPostgres.cs): a test host may be ended before its
# exit handler stops and deletes its cluster, and a cluster holds up to ~2 GB. Every test process of this run has
# finished here; a cluster whose owner still runs is another run's (a developer's tests beside this one) and is left.
for cluster in "${TMPDIR:-/tmp}"/logisticslink-pg-*; do
  [ -d "$cluster" ] || continue
  owner=$(head -n 1 "$cluster/owner.pid" 2>/dev/null) && [ -n "$owner" ] && [ -d "/proc/$owner" ] && continue
  # Only the cluster's own server: a left-over postmaster.pid may name a process id given since to another process.
  if postmaster=$(head -n 1 "$cluster/data/postmaster.pid" 2>/dev/null) &&
    tr '\0' ' ' < "/proc/$postmaster/cmdline" 2>/dev/null | grep -qF "$cluster/data"; then
    kill -QUIT "$postmaster" 2>/dev/null # PostgreSQL's immediate shutdown
  fi
  rm -rf "$cluster"
done

# The benchmarks in quick mode (tiny sizes, no timing judged) must keep running and lose no update: one test case.
mkdir -p "$results/bench"
bench_status=0
bench/run-quick.sh > "$results/bench/quick.log" 2>&1 || bench_status=$?
bench_failures=0
failure=""
if [ "$bench_status" -ne 0 ]; then
  tail -n 30 "$results/bench/quick.log"
  bench_failures=1
  failure="<failure message=\"bench/run-quick.sh exited with $bench_status (TestResults/bench/quick.log)\"/>"
  status=1
fi
cat > "$results/bench/bench-quick-junit.xml" <<JUNIT
<testsuites><testsuite name="bench --quick" tests="1" failures="$bench_failures" errors="0" skipped="0"><testcase name="every scenario runs at tiny sizes and loses no update">$failure</testcase></testsuite></testsuites>
JUNIT

passed=0 failed=$frontend_missing skipped=0 files=0
while IFS= read -r trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done < <(find "$results" -name '*.trx' 2>/dev/null)

# JUnit files (vitest): passed = tests - failures - errors - skipped, summed over the test suites.
while IFS= read -r junit; do
  files=$((files + 1))
  counts=$(grep -o '<testsuite [^>]*>' "$junit" | awk '
    { t = f = e = s = 0
      if (match($0, / tests="[0-9]+"/)) t = substr($0, RSTART + 8, RLENGTH - 9)
      if (match($0, / failures="[0-9]+"/)) f = substr($0, RSTART + 11, RLENGTH - 12)
      if (match($0, / errors="[0-9]+"/)) e = substr($0, RSTART + 9, RLENGTH - 10)
      if (match($0, / skipped="[0-9]+"/)) s = substr($0, RSTART + 10, RLENGTH - 11)
      P += t - f - e - s; F += f + e; S += s }
    END { printf "%d %d %d", P, F, S }')
  read -r p f s <<< "$counts"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
done < <(find "$results" -name '*junit*.xml' 2>/dev/null)

if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
  echo "no test results were produced"
  failed=$((failed + 1))
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
elif [ "$status" -ne 0 ]; then
  # A run that failed without a failed result (a test host ended by the hang timeout or a crash) still counts.
  echo "a test run ended abnormally without reporting a failed test: counted as one failure"
  failed=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
