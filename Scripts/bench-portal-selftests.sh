#!/usr/bin/env bash
# Measurement (not a test) of the portal carrying TEAMS teams self-testing at once: a release `saima serve` and one
# local baseline endpoint answering after LATENCY_MS (a remote model's time to answer); every team registers, is
# approved and saves its endpoint through the portal's forms, then all launch their dev-set self-tests in the same
# moment (one thread per team). Prints the time from the launch to the last finished run beside the bound (each
# run's items / its concurrency × latency: what a free server would take), the public board's latency during the
# runs, the portal's CPU time and peak memory, and checks every run stored every item exactly once.
# Usage: Scripts/bench-portal-selftests.sh [TEAMS] [LATENCY_MS]
set -euo pipefail
teams=${1:-100}
latency=${2:-500}
saima=${SAIMA:-.build/release/saima}
. "$(dirname "$0")/portal-bench-lib.sh"
start_portal_bench "$latency"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks=$(getconf CLK_TCK)
before=$(cpu "$portal")
PORTAL="http://127.0.0.1:$portal_port" ENDPOINT="http://127.0.0.1:$endpoint_port/v1" TEAM_KEY=sk-bench-key \
  ORGANIZER_PASSWORD=bench-organizer-pass TEAMS="$teams" AT_ONCE=1 PORTAL_PID="$portal" python3 "$(dirname "$0")/portal_seed.py"
after=$(cpu "$portal")
items=$(cat Tracks/tourism/questions/*.jsonl | grep -c '"id"')
awk -v n="$items" -v l="$latency" 'BEGIN { printf "bound per run (all runs in parallel): %d items / 8 in flight × %d ms = %.1f s\n", n, l, (n / 8) * l / 1000 }'
echo "portal CPU time in all (set-up with bcrypt and endpoint checks, then the runs): $(awk -v a="$after" -v b="$before" -v t="$ticks" 'BEGIN { printf "%.1f s", (a - b) / t }')"
echo "portal peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$portal/status")"
python3 - "$work/state" "$teams" "$items" <<'PY'
import glob, sqlite3, sys
state, teams, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
folders = sorted(glob.glob(f"{state}/runs/selftest-*"))
bad = []
for folder in folders:
    db = sqlite3.connect(f"file:{folder}/run.sqlite?mode=ro", uri=True)
    total, distinct = db.execute("SELECT COUNT(*), COUNT(DISTINCT team || '/' || set_id || '/' || item || '/' || sample) FROM results").fetchone()
    if total != items or distinct != items:
        bad.append((folder, total, distinct))
portal = sqlite3.connect(f"file:{state}/portal.sqlite?mode=ro", uri=True)
spans = portal.execute("SELECT started, finished FROM runs WHERE kind = 'selftest' AND status = 'done'").fetchall()
took = sorted(f - s for s, f in spans)
print(f"each run, started to finished by the portal's own clock: min {took[0]:.2f} s, median {took[len(took) // 2]:.2f} s, "
      f"max {took[-1]:.2f} s; first start to last finish {max(f for _, f in spans) - min(s for s, _ in spans):.2f} s")
print(f"runs: {len(folders)} of {teams}; every run stored each of its {items} items exactly once: {'yes' if not bad and len(folders) == teams else f'no {bad[:3]}'}")
PY
rows=$(curl -s "http://127.0.0.1:$portal_port/" | grep -o "<tr><td>" | wc -l)
echo "dev board rows: $rows"
