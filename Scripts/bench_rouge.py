#!/usr/bin/env python3
"""Benchmark `saima score-file --metric rouge_l --lang zh` against Google's rouge-score.

Generates Chinese prediction-reference pairs of about LENGTH characters (the prediction is the reference with
about 30% of its characters replaced), times saima on all of them and rouge-score (character tokenizer) on a
subsample, checks that the two agree on that subsample, and prints pairs per second for both.
Saima's time is end to end: reading the JSONL file, parsing, scoring and writing one JSON line per pair.
Run through Scripts/bench-rouge.sh.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

from rouge_score import rouge_scorer

POOL = (
    "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学"
    "么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因"
    "很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重，。、"
)


class CharTokenizer:
    def tokenize(self, text):
        return [c for c in text.lower() if not c.isspace()]


def write_pairs(path, count, length, seed):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            reference = rng.choices(POOL, k=length)
            prediction = list(reference)
            for _ in range(length * 3 // 10):
                prediction[rng.randrange(length)] = rng.choice(POOL)
            f.write(json.dumps({"id": i, "prediction": "".join(prediction), "references": ["".join(reference)]},
                               ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saima", default=os.environ.get("SAIMA", ".build/release/saima"))
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--length", type=int, default=100)
    parser.add_argument("--python-sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="saima-bench-rouge-") as workdir:
        path = os.path.join(workdir, "pairs.jsonl")
        start = time.perf_counter()
        write_pairs(path, args.pairs, args.length, args.seed)
        print(f"generated {args.pairs} pairs of {args.length} characters in {time.perf_counter() - start:.1f} s")

        out_path = os.path.join(workdir, "scores.jsonl")
        start = time.perf_counter()
        with open(out_path, "w", encoding="utf-8") as out:
            proc = subprocess.run([args.saima, "score-file", "--metric", "rouge_l", "--lang", "zh", path],
                                  stdout=out, stderr=subprocess.PIPE, text=True)
        saima_seconds = time.perf_counter() - start
        if proc.returncode != 0:
            print(f"saima failed ({proc.returncode}):\n{proc.stderr[-2000:]}", file=sys.stderr)
            return 1

        sample = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                sample.append(json.loads(line))
                if len(sample) == args.python_sample:
                    break
        scorer = rouge_scorer.RougeScorer(["rougeL"], tokenizer=CharTokenizer())
        start = time.perf_counter()
        expected = [scorer.score_multi(p["references"], p["prediction"])["rougeL"].fmeasure for p in sample]
        python_seconds = time.perf_counter() - start

        ours = []
        with open(out_path, encoding="utf-8") as f:
            for line in f:
                ours.append(json.loads(line)["score"])
                if len(ours) == len(sample):
                    break
        worst = max(abs(a - b) for a, b in zip(ours, expected))

    saima_rate = args.pairs / saima_seconds
    python_rate = len(sample) / python_seconds
    print(f"saima score-file rouge_l: {args.pairs} pairs in {saima_seconds:.2f} s = {saima_rate:,.0f} pairs/s "
          "(end to end: read, parse, score, write)")
    print(f"rouge-score (Python):     {len(sample)} pairs in {python_seconds:.2f} s = {python_rate:,.0f} pairs/s")
    print(f"speed-up: {saima_rate / python_rate:,.0f}x; max |diff| on the {len(sample)} compared pairs: {worst:.3e}")
    return 0 if worst <= 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
