#!/usr/bin/env python3
"""Reproduce the yue-arc-7 sample (seventh sample; adapted from build-6/sample-yue-arc-6-yue.py).

usage: python3 sample.py GIT_DIR REALREPLIES_DIR OUT.json
GIT_DIR: git directory of github:jiangjyjy/Yue-Benchmark (commit 675254d79f831ffccc21965a17a1f6bd4545581f)
REALREPLIES_DIR: /work/main/Tests/SaimaScoringTests/RealReplies (only the `id` field of the yue-arc, yue-arc-2,
  yue-arc-3, yue-arc-4, yue-arc-5, yue-arc-6 files, dev and heldout, is read)
Per file (model x shot): a fresh random.Random("20261207g/<model>/<0shot|5shot>"); free non-bare indices
(len(llm_output.strip()) > 3), sorted, shuffled, first 3 taken; only when fewer than 3 non-bare are free, the bare
ones (sorted, then shuffled with the same generator) fill up to 3.
Result: 213 lines (71 files x 3), 39 of them bare (13 files had fewer than 3 free non-bare replies).
Re-running gives the same ids (checked: three runs, byte-identical output).
"""
import ast, json, random, subprocess, sys

git, rr, out = sys.argv[1:4]
COMMIT = "675254d79f831ffccc21965a17a1f6bd4545581f"
PREFIX = "results&src/ARC_c/ARC_c-yue/"
SEP = "_ARC-c_cantonese_"
PER_FILE = 3
EARLIER = ("yue-arc", "yue-arc-2", "yue-arc-3", "yue-arc-4", "yue-arc-5", "yue-arc-6")

def run(*a):
    return subprocess.run(["git", "--git-dir", git, *a], check=True, capture_output=True).stdout

names = [n for n in run("ls-tree", "-r", COMMIT, "--name-only").decode().splitlines()
         if n.startswith(PREFIX) and n.endswith(".json")]
models = sorted({n[len(PREFIX):].split(SEP)[0] for n in names})
assert len(models) == 36, len(models)

used = set()
for src in EARLIER:
    for f in (f"{src}.jsonl", f"heldout/{src}.jsonl"):
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
                if all(f"{src}/{model}/{shot}/{i}" not in used for src in EARLIER)]
        nonbare = sorted(i for i in free if len(data[i]["llm_output"].strip()) > 3)
        bare = sorted(i for i in free if len(data[i]["llm_output"].strip()) <= 3)
        rng = random.Random(f"20261207g/{model}/{shot}")
        rng.shuffle(nonbare)
        take = nonbare[:PER_FILE]
        if len(take) < PER_FILE:
            rng.shuffle(bare)
            take += bare[:PER_FILE - len(take)]
        for i in take:
            o = data[i]
            assert o["model_name"] == model, (o["model_name"], model)
            rows.append({
                "id": f"yue-arc-7/{model}/{shot}/{i}",
                "source": "yue-arc-7",
                "type": "single_choice",
                "choices": [{"letter": l, "text": t} for l, t in ast.literal_eval(o["standard_answer_range"])],
                "answer": o["correct_answer"],
                "reply": o["llm_output"],
                "model": model,
                "kind": "base" if model in BASE else "chat",
                "question": o["question"],
                "bare": len(o["llm_output"].strip()) <= 3,
            })

print("used ids:", len(used), file=sys.stderr)
print("files skipped:", skipped, file=sys.stderr)
print("rows:", len(rows), "bare:", sum(r["bare"] for r in rows), file=sys.stderr)
with open(out, "w", encoding="utf-8") as fh:
    json.dump(rows, fh, ensure_ascii=False, indent=1)
