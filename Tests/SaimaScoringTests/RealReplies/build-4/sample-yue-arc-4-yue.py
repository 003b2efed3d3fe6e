#!/usr/bin/env python3
"""Reproduce the yue-arc-4 sample (fourth sample; adapted from build-3/sample-yue-arc-3-yue.py).

usage: python3 sample.py GIT_DIR REALREPLIES_DIR OUT.json
GIT_DIR: git directory of github:jiangjyjy/Yue-Benchmark (commit 675254d79f831ffccc21965a17a1f6bd4545581f)
REALREPLIES_DIR: /work/main/Tests/SaimaScoringTests/RealReplies (only the `id` field of the yue-arc, yue-arc-2,
  yue-arc-3 files, dev and heldout, is read)
Re-running gives the same ids (fresh random.Random("20261207d/<model>/<shot>") per file).
"""
import ast, json, random, subprocess, sys

git, rr, out = sys.argv[1:4]
COMMIT = "675254d79f831ffccc21965a17a1f6bd4545581f"
PREFIX = "results&src/ARC_c/ARC_c-yue/"
SEP = "_ARC-c_cantonese_"

def run(*a):
    return subprocess.run(["git", "--git-dir", git, *a], check=True, capture_output=True).stdout

names = [n for n in run("ls-tree", "-r", COMMIT, "--name-only").decode().splitlines()
         if n.startswith(PREFIX) and n.endswith(".json")]
models = sorted({n[len(PREFIX):].split(SEP)[0] for n in names})
assert len(models) == 36, len(models)

used = set()
for f in ["yue-arc.jsonl", "yue-arc-2.jsonl", "yue-arc-3.jsonl",
          "heldout/yue-arc.jsonl", "heldout/yue-arc-2.jsonl", "heldout/yue-arc-3.jsonl"]:
    with open(f"{rr}/{f}", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                used.add(json.loads(line)["id"])  # only the id field is used

BASE = {"internlm-7b-turbomind", "internlm2-7b-turbomind", "internlm2_5-20b-turbomind", "internlm2_5-7b-hf",
        "internlm2_5-7b-turbomind", "llama-2-7b-hf", "qwen-7b-hf", "qwen1.5-110b-hf", "qwen1.5-7b-hf",
        "qwen2-72b-hf", "qwen2-7b-hf", "qwen2.5-7b-hf", "yi-1.5-6b-hf", "yi-6b-hf"}

rows, skipped = [], []
for model in models:
    for shot in ("0shot", "5shot"):
        path = f"{PREFIX}{model}{SEP}{shot}.json"
        try:
            data = json.loads(run("show", f"{COMMIT}:{path}"))
        except subprocess.CalledProcessError:
            skipped.append(path)
            continue
        free = [i for i in range(len(data))
                if all(f"{src}/{model}/{shot}/{i}" not in used for src in ("yue-arc", "yue-arc-2", "yue-arc-3"))]
        nonbare = sorted(i for i in free if len(data[i]["llm_output"].strip()) > 3)
        bare = sorted(i for i in free if len(data[i]["llm_output"].strip()) <= 3)
        rng = random.Random(f"20261207d/{model}/{shot}")
        rng.shuffle(nonbare)
        take = nonbare[:2]
        if len(take) < 2:
            rng.shuffle(bare)
            take += bare[:2 - len(take)]
        for i in take:
            o = data[i]
            assert o["model_name"] == model, (o["model_name"], model)
            rows.append({
                "id": f"yue-arc-4/{model}/{shot}/{i}",
                "source": "yue-arc-4",
                "type": "single_choice",
                "choices": [{"letter": l, "text": t} for l, t in ast.literal_eval(o["standard_answer_range"])],
                "answer": o["correct_answer"],
                "reply": o["llm_output"],
                "model": model,
                "kind": "base" if model in BASE else "chat",
                "question": o["question"],
                "bare": len(o["llm_output"].strip()) <= 3,
            })

print("files skipped:", skipped, file=sys.stderr)
print("rows:", len(rows), file=sys.stderr)
with open(out, "w", encoding="utf-8") as fh:
    json.dump(rows, fh, ensure_ascii=False, indent=1)
