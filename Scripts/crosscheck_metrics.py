#!/usr/bin/env python3
"""Cross-check Saima's reference-compatible metrics against the Python reference implementations.

Generates random mixed Chinese/English prediction-reference pairs with a fixed seed, writes them as
`saima score-file` input, runs `saima score-file --metric NAME --lang zh|en FILE` for each metric and compares
every per-item score (and corpus BLEU) with:

- rouge_1 / rouge_2 / rouge_l: Google's rouge-score (`RougeScorer.score_multi`, F-measure), with its default
  tokenizer for `en` (no stemming) and a character tokenizer for `zh`;
- bleu: sacrebleu's `sentence_bleu(...).score / 100` per item and `corpus_bleu(...).score` for the final line,
  tokenizer `zh` for `zh` and `13a` for `en`;
- f1_token: the SQuAD v2.0 evaluation script's `compute_f1`, max over references (implemented below).

Prints one summary line per metric and exits 1 on any disagreement (per item |diff| > 1e-6, corpus BLEU
|diff| > 0.01) or on any missing or unreadable output. Run through Scripts/crosscheck-metrics.sh, which
creates the virtual environment with pinned versions.
"""

import argparse
import collections
import json
import os
import random
import re
import string
import subprocess
import sys
import tempfile

import sacrebleu
from rouge_score import rouge_scorer

ITEM_TOLERANCE = 1e-6
CORPUS_BLEU_TOLERANCE = 0.01

# About 400 frequent Chinese characters.
COMMON_ZH = (
    "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学"
    "么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因"
    "很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重"
    "三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许系先口由死安写性马光白或住难望教"
    "命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通"
    "师立象数四失满战远格士音轻目条呢病始达深完今提求清王化空业思切怎非找片罗钱需吗语元喜曾离飞科言干流欢约各即指合反题"
    "必该论交终林请医晚制球决据传画保读运及则房早院量苦火布品近坐产答星精视五连司巴奇管类未朋且婚台夜青北队久乎越观落尽"
    "形影红爸百令周吧识步希亚术留市半热送兴造谈容极随演收首根讲整式取照办强石古华段拿计您装似足双妻尼转诉米称丽客南领节"
)

EN_WORDS = (
    "the a an of to and in is it you that he was for on are with as I his they be at one have this from or had by "
    "hot word but what some we can out other were all there when up use your how said each she which do their time "
    "if will way about many then them write would like so these her long make thing see him two has look more day "
    "could go come did number sound no most people my over know water than call first who may down side been now "
    "find any new work part take get place made live where after back little only round man year came show every "
    "good me give our under name very through just form sentence great think say help low line differ turn cause "
    "much mean before move right boy old too same tell does set three want air well also play small end put home "
    "read hand port large spell add even land here must big high such follow act why ask men change went light "
    "Apple iPhone GDP AI NASA COVID-19 e-mail don't it's U.S.A. Dr. Mr. o'clock state-of-the-art"
).split()

PUNCT = list("，。！？；：、“”‘’（）《》【】…—·") + list(string.punctuation)
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u3000", "\u00a0", "\x1c", "\x85", "\u2028", "\u200b", "\r\n"]
SPECIAL = [
    "&amp;", "&lt;", "&gt;", "&quot;", "<skipped>", "-\n", "\u212a", "\u0130", "\u03a3\u0391\u03a3", "e\u0301", "é",
    "\U0001f44d", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u2014", "\u2026", "\u2460", "\u00bd", "\ufb01",
    "\u216b", "\uff21\uff22\uff23", "\uff11\uff12\uff13", "\u00b7", "\u3400", "\U00020000", "\u2f81", "ΑΒΓ", "ß",
    "1,234.5", "3.14", "-5", "12.5%", "2024-05-18", "20:30", "x=1", "a.b", "1.", ".5", "Ⅻ",
]


