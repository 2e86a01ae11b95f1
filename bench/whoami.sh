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
source bench/lib/custos.sh
start_custos "$db" "selfservice:
  default_browser_return_url: http://127.0.0.1:4455/
  methods:
    password:
      config: { haveibeenpwned_enabled: false }
hashers:
  algorithm: bcrypt
  bcrypt: { cost: 4 }"

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
