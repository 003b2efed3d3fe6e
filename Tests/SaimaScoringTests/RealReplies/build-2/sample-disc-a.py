#!/usr/bin/env python3
"""Reproducible sample for source `disc-lawllm-2` (models Baichuan-13b-Chat, ChatGLM, ChatLaw, Chinese-Alpaca2,
DISC-LawLLM) from github:FudanDISC/DISC-LawLLM at commit f40d023488b4deb5eb369c85d4e9e8ebcde35c95.

Usage: python3 sample.py GIT_DIR USED_ID_FILE... > sample.jsonl
  GIT_DIR       bare git directory of the repository (e.g. from the `fetch` tool)
  USED_ID_FILE  the existing corpus files disc-lawllm.jsonl and heldout/disc-lawllm.jsonl (only `id` is read)

Per cell (model, single|multi, ds):
  * rows of eval/stats/objective/<model>/<part>/<ds>_results.csv (Python csv), joined by row index with
    eval/datasets/objective/mcq_<sing|mult>_<ds>.csv (asserting identical `input`);
  * candidates = row indices whose id disc-lawllm/<model>/<part>/<ds>/<row> is not already used, sorted ascending;
  * rng = random.Random("20261207/<model>/<part>/<ds>"); rng.shuffle(candidates)  (one shuffle of all candidates);
  * walking the shuffled list from the front: the first bare row (model_output.strip() has <= 3 characters), if any,
    plus the first 3 non-bare rows; if fewer than 3 non-bare rows exist, fill up with the next bare rows from the front.
Output (one JSON per line, cells in the order below, rows ascending inside a cell): the corpus fields except
human/label/note/tags, plus `bare` (helper flag, not a corpus field).
"""
import csv, io, json, random, subprocess, sys

COMMIT = "f40d023488b4deb5eb369c85d4e9e8ebcde35c95"
MODELS = ["Baichuan-13b-Chat", "ChatGLM", "ChatLaw", "Chinese-Alpaca2", "DISC-LawLLM"]
CELLS = [("single", d) for d in ["cpa", "lbk", "nje", "pae", "pfe", "ungee"]] + \
        [("multi", d) for d in ["cpa", "nje", "pae", "ungee"]]
PER_CELL = 4


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
            cand = sorted(i for i in range(len(res)) if f"disc-lawllm/{model}/{part}/{ds}/{i}" not in used)
            rng = random.Random(f"20261207/{model}/{part}/{ds}")
            rng.shuffle(cand)
            bare = [i for i in cand if len(res[i]["model_output"].strip()) <= 3]
            nonbare = [i for i in cand if len(res[i]["model_output"].strip()) > 3]
            take = bare[:1]
            take += nonbare[:PER_CELL - len(take)]
            if len(take) < PER_CELL:
                take += bare[1:1 + PER_CELL - len(take)]
            for i in sorted(take):
                r, g = res[i], gold[i]
                assert r["input"] == g["input"], (model, part, ds, i)
                rec = {
                    "id": f"disc-lawllm-2/{model}/{part}/{ds}/{i}",
                    "source": "disc-lawllm-2",
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
