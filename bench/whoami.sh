#!/usr/bin/env bash
# Measures GET /sessions/whoami (valid session tokens) against GET /health/alive of the same server, in one run.
# Usage: bench/whoami.sh [sqlite|postgres] [seconds]
#   postgres needs CUSTOS_TEST_POSTGRES_DSN (a server DSN; a fresh database is created on it).
# Prints both request rates and their ratio (targets: >= 0.20 on SQLite, >= 0.15 on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-sqlite}"
seconds="${2:-10}"
sessions=50

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x out/custos ] || dotnet publish src/Custos/Custos.csproj -c Release -o out >/dev/null

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
public_port="$(free_port)"; admin_port="$(free_port)"

if [ "$db" = postgres ]; then
  : "${CUSTOS_TEST_POSTGRES_DSN:?set CUSTOS_TEST_POSTGRES_DSN to a PostgreSQL server DSN}"
  name="custos_bench_$$"
  base="${CUSTOS_TEST_POSTGRES_DSN%%\?*}"; base="${base%/*}"
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
selfservice:
  default_browser_return_url: http://127.0.0.1:4455/
  methods:
    password:
      config: { haveibeenpwned_enabled: false }
identity:
  schemas:
    - { id: default, url: "builtin://default" }
hashers:
  algorithm: bcrypt
  bcrypt: { cost: 4 }
YAML

./out/custos migrate sql -e --yes -c "$work/kratos.yml" >/dev/null
./out/custos serve --dev -c "$work/kratos.yml" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:${admin_port}/health/ready" >/dev/null && break; sleep 0.2; done

# One identity, many sessions through the native login flow (the way an app gets tokens).
curl -fs -XPOST "http://127.0.0.1:${admin_port}/admin/identities" -H 'Content-Type: application/json' \
  -d '{"traits":{"email":"bench@example.com"},"credentials":{"password":{"config":{"password":"a bench passphrase"}}}}' >/dev/null
: > "$work/tokens.txt"
for _ in $(seq 1 "$sessions"); do
  flow="$(curl -fs "http://127.0.0.1:${public_port}/self-service/login/api" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  curl -fs -XPOST "http://127.0.0.1:${public_port}/self-service/login?flow=${flow}" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d '{"method":"password","identifier":"bench@example.com","password":"a bench passphrase"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["session_token"])' >> "$work/tokens.txt"
done

cat > "$work/whoami.lua" <<'LUA'
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
request = function()
  i = i % #tokens + 1
  return wrk.format("GET", "/sessions/whoami", { ["X-Session-Token"] = tokens[i] })
end
done = function(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
LUA

rate() { awk '/Requests\/sec/ {print $2}'; }
curl -fs -H "X-Session-Token: $(head -1 "$work/tokens.txt")" "http://127.0.0.1:${public_port}/sessions/whoami" >/dev/null
wrk -t2 -c16 -d3s "http://127.0.0.1:${public_port}/health/alive" >/dev/null    # warm-up
TOKENS="$work/tokens.txt" wrk -t2 -c16 -d3s -s "$work/whoami.lua" "http://127.0.0.1:${public_port}/" >/dev/null
alive_out="$(wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:${public_port}/health/alive")"
whoami_out="$(TOKENS="$work/tokens.txt" wrk -t2 -c16 -d"${seconds}s" -s "$work/whoami.lua" "http://127.0.0.1:${public_port}/")"
alive="$(echo "$alive_out" | rate)"; whoami="$(echo "$whoami_out" | rate)"
errors="$(echo "$whoami_out" | awk -F= '/non2xx/ {print $2}')"
ratio="$(python3 -c "print(f'{${whoami}/${alive}:.3f}')")"
echo "database=${db} seconds=${seconds} connections=16 threads=2 sessions=${sessions}"
echo "health_alive_rps=${alive}"
echo "whoami_rps=${whoami} (non-2xx: ${errors})"
echo "ratio=${ratio}"