def random_segment(rng, flavor):
    kind = rng.choices(
        ["zh", "en", "num", "punct", "space", "special"],
        weights={"zh": [6, 1, 1, 2, 2, 0.5], "en": [0.5, 6, 1, 2, 3, 0.5], "mixed": [3, 3, 1, 2, 2, 1]}[flavor],
    )[0]
    if kind == "zh":
        return "".join(rng.choice(COMMON_ZH) for _ in range(rng.randint(1, 8)))
    if kind == "en":
        return " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(1, 4)))
    if kind == "num":
        return rng.choice([str(rng.randint(0, 10000)), f"{rng.uniform(-100, 100):.2f}", f"{rng.randint(1, 999)},{rng.randint(100, 999)}"])
    if kind == "punct":
        return rng.choice(PUNCT)
    if kind == "space":
        return rng.choice(SPACES)
    return rng.choice(SPECIAL)


def random_text(rng, flavor, low=1, high=40):
    return "".join(random_segment(rng, flavor) + (" " if flavor != "zh" and rng.random() < 0.5 else "")
                   for _ in range(rng.randint(low, high)))


def mutate(rng, text, flavor):
    """A prediction that overlaps the reference: edits of its segments, a shuffle, or a fresh text."""
    mode = rng.random()
    if mode < 0.05:
        return text
    if mode < 0.08:
        return ""
    if mode < 0.15:
        return random_text(rng, flavor)
    pieces = re.findall(r"\s+|\S{1,4}", text)
    if mode < 0.22:
        rng.shuffle(pieces)
        return "".join(pieces)
    out = []
    for piece in pieces:
        r = rng.random()
        if r < 0.12:
            continue
        if r < 0.24:
            out.append(random_segment(rng, flavor))
        elif r < 0.32:
            out.append(piece)
            out.append(random_segment(rng, flavor))
        else:
            out.append(piece)
    if rng.random() < 0.1:
        out.append(rng.choice(SPACES))
    return "".join(out)


def generate_pairs(count, seed):
    rng = random.Random(seed)
    pairs = []
    for i in range(count):
        flavor = rng.choice(["zh", "en", "mixed"])
        reference = random_text(rng, flavor) if rng.random() > 0.02 else ""
        references = [reference] + [mutate(rng, reference, flavor) for _ in range(rng.choices([0, 1, 2], [7, 2, 1])[0])]
        pairs.append({"id": i, "prediction": mutate(rng, reference, flavor), "references": references})
    return pairs


class CharTokenizer:
    """Every non-whitespace code point of the lowercased text is one token."""

    def tokenize(self, text):
        return [c for c in text.lower() if not c.isspace()]


# --- SQuAD v2.0 evaluation script (normalize_answer, get_tokens, compute_f1) ---

def normalize_answer(s):
    def remove_articles(text):
        return re.sub(r"\b(a|an|the)\b", " ", text)

    def white_space_fix(text):
        return " ".join(text.split())

    def remove_punc(text):
        exclude = set(string.punctuation)
        return "".join(ch for ch in text if ch not in exclude)

    return white_space_fix(remove_articles(remove_punc(s.lower())))


def compute_f1(a_gold, a_pred):
    gold_toks = normalize_answer(a_gold).split() if a_gold else []
    pred_toks = normalize_answer(a_pred).split() if a_pred else []
    common = collections.Counter(gold_toks) & collections.Counter(pred_toks)
    num_same = sum(common.values())
    if len(gold_toks) == 0 or len(pred_toks) == 0:
        return int(gold_toks == pred_toks)
    if num_same == 0:
        return 0
    precision = 1.0 * num_same / len(pred_toks)
    recall = 1.0 * num_same / len(gold_toks)
    return (2 * precision * recall) / (precision + recall)


# --- references -------------------------------------------------------------------------------------------------

def rouge_reference(pairs, rouge_type, lang):
    tokenizer = CharTokenizer() if lang == "zh" else None
    scorer = rouge_scorer.RougeScorer([rouge_type], use_stemmer=False, tokenizer=tokenizer)
    return {p["id"]: scorer.score_multi(p["references"], p["prediction"])[rouge_type].fmeasure for p in pairs}


