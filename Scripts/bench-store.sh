#!/usr/bin/env bash
# Results committed per second: a shared PostgreSQL store (saima run --store, W worker processes) against SQLite run
# folders (W static shards, saima run --shard i/W, each its own run.sqlite), for W = 1, 2, 4, on one machine.
# The endpoint answers at once (saima bench-endpoint), so the figure is the runner and its store, not a model.
# Usage: Scripts/bench-store.sh [ITEMS_PER_TEAM] [TEAMS]    (SAIMA=path/to/saima; default .build/debug/saima)
# Prints one table; starts and stops its own PostgreSQL server (Debian's postgresql package, default settings).
set -euo pipefail
ITEMS=${1:-2000}
TEAMS=${2:-4}
SAIMA=$(realpath "${SAIMA:-.build/debug/saima}")
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/saima-bench-store.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -d "$work/pg/data" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# PostgreSQL on 127.0.0.1, a free port, default durability (fsync on, synchronous_commit on).
mkdir -p "$work/pg" && [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$PGBIN/initdb" -D "$work/pg/data" -U saima --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work/pg" -w start >/dev/null
STORE="postgres://saima@127.0.0.1:$port/postgres"

# The endpoint.
"$SAIMA" bench-endpoint --port 0 --threads 1 > "$work/endpoint.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'listening [0-9]' "$work/endpoint.out" && break; sleep 0.1; done
eport=$(grep -o 'listening [0-9]*' "$work/endpoint.out" | head -1 | cut -d' ' -f2)

# One track of ITEMS choice items, TEAMS teams at max_concurrency 32 each.
mkdir -p "$work/c/Tracks/t/questions"
python3 - "$work/c" "$ITEMS" "$TEAMS" "$eport" <<'PY'
import json, os, sys
root, n, teams, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
open(f"{root}/Tracks/t/track.yaml", "w").write(
    "id: t\nname: {zh: 基准, en: Bench}\nquestion_sets:\n  - id: s\n    file: questions/s.jsonl\n"
    "    pilot_unit: {zh: 基准, en: Bench}\n    split: dev\n")
with open(f"{root}/Tracks/t/questions/s.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"q{i}", "type": "single_choice", "prompt": f"第{i}题",
                            "choices": {"A": "甲", "B": "乙", "C": "丙"}, "answer": "A"}, ensure_ascii=False) + "\n")
for t in range(teams):
    os.makedirs(f"{root}/Submissions/team{t}", exist_ok=True)
    open(f"{root}/Submissions/team{t}/submission.yaml", "w").write(
        f"team: {{zh: 队{t}, en: Team {t}}}\ntracks: [t]\nendpoint:\n  base_url: http://127.0.0.1:{port}/v1\n"
        f"  model: m\n  max_concurrency: 32\n  timeout_seconds: 60\n")
PY
cd "$work/c"
total=$((ITEMS * TEAMS))
now() { date +%s.%N; }
printf '| workers | results | PostgreSQL store: s | results/s | SQLite shards: s | results/s | worker CPU ms per result (PostgreSQL) |\n|---:|---:|---:|---:|---:|---:|---:|\n'
for W in 1 2 4; do
  t0=$(now)
  wp=()
  for i in $(seq "$W"); do
    ( TIMEFORMAT='%U %S'; { time SWIFT_BACKTRACE=enable=no "$SAIMA" run --tracks Tracks --submissions Submissions \
      --round "b$W" --store "$STORE" --worker "w$i" --claim-batch 64 > "$work/pg-$W-$i.log" 2>&1 ; } 2> "$work/cpu-$W-$i" ) &
    wp+=($!)
  done
  for p in "${wp[@]}"; do wait "$p"; done
  t1=$(now)
  committed=$(as_pg "$PGBIN/psql" -X -A -t -h 127.0.0.1 -p "$port" -U saima -d postgres -c "SELECT count(*) FROM results WHERE round = 'b$W'")
  t2=$(now)
  sp=()
  for i in $(seq "$W"); do
    SWIFT_BACKTRACE=enable=no "$SAIMA" run --tracks Tracks --submissions Submissions --round "b$W" --out "runs/s$W-$i" \
      --shard "$i/$W" > "$work/sq-$W-$i.log" 2>&1 &
    sp+=($!)
  done
  for p in "${sp[@]}"; do wait "$p"; done
  t3=$(now)
  cpu=$(cat "$work"/cpu-$W-* | awk '{s += $1 + $2} END {print s}')
  python3 -c "
w, n, c = $W, $total, $committed
pg, sq = $t1 - $t0, $t3 - $t2
print(f'| {w} | {c} | {pg:.1f} | {c / pg:.0f} | {sq:.1f} | {n / sq:.0f} | {1000 * $cpu / c:.2f} |')"
done
xacts=$(as_pg "$PGBIN/psql" -X -A -t -h 127.0.0.1 -p "$port" -U saima -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")
echo "PostgreSQL transactions committed in all: $xacts for $((total * 3)) results (all three rounds)"
sizes=$(as_pg "$PGBIN/psql" -X -A -t -h 127.0.0.1 -p "$port" -U saima -d postgres -c "SELECT pg_total_relation_size('results'), pg_total_relation_size('work'), avg(octet_length(content)) FROM results")
echo "PostgreSQL sizes (results table with indexes | work table with indexes | mean reply bytes): $sizes for $((total * 3)) results"

echo "(each whole command from start to exit, so SQLite shards include scoring and writing their reports; $(nproc) cores, endpoint on the same machine)"
