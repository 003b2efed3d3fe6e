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
. "$(dirname "$0")/portal-bench-lib.sh"
start_portal_bench 0
PORTAL="http://127.0.0.1:$portal_port" ENDPOINT="http://127.0.0.1:$endpoint_port/v1" TEAM_KEY=sk-bench-key \
  ORGANIZER_PASSWORD=bench-organizer-pass TEAMS="$teams" python3 "$(dirname "$0")/portal_seed.py"
rows=$(curl -s "http://127.0.0.1:$portal_port/" | grep -o "<tr><td>" | wc -l)
echo "board rows on / : $rows; page bytes: $(curl -s "http://127.0.0.1:$portal_port/" | wc -c)"
for path in / /health; do
  echo "--- wrk -t2 -c$connections -d${seconds}s http://127.0.0.1:$portal_port$path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$portal_port$path" | grep -E "Requests/sec|99%|50%|Non-2xx|Socket errors"
done
echo "portal RSS after the load: $(ps -o rss= -p "$portal" | awk '{printf "%.0f MB", $1/1024}')"
