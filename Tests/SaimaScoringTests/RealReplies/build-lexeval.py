#!/usr/bin/env python3
"""Build the `lexeval` real-reply corpus file (development + held-out parts) for Saima.

Source: https://github.com/CSHaitao/LexEval (MIT), model outputs under model_output/{zero_shot,few_shot}/<model>/.
Reads a git mirror of the repository (path in REPO below), samples replies with a fixed seed, attaches the
hand readings in READINGS (every reply was read by a person; nothing here extracts answers automatically),
and writes lexeval.jsonl and heldout/lexeval.jsonl.

Usage: python3 build-lexeval.py [REPO_GIT_DIR] [OUT_DIR]
"""
import hashlib, json, os, random, re, subprocess, sys, collections

REPO = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/CSHaitao+LexEval/repo'
OUT = sys.argv[2] if len(sys.argv) > 2 else '/work/staging/lexeval'
COMMIT = '044c695f62894deef41ad9a30797e1da0404945c'
SEED = 20261206

def git(*args):
    return subprocess.run(['git', '--git-dir', REPO] + list(args), capture_output=True)

def show(path):
    r = git('show', f'{COMMIT}:{path}')
    return None if r.returncode else r.stdout.decode('utf-8')

# kind of each upstream model folder (see SOURCES-lexeval.md for the reasons)
KIND = {
    'Baichuan_13B_base': 'base', 'Baichuan_7B_base': 'base', 'Chinese_llama_13B': 'base', 'Internlm_7B': 'base',
    'Llama_2_7B': 'base', 'MPT_7B': 'base', 'Tigerbot_base': 'base', 'XVERSE': 'base',
}
for m in ['Alpaca_7B', 'Baichuan_13B_chat', 'Belle_llama', 'Chatglm2_6B', 'Chatglm3_6B', 'Chatglm_6B', 'Chatlaw_13B',
          'Chatlaw_33B', 'Chinese_alpaca', 'Chinese_llama_7B', 'Fuzi', 'Gogpt_13B', 'Gogpt_7B', 'Hanfei',
          'Internlm_7B_chat', 'Lawgpt_10', 'Lawgpt_11', 'Lawyer_llama', 'Lexilaw', 'Llama_2_13B_chat',
          'Llama_2_7B_chat', 'MPT_7B_instruct', 'Mossmoon', 'Qwen_14B_chat', 'Qwen_7B_chat', 'Vicuna', 'Wisdom',
          'Ziya_llama', 'gpt35', 'gpt4']:
    KIND[m] = 'chat'

def load_pool():
    files = git('ls-tree', '-r', '--name-only', COMMIT, 'model_output').stdout.decode().split()
    pool, taskgold = collections.defaultdict(list), collections.defaultdict(set)
    for f in sorted(files):
        if not f.endswith('.jsonl'):
            continue
        _, setting, model, fn = f.split('/')
        task = '_'.join(fn[:-len('.jsonl')].rsplit('_', 2)[-2:])
        if task.startswith('5_'):          # task group 5 is generation, not multiple choice
            continue
        s = show(f)
        if s is None:                      # absent from the snapshot (files of 4 MiB and more, e.g. all of 4_1)
            continue
        for i, line in enumerate(s.split('\n')):
            if not line.strip():
                continue
            d = json.loads(line)
            taskgold[task].add(d['answer'])
            if not re.fullmatch(r'[A-E]+', d['answer']):   # gold with annotations such as 'C（可能累犯）' left out
                continue
            pool[model].append(dict(setting=setting, model=model, task=task, index=i, **d))
    multitask = {t for t, g in taskgold.items() if any(len(re.sub(r'[^A-E]', '', x)) > 1 for x in g)}
    return pool, multitask

def isbare(o):
    return len(o.strip()) <= 3

def sample(pool):
    rng = random.Random(SEED)
    out = []
    for model in sorted(pool):
        items = pool[model]
        for setting in ['zero_shot', 'few_shot']:
            nb = [x for x in items if x['setting'] == setting and not isbare(x['output'])]
            rng.shuffle(nb)
            used = set()
            for x in nb:                   # up to 4 non-bare replies from 4 different tasks
                if x['task'] in used:
                    continue
                out.append(x); used.add(x['task'])
                if len(used) == 4:
                    break
            b = [x for x in items if x['setting'] == setting and isbare(x['output'])]
            if b:                          # plus 1 bare reply
                out.append(rng.choice(b))
    return out

def choices(inp):
    body = inp[:-len('\n答案:')] if inp.endswith('\n答案:') else inp
    out = []
    for line in body.split('\n'):
        m = re.match(r'^\s*([A-G])\s*[:：]\s?(.*)$', line)
        if m:
            out.append({'letter': m.group(1), 'text': m.group(2).strip().rstrip(',，').strip()})
    assert [c['letter'] for c in out] == [chr(65 + k) for k in range(len(out))] and len(out) >= 2, inp[-200:]
    return out

