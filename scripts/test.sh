#!/usr/bin/env bash
# Runs every Custos test on a fresh Debian 12 machine (and is what CI runs through .ci/run):
#   1. installs missing apt packages (apt-get update only when something is missing)
#   2. starts a throwaway PostgreSQL on a free loopback port -> CUSTOS_TEST_POSTGRES_DSN
#   3. builds the solution and runs `dotnet test Custos.slnx -c Release` (TRX per test project)
#   4. publishes the server to out/ and runs the SDK tests in tests/e2e (`node --test`)
#   4b. builds Ory's reference UI (tests/ory-ui) and runs the browser tests in tests/browser (`node --test`, Debian's
#       Chromium), screenshots in TestResults/browser
#   5. prints per-suite counts and, as its last line, `N passed, N failed, N skipped`
# It stops everything it started, exits non-zero on any failure, and (with --require-tests, the default
# under CI=true) also when no test ran at all. See docs/testing.md.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

# Native libraries the tests exercise (multi-lane argon2 hashing, Jsonnet courier bodies; libsodium comes from NuGet),
# the PostgreSQL server the persistence tests use, and aiosmtpd (the STARTTLS test SMTP server: MailDev hides STARTTLS).
APT_PACKAGES=(libargon2-1 libjsonnet0 libssl3 postgresql python3-aiosmtpd)
# ---- browser journeys ---------------------------------------------------------------------------------
# playwright-core (tests/browser) drives Debian's /usr/bin/chromium: no browser is ever downloaded.
BROWSER_APT_PACKAGES=(chromium)
# --------------------------------------------------------------------------------------------------------

usage() {
  cat <<'EOF'
usage: scripts/test.sh [options]
  --filter EXPR        pass `--filter EXPR` to dotnet test (e.g. "FullyQualifiedName~Hashing")
  --e2e-pattern PAT    pass `--test-name-pattern PAT` to node --test (e2e subset)
  --no-e2e             skip publishing the server, the SDK tests in tests/e2e and the browser tests
  --no-browser         skip the browser tests in tests/browser (and installing chromium)
  --no-dotnet          skip the .NET test projects (and PostgreSQL)
  --no-pg              do not start PostgreSQL (PostgreSQL tests then report as skipped)
  --no-install         do not install anything (apt, npm)
  --require-tests      fail when no test ran at all (default when CI=true)
  --allow-empty        do not fail when no test ran (default outside CI)
  --debug              verbose: trace the script, show PostgreSQL details and check that it stopped
  -h, --help           this text
Environment: CUSTOS_TEST_RESULTS (results dir, default ./TestResults), CUSTOS_BIN (server binary for e2e).
EOF
}

FILTER=""
E2E_PATTERN=""
RUN_E2E=1
RUN_BROWSER=1
RUN_DOTNET=1
RUN_PG=1
DO_INSTALL=1
DEBUG=0
if [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]]; then REQUIRE_TESTS=1; else REQUIRE_TESTS=0; fi

while [[ $# -gt 0 ]]; do
  case "$1" in
    --filter) [[ $# -ge 2 ]] || { echo "--filter needs a value" >&2; exit 2; }; FILTER="$2"; shift 2 ;;
    --filter=*) FILTER="${1#--filter=}"; shift ;;
    --e2e-pattern) [[ $# -ge 2 ]] || { echo "--e2e-pattern needs a value" >&2; exit 2; }; E2E_PATTERN="$2"; shift 2 ;;
    --e2e-pattern=*) E2E_PATTERN="${1#--e2e-pattern=}"; shift ;;
    --no-e2e) RUN_E2E=0; shift ;;
    --no-dotnet) RUN_DOTNET=0; shift ;;
    --no-browser) RUN_BROWSER=0; shift ;;
    --no-pg) RUN_PG=0; shift ;;
    --no-install) DO_INSTALL=0; shift ;;
    --require-tests) REQUIRE_TESTS=1; shift ;;
    --allow-empty) REQUIRE_TESTS=0; shift ;;
    --debug) DEBUG=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$DEBUG" -eq 1 ]] && set -x

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

