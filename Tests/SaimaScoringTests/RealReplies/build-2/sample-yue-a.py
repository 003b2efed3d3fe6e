#!/usr/bin/env python3
"""Reproducible sample for yue-arc-2 (first 18 of 36 models in sorted() order).

Usage: python3 sample.py GITDIR OUT.json
GITDIR = git directory of github:jiangjyjy/Yue-Benchmark (commit 675254d79f831ffccc21965a17a1f6bd4545581f).
"""
import ast, json, random, subprocess, sys

GITDIR, OUT = sys.argv[1], sys.argv[2]
COMMIT = "675254d79f831ffccc21965a17a1f6bd4545581f"
PREFIX = "results&src/ARC_c/ARC_c-yue/"
SUFFIX = "_ARC-c_cantonese_"
CORPUS = ["/work/main/Tests/SaimaScoringTests/RealReplies/yue-arc.jsonl",
          "/work/main/Tests/SaimaScoringTests/RealReplies/heldout/yue-arc.jsonl"]

def git(*a):
    return subprocess.run(["git", "--git-dir", GITDIR, *a], check=True, capture_output=True).stdout

names = [n for n in git("ls-tree", "-r", COMMIT, "--name-only").decode().splitlines()
         if n.startswith(PREFIX) and n.endswith(".json")]
models = sorted({n[len(PREFIX):].split(SUFFIX)[0] for n in names})
assert len(models) == 36, len(models)
mine = models[:18]

used = set()
for p in CORPUS:
    with open(p, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                used.add(json.loads(line)["id"])   # only the id field is used

out = []
for model in mine:
    for shot in ("0shot", "5shot"):
        path = f"{PREFIX}{model}{SUFFIX}{shot}.json"
        try:
            data = json.loads(git("show", f"{COMMIT}:{path}"))
        except subprocess.CalledProcessError:
            print("absent from snapshot:", path, file=sys.stderr)
            continue
        rng = random.Random(f"20261207/{model}/{shot}")
        free = [i for i in range(len(data)) if f"yue-arc/{model}/{shot}/{i}" not in used]
        bare = sorted(i for i in free if len(data[i]["llm_output"].strip()) <= 3)
        nonbare = sorted(i for i in free if len(data[i]["llm_output"].strip()) > 3)
        rng.shuffle(bare)
        rng.shuffle(nonbare)
        pick = bare[:1]
        bare_rest = bare[1:]
        pick += nonbare[:5 - len(pick)]
        if len(pick) < 5:
            pick += bare_rest[:5 - len(pick)]
        for i in sorted(pick):
            d = data[i]
            assert d["model_name"] == model, (d["model_name"], model)
            out.append({
                "id": f"yue-arc-2/{model}/{shot}/{i}",
                "file": path, "index": i,
                "model": d["model_name"],
                "question": d["question"],
                "choices": [{"letter": k, "text": v} for k, v in ast.literal_eval(d["standard_answer_range"])],
                "answer": d["correct_answer"],
                "reply": d["llm_output"],
                "is_correct": d["is_correct"],
            })
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print(len(out), "items;", "models:", mine, file=sys.stderr)