# id -> (human, manual tags, note); every reply was read by a person (label "read")
READINGS = {
    "lexeval/zero_shot/Alpaca_7B/3_3/551": ("A", [], ""),
    "lexeval/zero_shot/Alpaca_7B/4_2/6": ("A", [], ""),
    "lexeval/zero_shot/Alpaca_7B/3_2/587": ("A", [], ""),
    "lexeval/zero_shot/Alpaca_7B/2_5/123": ("A", [], ""),
    "lexeval/zero_shot/Alpaca_7B/6_2/28": ("C", [], ""),
    "lexeval/few_shot/Alpaca_7B/2_3/0": ("A", [], ""),
    "lexeval/few_shot/Alpaca_7B/3_1/39": ("", ["echo", "uncertain"], "the reply restates the option list (A: … then B: …) and is cut off; no option is chosen"),
    "lexeval/few_shot/Alpaca_7B/2_2/16": ("A", ["uncertain"], "letter A followed by the opening words of option B's text; the letter is read"),
    "lexeval/few_shot/Alpaca_7B/1_2/28": ("A", [], ""),
    "lexeval/few_shot/Alpaca_7B/3_1/276": ("D", [], ""),
    "lexeval/zero_shot/Baichuan_13B_base/3_6/152": ("", ["echo"], "the reply restates the option list (A: … then B: …) and is cut off; no option is chosen"),
    "lexeval/zero_shot/Baichuan_13B_base/6_1/590": ("ABC", [], ""),
    "lexeval/zero_shot/Baichuan_13B_base/6_2/702": ("D", ["continues"], ""),
    "lexeval/zero_shot/Baichuan_13B_base/3_5/308": ("A", [], ""),
    "lexeval/zero_shot/Baichuan_13B_base/1_2/361": ("", [], "only newlines"),
    "lexeval/few_shot/Baichuan_13B_base/3_4/259": ("A", ["continues"], ""),
    "lexeval/few_shot/Baichuan_13B_base/3_3/489": ("B", ["continues", "echo"], ""),
    "lexeval/few_shot/Baichuan_13B_base/3_2/916": ("A", ["continues"], ""),
    "lexeval/few_shot/Baichuan_13B_base/1_2/937": ("A", ["continues"], ""),
    "lexeval/few_shot/Baichuan_13B_base/2_2/283": ("D", [], ""),
    "lexeval/zero_shot/Baichuan_13B_chat/3_3/460": ("A", [], ""),
    "lexeval/zero_shot/Baichuan_13B_chat/3_5/339": ("C", [], ""),
    "lexeval/zero_shot/Baichuan_13B_chat/2_4/411": ("C", [], ""),
    "lexeval/zero_shot/Baichuan_13B_chat/3_1/892": ("A", [], ""),
    "lexeval/zero_shot/Baichuan_13B_chat/6_2/67": ("C", [], ""),
    "lexeval/few_shot/Baichuan_13B_chat/6_2/488": ("C", [], ""),
    "lexeval/few_shot/Baichuan_13B_chat/2_1/300": ("BCD", ["uncertain"], "three answers on separate lines after a 3-example few-shot prompt; all letters are read (the first line alone may have been meant)"),
    "lexeval/few_shot/Baichuan_13B_chat/1_1/112": ("ABD", ["uncertain"], "three answers on separate lines after a 3-example few-shot prompt; all letters are read (the first line alone may have been meant)"),
    "lexeval/few_shot/Baichuan_13B_chat/3_1/565": ("BCD", ["uncertain"], "three answers on separate lines after a 3-example few-shot prompt; all letters are read (the first line alone may have been meant)"),
    "lexeval/few_shot/Baichuan_13B_chat/2_4/170": ("D", [], ""),
    "lexeval/zero_shot/Baichuan_7B_base/2_1/269": ("ABCD", ["echo"], "answer line ABCD, then the question's opening words are copied"),
    "lexeval/zero_shot/Baichuan_7B_base/3_4/213": ("ABCD", [], ""),
    "lexeval/zero_shot/Baichuan_7B_base/2_5/119": ("A", [], ""),
    "lexeval/zero_shot/Baichuan_7B_base/1_2/918": ("C", [], ""),
    "lexeval/zero_shot/Baichuan_7B_base/1_3/128": ("A", [], ""),
    "lexeval/few_shot/Baichuan_7B_base/1_3/195": ("A", ["continues", "echo"], ""),
    "lexeval/few_shot/Baichuan_7B_base/3_2/40": ("A", ["continues"], ""),
    "lexeval/few_shot/Baichuan_7B_base/1_2/696": ("A", ["continues"], ""),
    "lexeval/few_shot/Baichuan_7B_base/3_1/779": ("B", ["continues"], ""),
    "lexeval/zero_shot/Belle_llama/3_2/821": ("D", [], ""),
    "lexeval/zero_shot/Belle_llama/3_3/744": ("B", [], ""),
    "lexeval/zero_shot/Belle_llama/2_2/17": ("A", [], ""),
    "lexeval/zero_shot/Belle_llama/1_1/475": ("D", [], ""),
    "lexeval/zero_shot/Belle_llama/3_4/152": ("D", [], ""),
    "lexeval/few_shot/Belle_llama/6_2/713": ("B", [], ""),
    "lexeval/few_shot/Belle_llama/2_3/17": ("B", [], ""),
    "lexeval/few_shot/Belle_llama/3_6/221": ("", [], "asks what the user wants; no answer"),
    "lexeval/few_shot/Belle_llama/3_3/708": ("", [], "starts an analysis that is cut off before any option"),
    "lexeval/few_shot/Belle_llama/2_1/347": ("D", [], ""),
    "lexeval/zero_shot/Chatglm2_6B/4_2/75": ("ABD", [], ""),
    "lexeval/zero_shot/Chatglm2_6B/2_1/106": ("ABCD", [], ""),
    "lexeval/zero_shot/Chatglm2_6B/3_2/332": ("A", [], ""),
    "lexeval/zero_shot/Chatglm2_6B/3_3/446": ("B", [], ""),
    "lexeval/zero_shot/Chatglm2_6B/3_2/112": ("A", [], ""),
    "lexeval/few_shot/Chatglm2_6B/1_1/339": ("BCD", [], ""),
    "lexeval/few_shot/Chatglm2_6B/6_1/362": ("ABC", [], ""),
    "lexeval/few_shot/Chatglm2_6B/6_3/193": ("ABC", [], ""),
    "lexeval/few_shot/Chatglm2_6B/2_2/39": ("B", [], ""),
    "lexeval/few_shot/Chatglm2_6B/6_1/33": ("C", [], ""),
    "lexeval/zero_shot/Chatglm3_6B/2_1/12": ("D", [], ""),
    "lexeval/zero_shot/Chatglm3_6B/3_2/786": ("D", [], ""),
    "lexeval/zero_shot/Chatglm3_6B/6_2/532": ("BC", ["uncertain"], "answer line B,C; the explanation also says A needs a collegial panel but never revises the letters"),
    "lexeval/zero_shot/Chatglm3_6B/3_5/345": ("D", [], ""),
    "lexeval/zero_shot/Chatglm3_6B/2_2/47": ("C", [], ""),
    "lexeval/few_shot/Chatglm3_6B/6_1/98": ("BCD", [], ""),
    "lexeval/few_shot/Chatglm3_6B/6_3/306": ("ABCD", [], ""),
    "lexeval/few_shot/Chatglm3_6B/6_2/204": ("ABC", [], ""),
    "lexeval/few_shot/Chatglm3_6B/3_2/942": ("", [], "harness placeholder 未成功回答 (the call failed)"),
    "lexeval/few_shot/Chatglm3_6B/3_1/802": ("A", [], ""),
    "lexeval/zero_shot/Chatglm_6B/2_2/202": ("A", [], ""),
    "lexeval/zero_shot/Chatglm_6B/6_1/898": ("A", [], ""),
    "lexeval/zero_shot/Chatglm_6B/1_2/185": ("C", [], ""),
    "lexeval/zero_shot/Chatglm_6B/1_3/257": ("D", [], ""),
    "lexeval/zero_shot/Chatglm_6B/2_5/386": ("A", [], ""),
    "lexeval/few_shot/Chatglm_6B/2_1/315": ("D", [], ""),
    "lexeval/few_shot/Chatglm_6B/1_1/297": ("A", ["echo"], "only A is named; the texts of B-D are then restated without letters"),
    "lexeval/few_shot/Chatglm_6B/3_6/201": ("", ["echo"], "copies the question and the whole option list; no choice"),
    "lexeval/few_shot/Chatglm_6B/6_1/362": ("C", [], ""),
    "lexeval/few_shot/Chatglm_6B/3_2/195": ("C", [], ""),
    "lexeval/zero_shot/Chatlaw_13B/2_2/134": ("AB", [], ""),
    "lexeval/zero_shot/Chatlaw_13B/6_2/587": ("AB", [], ""),
    "lexeval/zero_shot/Chatlaw_13B/2_1/210": ("AB", [], ""),
    "lexeval/zero_shot/Chatlaw_13B/6_1/912": ("AB", [], ""),
    "lexeval/zero_shot/Chatlaw_13B/3_1/700": ("AB", [], ""),
    "lexeval/few_shot/Chatlaw_13B/2_2/196": ("ABCD", [], ""),
    "lexeval/few_shot/Chatlaw_13B/6_2/569": ("AD", [], ""),
    "lexeval/few_shot/Chatlaw_13B/6_3/333": ("AC", [], ""),
    "lexeval/few_shot/Chatlaw_13B/3_2/821": ("D", ["option_text"], "names only option D's text (合同法第六十条) and is cut off"),
    "lexeval/few_shot/Chatlaw_13B/6_3/468": ("C", [], ""),
    "lexeval/zero_shot/Chatlaw_33B/3_2/199": ("D", [], ""),
    "lexeval/zero_shot/Chatlaw_33B/2_5/86": ("A", [], ""),
    "lexeval/zero_shot/Chatlaw_33B/3_1/599": ("D", [], ""),
    "lexeval/zero_shot/Chatlaw_33B/3_3/158": ("C", [], ""),
    "lexeval/zero_shot/Chatlaw_33B/1_2/194": ("D", [], ""),
    "lexeval/few_shot/Chatlaw_33B/4_2/135": ("A", [], ""),
    "lexeval/few_shot/Chatlaw_33B/3_1/243": ("A", [], ""),
    "lexeval/few_shot/Chatlaw_33B/2_5/306": ("B", [], ""),
    "lexeval/few_shot/Chatlaw_33B/3_6/43": ("B", [], ""),
    "lexeval/few_shot/Chatlaw_33B/4_2/95": ("B", [], ""),
    "lexeval/zero_shot/Chinese_alpaca/6_2/18": ("D", [], ""),
    "lexeval/zero_shot/Chinese_alpaca/6_1/853": ("ABCD", [], ""),
    "lexeval/zero_shot/Chinese_alpaca/1_1/369": ("ABCD", [], ""),
    "lexeval/zero_shot/Chinese_alpaca/6_3/419": ("C", [], ""),
    "lexeval/zero_shot/Chinese_alpaca/6_3/405": ("C", [], ""),
    "lexeval/few_shot/Chinese_alpaca/3_4/287": ("B", ["continues"], ""),
    "lexeval/few_shot/Chinese_alpaca/6_1/364": ("ABC", [], ""),
    "lexeval/few_shot/Chinese_alpaca/1_1/70": ("A", ["continues"], ""),
    "lexeval/few_shot/Chinese_alpaca/2_1/481": ("B", ["continues", "echo"], ""),
    "lexeval/few_shot/Chinese_alpaca/6_3/473": ("C", [], ""),
    "lexeval/zero_shot/Chinese_llama_13B/3_1/872": ("A", [], ""),
    "lexeval/zero_shot/Chinese_llama_13B/6_1/186": ("D", [], ""),
    "lexeval/zero_shot/Chinese_llama_13B/3_4/79": ("D", [], ""),
    "lexeval/zero_shot/Chinese_llama_13B/3_3/357": ("A", [], ""),
    "lexeval/zero_shot/Chinese_llama_13B/2_4/182": ("A", [], ""),
    "lexeval/few_shot/Chinese_llama_13B/1_2/263": ("A", ["echo"], "答案: A, then the asked question is copied again"),
    "lexeval/few_shot/Chinese_llama_13B/3_1/490": ("C", ["continues"], ""),
    "lexeval/few_shot/Chinese_llama_13B/2_4/323": ("D", ["echo"], ""),
    "lexeval/few_shot/Chinese_llama_13B/3_5/40": ("C", ["continues"], ""),
    "lexeval/zero_shot/Chinese_llama_7B/2_2/236": ("", [], "starts an analysis and is cut off before any option"),
    "lexeval/zero_shot/Chinese_llama_7B/3_5/166": ("B", [], ""),
    "lexeval/zero_shot/Chinese_llama_7B/3_2/929": ("", ["refusal"], "claims the question has no options and asks for them"),
    "lexeval/zero_shot/Chinese_llama_7B/2_1/474": ("A", [], ""),
    "lexeval/zero_shot/Chinese_llama_7B/2_5/460": ("A", [], ""),
    "lexeval/few_shot/Chinese_llama_7B/1_2/587": ("C", [], ""),
    "lexeval/few_shot/Chinese_llama_7B/6_2/318": ("B", [], ""),
    "lexeval/few_shot/Chinese_llama_7B/3_4/220": ("C", [], ""),
    "lexeval/few_shot/Chinese_llama_7B/3_1/400": ("B", [], ""),
    "lexeval/few_shot/Chinese_llama_7B/2_4/433": ("B", [], ""),
    "lexeval/zero_shot/Fuzi/3_1/44": ("C", [], ""),
    "lexeval/zero_shot/Fuzi/3_3/272": ("B", [], ""),
    "lexeval/zero_shot/Fuzi/4_2/252": ("B", ["uncertain"], "answer B; the explanation then argues that C's correction is right but never names C as the answer"),
    "lexeval/zero_shot/Fuzi/2_5/345": ("CD", [], ""),
    "lexeval/zero_shot/Fuzi/1_2/164": ("B", [], ""),
    "lexeval/few_shot/Fuzi/6_1/284": ("ABCD", [], ""),
    "lexeval/few_shot/Fuzi/2_2/216": ("", ["continues", "echo"], "makes up a question of its own and starts an option list; the asked question is not answered"),
    "lexeval/few_shot/Fuzi/6_3/274": ("", ["echo", "uncertain"], "restates the question as a statement and copies all four options; read as a copied option list (could be taken as ABCD)"),
    "lexeval/few_shot/Fuzi/1_2/851": ("C", ["uncertain"], "answer C although the explanation paraphrases option A's content"),
    "lexeval/few_shot/Fuzi/1_1/404": ("D", [], ""),
    "lexeval/zero_shot/Gogpt_13B/3_6/485": ("A", [], ""),
    "lexeval/zero_shot/Gogpt_13B/2_5/288": ("A", ["uncertain"], "letter A followed by option B's opening text; the letter is read"),
    "lexeval/zero_shot/Gogpt_13B/6_2/174": ("ABC", [], ""),
    "lexeval/zero_shot/Gogpt_13B/2_2/108": ("A", [], ""),
    "lexeval/zero_shot/Gogpt_13B/6_1/115": ("A", [], ""),
    "lexeval/few_shot/Gogpt_13B/4_2/170": ("ABCD", [], ""),
    "lexeval/few_shot/Gogpt_13B/3_1/851": ("", ["uncertain"], "'A:' followed by made-up questions; no committed option"),
    "lexeval/few_shot/Gogpt_13B/2_2/53": ("ABCD", [], ""),
    "lexeval/few_shot/Gogpt_13B/3_2/904": ("", ["uncertain"], "begins a numbered walk through the options ('1. A: 该条规定…') and is cut off; no committed answer"),
    "lexeval/few_shot/Gogpt_13B/1_2/534": ("D", [], ""),
    "lexeval/zero_shot/Gogpt_7B/6_1/315": ("", [], "A: 1 / B: 2 / C: 3 / D: 4 - numbering only, no choice"),
    "lexeval/zero_shot/Gogpt_7B/6_3/187": ("", ["echo", "uncertain"], "copies the option list A-D; read as a copied list (could be taken as ABCD)"),
    "lexeval/zero_shot/Gogpt_7B/6_2/786": ("A", [], ""),
    "lexeval/zero_shot/Gogpt_7B/2_1/494": ("", ["echo"], "the reply restates the option list (A: … then B: …) and is cut off; no option is chosen"),
    "lexeval/zero_shot/Gogpt_7B/3_5/5": ("B", [], ""),
    "lexeval/few_shot/Gogpt_7B/4_2/85": ("ABCD", [], ""),
    "lexeval/few_shot/Gogpt_7B/6_2/973": ("ABC", [], ""),
    "lexeval/few_shot/Gogpt_7B/1_2/633": ("", [], "word salad, no option"),
    "lexeval/few_shot/Gogpt_7B/6_1/99": ("ABC", [], ""),
    "lexeval/few_shot/Gogpt_7B/2_5/27": ("A", [], ""),
    "lexeval/zero_shot/Hanfei/6_1/766": ("B", [], "answers B, then says B contains no bias (the question asks which do); the letter is still B"),
    "lexeval/zero_shot/Hanfei/2_1/233": ("D", [], ""),
    "lexeval/zero_shot/Hanfei/6_2/639": ("BCD", [], ""),
    "lexeval/zero_shot/Hanfei/1_1/465": ("ACD", [], ""),
    "lexeval/zero_shot/Hanfei/1_2/106": ("A", [], ""),
    "lexeval/few_shot/Hanfei/6_2/174": ("ABCD", [], ""),
    "lexeval/few_shot/Hanfei/6_3/376": ("ABCD", [], ""),
    "lexeval/few_shot/Hanfei/2_1/196": ("ABCD", [], ""),
    "lexeval/few_shot/Hanfei/1_1/142": ("ABCD", [], ""),
    "lexeval/few_shot/Hanfei/1_2/443": ("B", [], ""),
    "lexeval/zero_shot/Internlm_7B/3_6/15": ("", [], "numbers every option 1-5 (1. A 2. B …); no choice"),
    "lexeval/zero_shot/Internlm_7B/2_1/424": ("A", ["echo"], ""),
    "lexeval/zero_shot/Internlm_7B/6_3/106": ("D", ["echo"], ""),
    "lexeval/zero_shot/Internlm_7B/1_2/923": ("", ["echo"], "copies the instruction only"),
    "lexeval/zero_shot/Internlm_7B/3_2/432": ("A", [], ""),
    "lexeval/few_shot/Internlm_7B/2_4/409": ("B", ["continues", "echo"], ""),
    "lexeval/few_shot/Internlm_7B/3_2/226": ("A", ["continues"], ""),
    "lexeval/few_shot/Internlm_7B/3_1/0": ("B", ["echo"], ""),
    "lexeval/few_shot/Internlm_7B/6_1/21": ("B", ["continues"], ""),
    "lexeval/few_shot/Internlm_7B/3_1/968": ("C", [], ""),
    "lexeval/zero_shot/Internlm_7B_chat/2_5/434": ("", ["uncertain"], "writes its own entity list for each of A-D; no choice"),
    "lexeval/zero_shot/Internlm_7B_chat/2_4/29": ("ACD", [], ""),
    "lexeval/zero_shot/Internlm_7B_chat/6_2/589": ("ABCD", [], ""),
    "lexeval/zero_shot/Internlm_7B_chat/3_4/94": ("ABCD", [], ""),
    "lexeval/zero_shot/Internlm_7B_chat/3_5/301": ("A", [], ""),
    "lexeval/few_shot/Internlm_7B_chat/6_2/697": ("ABCD", [], ""),
    "lexeval/few_shot/Internlm_7B_chat/6_3/363": ("ABCD", [], ""),
    "lexeval/few_shot/Internlm_7B_chat/1_1/306": ("ABCD", [], ""),
    "lexeval/few_shot/Internlm_7B_chat/4_2/136": ("ABCD", [], ""),
    "lexeval/few_shot/Internlm_7B_chat/4_2/222": ("C", [], ""),
    "lexeval/zero_shot/Lawgpt_10/3_2/10": ("", ["refusal"], "repeats 'ask a lawyer'; no answer"),
    "lexeval/zero_shot/Lawgpt_10/6_2/755": ("", [], "says all of A-D are wrong, i.e. chooses none"),
    "lexeval/zero_shot/Lawgpt_10/2_4/148": ("A", [], ""),
    "lexeval/zero_shot/Lawgpt_10/3_4/136": ("A", [], ""),
    "lexeval/zero_shot/Lawgpt_10/2_2/177": ("", [], "'对。' only"),
    "lexeval/few_shot/Lawgpt_10/3_1/618": ("A", [], ""),
    "lexeval/few_shot/Lawgpt_10/1_2/657": ("A", ["continues"], ""),
    "lexeval/few_shot/Lawgpt_10/2_3/70": ("A", [], ""),
    "lexeval/few_shot/Lawgpt_10/2_1/293": ("A", [], ""),
    "lexeval/few_shot/Lawgpt_10/2_3/7": ("B", [], ""),
    "lexeval/zero_shot/Lawgpt_11/6_1/499": ("", ["uncertain"], "'A、B、C、D：' reads as the opening of an option-by-option walk-through, cut off (could be taken as ABCD)"),
    "lexeval/zero_shot/Lawgpt_11/3_1/106": ("", ["uncertain"], "goes through option A ('A、挪用特定款物罪：无。') and stops; no committed answer"),
    "lexeval/zero_shot/Lawgpt_11/3_2/247": ("A", [], ""),
    "lexeval/zero_shot/Lawgpt_11/3_5/274": ("A", [], ""),
    "lexeval/zero_shot/Lawgpt_11/2_2/90": ("", [], "empty reply"),
    "lexeval/few_shot/Lawgpt_11/1_3/107": ("ABCD", ["continues"], ""),
    "lexeval/few_shot/Lawgpt_11/1_2/463": ("D", ["continues"], ""),
    "lexeval/few_shot/Lawgpt_11/6_2/797": ("ABCD", ["continues", "echo"], ""),
    "lexeval/few_shot/Lawgpt_11/3_4/126": ("ABD", ["continues"], ""),
    "lexeval/few_shot/Lawgpt_11/3_3/426": ("A", [], ""),
    "lexeval/zero_shot/Lawyer_llama/3_2/992": ("", [], "polite opening of an analysis, cut off before any option"),
    "lexeval/zero_shot/Lawyer_llama/3_4/122": ("A", [], ""),
    "lexeval/zero_shot/Lawyer_llama/2_1/248": ("", ["uncertain"], "'选项A:' + A's text, cut off; reads as the start of an option-by-option walk-through, not a committed answer"),
    "lexeval/zero_shot/Lawyer_llama/6_2/625": ("ABC", [], ""),
    "lexeval/few_shot/Lawyer_llama/6_3/226": ("ABCD", [], ""),
    "lexeval/few_shot/Lawyer_llama/4_2/45": ("ABCD", [], ""),
    "lexeval/few_shot/Lawyer_llama/3_1/822": ("", ["refusal"], "无法确定 (cannot determine)"),
    "lexeval/few_shot/Lawyer_llama/2_2/12": ("ABCD", [], ""),
    "lexeval/few_shot/Lawyer_llama/3_3/521": ("C", [], ""),
    "lexeval/zero_shot/Lexilaw/3_1/131": ("", ["echo"], "the reply restates the option list (A: … then B: …) and is cut off; no option is chosen"),
    "lexeval/zero_shot/Lexilaw/2_4/115": ("B", [], ""),
    "lexeval/zero_shot/Lexilaw/1_2/827": ("A", [], ""),
    "lexeval/zero_shot/Lexilaw/2_1/298": ("D", [], ""),
    "lexeval/zero_shot/Lexilaw/3_5/324": ("B", [], ""),
    "lexeval/few_shot/Lexilaw/6_2/887": ("D", [], ""),
    "lexeval/few_shot/Lexilaw/2_4/375": ("", ["echo"], "the reply restates the option list (A: … then B: …) and is cut off; no option is chosen"),
    "lexeval/few_shot/Lexilaw/3_2/68": ("A", ["option_text"], "only option A's text, no letter"),
    "lexeval/few_shot/Lexilaw/2_5/81": ("A", [], ""),
    "lexeval/few_shot/Lexilaw/1_2/749": ("C", [], ""),
    "lexeval/zero_shot/Llama_2_13B_chat/3_6/0": ("ADE", [], ""),
    "lexeval/zero_shot/Llama_2_13B_chat/6_3/100": ("D", [], ""),
    "lexeval/zero_shot/Llama_2_13B_chat/1_2/809": ("ABCD", [], ""),
    "lexeval/zero_shot/Llama_2_13B_chat/1_1/159": ("ACD", [], ""),
    "lexeval/zero_shot/Llama_2_13B_chat/2_5/55": ("A", [], ""),
    "lexeval/few_shot/Llama_2_13B_chat/3_1/283": ("B", ["continues"], ""),
    "lexeval/few_shot/Llama_2_13B_chat/3_4/110": ("BCD", [], ""),
    "lexeval/few_shot/Llama_2_13B_chat/4_2/188": ("ABCD", [], ""),
    "lexeval/few_shot/Llama_2_13B_chat/2_1/446": ("B", ["echo"], ""),
    "lexeval/few_shot/Llama_2_13B_chat/3_4/56": ("B", [], ""),
    "lexeval/zero_shot/Llama_2_7B/2_5/60": ("D", ["echo"], ""),
    "lexeval/zero_shot/Llama_2_7B/2_2/2": ("D", ["echo"], ""),
    "lexeval/zero_shot/Llama_2_7B/3_3/311": ("B", ["echo"], ""),
    "lexeval/zero_shot/Llama_2_7B/3_1/455": ("C", ["echo"], ""),
    "lexeval/few_shot/Llama_2_7B/3_1/630": ("A", ["continues"], ""),
    "lexeval/few_shot/Llama_2_7B/1_2/549": ("A", ["echo"], ""),
    "lexeval/few_shot/Llama_2_7B/3_3/601": ("B", ["echo"], ""),
    "lexeval/few_shot/Llama_2_7B/1_1/395": ("A", ["echo"], ""),
    "lexeval/zero_shot/Llama_2_7B_chat/2_1/380": ("", [], "numbers the four options (1. A … 4. D); no choice"),
    "lexeval/zero_shot/Llama_2_7B_chat/4_2/291": ("A", [], ""),
    "lexeval/zero_shot/Llama_2_7B_chat/3_6/266": ("ABCDE", ["uncertain"], "lists every letter A-E"),
    "lexeval/zero_shot/Llama_2_7B_chat/3_2/734": ("ABCD", ["english"], "letters, then an English instruction-like line"),
    "lexeval/zero_shot/Llama_2_7B_chat/3_4/319": ("D", [], ""),
    "lexeval/few_shot/Llama_2_7B_chat/3_1/96": ("A", [], ""),
    "lexeval/few_shot/Llama_2_7B_chat/2_4/378": ("B", [], ""),
    "lexeval/few_shot/Llama_2_7B_chat/3_3/93": ("B", [], ""),
    "lexeval/few_shot/Llama_2_7B_chat/3_2/747": ("D", [], ""),
    "lexeval/few_shot/Llama_2_7B_chat/3_2/248": ("D", [], ""),
    "lexeval/zero_shot/MPT_7B/3_3/895": ("A", ["echo"], ""),
    "lexeval/zero_shot/MPT_7B/2_5/147": ("A", ["echo"], ""),
    "lexeval/zero_shot/MPT_7B/2_1/408": ("ABC", ["echo"], ""),
    "lexeval/zero_shot/MPT_7B/6_2/679": ("A", ["echo"], "answer line A, then the option list is copied"),
    "lexeval/few_shot/MPT_7B/6_3/18": ("D", ["echo"], ""),
    "lexeval/few_shot/MPT_7B/3_6/263": ("A", ["echo"], ""),
    "lexeval/few_shot/MPT_7B/3_5/97": ("B", ["echo"], ""),
    "lexeval/few_shot/MPT_7B/6_2/701": ("A", ["echo"], ""),
    "lexeval/zero_shot/MPT_7B_instruct/3_1/545": ("", ["echo"], "the reply restates the option list (A: … then B: …) and is cut off; no option is chosen"),
    "lexeval/zero_shot/MPT_7B_instruct/3_3/670": ("D", [], ""),
    "lexeval/zero_shot/MPT_7B_instruct/6_2/83": ("A", ["uncertain"], "a lone A glued to C code ('A#include <stdio.h>…'); the letter is read"),
    "lexeval/zero_shot/MPT_7B_instruct/3_5/134": ("D", [], ""),
    "lexeval/zero_shot/MPT_7B_instruct/3_2/128": ("D", [], ""),
    "lexeval/few_shot/MPT_7B_instruct/2_5/398": ("A", ["uncertain"], "'A:' followed by invented text matching no option; the letter is read"),
    "lexeval/few_shot/MPT_7B_instruct/3_2/998": ("", [], "names a statute that is not among the options"),
    "lexeval/few_shot/MPT_7B_instruct/3_3/170": ("A", ["english"], ""),
    "lexeval/few_shot/MPT_7B_instruct/1_2/304": ("A", [], ""),
    "lexeval/few_shot/MPT_7B_instruct/3_3/270": ("A", [], ""),
    "lexeval/zero_shot/Mossmoon/2_1/473": ("ABCD", [], ""),
    "lexeval/zero_shot/Mossmoon/3_1/272": ("A", ["option_text"], "'1. 盗窃罪' - option A's text"),
    "lexeval/zero_shot/Mossmoon/2_4/19": ("ABCD", [], ""),
    "lexeval/zero_shot/Mossmoon/3_2/233": ("D", ["continues"], ""),
    "lexeval/zero_shot/Mossmoon/3_2/16": ("D", [], ""),
    "lexeval/few_shot/Mossmoon/2_2/201": ("D", ["option_text"], "opening words of option D's text, no letter"),
    "lexeval/few_shot/Mossmoon/3_2/632": ("C", ["echo"], ""),
    "lexeval/few_shot/Mossmoon/3_1/534": ("D", ["continues"], ""),
    "lexeval/few_shot/Mossmoon/3_4/215": ("ABC", [], ""),
    "lexeval/few_shot/Mossmoon/1_2/2": ("A", [], ""),
    "lexeval/zero_shot/Qwen_14B_chat/3_1/146": ("C", [], ""),
    "lexeval/zero_shot/Qwen_14B_chat/3_4/111": ("C", [], ""),
    "lexeval/zero_shot/Qwen_14B_chat/3_5/193": ("D", [], ""),
    "lexeval/zero_shot/Qwen_14B_chat/1_2/849": ("A", [], ""),
    "lexeval/zero_shot/Qwen_14B_chat/6_1/241": ("B", [], ""),
    "lexeval/few_shot/Qwen_14B_chat/3_3/7": ("C", [], ""),
    "lexeval/few_shot/Qwen_14B_chat/1_1/123": ("", ["echo"], "copies all four options with their letters; no choice"),
    "lexeval/few_shot/Qwen_14B_chat/6_2/866": ("ABCD", [], ""),
    "lexeval/few_shot/Qwen_14B_chat/2_3/99": ("A", [], ""),
    "lexeval/few_shot/Qwen_14B_chat/3_2/454": ("D", [], ""),
    "lexeval/zero_shot/Qwen_7B_chat/1_1/415": ("D", [], ""),
    "lexeval/zero_shot/Qwen_7B_chat/3_2/144": ("D", [], ""),
    "lexeval/zero_shot/Qwen_7B_chat/3_1/467": ("B", [], ""),
    "lexeval/zero_shot/Qwen_7B_chat/3_4/177": ("ABCD", [], ""),
    "lexeval/zero_shot/Qwen_7B_chat/6_2/92": ("D", [], ""),
    "lexeval/few_shot/Qwen_7B_chat/6_3/478": ("ABCD", [], ""),
    "lexeval/few_shot/Qwen_7B_chat/3_3/348": ("D", [], ""),
    "lexeval/few_shot/Qwen_7B_chat/2_1/132": ("A", [], ""),
    "lexeval/few_shot/Qwen_7B_chat/3_4/426": ("", ["echo"], "copies all four options with their letters; no choice"),
    "lexeval/few_shot/Qwen_7B_chat/6_1/648": ("A", [], ""),
    "lexeval/zero_shot/Tigerbot_base/3_3/919": ("B", [], ""),
    "lexeval/zero_shot/Tigerbot_base/3_2/288": ("B", [], ""),
    "lexeval/zero_shot/Tigerbot_base/3_4/217": ("ABC", [], ""),
    "lexeval/zero_shot/Tigerbot_base/4_2/118": ("ABCD", [], ""),
    "lexeval/zero_shot/Tigerbot_base/2_2/130": ("A", [], ""),
    "lexeval/few_shot/Tigerbot_base/4_2/261": ("B", ["continues"], ""),
    "lexeval/few_shot/Tigerbot_base/3_4/22": ("CD", ["continues"], ""),
    "lexeval/few_shot/Tigerbot_base/2_1/446": ("B", [], ""),
    "lexeval/few_shot/Tigerbot_base/2_4/50": ("C", ["echo"], ""),
    "lexeval/zero_shot/Vicuna/3_4/217": ("", ["uncertain"], "a numbered list of every letter in some order (1. B 2. C …); no committed answer"),
    "lexeval/zero_shot/Vicuna/1_2/157": ("", ["uncertain"], "a numbered list of every letter in some order (1. B 2. C …); no committed answer"),
    "lexeval/zero_shot/Vicuna/6_1/550": ("C", ["option_text"], "option C's text, no letter"),
    "lexeval/zero_shot/Vicuna/3_1/385": ("", ["echo"], "starts copying the case facts; no option"),
    "lexeval/zero_shot/Vicuna/3_3/682": ("C", ["uncertain"], "'2C' - read as C with a stray digit"),
    "lexeval/few_shot/Vicuna/6_1/692": ("", [], "a timestamp, no option"),
    "lexeval/few_shot/Vicuna/4_2/257": ("", ["uncertain"], "a numbered list of every letter in some order (1. B 2. C …); no committed answer"),
    "lexeval/few_shot/Vicuna/1_3/197": ("", ["uncertain", "continues"], "a numbered list of every letter in some order (1. B 2. C …); no committed answer"),
    "lexeval/few_shot/Vicuna/3_1/16": ("B", ["uncertain", "continues"], "a numbered list '1. B 2. B … 5. B' as if for several questions; every item says B"),
    "lexeval/few_shot/Vicuna/3_1/725": ("", [], "a lone digit 1"),
    "lexeval/zero_shot/Wisdom/3_2/549": ("A", ["option_text"], "names 民法典第七百七十五条 (option A's text) and quotes it; no letter"),
    "lexeval/zero_shot/Wisdom/3_6/477": ("", [], "starts a reasoning section and is cut off before any option"),
    "lexeval/zero_shot/Wisdom/6_1/140": ("", [], "restates the question and is cut off before any option"),
    "lexeval/zero_shot/Wisdom/3_1/753": ("", ["refusal"], "says the information is not enough to decide"),
    "lexeval/zero_shot/Wisdom/3_1/135": ("", [], "empty reply"),
    "lexeval/few_shot/Wisdom/1_1/257": ("", ["echo"], "copies the question; no answer"),
    "lexeval/few_shot/Wisdom/2_2/12": ("", ["refusal"], "says no options can be chosen because the evidence text is missing"),
    "lexeval/few_shot/Wisdom/6_1/49": ("", ["echo"], "copies the question and the start of option A; no answer"),
    "lexeval/few_shot/Wisdom/2_1/64": ("", ["echo"], "copies the question twice; no answer"),
    "lexeval/zero_shot/XVERSE/1_1/225": ("A", [], ""),
    "lexeval/zero_shot/XVERSE/6_2/999": ("ABCD", [], ""),
    "lexeval/zero_shot/XVERSE/6_1/677": ("ABC", [], ""),
    "lexeval/zero_shot/XVERSE/3_1/24": ("B", ["uncertain"], "answer B; the explanation then describes 盗窃罪 (option A) but never names A"),
    "lexeval/zero_shot/XVERSE/3_3/118": ("D", [], ""),
    "lexeval/few_shot/XVERSE/3_3/727": ("B", ["echo"], ""),
    "lexeval/few_shot/XVERSE/1_3/60": ("B", ["echo"], ""),
    "lexeval/few_shot/XVERSE/3_4/330": ("ABC", ["continues"], ""),
    "lexeval/few_shot/XVERSE/1_2/320": ("A", ["continues"], ""),
    "lexeval/few_shot/XVERSE/1_2/589": ("A", [], ""),
    "lexeval/zero_shot/Ziya_llama/3_2/210": ("C", [], ""),
    "lexeval/zero_shot/Ziya_llama/6_2/176": ("ABCD", [], ""),
    "lexeval/zero_shot/Ziya_llama/4_2/283": ("A", [], ""),
    "lexeval/zero_shot/Ziya_llama/2_2/74": ("B", [], ""),
    "lexeval/zero_shot/Ziya_llama/1_1/124": ("D", [], ""),
    "lexeval/few_shot/Ziya_llama/3_3/128": ("A", ["uncertain"], "letter A with a month count (2个月) that matches no option; the letter is read"),
    "lexeval/few_shot/Ziya_llama/2_2/1": ("A", [], ""),
    "lexeval/few_shot/Ziya_llama/1_2/315": ("A", [], ""),
    "lexeval/few_shot/Ziya_llama/1_1/274": ("A", [], ""),
    "lexeval/few_shot/Ziya_llama/6_2/140": ("A", [], ""),
    "lexeval/zero_shot/gpt35/3_3/856": ("", ["refusal", "english"], "English refusal"),
    "lexeval/zero_shot/gpt35/3_5/240": ("C", [], ""),
    "lexeval/zero_shot/gpt35/6_1/949": ("D", [], ""),
    "lexeval/zero_shot/gpt35/3_6/34": ("A", [], ""),
    "lexeval/zero_shot/gpt35/3_3/729": ("A", [], ""),
    "lexeval/few_shot/gpt35/3_3/229": ("A", [], ""),
    "lexeval/few_shot/gpt35/3_6/492": ("A", [], ""),
    "lexeval/few_shot/gpt35/6_1/81": ("ABCD", [], ""),
    "lexeval/few_shot/gpt35/6_3/299": ("ABCD", [], ""),
    "lexeval/few_shot/gpt35/3_1/690": ("A", [], ""),
    "lexeval/zero_shot/gpt4/6_1/853": ("AC", [], ""),
    "lexeval/zero_shot/gpt4/6_2/228": ("ABC", [], ""),
    "lexeval/zero_shot/gpt4/3_3/473": ("B", [], ""),
    "lexeval/zero_shot/gpt4/2_1/363": ("", ["refusal"], "says no option fits"),
    "lexeval/zero_shot/gpt4/2_4/162": ("C", [], ""),
    "lexeval/few_shot/gpt4/3_3/131": ("D", [], ""),
    "lexeval/few_shot/gpt4/6_2/733": ("ABCD", [], ""),
    "lexeval/few_shot/gpt4/6_1/426": ("ABCD", [], ""),
    "lexeval/few_shot/gpt4/1_1/306": ("ABCD", [], ""),
    "lexeval/few_shot/gpt4/3_2/691": ("D", [], ""),
}



