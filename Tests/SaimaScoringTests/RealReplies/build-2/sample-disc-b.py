#!/usr/bin/env python3
"""Reproducible sample for source `disc-lawllm-2` (models GPT-3.5-turbo, LawGPT, Lawyer-LLaMa, LexiLaw).

Reads the upstream files from the fetched git directory (no work tree) at the commit below, joins every results
file row i with row i of the dataset file (gold answer; `input` asserted identical), excludes rows already used in
the corpus (only the `id` field of disc-lawllm.jsonl and heldout/disc-lawllm.jsonl is read), and draws 4 rows per
cell with a fresh generator per cell:

    rng = random.Random("20261207/<model>/<single|multi>/<ds>")
    cand = sorted(unused row indices); rng.shuffle(cand)
    take the first bare reply (<= 3 characters after strip) in shuffled order, if any,
    then non-bare replies from the front of the shuffled order until the cell has 4
    (filled with further bare replies, in shuffled order, if there are too few non-bare ones).

Writes candidates.jsonl (all fields except human/label/note/tags, which were read by hand afterwards).
"""
import csv, io, json, random, subprocess, sys

GIT = "/work/.mirror/FudanDISC+DISC-LawLLM/repo"
COMMIT = "f40d023488b4deb5eb369c85d4e9e8ebcde35c95"
RR = "/work/main/Tests/SaimaScoringTests/RealReplies"
MODELS = ["GPT-3.5-turbo", "LawGPT", "Lawyer-LLaMa", "LexiLaw"]
CELLS = [("single", d) for d in ["cpa", "lbk", "nje", "pae", "pfe", "ungee"]] + \
        [("multi", d) for d in ["cpa", "nje", "pae", "ungee"]]
N = 4


def show(path):
    return subprocess.run(["git", "--git-dir=" + GIT, "show", f"{COMMIT}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def rows(path):
    return list(csv.DictReader(io.StringIO(show(path), newline="")))


def used_ids():
    out = set()
    for f in [f"{RR}/disc-lawllm.jsonl", f"{RR}/heldout/disc-lawllm.jsonl"]:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    out.add(json.loads(line)["id"])  # only the id field is used
    return out


def letters(s):
    return "".join(sorted(set(c for c in (s or "") if c in "ABCD")))


def main(out="candidates.jsonl"):
    used = used_ids()
    lines = []
    for model in MODELS:
        for kind, ds in CELLS:
            res = rows(f"eval/stats/objective/{model}/{kind}/{ds}_results.csv")
            gold = rows(f"eval/datasets/objective/mcq_{'sing' if kind == 'single' else 'mult'}_{ds}.csv")
            assert len(res) == len(gold), (model, kind, ds, len(res), len(gold))
            for i, (r, g) in enumerate(zip(res, gold)):
                assert r["input"] == g["input"], (model, kind, ds, i)
            old = f"disc-lawllm/{model}/{kind}/{ds}/"
            cand = sorted(i for i in range(len(res)) if f"{old}{i}" not in used)
            rng = random.Random(f"20261207/{model}/{kind}/{ds}")
            rng.shuffle(cand)
            bare = [i for i in cand if len(res[i]["model_output"].strip()) <= 3]
            nonbare = [i for i in cand if len(res[i]["model_output"].strip()) > 3]
            pick = bare[:1]
            pick += nonbare[:N - len(pick)]
            if len(pick) < N:
                pick += [i for i in bare if i not in pick][:N - len(pick)]
            for i in pick:
                r, g = res[i], gold[i]
                d = {
                    "id": f"disc-lawllm-2/{model}/{kind}/{ds}/{i}",
                    "source": "disc-lawllm-2",
                    "type": "multi_choice" if kind == "multi" else "single_choice",
                    "choices": [{"letter": L, "text": r[L]} for L in "ABCD"],
                    "answer": letters(g["output"]),
                    "reply": r["model_output"],
                    "model": model,
                    "kind": "chat",
                }
                if "extract_ans" in r:
                    d["source_reading"] = letters(r["extract_ans"])
                diff = [L for L in "ABCD" if r[L] != g[L]]
                if diff:
                    d["_choice_diff"] = diff
                d["_input"] = r["input"]
                lines.append(d)
    with open(out, "w", encoding="utf-8") as fh:
        for d in lines:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(len(lines), "lines", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
