#!/usr/bin/env python3
"""Reproducible sample for source yue-arc-2 (models 19-36 of 36 in sorted() order).

Usage: python3 sample.py GIT_DIR  -> writes sample.jsonl (unlabelled lines) in the current folder.
GIT_DIR is the git directory of github:jiangjyjy/Yue-Benchmark (commit 675254d79f831ffccc21965a17a1f6bd4545581f).
"""
import ast, json, random, subprocess, sys

GIT = sys.argv[1]
COMMIT = "675254d79f831ffccc21965a17a1f6bd4545581f"
DIR = "results&src/ARC_c/ARC_c-yue/"
SUFFIX = "_ARC-c_cantonese_"
CORPUS = "/work/main/Tests/SaimaScoringTests/RealReplies/"

def git(*a):
    return subprocess.run(["git", "--git-dir=" + GIT, *a], check=True, capture_output=True).stdout

names = [n for n in git("ls-tree", "-r", COMMIT, "--name-only").decode().splitlines() if n.startswith(DIR)]
models = sorted({n[len(DIR):].split(SUFFIX)[0] for n in names})
assert len(models) == 36, len(models)
mine = models[18:]

used = set()
for f in ("yue-arc.jsonl", "heldout/yue-arc.jsonl"):
    with open(CORPUS + f, encoding="utf-8") as fh:
        for line in fh:
            used.add(json.loads(line)["id"])   # only the id field is read

out = []
for model in mine:
    for shot in ("0shot", "5shot"):
        path = f"{DIR}{model}{SUFFIX}{shot}.json"
        data = json.loads(git("show", f"{COMMIT}:{path}"))
        rng = random.Random(f"20261207/{model}/{shot}")
        free = [i for i in range(len(data)) if f"yue-arc/{model}/{shot}/{i}" not in used]
        bare = sorted(i for i in free if len(data[i]["llm_output"].strip()) <= 3)
        nonbare = sorted(i for i in free if len(data[i]["llm_output"].strip()) > 3)
        rng.shuffle(bare)      # bare list shuffled first,
        rng.shuffle(nonbare)   # then the non-bare list, with the same generator
        take_bare = bare[:1]
        take = take_bare + nonbare[:5 - len(take_bare)]
        if len(take) < 5:      # too few non-bare: fill with further bare replies
            take += bare[len(take_bare):len(take_bare) + 5 - len(take)]
        for i in sorted(take):
            o = data[i]
            choices = [{"letter": l, "text": t} for l, t in ast.literal_eval(o["standard_answer_range"])]
            out.append({
                "id": f"yue-arc-2/{model}/{shot}/{i}",
                "source": "yue-arc-2",
                "type": "single_choice",
                "choices": choices,
                "answer": o["correct_answer"],
                "reply": o["llm_output"],
                "model": o["model_name"],
                "_question": o["question"],
                "_file_model": model,
            })
with open("sample.jsonl", "w", encoding="utf-8") as fh:
    for o in out:
        fh.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), "lines;", "models:", mine)
