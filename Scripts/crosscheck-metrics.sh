#!/usr/bin/env bash
# Cross-checks `saima score-file` against rouge-score, sacrebleu and SQuAD F1 on random mixed zh/en pairs.
#
#   SAIMA=.build/debug/saima Scripts/crosscheck-metrics.sh        # defaults: 2000 pairs, seed 20240518
#   PAIRS=5000 SEED=7 Scripts/crosscheck-metrics.sh
#
# Creates .venv/crosscheck (git-ignored) with the pinned reference versions on first use. Exits non-zero on any
# disagreement (per item > 1e-6, corpus BLEU > 0.01 BLEU points).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAIMA="${SAIMA:-$ROOT/.build/debug/saima}"
PAIRS="${PAIRS:-2000}"
SEED="${SEED:-20240518}"

if [ ! -x "$SAIMA" ]; then
    echo "crosscheck: no saima binary at $SAIMA (build it, or set SAIMA)" >&2
    exit 2
fi
# shellcheck source=Scripts/reference-venv.sh
source "$ROOT/Scripts/reference-venv.sh"
"$VENV/bin/python" "$ROOT/Scripts/crosscheck_metrics.py" --saima "$SAIMA" --pairs "$PAIRS" --seed "$SEED"
# Bradley–Terry ratings against an unregularized maximum-likelihood fit with scipy.
"$VENV/bin/python" "$ROOT/Scripts/crosscheck_ratings.py" --saima "$SAIMA" --seed "$SEED"
