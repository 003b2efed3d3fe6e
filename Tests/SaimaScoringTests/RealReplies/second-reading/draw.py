"""Draw the double-read subset of the real-reply corpus and write blind copies for second readers.

Run from the repository root:  python3 Tests/SaimaScoringTests/RealReplies/second-reading/draw.py OUT_DIR
It draws, with fixed seeds, 600 held-out and 300 development lines from the sources that carry a model kind (the
sources added from 2026-12-06 on), and writes OUT_DIR/chunk-1.jsonl … chunk-6.jsonl of 150 lines each. A blind copy
keeps only what a reader needs to read the reply (id, type, choices, prompt when the source keeps one, model, kind,
reply): never the first reading (`human`), its note, tags or label, the upstream tool's reading, or the standard
answer. Re-running reproduces the same ids and files.

Second stage (every held-out line double-read): with `--rest-of-heldout` it also writes the held-out lines the first
draw left out, shuffled with a fixed seed, as chunk-7.jsonl onwards (150 lines each, the last one shorter); with
`--rest-of-development` too, the development lines the first draw left out, as the chunks after those.

Seventh sample (read twice from the start): with `--seventh-sample` it writes the seventh sample's lines of both parts
(sources ending in `-7`), shuffled with a fixed seed, as chunk-s7-1.jsonl onwards (150 lines each).
"""
import glob, json, os, random, sys

ROOT = "Tests/SaimaScoringTests/RealReplies"
KEEP = ("id", "type", "choices", "prompt", "model", "kind", "reply")

# Samples added after the first draws (read twice from the start, by their own stage): left out of the first draw and
# the rest-of-part stages, so that those draw from the corpus as it was when they were made.
LATER_SAMPLES = ("-7",)

def lines(pattern, later=False):
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        for raw in open(path, encoding="utf-8"):
            row = json.loads(raw)
            if row.get("kind") in ("base", "chat") and (later or not row["source"].endswith(LATER_SAMPLES)):
                out.append(row)
    return sorted(out, key=lambda r: r["id"])

def write_chunks(rows, out_dir, seed, name):
    """Shuffles `rows` (sorted by id) with `seed` and writes blind chunks of 150 as `name.format(n)`, n from 1."""
    rows = sorted(rows, key=lambda r: r["id"])
    random.Random(seed).shuffle(rows)
    for n in range(0, len(rows), 150):
        with open(os.path.join(out_dir, name.format(n // 150 + 1)), "w", encoding="utf-8") as f:
            for row in rows[n:n + 150]:
                blind = {k: row[k] for k in KEEP if k in row}
                f.write(json.dumps(blind, ensure_ascii=False) + "\n")

def seventh(rows):
    return [r for r in rows if r["source"].endswith("-7")]

def main():
    out_dir = sys.argv[1]
    if "--seventh-sample" in sys.argv[2:]:
        os.makedirs(out_dir, exist_ok=True)
        rows = seventh(lines("*.jsonl", later=True) + lines("heldout/*.jsonl", later=True))
        write_chunks(rows, out_dir, "20261208-second/seventh", "chunk-s7-{}.jsonl")
        return
    heldout = random.Random("20261208-second/heldout").sample(lines("heldout/*.jsonl"), 600)
    development = random.Random("20261208-second/development").sample(lines("*.jsonl"), 300)
    drawn = heldout + development
    random.Random("20261208-second/order").shuffle(drawn)
    os.makedirs(out_dir, exist_ok=True)
    for n in range(6):
        with open(os.path.join(out_dir, f"chunk-{n + 1}.jsonl"), "w", encoding="utf-8") as f:
            for row in drawn[n * 150:(n + 1) * 150]:
                blind = {k: row[k] for k in KEEP if k in row}
                f.write(json.dumps(blind, ensure_ascii=False) + "\n")
    # Chunk numbers are fixed: the held-out rest takes 7 onwards, the development rest the numbers after it, whichever
    # of the two stages is asked for.
    next_chunk = 7
    for flag, pattern, part, seed in (
        ("--rest-of-heldout", "heldout/*.jsonl", heldout, "20261208-second/rest"),
        ("--rest-of-development", "*.jsonl", development, "20261208-second/rest-development"),
    ):
        drawn_ids = {row["id"] for row in part}
        rest = [row for row in lines(pattern) if row["id"] not in drawn_ids]
        random.Random(seed).shuffle(rest)
        for n in range(0, len(rest), 150):
            if flag in sys.argv[2:]:
                with open(os.path.join(out_dir, f"chunk-{next_chunk}.jsonl"), "w", encoding="utf-8") as f:
                    for row in rest[n:n + 150]:
                        blind = {k: row[k] for k in KEEP if k in row}
                        f.write(json.dumps(blind, ensure_ascii=False) + "\n")
            next_chunk += 1

if __name__ == "__main__":
    main()
