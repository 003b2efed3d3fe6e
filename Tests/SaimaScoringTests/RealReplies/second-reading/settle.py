"""Write the blind files for the third readers: every double-read line where the second reading differs from the first.

Run from the repository root after the second readers wrote OUT_DIR/chunk-N.readings.jsonl (see draw.py):
    python3 Tests/SaimaScoringTests/RealReplies/second-reading/settle.py OUT_DIR
Each line keeps what a reader needs (id, type, choices, prompt when kept, model, kind, reply) and the two readings as
`reading_X` and `reading_Y`, in an order drawn with a fixed seed, so the third reader is not told which came first.
Three rounds, as they were settled: chunks 1–6 (the first draw) in settle.jsonl; chunks 7–30 (the rest of the
held-out part) in settle-h-1.jsonl … (45 lines each); chunks 31–43 (the rest of the development part) in
settle-d-1.jsonl … (40 lines each). Re-running reproduces the same files.
"""
import glob, json, os, random, sys

ROOT = "Tests/SaimaScoringTests/RealReplies"
KEEP = ("id", "type", "choices", "prompt", "model", "kind", "reply")
ROUNDS = (("", range(1, 7), None), ("h", range(7, 31), 45), ("d", range(31, 44), 40))

def main():
    out_dir = sys.argv[1]
    rows = {}
    for pattern in ("*.jsonl", "heldout/*.jsonl"):
        for path in glob.glob(os.path.join(ROOT, pattern)):
            for raw in open(path, encoding="utf-8"):
                row = json.loads(raw)
                rows[row["id"]] = row
    for tag, chunks, size in ROUNDS:
        rng = random.Random("20261208-second/settle" + (f"-{tag}" if tag else ""))
        out = []
        for n in chunks:
            for raw in open(os.path.join(out_dir, f"chunk-{n}.readings.jsonl"), encoding="utf-8"):
                second = json.loads(raw)
                row = rows[second["id"]]
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
