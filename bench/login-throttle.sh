#!/usr/bin/env bash
# Measures the password-login rate (native flow: create the flow, submit the password) with security.throttling on
# and off, on the same build and database kind, and prints both rates and their ratio (target: on >= 0.95 x off).
# Usage: bench/login-throttle.sh [sqlite|postgres] [seconds]
#   HASHER=argon2 measures with Custos's default argon2id hasher instead of bcrypt cost 4 (the cheap hash that makes
#   the throttle's own statements as visible as they can be).
#   postgres needs CUSTOS_TEST_POSTGRES_DSN (a server DSN; a fresh database is created on it for each run).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-sqlite}"
seconds="${2:-10}"
users=20
if [ "${HASHER:-bcrypt}" = argon2 ]; then
  hashers="hashers:
  algorithm: argon2"
else
  hashers="hashers:
  algorithm: bcrypt
  bcrypt: { cost: 4 }"
fi

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

# One wrk connection alternates GET /self-service/login/api and POST /self-service/login?flow=<its id>, signing one
# of the users in (all from 127.0.0.1, so every login reads the address's and the identifier's counters).
lua="$(mktemp)"
trap 'rm -f "$lua"' EXIT
cat > "$lua" <<LUA
local users = ${users}
local flow = nil
local n = 0
request = function()
  if flow == nil then
    return wrk.format("GET", "/self-service/login/api", { ["Accept"] = "application/json" })
  end
  n = n % users + 1
  local body = string.format('{"method":"password","identifier":"bench%d@example.com","password":"a bench passphrase"}', n)
  local path = "/self-service/login?flow=" .. flow
  flow = nil
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
end
response = function(status, headers, body)
  if flow == nil and status == 200 and body:sub(1, 7) == '{"id":"' then
    flow = body:match('^{"id":"([^"]+)"')
  end
end
done = function(summary, latency, requests)
  io.write(string.format("non2xx=%d\n", summary.errors.status))
end
LUA

measure() {
  local enabled="$1"
  (
    source bench/lib/custos.sh
    start_custos "$db" "selfservice:
  default_browser_return_url: http://127.0.0.1:4455/
  methods:
    password:
      config: { haveibeenpwned_enabled: false }
security:
  throttling:
    enabled: ${enabled}
${hashers}"
    for i in $(seq 1 "$users"); do
      curl -fs -XPOST "http://127.0.0.1:${admin_port}/admin/identities" -H 'Content-Type: application/json' \
        -d "{\"traits\":{\"email\":\"bench${i}@example.com\"},\"credentials\":{\"password\":{\"config\":{\"password\":\"a bench passphrase\"}}}}" >/dev/null
    done
    wrk -t2 -c16 -d3s -s "$lua" "http://127.0.0.1:${public_port}/" >/dev/null   # warm-up
    wrk -t2 -c16 -d"${seconds}s" -s "$lua" "http://127.0.0.1:${public_port}/"
  )
}

rate() { awk '/Requests\/sec/ {print $2}'; }
off_out="$(measure false)"
on_out="$(measure true)"
off="$(echo "$off_out" | rate)"; on="$(echo "$on_out" | rate)"
ratio="$(python3 -c "print(f'{${on}/${off}:.3f}')")"
echo "hasher=${HASHER:-bcrypt} database=${db} seconds=${seconds} connections=16 threads=2 users=${users} (requests = flow creations + submissions)"
echo "throttling_off_rps=${off} (non-2xx: $(echo "$off_out" | awk -F= '/non2xx/ {print $2}'))"
echo "throttling_on_rps=${on} (non-2xx: $(echo "$on_out" | awk -F= '/non2xx/ {print $2}'))"
echo "ratio=${ratio}"