RESULTS="${CUSTOS_TEST_RESULTS:-$REPO/TestResults}"
case "$(realpath -m "$RESULTS")" in
  / | "$(realpath -m "$REPO")" | "$(realpath -m "${HOME:-/root}")") echo "refusing to use $RESULTS as the results folder (it is emptied)" >&2; exit 2 ;;
esac
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# ---- bookkeeping -------------------------------------------------------------------------------------
SUITE_LINES=()   # "kind|name|passed|failed|skipped"
STEP_FAILURES=() # steps that failed outside any test (build, publish, install, server start)
TIMINGS=()       # "label|ms"
FAILED_TESTS=()  # names of failed tests, for the summary
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
PG_DIR=""
REPORTED=0
T0="$(date +%s%N)"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
section() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
step_failed() { STEP_FAILURES+=("$1"); printf '    FAILED: %s\n' "$1"; }
timed() { TIMINGS+=("$1|$2"); }
add_suite() { # kind name passed failed skipped
  SUITE_LINES+=("$1|$2|$3|$4|$5")
  TOTAL_PASSED=$((TOTAL_PASSED + $3))
  TOTAL_FAILED=$((TOTAL_FAILED + $4))
  TOTAL_SKIPPED=$((TOTAL_SKIPPED + $5))
}
fmt_ms() { printf '%d.%01ds' $(($1 / 1000)) $((($1 % 1000) / 100)); }

stop_postgres() {
  if [[ -n "$PG_DIR" ]]; then
    local dir="$PG_DIR" pid=""
    PG_DIR=""
    [[ -f "$dir/data/postmaster.pid" ]] && pid="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
    if [[ "$DEBUG" -eq 1 && -f "$dir/server.log" ]]; then
      echo "---- postgres server.log (tail) ----" >&2
      tail -n 20 "$dir/server.log" >&2 || true
    fi
    "$REPO/scripts/pg-test-server.sh" stop "$dir" || echo "warning: could not stop PostgreSQL in $dir" >&2
    if [[ "$DEBUG" -eq 1 ]]; then
      local alive=0
      for _ in $(seq 1 50); do # gone, or a zombie waiting for init to reap it
        alive=0
        if [[ -n "$pid" && -r "/proc/$pid/stat" ]] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$pid/stat" 2>/dev/null; then alive=1; fi
        [[ "$alive" -eq 0 ]] && break
        sleep 0.1
      done
      if [[ "$alive" -eq 1 ]]; then echo "debug: postmaster $pid is STILL RUNNING" >&2
      else echo "debug: postmaster ${pid:-?} is gone" >&2; fi
      if [[ -e "$dir" ]]; then echo "debug: $dir still exists" >&2; else echo "debug: $dir removed" >&2; fi
    fi
  fi
}

