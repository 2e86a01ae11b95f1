#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own data and socket folders in a temp folder,
# a free loopback port, password auth over TCP, no fsync. Nothing of the machine's own clusters is used.
#
#   scripts/pg-test-server.sh start [DIR]   start it (DIR: state folder, default a new temp folder) and print
#                                           `export CUSTOS_TEST_POSTGRES_DSN=...` and `export CUSTOS_TEST_PG_DIR=...`
#   scripts/pg-test-server.sh stop DIR      stop it and delete DIR
#   scripts/pg-test-server.sh check DIR     run `select 1` through the DSN (what the tests connect with)
#   scripts/pg-test-server.sh restart DIR   `pg_ctl restart -m fast` (every connection is cut), back when it accepts again
#
# Local use:  eval "$(scripts/pg-test-server.sh start)"; dotnet test ...; scripts/pg-test-server.sh stop "$CUSTOS_TEST_PG_DIR"
# Diagnostics go to stderr; only the export lines go to stdout.
set -euo pipefail

PG_VERSION="${CUSTOS_PG_VERSION:-15}"
PGBIN="${CUSTOS_PGBIN:-/usr/lib/postgresql/${PG_VERSION}/bin}"
PG_USER_NAME="custos"
PG_PASSWORD="custos"
PG_DB="custos_test"

log() { printf 'pg-test-server: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# As root the server must run as an unprivileged user (postgres refuses root): Debian's `postgres`.
# As any other user it runs as that user.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    # From /, as the caller's folder (a checkout under /root, say) may be closed to postgres.
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# A port that nothing listens on right now (bash's /dev/tcp: a refused connect means free).
# The race with other processes is handled by retrying the start.
pick_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

dsn_for() { echo "postgres://${PG_USER_NAME}:${PG_PASSWORD}@127.0.0.1:$1/${PG_DB}?sslmode=disable"; }

cmd_start() {
  [[ -x "${PGBIN}/initdb" && -x "${PGBIN}/pg_ctl" ]] ||
    die "PostgreSQL ${PG_VERSION} server binaries not found in ${PGBIN} (apt-get install postgresql)"
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (apt-get install postgresql)"
  fi

  local dir="${1:-}"
  if [[ -z "$dir" ]]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/custos-pg.XXXXXX")"
  else
    mkdir -p "$dir"
  fi
  mkdir -p "$dir/data" "$dir/sock"
  chmod 0755 "$dir"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown -R postgres:postgres "$dir"
  fi

  local pwfile="$dir/pwfile"
  as_pg sh -c "umask 077 && printf '%s\n' '${PG_PASSWORD}' > '${pwfile}'"
  # Local socket: trust (for the setup below); TCP: scram-sha-256, as the tests use a password.
  as_pg "${PGBIN}/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  local port started=0
  for attempt in 1 2 3 4 5; do
    port="$(pick_port)" || die "no free loopback port found"
    if as_pg "${PGBIN}/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o \
      "-p ${port} -k ${dir}/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    log "start on port ${port} failed (attempt ${attempt}); retrying on another port"
    tail -n 5 "$dir/server.log" >&2 2>/dev/null || true
  done
  [[ "$started" -eq 1 ]] || { cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true; die "pg_ctl start failed"; }
  echo "$port" >"$dir/port"

  as_pg "${PGBIN}/psql" -X -q -h "$dir/sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE ${PG_USER_NAME} LOGIN PASSWORD '${PG_PASSWORD}' CREATEDB" \
    -c "CREATE DATABASE ${PG_DB} OWNER ${PG_USER_NAME}" >/dev/null ||
    { cmd_stop "$dir"; die "could not create role/database"; }

  printf 'export CUSTOS_TEST_POSTGRES_DSN=%q\n' "$(dsn_for "$port")"
  printf 'export CUSTOS_TEST_PG_DIR=%q\n' "$dir"
}

cmd_check() {
  local dir="${1:?usage: check DIR}"
  local port
  port="$(cat "$dir/port")"
  # Through TCP with the password, exactly as the tests connect.
  PGPASSWORD="${PG_PASSWORD}" "${PGBIN}/psql" -X -At -v ON_ERROR_STOP=1 "$(dsn_for "$port")" -c 'select 1'
}

cmd_stop() {
  local dir="${1:?usage: stop DIR}"
  [[ -d "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_pg "${PGBIN}/pg_ctl" -D "$dir/data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      as_pg "${PGBIN}/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 ||
      log "warning: pg_ctl stop failed for $dir"
  fi
  # Only ever delete a folder this script made (it has our marker files).
  if [[ -f "$dir/initdb.log" || -d "$dir/data" ]]; then
    rm -rf "$dir"
  fi
}

cmd_restart() {
  local dir="${1:?usage: restart DIR}"
  # pg_ctl restart keeps the options of the last start (postmaster.opts); -l keeps logging into the same file.
  as_pg "${PGBIN}/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 30 restart >"$dir/pg_ctl.log" 2>&1 ||
    { cat "$dir/pg_ctl.log" >&2; die "pg_ctl restart failed"; }
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  check) shift; cmd_check "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  *) echo "usage: $0 start [DIR] | stop DIR | check DIR | restart DIR" >&2; exit 2 ;;
esac
