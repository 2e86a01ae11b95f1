#!/usr/bin/env bash
# Measures GET /admin/identities?page_size=250 over a whole table: the first pages against the last ones.
# Usage: bench/list.sh [sqlite|postgres] [identities]
#   identities defaults to 200000 on SQLite and 1000000 on PostgreSQL (which needs CUSTOS_TEST_POSTGRES_DSN, a server
#   DSN; a fresh database is created on it).
# Seeds through the batch admin API (PATCH /admin/identities, 1000 a request), walks every page with page_token and
# prints p50 of the first and the last 20 pages and their ratio (target: last <= 1.5 x first, p50 <= 10 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-sqlite}"
if [ "$db" = postgres ]; then default_n=1000000; else default_n=200000; fi
n="${2:-$default_n}"

source bench/lib/custos.sh
start_custos "$db" "selfservice:
  default_browser_return_url: http://127.0.0.1:4455/"

ADMIN_PORT="$admin_port" N="$n" DB="$db" python3 - <<'PY'
import http.client, json, os, statistics, time, uuid

port, n, db = int(os.environ["ADMIN_PORT"]), int(os.environ["N"]), os.environ["DB"]
conn = http.client.HTTPConnection("127.0.0.1", port)

def call(method, path, body=None):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return data

started = time.monotonic()
run = uuid.uuid4().hex[:8]
for first in range(0, n, 1000):
    patches = [{"create": {"schema_id": "default", "traits": {"email": f"bench-{run}-{i}@example.com"}}} for i in range(first, min(n, first + 1000))]
    call("PATCH", "/admin/identities", {"identities": patches})
seeded = time.monotonic() - started

times, token = [], None
while True:
    path = "/admin/identities?page_size=250" + (f"&page_token={token}" if token else "")
    t0 = time.perf_counter()
    page = json.loads(call("GET", path))
    times.append((time.perf_counter() - t0) * 1000)
    if len(page) < 250:
        break
    token = page[-1]["id"]

first, last = statistics.median(times[:20]), statistics.median(times[-20:])
print(f"database={db} identities={n} page_size=250 pages={len(times)} seed_seconds={seeded:.1f}")
print(f"first_20_pages_p50_ms={first:.2f}")
print(f"last_20_pages_p50_ms={last:.2f}")
print(f"ratio_last_to_first={last / first:.2f}")
PY
