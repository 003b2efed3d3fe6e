#!/usr/bin/env bash
# Instruction counts of the whole `saima run` by phase, under valgrind's callgrind (stable on a noisy machine,
# unlike wall time), for one or more saima binaries side by side:
#
#   Scripts/callgrind-fullpath.sh [--items N] LABEL=PATH/TO/saima [LABEL=PATH ...]
#
# Each binary runs the same round: one track of N single-choice items (20,000 by default), one team, a local
# fixed-reply endpoint (run natively, outside valgrind), 64 in flight. Callgrind dumps a profile part after every
# `PhaseClock.lap`, so each part is one phase (load … print) with every thread's instructions in it. Debug info is
# stripped from a copy of each binary first (valgrind 3.19 cannot read Swift's DWARF 5), and the binary must have
# the synchronous entry point (`Sources/saima/main.swift`). Needs valgrind (apt-get install valgrind).
set -euo pipefail
items=20000
if [ "${1:-}" = "--items" ]; then items=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: $0 [--items N] LABEL=saima-binary ..." >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d /tmp/saima-callgrind-XXXX)
endpoint_pid=""
cleanup() { [ -n "$endpoint_pid" ] && kill "$endpoint_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

first=${1#*=}
mkfifo "$work/endpoint-in"
"$first" bench-endpoint --latency-ms 0 < "$work/endpoint-in" > "$work/endpoint-out" &
endpoint_pid=$!
exec 3> "$work/endpoint-in"
for _ in $(seq 50); do grep -q listening "$work/endpoint-out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/listening/ {print $NF}' "$work/endpoint-out")

python3 - "$items" "$port" "$work/root" <<'PY'
import os, sys
n, port, root = int(sys.argv[1]), sys.argv[2], sys.argv[3]
os.makedirs(root + "/Tracks/bench/questions"); os.makedirs(root + "/Submissions/bench")
open(root + "/Tracks/bench/track.yaml", "w").write(
    "id: bench\nname: {zh: 基准, en: Bench}\nquestion_sets:\n"
    "  - {id: bench, file: questions/bench.jsonl, pilot_unit: 基准, split: dev}\n")
with open(root + "/Tracks/bench/questions/bench.jsonl", "w") as f:
    for i in range(n):
        f.write('{"id":"b%d","type":"single_choice","prompt":"基准测试问题 %d：以下哪项正确？",'
                '"choices":{"A":"甲","B":"乙"},"answer":"B"}\n' % (i, i))
open(root + "/Submissions/bench/submission.yaml", "w").write(
    "team: {zh: 基准, en: Bench}\ntracks: [bench]\nendpoint: {base_url: \"http://127.0.0.1:%s/v1\", model: bench, "
    "max_concurrency: 64, timeout_seconds: 300}\n" % port)
PY

labels=()
for spec in "$@"; do
    label=${spec%%=*}; binary=${spec#*=}
    labels+=("$label")
    objcopy --strip-debug "$binary" "$work/saima-$label"
    echo "callgrind: $label ($items items) …" >&2
    SWIFT_BACKTRACE=enable=no valgrind --tool=callgrind --dump-after='$s13SaimaPipeline10PhaseClockC3lapyySSF' \
        --callgrind-out-file="$work/cg-$label" "$work/saima-$label" run --round bench \
        --tracks "$work/root/Tracks" --submissions "$work/root/Submissions" --out "$work/run-$label" \
        --max-in-flight 64 --timeout-ceiling 300 > /dev/null 2> "$work/valgrind-$label.log"
    grep -o 'phases (s): .*' "$work/run-$label/run.log" | tail -1 > "$work/phases-$label"
done

python3 - "$work" "$items" "${labels[@]}" <<'PY'
import glob, re, sys
work, items, labels = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
table = {}
for label in labels:
    line = open(f"{work}/phases-{label}").read().split("; peak RSS", 1)[0]
    names = re.findall(r"(\S+) [0-9.]+", line.split(": ", 1)[1])
    names = [n for n in names if n != "total"]
    parts = {}
    for path in glob.glob(f"{work}/cg-{label}") + glob.glob(f"{work}/cg-{label}.*"):
        text = open(path, errors="replace").read()
        part = int(re.search(r"^part: (\d+)", text, re.M).group(1))
        if "Program termination" in text: part = len(names) + 1
        parts[part] = int(re.search(r"^summary: (\d+)", text, re.M).group(1))
    table[label] = {name: parts.get(i + 1, 0) for i, name in enumerate(names)}
    table[label]["exit"] = parts.get(len(names) + 1, 0)
    table[label]["total"] = sum(parts.values())
phases = list(table[labels[0]].keys())
print(f"instructions (Ir, millions) of `saima run`, {items} items, by phase")
print("| phase | " + " | ".join(labels) + (" | change |" if len(labels) == 2 else " |"))
print("|---|" + "---:|" * (len(labels) + (1 if len(labels) == 2 else 0)))
for p in phases:
    row = [table[l].get(p, 0) for l in labels]
    cells = [f"{v / 1e6:,.0f}" for v in row]
    if len(labels) == 2:
        cells.append(f"{(row[1] - row[0]) / row[0] * 100:+.0f}%" if row[0] else "")
    print(f"| {p} | " + " | ".join(cells) + " |")
PY
