#!/usr/bin/env bash
# scripts/test.sh - THE one command that runs every test of PolicingHub (CI calls it via .ci/run).
# 1. Finds the test projects: tests/**/*.csproj that reference Microsoft.NET.Test.Sdk.
# 2. Starts only the services some test project asks for with a marker file in its directory,
#    installing them first if missing (apt-get / npm), all on 127.0.0.1, stopped again on exit:
#      needs-postgres -> POLICINGHUB_TEST_POSTGRES="Host=127.0.0.1;Port=..;Username=postgres;Database=policinghub_test"
#      needs-azurite  -> POLICINGHUB_TEST_AZURITE="http://127.0.0.1:10000/devstoreaccount1" (blob, devstoreaccount1)
#                        POLICINGHUB_TEST_AZURITE_TABLE="http://127.0.0.1:10002/devstoreaccount1" (table, same account)
#      needs-chromium -> POLICINGHUB_TEST_CHROMIUM=/usr/bin/chromium
#      needs-docker-compose -> POLICINGHUB_TEST_DOCKER_COMPOSE=/usr/bin/docker-compose (validates files only; no engine)
# 3. Builds PolicingHub.sln once (Release), runs `dotnet test --no-build` on every test project (all of them,
#    even after a failure), writes TestResults/<project>.trx, sums the trx results over all suites.
# 4. Last line is always `N passed, N failed[, N skipped]`; exit code is non-zero if anything failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

PGBIN=/usr/lib/postgresql/15/bin
AZURITE_VERSION=3.37.0
ENV_DIR="$ROOT/.test-env"            # npm cache for Azurite (gitignored)
RESULTS_DIR="$ROOT/TestResults"      # .trx files (gitignored)

log() { echo "test.sh: $*" >&2; }

# ---------------------------------------------------------------- state + cleanup
PASSED=0 FAILED=0 SKIPPED=0 EXECUTED=0
SUMMARY_PRINTED=0 CLEANED=0
PG_DIR="" PG_DATA="" PG_RUNAS="" AZ_PID="" AZT_PID="" AZ_DIR="" POLICY_RC_CREATED=0

as_pg() {  # run a command as the user that owns the throwaway cluster (root cannot run postgres)
  if [[ -n "$PG_RUNAS" ]]; then (cd / && runuser -u "$PG_RUNAS" -- "$@"); else "$@"; fi
}

