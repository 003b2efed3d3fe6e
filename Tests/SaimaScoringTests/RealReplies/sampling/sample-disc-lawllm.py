#!/usr/bin/env python3
"""Reproducible samples 4 to 7 of source `disc-lawllm-N` (all nine models) from github:FudanDISC/DISC-LawLLM at commit
f40d023488b4deb5eb369c85d4e9e8ebcde35c95. One script for the samples that differ only in their number, the seed prefix
(`20261207d` … `20261207g`) and the rows per cell (2 for the fourth, 3 after); it replaced their per-sample copies
(build-4/ … build-7/), and reproduces each of their draws byte for byte (checked when it replaced them).

Usage: python3 sample-disc-lawllm.py --sample N GIT_DIR USED_ID_FILE... > candidates.jsonl
  N             the sample's number, 4 to 7
  GIT_DIR       bare git directory of the repository (e.g. from the `fetch` tool)
  USED_ID_FILE  the corpus files of the source (disc-lawllm*.jsonl and heldout/disc-lawllm*.jsonl); only the `id`
                field is read, and only ids of samples before N count

Per cell (model in sorted order; single: cpa, lbk, nje, pae, pfe, ungee; multi: cpa, nje, pae, ungee):
  * rows of eval/stats/objective/<model>/<part>/<ds>_results.csv (Python csv), joined by row index with
    eval/datasets/objective/mcq_<sing|mult>_<ds>.csv (asserting equal row counts and identical `input`);
  * candidates = row indices i such that no disc-lawllm/<model>/<part>/<ds>/<i>, disc-lawllm-2/…, …,
    disc-lawllm-(N-1)/… is already used, sorted ascending;
  * rng = random.Random("<seed>/<model>/<part>/<ds>") (fresh per cell); rng.shuffle(candidates) once;
  * take the first rows-per-cell NON-BARE rows (len(model_output.strip()) > 3) from the front of the shuffled list;
    only if fewer exist, fill up with bare rows from the front.
Output: one JSON per line (cells in the order above, rows ascending inside a cell): the corpus fields except
human/label/note/tags, plus helper fields `bare`, `choices_differ`, `question` (not corpus fields).
"""
import csv, io, json, random, subprocess, sys

COMMIT = "f40d023488b4deb5eb369c85d4e9e8ebcde35c95"
MODELS = sorted(["Baichuan-13b-Chat", "ChatGLM", "ChatLaw", "Chinese-Alpaca2", "DISC-LawLLM",
                 "GPT-3.5-turbo", "LawGPT", "Lawyer-LLaMa", "LexiLaw"])
CELLS = [("single", d) for d in ["cpa", "lbk", "nje", "pae", "pfe", "ungee"]] + \
        [("multi", d) for d in ["cpa", "nje", "pae", "ungee"]]
# Per sample: its seed prefix and rows per cell.
SAMPLES = {4: ("20261207d", 2), 5: ("20261207e", 3), 6: ("20261207f", 3), 7: ("20261207g", 3)}


def read_csv(gitdir, path):
    raw = subprocess.run(["git", "--git-dir=" + gitdir, "show", COMMIT + ":" + path],
                         capture_output=True, check=True).stdout.decode("utf-8")
    return list(csv.DictReader(io.StringIO(raw, newline="")))


def letters(s):
    return "".join(sorted(set(c for c in (s or "") if c in "ABCD")))


def main():
    assert sys.argv[1] == "--sample", __doc__
    n = int(sys.argv[2])
    seed, per_cell = SAMPLES[n]
    source = f"disc-lawllm-{n}"
    old_prefixes = ["disc-lawllm"] + [f"disc-lawllm-{k}" for k in range(2, n)]
    gitdir, used_files = sys.argv[3], sys.argv[4:]
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
                          if not any(f"{p}/{model}/{part}/{ds}/{i}" in used for p in old_prefixes))
            rng = random.Random(f"{seed}/{model}/{part}/{ds}")
            rng.shuffle(cand)
            nonbare = [i for i in cand if len(res[i]["model_output"].strip()) > 3]
            bare = [i for i in cand if len(res[i]["model_output"].strip()) <= 3]
            take = nonbare[:per_cell]
            if len(take) < per_cell:
                take += bare[:per_cell - len(take)]
            for i in sorted(take):
                r, g = res[i], gold[i]
                assert r["input"] == g["input"], (model, part, ds, i)
                rec = {
                    "id": f"{source}/{model}/{part}/{ds}/{i}",
                    "source": source,
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
