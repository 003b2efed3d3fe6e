#!/usr/bin/env bash
# Issue 19 row 18: peak memory of `saima appeals import` on a large appeals sheet (default 150 MB), beside the
# sheet's size. Builds a small run with the demo, issues its appeals sheet, pads it with unfilled rows whose reply
# cells are long (as judges' sheets are), fills one row, imports it, and prints the command's peak RSS (VmHWM).
# usage: Scripts/appeals-memory.sh [MB]   (SAIMA: the binary, default .build/debug/saima)
set -euo pipefail
MB="${1:-150}"
SAIMA="${SAIMA:-.build/debug/saima}"
OUT="$(mktemp -d)/run"
"$SAIMA" demo --out "$OUT" --quiet >/dev/null
"$SAIMA" appeals template --out "$OUT" --rules all >/dev/null
python3 - "$OUT/appeals/appeals.csv" "$MB" <<'PY'
import csv, io, sys
path, mb = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8-sig").read()
rows = list(csv.reader(io.StringIO(text)))
header, first = rows[0], rows[1]
col = {name: i for i, name in enumerate(header)}
first[col["judge_reading"]] = "A"; first[col["judge"]] = "张评委"; first[col["reason"]] = "memory check"
filler = list(rows[2]); filler[col["reply"]] = "长回答，" * 4000
with open(path + ".big.csv", "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f)
    w.writerow(header); w.writerow(first)
    while f.tell() < mb * 1024 * 1024:
        w.writerow(filler)
PY
SIZE=$(stat -c %s "$OUT/appeals/appeals.csv.big.csv")
/usr/bin/time -f "%M" -o "$OUT/rss.txt" "$SAIMA" appeals import --out "$OUT" "$OUT/appeals/appeals.csv.big.csv" >/dev/null
echo "sheet: $((SIZE / 1048576)) MB   saima appeals import peak RSS: $(( $(cat "$OUT/rss.txt") / 1024 )) MB (target ≤ 100 MB)"
rm -rf "$(dirname "$OUT")"