def main():
    pool, multitask = load_pool()
    items = sample(pool)
    assert len(items) == len(READINGS) and all(
        f"lexeval/{x['setting']}/{x['model']}/{x['task']}/{x['index']}" in READINGS for x in items)
    dev, held = [], []
    for x in items:
        xid = f"lexeval/{x['setting']}/{x['model']}/{x['task']}/{x['index']}"
        human, mtags, note = READINGS[xid]
        typ = 'multi_choice' if x['task'] in multitask else 'single_choice'
        ch = choices(x['input'])
        assert all(c in [c2['letter'] for c2 in ch] for c in x['answer'] + human)
        tags = list(mtags)
        if typ == 'multi_choice': tags.append('multi')
        if len(human) > 1: tags.append('several_letters')
        if human == '': tags.append('no_answer')
        line = {'id': xid, 'source': 'lexeval', 'type': typ, 'choices': ch,
                'answer': ''.join(sorted(x['answer'])), 'reply': x['output'], 'human': human,
                'label': 'read', 'note': note, 'tags': sorted(set(tags), key=tags.index),
                'model': x['model'], 'kind': KIND[x['model']]}
        first = int(hashlib.sha256(xid.encode()).hexdigest()[:2], 16)
        (dev if first < 86 else held).append(line)
    os.makedirs(os.path.join(OUT, 'heldout'), exist_ok=True)
    for path, rows in [(os.path.join(OUT, 'lexeval.jsonl'), dev), (os.path.join(OUT, 'heldout', 'lexeval.jsonl'), held)]:
        with open(path, 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('dev', len(dev), 'heldout', len(held))

if __name__ == '__main__':
    main()
