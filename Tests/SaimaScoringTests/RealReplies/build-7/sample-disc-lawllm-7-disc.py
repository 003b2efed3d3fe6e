#!/usr/bin/env python3
"""Reproducible sample for source `disc-lawllm-7` (all nine models) from github:FudanDISC/DISC-LawLLM at commit
f40d023488b4deb5eb369c85d4e9e8ebcde35c95. Adapted from build-6/sample-disc-lawllm-6-disc.py; the only changes are
the source name, the sixth excluded prefix and the seed prefix (3 rows per cell, as the sixth sample).

Usage: python3 sample.py GIT_DIR USED_ID_FILE... > candidates.jsonl
  GIT_DIR       bare git directory of the repository (e.g. from the `fetch` tool)
  USED_ID_FILE  the existing corpus files disc-lawllm.jsonl, disc-lawllm-2.jsonl, ..., disc-lawllm-6.jsonl and
                heldout/disc-lawllm.jsonl, heldout/disc-lawllm-2.jsonl, ..., heldout/disc-lawllm-6.jsonl
                (only the `id` field is read)

Example (from RealReplies/):
  python3 sample.py /work/.mirror/FudanDISC+DISC-LawLLM/repo disc-lawllm.jsonl disc-lawllm-2.jsonl \
      disc-lawllm-3.jsonl disc-lawllm-4.jsonl disc-lawllm-5.jsonl disc-lawllm-6.jsonl heldout/disc-lawllm.jsonl \
      heldout/disc-lawllm-2.jsonl heldout/disc-lawllm-3.jsonl heldout/disc-lawllm-4.jsonl \
      heldout/disc-lawllm-5.jsonl heldout/disc-lawllm-6.jsonl > candidates.jsonl
Re-running it gives byte-identical output (checked).

Per cell (model in sorted order; single: cpa, lbk, nje, pae, pfe, ungee; multi: cpa, nje, pae, ungee):
  * rows of eval/stats/objective/<model>/<part>/<ds>_results.csv (Python csv), joined by row index with
    eval/datasets/objective/mcq_<sing|mult>_<ds>.csv (asserting equal row counts and identical `input`);
  * candidates = row indices i such that none of disc-lawllm/<model>/<part>/<ds>/<i>,
    disc-lawllm-2/<model>/<part>/<ds>/<i>, ..., disc-lawllm-6/<model>/<part>/<ds>/<i> is already used,
    sorted ascending;
  * rng = random.Random("20261207g/<model>/<part>/<ds>") (fresh per cell); rng.shuffle(candidates) once;
  * take the first 3 NON-BARE rows (len(model_output.strip()) > 3) from the front of the shuffled list; only if
    fewer than 3 exist, fill up with bare rows from the front.
Output: one JSON per line (cells in the order above, rows ascending inside a cell): the corpus fields except
human/label/note/tags, plus helper fields `bare`, `choices_differ`, `question` (not corpus fields).
"""
import csv, io, json, random, subprocess, sys

COMMIT = "f40d023488b4deb5eb369c85d4e9e8ebcde35c95"
MODELS = sorted(["Baichuan-13b-Chat", "ChatGLM", "ChatLaw", "Chinese-Alpaca2", "DISC-LawLLM",
                 "GPT-3.5-turbo", "LawGPT", "Lawyer-LLaMa", "LexiLaw"])
CELLS = [("single", d) for d in ["cpa", "lbk", "nje", "pae", "pfe", "ungee"]] + \
        [("multi", d) for d in ["cpa", "nje", "pae", "ungee"]]
PER_CELL = 3
SOURCE = "disc-lawllm-7"
OLD_PREFIXES = ["disc-lawllm", "disc-lawllm-2", "disc-lawllm-3", "disc-lawllm-4", "disc-lawllm-5",
                "disc-lawllm-6"]


def read_csv(gitdir, path):
    raw = subprocess.run(["git", "--git-dir=" + gitdir, "show", COMMIT + ":" + path],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return list(csv.DictReader(io.StringIO(raw, newline="")))


def letters(s):
    return "".join(sorted(set(c for c in (s or "") if c in "ABCD")))


def main():
    gitdir, used_files = sys.argv[1], sys.argv[2:]
    used = set()
    for f in used_files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    used.add(json.loads(line)["id"])
    out = sys.stdout
    for model in MODELS:
        for part, ds in CELLS:
            res = read_csv(gitdir, f"eval/stats/objective/{model}/{part}/{ds}_results.csv")
            gold = read_csv(gitdir, f"eval/datasets/objective/mcq_{'sing' if part == 'single' else 'mult'}_{ds}.csv")
            assert len(res) == len(gold), (model, part, ds)
            cand = sorted(i for i in range(len(res))
                          if not any(f"{p}/{model}/{part}/{ds}/{i}" in used for p in OLD_PREFIXES))
            rng = random.Random(f"20261207g/{model}/{part}/{ds}")
            rng.shuffle(cand)
            nonbare = [i for i in cand if len(res[i]["model_output"].strip()) > 3]
            bare = [i for i in cand if len(res[i]["model_output"].strip()) <= 3]
            take = nonbare[:PER_CELL]
            if len(take) < PER_CELL:
                take += bare[:PER_CELL - len(take)]
            for i in sorted(take):
                r, g = res[i], gold[i]
                assert r["input"] == g["input"], (model, part, ds, i)
                rec = {
                    "id": f"{SOURCE}/{model}/{part}/{ds}/{i}",
                    "source": SOURCE,
                    "type": "multi_choice" if part == "multi" else "single_choice",
                    "choices": [{"letter": L, "text": r[L]} for L in "ABCD"],
                    "answer": letters(g["output"]),
                    "reply": r["model_output"],
                }
                if "extract_ans" in r:
                    rec["source_reading"] = letters(r["extract_ans"])
                rec["model"] = model
                rec["kind"] = "chat"
                rec["bare"] = len(r["model_output"].strip()) <= 3
                rec["choices_differ"] = [L for L in "ABCD" if r[L] != g[L]]
                rec["question"] = r["input"]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
