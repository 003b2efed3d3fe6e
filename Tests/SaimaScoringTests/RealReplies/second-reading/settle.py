"""Write the blind files for the third readers: every double-read line where the second reading differs from the first.

Run from the repository root after the second readers wrote OUT_DIR/chunk-N.readings.jsonl (see draw.py):
    python3 Tests/SaimaScoringTests/RealReplies/second-reading/settle.py OUT_DIR
Each line keeps what a reader needs (id, type, choices, prompt when kept, model, kind, reply) and the two readings as
`reading_X` and `reading_Y`, in an order drawn with a fixed seed, so the third reader is not told which came first.
Four rounds, as they were settled: chunks 1–6 (the first draw) in settle.jsonl; chunks 7–30 (the rest of the
held-out part) in settle-h-1.jsonl … (45 lines each); chunks 31–43 (the rest of the development part) in
settle-d-1.jsonl … (40 lines each); the seventh sample's chunks s7-1 … s7-7 in settle-s7-1.jsonl … (40 lines each),
from OUT_DIR/chunk-s7-N.readings.jsonl. Re-running reproduces the same files (a round whose readings are missing is
skipped).
"""
import glob, json, os, random, sys

ROOT = "Tests/SaimaScoringTests/RealReplies"
KEEP = ("id", "type", "choices", "prompt", "model", "kind", "reply")
ROUNDS = (
    ("", [f"chunk-{n}" for n in range(1, 7)], None),
    ("h", [f"chunk-{n}" for n in range(7, 31)], 45),
    ("d", [f"chunk-{n}" for n in range(31, 44)], 40),
    ("s7", [f"chunk-s7-{n}" for n in range(1, 8)], 40),
)

def corpus_rows(patterns):
    rows = {}
    for pattern in patterns:
        for path in glob.glob(pattern):
            for raw in open(path, encoding="utf-8"):
                row = json.loads(raw)
                rows[row["id"]] = row
    return rows

def main(rows=None):
    out_dir = sys.argv[1]
    if rows is None:
        rows = corpus_rows([os.path.join(ROOT, "*.jsonl"), os.path.join(ROOT, "heldout", "*.jsonl")])
    for tag, chunks, size in ROUNDS:
        if not all(os.path.exists(os.path.join(out_dir, f"{c}.readings.jsonl")) for c in chunks):
            continue
        rng = random.Random("20261208-second/settle" + (f"-{tag}" if tag else ""))
        out = []
        for c in chunks:
            for raw in open(os.path.join(out_dir, f"{c}.readings.jsonl"), encoding="utf-8"):
                second = json.loads(raw)
                row = rows.get(second["id"])
                if row is None:  # a part kept outside the corpus until its rules are written
                    continue
                if row["human"] == second["second"]:
                    continue
                pair = [row["human"], second["second"]]
                if rng.random() < 0.5:
                    pair.reverse()
                blind = {k: row[k] for k in KEEP if k in row}
                blind["reading_X"], blind["reading_Y"] = pair
                out.append(blind)
        parts = [out] if size is None else [out[i:i + size] for i in range(0, len(out), size)]
        for n, part in enumerate(parts):
            name = "settle.jsonl" if size is None else f"settle-{tag}-{n + 1}.jsonl"
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                f.write("".join(json.dumps(b, ensure_ascii=False) + "\n" for b in part))

if __name__ == "__main__":
    main()
