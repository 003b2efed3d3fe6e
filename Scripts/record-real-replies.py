#!/usr/bin/env python3
"""Record REAL replies of a local LLM to choice items, for the answer-extractor fixture.

Asks an OpenAI-compatible server (POST <base-url>/chat/completions, e.g. llama-cpp-python's
server started by real-llm.sh) the single_choice / multi_choice items of

- this repository's tracks: Tracks/*/questions/*.jsonl (choices {"A": "..."}; optional system, context),
- the licensed dataset samples in --datasets (optional, each folder only if present):
  agieval-gaokao/data/v1/gaokao-{chinese,mathqa,physics}.jsonl  (options "(A)...", label str or list),
  gaokao-bench/Data/Objective_Questions/2010-2022_{Political_Science,Physics}_MCQs.json  (options inline),
  lexeval/data/1_3.json  (JSON Lines; options as "A: ..." lines in input; answers may be several letters),

each in one or more prompt styles (rotated deterministically per item, see STYLES), and appends one raw
JSON line per reply to --out: id, item key, style, the exact messages sent, the reply byte-for-byte,
finish_reason, usage, model name (as sent and as returned), seed, sampling settings, timing.

Sampling: temperature 0.7, max_tokens 384, seed fixed per request (crc32 of the reply id), timeout 120 s,
no streaming. The output is resumable: ids already in --out are skipped.

Stdlib only. Example:

    python3 Scripts/record-real-replies.py --base-url http://127.0.0.1:18080/v1 \\
        --model qwen2.5-coder-0.5b-instruct --source qwen2.5-coder-0.5b \\
        --datasets /path/to/datasets --rounds 2 --out /tmp/replies-0.5b.jsonl --time-budget 3000

The replies still have to be READ by a person to label the fixture (see
Tests/SaimaScoringTests/RealReplies/FORMAT.md); this script does no answer extraction.
"""

import argparse
import glob
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.request
import zlib

TEMPERATURE = 0.7
MAX_TOKENS = 384
TIMEOUT = 120

SINGLE_INSTRUCTION = "请从以上选项中选出唯一正确的一项，并在回答的最后一行写出“答案：X”（X 为选项字母）。"
MULTI_INSTRUCTION = "请选出全部正确选项，并在回答的最后一行写出“答案：XY”（按字母顺序列出所有正确选项）。"

# style number -> (name, instruction appended after the options; None = Saima's own by item type)
STYLES = {
    1: ("saima", None),
    2: ("bare", ""),
    3: ("reason_first", "请先逐步分析，再给出答案。"),
    4: ("english", "Answer the question. Explain briefly, then give your final answer."),
    5: ("boxed", "Put your final answer in \\boxed{}."),
    6: ("option_text_only", "请只用选项内容回答，不要写字母。"),
    7: ("markdown_bold", "Use Markdown: bold your chosen option."),
    8: ("may_hedge", "如果你不确定，可以说明你的不确定。"),
}


def has_cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ---------------------------------------------------------------- item loading

def load_track_items(repo):
    items = []
    for path in sorted(glob.glob(os.path.join(repo, "Tracks", "*", "questions", "*.jsonl"))):
        track = path.split(os.sep)[-3]
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                if d.get("type") not in ("single_choice", "multi_choice"):
                    continue
                ch = d["choices"]
                if isinstance(ch, dict):
                    choices = [{"letter": k, "text": v} for k, v in sorted(ch.items())]
                else:  # list of {letter, text}
                    choices = [{"letter": c["letter"], "text": c["text"]} for c in ch]
                stem = d["prompt"]
                if d.get("context"):
                    stem = d["context"] + "\n\n" + stem
                items.append({
                    "key": f"{track}/{d['id']}", "type": d["type"], "choices": choices,
                    "answer": "".join(sorted(d["answer"])), "stem": stem, "system": d.get("system"),
                    "inline": False, "english": not has_cjk(stem),
                    "has_attachments": bool(d.get("attachments")),
                })
    return items


def load_agieval(root):
    items = []
    for name in ("gaokao-chinese", "gaokao-mathqa", "gaokao-physics"):
        path = os.path.join(root, "agieval-gaokao", "data", "v1", f"{name}.jsonl")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                d = json.loads(line)
                if not d.get("options"):
                    continue
                choices = []
                for j, opt in enumerate(d["options"]):
                    # "(A)text"; a few upstream options are "  A．text" instead
                    m = re.match(r"\s*(?:\(([A-Z])\)|([A-Z])\s*[．.、])\s*", opt)
                    letter = (m.group(1) or m.group(2)) if m else "ABCDEFGH"[j]
                    choices.append({"letter": letter, "text": opt[m.end():].strip() if m else opt.strip()})
                label = d["label"]
                multi = isinstance(label, list)
                stem = d["question"].strip()
                if d.get("passage"):
                    stem = d["passage"].strip() + "\n" + stem
                items.append({
                    "key": f"agieval-{name}/{i}", "type": "multi_choice" if multi else "single_choice",
                    "choices": choices, "answer": "".join(sorted(label)), "stem": stem, "system": None,
                    "inline": False, "english": False, "has_attachments": False,
                })
    return items


