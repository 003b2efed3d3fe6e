"""File the second readers' and the third reader's readings under the corpus part each case belongs to.

Run from the repository root after the readers wrote OUT_DIR/chunk-N.readings.jsonl (see draw.py) and the third
readers OUT_DIR/settle*.readings.jsonl:
    python3 Tests/SaimaScoringTests/RealReplies/second-reading/merge.py OUT_DIR...
Writes second-reading/readings.jsonl (development part) and heldout/second-reading/readings.jsonl (held-out part),
one line per double-read case in id order: id, second (the second reader's letters), settled (the third reader's,
only where the first two readings differ), tags (the second reader's). Readings of ids the corpus does not hold yet
(a sample's held-out part kept outside until its rules are written) are left out, and counted on stderr. Readers' notes are kept for the development
part only: notes on held-out replies stay out of the repository, like the replies' contents out of any listing.
"""
import glob, json, os, sys

ROOT = "Tests/SaimaScoringTests/RealReplies"

def main():
    out_dirs = sys.argv[1:]
    part = {}
    first = {}
    for name, pattern in (("dev", "*.jsonl"), ("heldout", "heldout/*.jsonl")):
        for path in glob.glob(os.path.join(ROOT, pattern)):
            for raw in open(path, encoding="utf-8"):
                row = json.loads(raw)
                part[row["id"]] = name
                first[row["id"]] = row["human"]
    settled = {}
    for settle_path in sorted(p for d in out_dirs for p in glob.glob(os.path.join(d, "settle*.readings.jsonl"))):
        for raw in open(settle_path, encoding="utf-8"):
            row = json.loads(raw)
            settled[row["id"]] = row["settled"]
    rows = {"dev": [], "heldout": []}
    skipped = 0
    for path in sorted(p for d in out_dirs for p in glob.glob(os.path.join(d, "chunk-*.readings.jsonl"))):
        for raw in open(path, encoding="utf-8"):
            r = json.loads(raw)
            if r["id"] not in part:
                skipped += 1
                continue
            out = {"id": r["id"], "second": r["second"]}
            if r["second"] != first[r["id"]] and r["id"] in settled:
                out["settled"] = settled[r["id"]]
            out["tags"] = r.get("tags", [])
            if part[r["id"]] == "dev" and r.get("note"):
                out["note"] = r["note"]
            rows[part[r["id"]]].append(out)
    if skipped:
        print(f"{skipped} readings of ids not in the corpus yet left out", file=sys.stderr)
    for name, folder in (("dev", ROOT), ("heldout", os.path.join(ROOT, "heldout"))):
        target = os.path.join(folder, "second-reading")
        os.makedirs(target, exist_ok=True)
        with open(os.path.join(target, "readings.jsonl"), "w", encoding="utf-8") as f:
            for out in sorted(rows[name], key=lambda o: o["id"]):
                f.write(json.dumps(out, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main()
