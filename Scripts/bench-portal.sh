#!/usr/bin/env bash
# Benchmark (not a test) of the portal's public leaderboard page with wrk on this machine: a release `saima serve`
# whose dev board holds TEAMS teams' real self-test results (made through the portal's own forms against a local
# baseline endpoint), then wrk on `/` (the board: SQLite reads and HTML) beside `/health` (the framework's floor),
# in one run. Target: ≥ 2,000 req/s with p99 under 50 ms for `/`.
# Usage: Scripts/bench-portal.sh [TEAMS] [SECONDS] [CONNECTIONS]
set -euo pipefail
teams=${1:-20}
seconds=${2:-15}
connections=${3:-32}
saima=${SAIMA:-.build/release/saima}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
endpoint_port=$(free_port)
portal_port=$(free_port)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
BENCH_KEY=sk-bench-key "$saima" serve-baseline --port "$endpoint_port" --persona keyword --require-key-env BENCH_KEY >"$work/b.log" 2>&1 &
pids+=($!)
SAIMA_PORTAL_SECRET=$(head -c 32 /dev/urandom | base64) SAIMA_ORGANIZER_PASSWORD=bench-organizer-pass \
  "$saima" serve --port "$portal_port" --state "$work/state" --tracks Tracks >"$work/p.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$portal_port/health" >/dev/null && break; sleep 0.1; done
PORTAL="http://127.0.0.1:$portal_port" ENDPOINT="http://127.0.0.1:$endpoint_port/v1" TEAM_KEY=sk-bench-key \
  ORGANIZER_PASSWORD=bench-organizer-pass TEAMS="$teams" python3 "$(dirname "$0")/portal_seed.py"
rows=$(curl -s "http://127.0.0.1:$portal_port/" | grep -o "<tr><td>" | wc -l)
echo "board rows on / : $rows; page bytes: $(curl -s "http://127.0.0.1:$portal_port/" | wc -c)"
for path in / /health; do
  echo "--- wrk -t2 -c$connections -d${seconds}s http://127.0.0.1:$portal_port$path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$portal_port$path" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors"
done
echo "portal RSS after the load: $(ps -o rss= -p "${pids[1]}" | awk '{printf "%.0f MB", $1/1024}')"
