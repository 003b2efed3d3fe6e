#!/usr/bin/env python3
"""Reproducible samples 4 to 7 of source `yue-arc-N`. One script for the samples that differ only in their number, the
seed prefix (`20261207d` … `20261207g`) and the replies per file (2 for the fourth, 3 after); it replaced their
per-sample copies (build-4/ … build-7/), and reproduces each of their draws byte for byte (checked when it replaced
them).

usage: python3 sample-yue-arc.py --sample N GIT_DIR REALREPLIES_DIR OUT.json
N: the sample's number, 4 to 7
GIT_DIR: git directory of github:jiangjyjy/Yue-Benchmark (commit 675254d79f831ffccc21965a17a1f6bd4545581f)
REALREPLIES_DIR: Tests/SaimaScoringTests/RealReplies (only the `id` field of the yue-arc, yue-arc-2, …, yue-arc-(N-1)
  files, dev and heldout, is read)
Per file (model x shot): a fresh random.Random("<seed>/<model>/<0shot|5shot>"); free non-bare indices
(len(llm_output.strip()) > 3), sorted, shuffled, the first replies-per-file taken; only when fewer non-bare are free,
the bare ones (sorted, then shuffled with the same generator) fill up.
"""
import ast, json, random, subprocess, sys

assert sys.argv[1] == "--sample", __doc__
N = int(sys.argv[2])
git, rr, out = sys.argv[3:6]
COMMIT = "675254d79f831ffccc21965a17a1f6bd4545581f"
PREFIX = "results&src/ARC_c/ARC_c-yue/"
SEP = "_ARC-c_cantonese_"
# Per sample: its seed prefix and replies per file.
SAMPLES = {4: ("20261207d", 2), 5: ("20261207e", 3), 6: ("20261207f", 3), 7: ("20261207g", 3)}
SEED, PER_FILE = SAMPLES[N]
SOURCE = f"yue-arc-{N}"
EARLIER = ("yue-arc",) + tuple(f"yue-arc-{k}" for k in range(2, N))

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
        rng = random.Random(f"{SEED}/{model}/{shot}")
        rng.shuffle(nonbare)
        take = nonbare[:PER_FILE]
        if len(take) < PER_FILE:
            rng.shuffle(bare)
            take += bare[:PER_FILE - len(take)]
        for i in take:
            o = data[i]
            assert o["model_name"] == model, (o["model_name"], model)
            rows.append({
                "id": f"{SOURCE}/{model}/{shot}/{i}",
                "source": SOURCE,
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