report() {
  { set +x; } 2>/dev/null # the closing line must stay the last one, also with --debug
  REPORTED=1
  local total_ms=$(( $(now_ms) - T0 / 1000000 ))
  timed "total" "$total_ms"
  local failed_all=$((TOTAL_FAILED + ${#STEP_FAILURES[@]}))
  local ran=$((TOTAL_PASSED + TOTAL_FAILED)) # skipped tests did not run

  printf '\n==================== test summary ====================\n'
  local line kind name p f s
  for line in "${SUITE_LINES[@]+"${SUITE_LINES[@]}"}"; do
    IFS='|' read -r kind name p f s <<<"$line"
    printf '  %-7s %-34s passed %4d   failed %4d   skipped %4d\n' "$kind" "$name" "$p" "$f" "$s"
    if [[ $((p + f)) -eq 0 ]]; then
      printf '  %-7s %-34s WARNING: ran no test\n' "" "$name"
    fi
  done
  [[ ${#SUITE_LINES[@]} -eq 0 ]] && printf '  (no test suite ran)\n'
  for line in "${STEP_FAILURES[@]+"${STEP_FAILURES[@]}"}"; do
    printf '  step    %-34s FAILED (counted as 1 failure)\n' "$line"
  done
  if [[ ${#FAILED_TESTS[@]} -gt 0 ]]; then
    printf '  failed tests:\n'
    local i=0
    for line in "${FAILED_TESTS[@]}"; do
      i=$((i + 1))
      if [[ $i -gt 30 ]]; then printf '    ... and %d more\n' $((${#FAILED_TESTS[@]} - 30)); break; fi
      printf '    - %s\n' "$line"
    done
  fi
  local t label ms
  printf '  times:'
  for t in "${TIMINGS[@]}"; do
    IFS='|' read -r label ms <<<"$t"
    printf ' %s %s;' "$label" "$(fmt_ms "$ms")"
  done
  printf '\n'

  local rc=0
  [[ "$failed_all" -gt 0 ]] && rc=1
  if [[ "$ran" -eq 0 ]]; then
    if [[ "$REQUIRE_TESTS" -eq 1 ]]; then
      printf '  no test ran: failing (--require-tests, the default under CI=true)\n'
      rc=1
    else
      printf '  no test ran (allowed outside CI; --require-tests makes this fail)\n'
    fi
  fi
  printf '======================================================\n'
  # The closing line CI reads. Failed steps (build, publish, ...) count as failures so that a red run
  # never closes on "0 failed".
  printf '%d passed, %d failed, %d skipped\n' "$TOTAL_PASSED" "$failed_all" "$TOTAL_SKIPPED"
  return "$rc"
}

on_exit() {
  local rc=$?
  { set +x; } 2>/dev/null
  set +e
  stop_postgres
  if [[ "$REPORTED" -eq 0 ]]; then
    [[ "$INTERRUPTED" -eq 1 ]] || STEP_FAILURES+=("scripts/test.sh aborted (exit ${rc})")
    report
    exit $((rc == 0 ? 1 : rc))
  fi
  exit "$rc"
}
# INT/TERM: the long steps run in the background under `wait`, so the signal is handled at once: the
# step's `timeout` is told to stop (it passes TERM on to the whole process group of the step), then
# on_exit stops PostgreSQL and prints the summary.
CHILD_PID=""
INTERRUPTED=0
on_signal() {
  trap - INT TERM
  if [[ -n "$CHILD_PID" ]]; then
    kill -TERM "$CHILD_PID" 2>/dev/null || true
    wait "$CHILD_PID" 2>/dev/null || true
    CHILD_PID=""
  fi
  INTERRUPTED=1
  STEP_FAILURES+=("interrupted by SIG$1")
  exit "$2"
}
trap on_exit EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

# Runs `timeout LIMIT COMMAND...` in the background, its output shown and appended to LOG, and waits.
# Each step's process tree lives in timeout's own process group, which timeout kills on expiry or on TERM,
# so nothing a step started (test hosts, servers) outlives it and holds the output pipe open.
run_step() {
  local log="$1" limit="$2"
  shift 2
  local fd tee_pid rc=0
  exec {fd}> >(tee -a "$log")
  tee_pid=$!
  timeout --kill-after=30s "$limit" "$@" >&"$fd" 2>&1 </dev/null &
  CHILD_PID=$!
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  exec {fd}>&-
  wait "$tee_pid" 2>/dev/null || true
  return "$rc"
}

# ---- 1. prerequisites --------------------------------------------------------------------------------
missing_packages() {
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$p"
    fi
  done
}

install_apt() {
  local wanted=("${APT_PACKAGES[@]}" "${BROWSER_APT_PACKAGES[@]+"${BROWSER_APT_PACKAGES[@]}"}")
  local missing
  mapfile -t missing < <(missing_packages "${wanted[@]}")
  if [[ ${#missing[@]} -eq 0 ]]; then
    note "apt: all present (${wanted[*]})"
    return 0
  fi
  note "apt: installing ${missing[*]}"
  if [[ "$DO_INSTALL" -eq 0 ]]; then
    step_failed "apt packages missing (--no-install): ${missing[*]}"
    return 0
  fi
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
      step_failed "apt packages missing and not root: sudo apt-get install ${missing[*]}"
      return 0
    fi
  fi
  local t
  t="$(now_ms)"
  if "${sudo[@]+"${sudo[@]}"}" apt-get update -qq >"$RESULTS/apt.log" 2>&1 &&
    "${sudo[@]+"${sudo[@]}"}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$RESULTS/apt.log" 2>&1; then
    note "apt: installed in $(fmt_ms $(($(now_ms) - t)))"
  else
    tail -n 30 "$RESULTS/apt.log" || true
    step_failed "apt-get install ${missing[*]}"
  fi
  timed "apt" $(($(now_ms) - t))
}

section "prerequisites"
if [[ "$RUN_DOTNET" -eq 1 || "$RUN_E2E" -eq 1 ]] && ! command -v dotnet >/dev/null; then
  step_failed "dotnet not found (install the .NET SDK 10.0.401, see README.md)"
  RUN_DOTNET=0
  RUN_E2E=0
fi
if [[ "$RUN_E2E" -eq 1 ]] && ! command -v node >/dev/null; then
  step_failed "node not found (install Node.js 20, see README.md)"
  RUN_E2E=0
fi
[[ "$RUN_E2E" -eq 1 ]] || RUN_BROWSER=0
[[ "$RUN_BROWSER" -eq 1 ]] || BROWSER_APT_PACKAGES=()
install_apt

# ---- 2. PostgreSQL -----------------------------------------------------------------------------------
if [[ "$RUN_DOTNET" -eq 1 && "$RUN_PG" -eq 1 ]]; then
  section "PostgreSQL (throwaway, loopback)"
  t="$(now_ms)"
  if pg_env="$("$REPO/scripts/pg-test-server.sh" start)"; then
    eval "$pg_env"
    PG_DIR="$CUSTOS_TEST_PG_DIR"
    if ping_out="$("$REPO/scripts/pg-test-server.sh" check "$PG_DIR" 2>&1)" && [[ "$ping_out" == "1" ]]; then
      note "ready: ${CUSTOS_TEST_POSTGRES_DSN} (select 1 -> ${ping_out})"
      [[ "$DEBUG" -eq 1 ]] && note "data dir: $PG_DIR"
    else
      note "$ping_out"
      step_failed "PostgreSQL started but 'select 1' failed"
    fi
  else
    step_failed "PostgreSQL did not start (tests that need it will be skipped)"
  fi
  timed "postgres-start" $(($(now_ms) - t))
elif [[ "$RUN_DOTNET" -eq 1 ]]; then
  unset CUSTOS_TEST_POSTGRES_DSN || true
  note "PostgreSQL not started (--no-pg): PostgreSQL tests report as skipped"
fi

# ---- 3. .NET tests -----------------------------------------------------------------------------------
# Reads one TRX file: prints "name|passed|failed|skipped" and appends failed test names to $2.
trx_summary() {
  local trx="$1" failed_list="$2" name counters
  name="$(grep -o -m1 'Discovering: [A-Za-z0-9_.]*' "$trx" | head -n1 | sed 's/Discovering: //' || true)"
  if [[ -z "$name" ]]; then
    name="$(grep -o -m1 'No test is available in [^ ]*\.dll' "$trx" | head -n1 | sed 's#.*/##; s#\.dll$##' || true)"
  fi
  if [[ -z "$name" ]]; then
    name="$(grep -o -m1 'storage="[^"]*"' "$trx" | head -n1 | sed 's#.*/##; s#\.dll"$##' || true)"
  fi
  [[ -n "$name" ]] || name="$(basename "$trx" .trx)"
  counters="$(grep -o -m1 '<Counters [^>]*>' "$trx" | head -n1 || true)"
  attr() { local v; v="$(grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]*' || true)"; echo "${v:-0}"; }
  local passed failed skipped
  passed=$(attr passed)
  failed=$(($(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
  # The counters' notExecuted stays 0 for [Fact(Skip=...)] (seen with VSTest 18): whatever of `total`
  # neither passed nor failed was skipped, not run or inconclusive.
  skipped=$(($(attr total) - passed - failed))
  [[ "$skipped" -ge 0 ]] || skipped=0
  grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | grep -o 'testName="[^"]*"' |
    sed 's/^testName="//; s/"$//; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' >>"$failed_list" || true
  # A test host that crashed or was killed leaves a failed run with no failed test: count it as one failure.
  local outcome reason
  outcome="$(grep -o -m1 '<ResultSummary outcome="[A-Za-z]*"' "$trx" | head -n1 | sed 's/.*outcome="//; s/"$//' || true)"
  if [[ "$failed" -eq 0 && "$outcome" =~ ^(Failed|Aborted|Error|Timeout)$ ]]; then
    reason="$(grep -o -m1 'The active test run was aborted[^<]*' "$trx" | head -n1 || true)"
    echo "${name}: test run ${outcome}: ${reason:-see the TRX file $(basename "$trx")}" >>"$failed_list"
    failed=1
  fi
  echo "$name|$passed|$failed|$skipped"
}

if [[ "$RUN_DOTNET" -eq 1 ]]; then
  section "dotnet build Custos.slnx -c Release"
  t="$(now_ms)"
  build_ok=1
  run_step "$RESULTS/dotnet-build.log" 30m dotnet build Custos.slnx -c Release -nologo -v minimal || build_ok=0
  timed "dotnet-build" $(($(now_ms) - t))

  if [[ "$build_ok" -eq 1 ]]; then
    section "dotnet test Custos.slnx -c Release${FILTER:+ --filter \"$FILTER\"}"
    t="$(now_ms)"
    test_args=(test Custos.slnx -c Release --no-build -nologo
      --results-directory "$RESULTS/dotnet" --logger trx --logger "console;verbosity=minimal"
      --blame-hang-timeout 10m --blame-hang-dump-type none)
    [[ -n "$FILTER" ]] && test_args+=(--filter "$FILTER")
    test_rc=0
    run_step "$RESULTS/dotnet-test.log" 45m dotnet "${test_args[@]}" || test_rc=$?
    timed "dotnet-test" $(($(now_ms) - t))

    dotnet_failed=0
    : >"$RESULTS/dotnet-failed.txt"
    shopt -s nullglob
    trx_files=("$RESULTS"/dotnet/*.trx)
    shopt -u nullglob
    for trx in "${trx_files[@]+"${trx_files[@]}"}"; do
      IFS='|' read -r n p f s <<<"$(trx_summary "$trx" "$RESULTS/dotnet-failed.txt")"
      add_suite dotnet "$n" "$p" "$f" "$s"
      dotnet_failed=$((dotnet_failed + f))
    done
    while IFS= read -r ft; do [[ -n "$ft" ]] && FAILED_TESTS+=("dotnet: $ft"); done <"$RESULTS/dotnet-failed.txt"
    if [[ "$test_rc" -eq 124 || "$test_rc" -eq 137 ]]; then
      step_failed "dotnet test timed out"
    elif [[ "$test_rc" -ne 0 && "$dotnet_failed" -eq 0 ]]; then
      step_failed "dotnet test exited ${test_rc} with no failed test in its TRX files (crash or test host abort?)"
    fi
  else
    step_failed "dotnet build (see $RESULTS/dotnet-build.log)"
  fi
fi
stop_postgres

# ---- 4. SDK end-to-end tests -------------------------------------------------------------------------
# Reads node's TAP summary ("# pass N" ...): prints "passed|failed|skipped" or nothing.
tap_summary() {
  local tap="$1"
  grep -q '^# tests [0-9]' "$tap" 2>/dev/null || return 0
  val() { local v; v="$(grep -o "^# $1 [0-9]*" "$tap" | tail -n1 | grep -o '[0-9]*$' || true)"; echo "${v:-0}"; }
  echo "$(val pass)|$(($(val fail) + $(val cancelled)))|$(($(val skipped) + $(val todo)))"
}

# Names of failed tests (not suites) in node's TAP output: a `not ok` whose YAML block has no `type: 'suite'`.
tap_failed_tests() {
  awk '
    /^ *not ok [0-9]+ - / { name = $0; sub(/^ *not ok [0-9]+ - /, "", name); pending = 1; suite = 0; next }
    pending && /^ *type: .suite.$/ { suite = 1; next }
    pending && /^ *\.\.\.$/ { if (!suite) print name; pending = 0 }
  ' "$1" 2>/dev/null || true
}

# `npm ci` in one node folder, skipped when node_modules matches package-lock.json (a stamp file records the lock's
# hash); returns non-zero (after recording the failed step) when the dependencies are not there.
npm_ci() {
  local dir="$1" kind="$2"
  section "npm ci ($dir)"
  local t deps_ok=1 lock_sum stamp
  t="$(now_ms)"
  lock_sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  stamp="$dir/node_modules/.custos-lock-sha256"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" ]]; then
    note "node_modules up to date with package-lock.json"
  elif [[ "$DO_INSTALL" -eq 0 ]]; then
    step_failed "$dir/node_modules missing or stale (--no-install)"
    deps_ok=0
  elif run_step "$RESULTS/npm-ci-$kind.log" 10m env -C "$dir" npm ci --no-audit --no-fund --loglevel=error; then
    echo "$lock_sum" >"$stamp"
  else
    step_failed "npm ci in $dir"
    deps_ok=0
  fi
  timed "npm-ci-$kind" $(($(now_ms) - t))
  [[ "$deps_ok" -eq 1 ]]
}

# Ory's reference UI (tests/ory-ui, vendored), which a browser test runs against Custos: its npm dependencies and
# `npm run build` (tsc into tests/ory-ui/lib). A failure is recorded; the test then fails saying lib/ is missing.
build_ory_ui() {
  npm_ci tests/ory-ui ory-ui || return 0
  section "npm run build (tests/ory-ui)"
  local t
  t="$(now_ms)"
  run_step "$RESULTS/ory-ui-build.log" 5m env -C tests/ory-ui npm run build --silent || step_failed "npm run build in tests/ory-ui"
  timed "ory-ui-build" $(($(now_ms) - t))
}

# One node test folder: `npm_ci`, then `node --test` with the spec reporter on screen and TAP in
# $RESULTS/<kind>/results.tap; extra arguments are NAME=VALUE environment.
run_node_suite() {
  local dir="$1" kind="$2" label="$3"
  shift 3
  local t
  npm_ci "$dir" "$kind" || return 0

  section "node --test ($dir)"
  t="$(now_ms)"
  mkdir -p "$RESULTS/$kind"
  local node_args=(--test --test-concurrency=1 --test-timeout=120000
    --test-reporter=spec --test-reporter-destination=stdout
    --test-reporter=tap --test-reporter-destination="$RESULTS/$kind/results.tap")
  [[ -n "$E2E_PATTERN" ]] && node_args+=(--test-name-pattern="$E2E_PATTERN")
  local rc=0 summary p f s ft
  run_step "$RESULTS/$kind/node-test.log" 20m env -C "$dir" \
    CUSTOS_BIN="${CUSTOS_BIN:-$REPO/out/custos}" CUSTOS_E2E_LOG_DIR="$RESULTS/$kind" "$@" \
    node "${node_args[@]}" || rc=$?
  timed "$kind" $(($(now_ms) - t))
  summary="$(tap_summary "$RESULTS/$kind/results.tap")"
  if [[ -n "$summary" ]]; then
    IFS='|' read -r p f s <<<"$summary"
    add_suite "$kind" "$label" "$p" "$f" "$s"
    while IFS= read -r ft; do [[ -n "$ft" ]] && FAILED_TESTS+=("$kind: $ft"); done < <(tap_failed_tests "$RESULTS/$kind/results.tap")
    if [[ "$rc" -ne 0 && "$f" -eq 0 ]]; then
      step_failed "node --test in $dir exited ${rc} with no failed test"
    fi
  else
    step_failed "node --test in $dir produced no summary (exit ${rc})"
  fi
}

if [[ "$RUN_E2E" -eq 1 ]]; then
  section "dotnet publish src/Custos/Custos.csproj -c Release -o out"
  t="$(now_ms)"
  # A stale binary must never be tested: out/ is rebuilt from scratch.
  rm -rf "$REPO/out"
  if ! run_step "$RESULTS/dotnet-publish.log" 20m dotnet publish src/Custos/Custos.csproj -c Release -o out -nologo -v minimal; then
    step_failed "dotnet publish (the SDK tests will report the missing binary)"
  fi
  timed "publish" $(($(now_ms) - t))

  run_node_suite tests/e2e e2e "sdk (tests/e2e, node --test)"
  if [[ "$RUN_BROWSER" -eq 1 ]]; then
    build_ory_ui
    run_node_suite tests/browser browser "browser (tests/browser, Chromium)" \
      CUSTOS_SCREENSHOT_DIR="$RESULTS/browser/screenshots" CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  fi
fi

# ---- 5. summary --------------------------------------------------------------------------------------
report