OPTION_MARK = re.compile(r"(?<![A-Za-z\\{_^])([A-D])\s*[．.、]")


def split_inline_options(question):
    """Split 'stem ... A．x B．y C．z D．w' into (stem, [texts]); None when it cannot be done cleanly."""
    marks = [(m.group(1), m.start(), m.end()) for m in OPTION_MARK.finditer(question)]
    # the last A that is followed by B, C, D in order
    for ai in range(len(marks) - 1, -1, -1):
        if marks[ai][0] != "A":
            continue
        seq, want = [marks[ai]], "BCD"
        for mk in marks[ai + 1:]:
            if want and mk[0] == want[0]:
                seq.append(mk)
                want = want[1:]
        if want:
            continue
        stem = question[:seq[0][1]].rstrip()
        texts = []
        for j, mk in enumerate(seq):
            end = seq[j + 1][1] if j + 1 < len(seq) else len(question)
            texts.append(question[mk[2]:end].strip())
        if all(texts) and stem:
            return stem, texts
    return None


def load_gaokao_bench(root):
    items = []
    for name, qtype in (("Political_Science", "single_choice"), ("Physics", "multi_choice")):
        path = os.path.join(root, "gaokao-bench", "Data", "Objective_Questions", f"2010-2022_{name}_MCQs.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for e in data["example"]:
            q = e["question"]
            split = split_inline_options(q)
            if split:
                stem, texts = split
                choices = [{"letter": "ABCD"[j], "text": t} for j, t in enumerate(texts)]
                inline = False
            else:
                stem, inline = q.strip(), True
                choices = [{"letter": L, "text": ""} for L in "ABCD"]
            items.append({
                "key": f"gaokao-bench-{name.lower().replace('_', '-')}/{e['index']}", "type": qtype,
                "choices": choices, "answer": "".join(sorted(e["answer"][0])), "stem": stem, "system": None,
                "inline": inline, "english": False, "has_attachments": False,
            })
    return items


def load_lexeval(root):
    items = []
    path = os.path.join(root, "lexeval", "data", "1_3.json")
    if not os.path.exists(path):
        return items
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if not line.strip():
                continue
            d = json.loads(line)
            stem_lines, choices = [], []
            for ln in d["input"].split("\n"):
                m = re.match(r"([A-Z])\s*[:：]\s*(.*)$", ln)
                if m:
                    choices.append({"letter": m.group(1), "text": m.group(2).strip()})
                elif choices:
                    choices[-1]["text"] += "\n" + ln
                else:
                    stem_lines.append(ln)
            # LexEval 1_3 is 不定项 (one or several letters may be right): multi_choice for all items
            items.append({
                "key": f"lexeval-1_3/{i}", "type": "multi_choice", "choices": choices,
                "answer": "".join(sorted(d["answer"])), "stem": "\n".join(stem_lines).strip(), "system": None,
                "inline": False, "english": False, "has_attachments": False,
            })
    return items


def load_items(repo, datasets):
    items = load_track_items(repo)
    if datasets:
        items += load_agieval(datasets) + load_gaokao_bench(datasets) + load_lexeval(datasets)
    return items


# ---------------------------------------------------------------- prompts

def build_messages(item, style):
    name, instruction = STYLES[style]
    parts = [item["stem"]]
    if not item["inline"]:
        lines = [f"{c['letter']}. {c['text']}" for c in item["choices"]]
        if style == 1:
            lines.insert(0, "【选项】")
        parts.append("\n".join(lines))
    if style == 1:
        instruction = MULTI_INSTRUCTION if item["type"] == "multi_choice" else SINGLE_INSTRUCTION
    if style == 4 and item["english"]:
        instruction = "Answer the question. Explain briefly, then give your final answer."
    if instruction:
        parts.append(instruction)
    messages = []
    if item.get("system"):
        messages.append({"role": "system", "content": item["system"]})
    messages.append({"role": "user", "content": "\n".join(parts)})
    return messages


def plan(items, rounds, offset, every, start, shuffle_seed, rotate_over="selected"):
    """(item, style) pairs for the items k with k % every == start. Round r gives the j-th selected item
    style ((j + offset + 4*r) % 8) + 1 (rotate_over="selected"), or uses the global item index k instead
    of j (rotate_over="all"; with --every > 1 that covers only some styles). Requests are ordered round
    by round, shuffled within a round (fixed seed), so that a time budget cuts evenly across sources and
    styles."""
    out = []
    for r in range(rounds):
        batch = []
        selected = [(k, item) for k, item in enumerate(items) if k % every == start]
        for j, (k, item) in enumerate(selected):
            pos = j if rotate_over == "selected" else k
            style = ((pos + offset + 4 * r) % 8) + 1
            batch.append((item, style))
        random.Random(shuffle_seed + r).shuffle(batch)
        out += batch
    return out


# ---------------------------------------------------------------- HTTP

def chat(base_url, model, messages, seed):
    body = {
        "model": model, "messages": messages, "temperature": TEMPERATURE, "max_tokens": MAX_TOKENS,
        "seed": seed, "stream": False,
    }
    req = urllib.request.Request(
        base_url.rstrip("/") + "/chat/completions", data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
        return json.loads(resp.read().decode("utf-8"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base-url", default="http://127.0.0.1:18080/v1")
    ap.add_argument("--model", required=True, help="model name sent in the request")
    ap.add_argument("--source", required=True, help="fixture source name, first part of every id")
    ap.add_argument("--out", required=True, help="raw JSONL output (appended; existing ids are skipped)")
    ap.add_argument("--repo", default=os.path.dirname(here))
    ap.add_argument("--datasets", default=None, help="folder holding agieval-gaokao/, gaokao-bench/, lexeval/")
    ap.add_argument("--rounds", type=int, default=1, help="styles per item (each round shifts the style by 4)")
    ap.add_argument("--style-offset", type=int, default=0)
    ap.add_argument("--every", type=int, default=1, help="use only items k with k %% EVERY == START")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--rotate-over", choices=["selected", "all"], default="selected",
                    help="rotate styles over the selected items' positions (default) or the global item index")
    ap.add_argument("--shuffle-seed", type=int, default=20261130)
    ap.add_argument("--max-replies", type=int, default=0, help="stop after this many new replies (0: no limit)")
    ap.add_argument("--time-budget", type=float, default=0, help="stop starting requests after SEC seconds")
    ap.add_argument("--list", action="store_true", help="print the plan and exit")
    args = ap.parse_args()

    items = load_items(args.repo, args.datasets)
    todo = plan(items, args.rounds, args.style_offset, args.every, args.start, args.shuffle_seed, args.rotate_over)
    if args.list:
        for item, style in todo:
            print(f"{args.source}/{item['key']}/{style}\t{item['type']}\t{STYLES[style][0]}")
        print(f"{len(todo)} requests from {len(items)} items", file=sys.stderr)
        return 0

    done = set()
    if os.path.exists(args.out):
        with open(args.out, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    if rec.get("reply") is not None:
                        done.add(rec["id"])
    t0, new, errors = time.time(), 0, 0
    with open(args.out, "a", encoding="utf-8") as out:
        for item, style in todo:
            rid = f"{args.source}/{item['key']}/{style}"
            if rid in done:
                continue
            if args.max_replies and new >= args.max_replies:
                break
            if args.time_budget and time.time() - t0 > args.time_budget:
                print(f"time budget reached after {new} replies", file=sys.stderr)
                break
            messages = build_messages(item, style)
            seed = zlib.crc32(rid.encode("utf-8")) & 0x7FFFFFFF
            rec = {
                "id": rid, "item": item["key"], "source": args.source, "model": args.model,
                "style": style, "style_name": STYLES[style][0], "type": item["type"], "choices": item["choices"],
                "answer": item["answer"], "options_inline": item["inline"],
                "attachments_dropped": item["has_attachments"], "messages": messages, "seed": seed,
                "temperature": TEMPERATURE, "max_tokens": MAX_TOKENS,
            }
            t1 = time.time()
            try:
                resp = chat(args.base_url, args.model, messages, seed)
                choice = resp["choices"][0]
                rec.update({
                    "reply": choice["message"]["content"], "finish_reason": choice.get("finish_reason"),
                    "usage": resp.get("usage"), "response_model": resp.get("model"),
                })
                new += 1
            except (urllib.error.URLError, TimeoutError, OSError, KeyError, ValueError) as e:
                rec.update({"reply": None, "error": f"{type(e).__name__}: {e}"})
                errors += 1
            rec["elapsed_s"] = round(time.time() - t1, 3)
            rec["recorded_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
            print(f"{new:4d} {rec['elapsed_s']:6.1f}s {rec.get('finish_reason') or rec.get('error')} {rid}",
                  file=sys.stderr)
    print(f"{new} new replies, {errors} errors, {time.time() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