def bleu_reference(pairs, lang):
    tok = "zh" if lang == "zh" else "13a"
    scores = {p["id"]: sacrebleu.sentence_bleu(p["prediction"], p["references"], tokenize=tok).score / 100 for p in pairs}
    width = max(len(p["references"]) for p in pairs)
    streams = [[p["references"][k] if k < len(p["references"]) else None for p in pairs] for k in range(width)]
    corpus = sacrebleu.corpus_bleu([p["prediction"] for p in pairs], streams, tokenize=tok).score
    return scores, corpus


def f1_token_reference(pairs):
    return {p["id"]: max(compute_f1(r, p["prediction"]) for r in p["references"]) for p in pairs}


# --- running saima ----------------------------------------------------------------------------------------------

def run_saima(saima, metric, lang, path):
    proc = subprocess.run([saima, "score-file", "--metric", metric, "--lang", lang, path],
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(f"{saima} score-file --metric {metric} --lang {lang} exited {proc.returncode}:\n"
                           f"{proc.stderr[-2000:]}")
    scores, corpus = {}, None
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        if "corpus_bleu" in obj:
            corpus = obj["corpus_bleu"]
        else:
            scores[obj["id"]] = obj["score"]
    return scores, corpus


def compare(name, pairs, ours, theirs, failures):
    by_id = {p["id"]: p for p in pairs}
    missing = [i for i in theirs if i not in ours]
    worst, worst_id = 0.0, None
    for i, expected in theirs.items():
        if i in ours:
            diff = abs(ours[i] - expected)
            if diff > worst:
                worst, worst_id = diff, i
    ok = not missing and worst <= ITEM_TOLERANCE
    print(f"{name:<14} pairs={len(theirs) - len(missing):>6}  max|diff|={worst:.3e}  {'OK' if ok else 'DISAGREE'}")
    if missing:
        failures.append(f"{name}: {len(missing)} ids missing from saima's output, e.g. {missing[:5]}")
    if worst > ITEM_TOLERANCE:
        p = by_id[worst_id]
        failures.append(f"{name}: id {worst_id}: saima {ours[worst_id]!r} vs reference {theirs[worst_id]!r}\n"
                        f"    prediction={p['prediction']!r}\n    references={p['references']!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saima", default=os.environ.get("SAIMA", ".build/debug/saima"))
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20240518)
    parser.add_argument("--keep", help="write the generated JSONL here instead of a temporary folder")
    args = parser.parse_args()

    pairs = generate_pairs(args.pairs, args.seed)
    workdir = args.keep or tempfile.mkdtemp(prefix="saima-crosscheck-")
    os.makedirs(workdir, exist_ok=True)
    path = os.path.join(workdir, "pairs.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs (seed {args.seed}) in {path}; saima = {args.saima}")

    failures = []
    try:
        for lang in ("zh", "en"):
            for metric, rouge_type in (("rouge_1", "rouge1"), ("rouge_2", "rouge2"), ("rouge_l", "rougeL")):
                ours, _ = run_saima(args.saima, metric, lang, path)
                compare(f"{metric}/{lang}", pairs, ours, rouge_reference(pairs, rouge_type, lang), failures)
            ours, our_corpus = run_saima(args.saima, "bleu", lang, path)
            theirs, their_corpus = bleu_reference(pairs, lang)
            compare(f"bleu/{lang}", pairs, ours, theirs, failures)
            diff = abs(our_corpus - their_corpus) if our_corpus is not None else float("inf")
            ok = diff <= CORPUS_BLEU_TOLERANCE
            print(f"{'corpus_bleu/' + lang:<14} pairs={len(pairs):>6}  |diff|={diff:.3e}  "
                  f"(saima {our_corpus}, sacrebleu {their_corpus})  {'OK' if ok else 'DISAGREE'}")
            if not ok:
                failures.append(f"corpus_bleu/{lang}: saima {our_corpus} vs sacrebleu {their_corpus}")
        ours, _ = run_saima(args.saima, "f1_token", "en", path)
        compare("f1_token/en", pairs, ours, f1_token_reference(pairs), failures)
    except (RuntimeError, json.JSONDecodeError, KeyError) as error:
        failures.append(str(error))

    if failures:
        print("\nDISAGREEMENTS:", file=sys.stderr)
        for failure in failures:
            print("  " + failure, file=sys.stderr)
        return 1
    print("all metrics agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
