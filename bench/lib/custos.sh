# Sourced by the bench scripts: runs a published Custos (out/custos, or $CUSTOS_BIN to compare another build) on free
# loopback ports, on SQLite or on a fresh database of the PostgreSQL server in CUSTOS_TEST_POSTGRES_DSN, and stops it
# when the script exits.
#
#   start_custos DB CONFIG   DB is sqlite or postgres; CONFIG is YAML appended to the generated dsn, log, serve and
#                            identity keys (selfservice, hashers, ...). Sets work, pid, public_port and admin_port.

bin="${CUSTOS_BIN:-out/custos}"
[ -n "${CUSTOS_BIN:-}" ] || [ -x out/custos ] || dotnet publish src/Custos/Custos.csproj -c Release -o out >/dev/null

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start_custos() {
  local db="$1" config="$2" dsn
  public_port="$(free_port)"; admin_port="$(free_port)"
  if [ "$db" = postgres ]; then
    : "${CUSTOS_TEST_POSTGRES_DSN:?set CUSTOS_TEST_POSTGRES_DSN to a PostgreSQL server DSN}"
    local name="custos_bench_$$" base="${CUSTOS_TEST_POSTGRES_DSN%%\?*}"
    base="${base%/*}"
    psql "${base}/postgres" -qc "CREATE DATABASE ${name}" >/dev/null
    dsn="${base}/${name}?sslmode=disable"
  else
    dsn="sqlite://${work}/bench.db?_fk=true"
  fi

  cat > "$work/kratos.yml" <<YAML
dsn: "${dsn}"
log:
  level: warning
serve:
  public: { port: ${public_port}, base_url: "http://127.0.0.1:${public_port}/" }
  admin: { port: ${admin_port}, base_url: "http://127.0.0.1:${admin_port}/" }
identity:
  schemas:
    - { id: default, url: "builtin://default" }
${config}
YAML

  "$bin" migrate sql -e --yes -c "$work/kratos.yml" >/dev/null
  "$bin" serve --dev -c "$work/kratos.yml" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:${admin_port}/health/ready" >/dev/null && break; sleep 0.2; done
}
