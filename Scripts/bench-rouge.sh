#!/usr/bin/env bash
# Benchmarks ROUGE-L on Chinese pairs: `saima score-file` vs Google's rouge-score (Python, on a subsample).
#
#   SAIMA=.build/release/saima Scripts/bench-rouge.sh           # 1,000,000 pairs of ~100 characters
#   PAIRS=100000 Scripts/bench-rouge.sh
#
# Uses the same virtual environment as Scripts/crosscheck-metrics.sh (.venv/crosscheck, git-ignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAIMA="${SAIMA:-$ROOT/.build/release/saima}"
PAIRS="${PAIRS:-1000000}"

if [ ! -x "$SAIMA" ]; then
    echo "bench-rouge: no saima binary at $SAIMA (build it with -c release, or set SAIMA)" >&2
    exit 2
fi
# shellcheck source=Scripts/reference-venv.sh
source "$ROOT/Scripts/reference-venv.sh"
exec "$VENV/bin/python" "$ROOT/Scripts/bench_rouge.py" --saima "$SAIMA" --pairs "$PAIRS"