cleanup() {
  [[ $CLEANED == 1 ]] && return 0
  CLEANED=1
  if [[ $POLICY_RC_CREATED == 1 ]]; then $SUDO rm -f /usr/sbin/policy-rc.d || true; fi
  local az
  for az in "$AZ_PID" "$AZT_PID"; do   # Azurite ignores SIGTERM here: a short grace, then SIGKILL, by PID
    [[ -n "$az" ]] || continue
    log "stopping Azurite (pid $az)"
    kill -TERM "$az" 2>/dev/null || true
    for _ in $(seq 1 10); do kill -0 "$az" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$az" 2>/dev/null || true
    wait "$az" 2>/dev/null || true
  done
  AZ_PID="" AZT_PID=""
  if [[ -n "$PG_DIR" && -f "$PG_DIR/server.log" ]]; then   # a digest of what the server refused, for failures on CI
    local pg_errors; pg_errors="$(grep -E '(ERROR|FATAL|PANIC):' "$PG_DIR/server.log" | sed -E 's/^.*(ERROR|FATAL|PANIC): +//' | sort | uniq -c | sort -rn | head -n 15 || true)"
    [[ -n "$pg_errors" ]] && { log "PostgreSQL errors during the run (count, message):"; sed 's/^/test.sh:   /' <<<"$pg_errors" >&2; }
  fi
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    if ! as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
      local pid; pid="$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
      [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  [[ -n "$PG_DIR" ]] && rm -rf "$PG_DIR" || true
  [[ -n "$AZ_DIR" ]] && rm -rf "$AZ_DIR" || true
  return 0
}

on_exit() {
  local rc=$?
  cleanup
  if [[ $SUMMARY_PRINTED == 0 ]]; then   # aborted early (set -e, signal, service failed): still end with the line
    log "aborted (exit code $rc) before all suites finished"
    echo "$PASSED passed, $((FAILED + 1)) failed"
    [[ $rc == 0 ]] && rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- helpers
if [[ $EUID -eq 0 ]]; then SUDO=""; else SUDO="sudo -n"; fi

port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {  # first free port at or after $1 (bounded search)
  local p
  for p in $(seq "$1" $(($1 + 200))); do port_in_use "$p" || { echo "$p"; return 0; }; done
  log "no free port near $1"; return 1
}

APT_UPDATED=0
apt_install() {  # apt_install [APT-OPTION...] PKG...: `apt-get update` once, then install
  log "installing with apt-get: $*"
  if [[ $APT_UPDATED == 0 ]]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  # keep the package from starting its own system-wide postgres cluster (we run a throwaway one)
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod +x /usr/sbin/policy-rc.d; POLICY_RC_CREATED=1
  fi
  local apt_log; apt_log="$(mktemp /tmp/policinghub-apt.XXXXXX)"
  if ! $SUDO apt-get install -y -q "$@" </dev/null >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2; rm -f "$apt_log"; log "apt-get install $* failed"; exit 1
  fi
  rm -f "$apt_log"
  if [[ $POLICY_RC_CREATED == 1 ]]; then $SUDO rm -f /usr/sbin/policy-rc.d; POLICY_RC_CREATED=0; fi
}

# ---------------------------------------------------------------- discover test projects + needs
mapfile -t PROJECTS < <(find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' 2>/dev/null \
                          | xargs -r grep -l 'Microsoft\.NET\.Test\.Sdk' | sort)
NEED_PG=0 NEED_AZ=0 NEED_CR=0 NEED_DC=0
for proj in "${PROJECTS[@]}"; do
  d="$(dirname "$proj")"
  [[ -e "$d/needs-postgres" ]] && NEED_PG=1
  [[ -e "$d/needs-azurite" ]] && NEED_AZ=1
  [[ -e "$d/needs-chromium" ]] && NEED_CR=1
  [[ -e "$d/needs-docker-compose" ]] && NEED_DC=1
done
SLN_PATHS="$(tr '\\' '/' <PolicingHub.sln)"
NOT_IN_SLN=()
for proj in "${PROJECTS[@]}"; do
  grep -qF "\"${proj}\"" <<<"$SLN_PATHS" || NOT_IN_SLN+=("$proj")
done
for proj in "${NOT_IN_SLN[@]}"; do log "WARNING: $proj is not in PolicingHub.sln, so it is never built and its suite will fail"; done
log "${#PROJECTS[@]} test project(s); services: postgres=$NEED_PG azurite=$NEED_AZ chromium=$NEED_CR docker-compose=$NEED_DC"

# ---------------------------------------------------------------- install what is missing (one apt run)
APT_PKGS=()
[[ $NEED_PG == 1 && ! -x "$PGBIN/initdb" ]] && APT_PKGS+=(postgresql)
[[ $NEED_CR == 1 && ! -x /usr/bin/chromium ]] && APT_PKGS+=(chromium)
# Korean and Japanese text in the console (and its screenshots) needs a CJK font; Debian's chromium brings none.
[[ $NEED_CR == 1 && ! -d /usr/share/fonts/opentype/noto ]] && APT_PKGS+=(fonts-noto-cjk)
[[ $NEED_AZ == 1 ]] && ! command -v node >/dev/null && APT_PKGS+=(nodejs npm)
[[ ${#APT_PKGS[@]} -gt 0 ]] && apt_install "${APT_PKGS[@]}"
# docker-compose only validates files here: without its recommends (docker.io, containerd) nothing else is installed
if [[ $NEED_DC == 1 ]] && ! command -v docker-compose >/dev/null; then apt_install --no-install-recommends docker-compose; fi

# ---------------------------------------------------------------- PostgreSQL 15 (throwaway cluster)
# max_connections sized as the README asks of a cluster (silos × (log pool + 1) + Orleans' providers): the cluster
# suite runs up to six silo processes on PostgreSQL at once, and the default 100 ran out ("sorry, too many clients already").
if [[ $NEED_PG == 1 ]]; then
  if [[ $EUID -eq 0 ]]; then
    PG_RUNAS=postgres
    if ! id -u "$PG_RUNAS" >/dev/null 2>&1; then
      PG_RUNAS=policinghub-pg
      id -u "$PG_RUNAS" >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$PG_RUNAS"
    fi
  fi
  PG_DIR="$(mktemp -d /tmp/policinghub-pg.XXXXXX)"
  PG_DATA="$PG_DIR/data"
  [[ -n "$PG_RUNAS" ]] && chown "$PG_RUNAS" "$PG_DIR"
  PG_PORT="$(free_port 55432)"
  log "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
  as_pg "$PGBIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; log "initdb failed"; exit 1; }
  if ! as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null; then
    cat "$PG_DIR/server.log" >&2 || true; log "PostgreSQL did not start"; exit 1
  fi
  ready=0
  for _ in $(seq 1 60); do
    if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then ready=1; break; fi
    sleep 0.5
  done
  [[ $ready == 1 ]] || { cat "$PG_DIR/server.log" >&2 || true; log "PostgreSQL not ready after 30 s"; exit 1; }
  "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres policinghub_test
  export POLICINGHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=policinghub_test"
  log "POLICINGHUB_TEST_POSTGRES=$POLICINGHUB_TEST_POSTGRES"
fi

# ---------------------------------------------------------------- Azurite (blob + table)
if [[ $NEED_AZ == 1 ]]; then
  if [[ "$(node -p "try{require('$ENV_DIR/node_modules/azurite/package.json').version}catch(e){''}" 2>/dev/null)" != "$AZURITE_VERSION" ]]; then
    log "installing azurite@$AZURITE_VERSION into $ENV_DIR"
    mkdir -p "$ENV_DIR"
    npm install --prefix "$ENV_DIR" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" </dev/null >&2
  fi
  AZ_ENTRY="$ENV_DIR/node_modules/.bin/azurite-blob"      # blob service only
  AZT_ENTRY="$ENV_DIR/node_modules/.bin/azurite-table"    # table service only
  [[ -e "$AZ_ENTRY" && -e "$AZT_ENTRY" ]] || { log "azurite-blob / azurite-table not found under $ENV_DIR/node_modules/.bin"; exit 1; }
  AZ_DIR="$(mktemp -d /tmp/policinghub-azurite.XXXXXX)"
  AZ_PORT="$(free_port 10000)"
  log "starting Azurite blob on 127.0.0.1:$AZ_PORT (data in $AZ_DIR)"
  # node runs the entry directly, so $! is the server's own PID (it ignores SIGTERM here: cleanup SIGKILLs it after a grace)
  node "$AZ_ENTRY" --blobHost 127.0.0.1 --blobPort "$AZ_PORT" --location "$AZ_DIR" --silent --skipApiVersionCheck \
    </dev/null >"$AZ_DIR/azurite.log" 2>&1 &
  AZ_PID=$!
  ready=0
  for _ in $(seq 1 120); do
    kill -0 "$AZ_PID" 2>/dev/null || break
    if port_in_use "$AZ_PORT"; then ready=1; break; fi
    sleep 0.5
  done
  [[ $ready == 1 ]] || { cat "$AZ_DIR/azurite.log" >&2 || true; log "Azurite exited or was not listening within 60 s"; exit 1; }
  export POLICINGHUB_TEST_AZURITE="http://127.0.0.1:$AZ_PORT/devstoreaccount1"
  log "POLICINGHUB_TEST_AZURITE=$POLICINGHUB_TEST_AZURITE"
  AZT_PORT="$(free_port $((AZ_PORT + 2)))"
  log "starting Azurite table on 127.0.0.1:$AZT_PORT"
  mkdir -p "$AZ_DIR/table"
  node "$AZT_ENTRY" --tableHost 127.0.0.1 --tablePort "$AZT_PORT" --location "$AZ_DIR/table" --silent --skipApiVersionCheck \
    </dev/null >"$AZ_DIR/azurite-table.log" 2>&1 &
  AZT_PID=$!
  ready=0
  for _ in $(seq 1 120); do
    kill -0 "$AZT_PID" 2>/dev/null || break
    if port_in_use "$AZT_PORT"; then ready=1; break; fi
    sleep 0.5
  done
  [[ $ready == 1 ]] || { cat "$AZ_DIR/azurite-table.log" >&2 || true; log "Azurite table exited or was not listening within 60 s"; exit 1; }
  export POLICINGHUB_TEST_AZURITE_TABLE="http://127.0.0.1:$AZT_PORT/devstoreaccount1"
  log "POLICINGHUB_TEST_AZURITE_TABLE=$POLICINGHUB_TEST_AZURITE_TABLE"
fi

# ---------------------------------------------------------------- docker-compose (validation only: there is no engine)
if [[ $NEED_DC == 1 ]]; then
  command -v docker-compose >/dev/null || { log "docker-compose missing after install"; exit 1; }
  export POLICINGHUB_TEST_DOCKER_COMPOSE="$(command -v docker-compose)"
  log "POLICINGHUB_TEST_DOCKER_COMPOSE=$POLICINGHUB_TEST_DOCKER_COMPOSE"
fi

# ---------------------------------------------------------------- Chromium
if [[ $NEED_CR == 1 ]]; then
  [[ -x /usr/bin/chromium ]] || { log "/usr/bin/chromium missing after install"; exit 1; }
  export POLICINGHUB_TEST_CHROMIUM=/usr/bin/chromium
  log "POLICINGHUB_TEST_CHROMIUM=$POLICINGHUB_TEST_CHROMIUM"
fi

# ---------------------------------------------------------------- build once
log "dotnet build PolicingHub.sln -c Release"
if ! dotnet build PolicingHub.sln -c Release --nologo -v:minimal </dev/null; then
  log "build failed"
  cleanup
  SUMMARY_PRINTED=1
  echo "0 passed, 1 failed"
  exit 1
fi

# ---------------------------------------------------------------- run every suite
trx_attr() { sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -n1; }

mkdir -p "$RESULTS_DIR"
NOTES=()
for proj in "${PROJECTS[@]}"; do
  name="$(basename "$proj" .csproj)"
  trx="$RESULTS_DIR/$name.trx"
  rm -f "$trx"
  log "dotnet test $proj"
  rc=0
  dotnet test "$proj" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR" </dev/null || rc=$?
  if [[ ! -f "$trx" ]]; then
    FAILED=$((FAILED + 1))
    why="crashed without a trx"
    [[ " ${NOT_IN_SLN[*]} " == *" $proj "* ]] && why="produced no trx (not in PolicingHub.sln, so not built)"
    NOTES+=("$name: $why (exit code $rc), counted as 1 failed")
    continue
  fi
  counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n1 || true)"
  if [[ -z "$counters" ]]; then
    FAILED=$((FAILED + 1))
    NOTES+=("$name: trx has no Counters element (exit code $rc), counted as 1 failed")
    continue
  fi
  p=$(trx_attr passed "$counters"); f=$(trx_attr failed "$counters"); e=$(trx_attr error "$counters")
  t=$(trx_attr timeout "$counters"); a=$(trx_attr aborted "$counters")
  x=$(trx_attr executed "$counters"); s=$(trx_attr notExecuted "$counters")
  # xunit skips leave Counters' notExecuted at 0: they show as UnitTestResult outcome="NotExecuted"
  s2=$(tr -d '\r\n' <"$trx" | grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' | wc -l || true)
  [[ ${s2:-0} -gt ${s:-0} ]] && s=$s2
  bad=$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} ))
  PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + bad))
  SKIPPED=$((SKIPPED + ${s:-0})); EXECUTED=$((EXECUTED + ${x:-0}))
  warn=""; [[ ${x:-0} == 0 ]] && warn=" - WARNING: no test executed in this suite"
  NOTES+=("$name: ${p:-0} passed, $bad failed, ${s:-0} skipped (exit code $rc)$warn")
  if [[ $rc != 0 && $bad == 0 ]]; then
    FAILED=$((FAILED + 1))
    NOTES+=("$name: dotnet test exited $rc but the trx shows no failure (test host crash?), counted as 1 failed")
  fi
done

if [[ $EXECUTED == 0 ]]; then
  FAILED=$((FAILED + 1))
  NOTES+=("no test executed in any suite, counted as 1 failed")
fi

cleanup
echo >&2
log "per-suite results (trx files in ${RESULTS_DIR#"$ROOT"/}/):"
for n in "${NOTES[@]}"; do log "  $n"; done

SUMMARY="$PASSED passed, $FAILED failed"
[[ $SKIPPED -gt 0 ]] && SUMMARY+=", $SKIPPED skipped"
SUMMARY_PRINTED=1
echo "$SUMMARY"
[[ $FAILED == 0 ]]
