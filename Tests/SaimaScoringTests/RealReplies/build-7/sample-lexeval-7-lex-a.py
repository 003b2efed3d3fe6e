#!/usr/bin/env python3
"""Seventh LexEval sample (source `lexeval-7`), models 1-19 of the 38 model folders in sorted() order.

Adapted from RealReplies/build-6/sample-lexeval-6-lex-a.py. Changes: source `lexeval-7`, seeds
"20261207g/<model>/<setting>", samples 1-6 (lexeval, lexeval-2 … -6; dev and heldout) excluded.
As in the fifth and sixth samples: 6 non-bare lines (more than 3 characters after stripping whitespace) from 6
different tasks per model and setting (fewer only where fewer tasks have a free non-bare line; no second line of a
task is added): Chatglm3_6B few_shot gives 3 (its free non-bare lines are only in 6_1, 6_2, 6_3),
Internlm_7B_chat few_shot 1 (only 6_2). Result: 220 lines (71 dev, 149 held-out). One change to choices(): an option
line `X.` is accepted only when it continues a block already started with the next letter (lex-b's rule), because
a sampled 6_3 item opens its question text with `A.`; every other sampled item parses as before (checked).
Re-running draws the same 220 ids (byte-identical sample.json on three runs) and, with the same readings,
byte-identical dev.jsonl / heldout.jsonl (checked).

Usage: python3 sample.py [REPO_GIT_DIR] [CORPUS_DIR] [READINGS_JSON]
  REPO_GIT_DIR defaults to /work/.mirror/CSHaitao+LexEval/repo (bare git dir from the `fetch` tool),
  CORPUS_DIR to /work/main/Tests/SaimaScoringTests/RealReplies.
  - always writes sample.json (the sampled lines, for reading); re-running draws exactly the same ids
  - with READINGS_JSON ({id: [human, [tags], note]}): also writes dev.jsonl and heldout.jsonl
    (the readings file used and sample.json were deleted after the build; the readings live only in
    dev.jsonl / heldout.jsonl)
Only the `id` field of the existing corpus files (lexeval*.jsonl, heldout/lexeval*.jsonl) is read.
"""
import hashlib, json, os, random, re, subprocess, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/CSHaitao+LexEval/repo'
CORPUS = sys.argv[2] if len(sys.argv) > 2 else '/work/main/Tests/SaimaScoringTests/RealReplies'
COMMIT = '044c695f62894deef41ad9a30797e1da0404945c'
SOURCE = 'lexeval-7'
SETTINGS = ['zero_shot', 'few_shot']

def git(*args):
    return subprocess.run(['git', '--git-dir', REPO] + list(args), capture_output=True)

def show(path):
    r = git('show', f'{COMMIT}:{path}')
    return None if r.returncode else r.stdout.decode('utf-8')

KIND = {m: 'base' for m in ['Baichuan_13B_base', 'Baichuan_7B_base', 'Chinese_llama_13B', 'Internlm_7B',
                            'Llama_2_7B', 'MPT_7B', 'Tigerbot_base', 'XVERSE']}

def load_pool():
    files = git('ls-tree', '-r', '--name-only', COMMIT, 'model_output').stdout.decode().split()
    models = sorted({f.split('/')[2] for f in files if f.endswith('.jsonl')})
    assert len(models) == 38, len(models)
    mine = models[:19]
    pool, taskgold = collections.defaultdict(list), collections.defaultdict(set)
    for f in sorted(files):
        if not f.endswith('.jsonl'):
            continue
        _, setting, model, fn = f.split('/')
        task = '_'.join(fn[:-len('.jsonl')].rsplit('_', 2)[-2:])
        if task.startswith('5_'):          # generation tasks, not multiple choice
            continue
        s = show(f)
        if s is None:                      # absent from the snapshot (4 MiB and more, e.g. all of 4_1)
            continue
        for i, line in enumerate(s.split('\n')):
            if not line.strip():
                continue
            d = json.loads(line)
            taskgold[task].add(d['answer'])   # type per task is judged over all models' gold answers
            if model not in mine:
                continue
            if not re.fullmatch(r'[A-E]+', d['answer']):   # annotated gold answers left out
                continue
            pool[model].append(dict(setting=setting, model=model, task=task, index=i, **d))
    multitask = {t for t, g in taskgold.items() if any(len(re.sub(r'[^A-E]', '', x)) > 1 for x in g)}
    return mine, pool, multitask

def used_ids():
    ids = set()
    for p in [os.path.join(d, f'{n}.jsonl') for d in [CORPUS, os.path.join(CORPUS, 'heldout')]
              for n in ['lexeval', 'lexeval-2', 'lexeval-3', 'lexeval-4', 'lexeval-5', 'lexeval-6']]:
        with open(p, encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    ids.add(json.loads(line)['id'])
    return ids

def isbare(o):
    return len(o.strip()) <= 3

def oldids(x):
    rest = f"{x['setting']}/{x['model']}/{x['task']}/{x['index']}"
    return {f"lexeval/{rest}", f"lexeval-2/{rest}", f"lexeval-3/{rest}", f"lexeval-4/{rest}", f"lexeval-5/{rest}",
            f"lexeval-6/{rest}"}

def newid(x):
    return f"{SOURCE}/{x['setting']}/{x['model']}/{x['task']}/{x['index']}"

def sample(mine, pool, used):
    out = []
    for model in mine:
        for setting in SETTINGS:
            rng = random.Random(f"20261207g/{model}/{setting}")
            items = sorted((x for x in pool[model] if x['setting'] == setting and not (oldids(x) & used)),
                           key=lambda x: (x['task'], x['index']))
            nb = [x for x in items if not isbare(x['output'])]
            rng.shuffle(nb)
            tasks = set()
            for x in nb:                   # first 6 non-bare replies from 6 different tasks
                if x['task'] in tasks:
                    continue
                out.append(x); tasks.add(x['task'])
                if len(tasks) == 6:
                    break
    return out

def choices(inp):
    body = inp[:-len('\n答案:')] if inp.endswith('\n答案:') else inp
    out = []
    for line in body.split('\n'):
        # `X:`/`X：` as in the first two samples; `X.` (one 1_3 item writes options E-G as `E.融资租赁合同`) is
        # accepted only when it continues a block already started with the next letter, as lex-b's parser of the
        # third to sixth samples: a sampled 6_3 item of this sample opens its question text with `A.`
        # (checked: every other sampled item parses exactly as with the sixth sample's rule)
        m = re.match(r'^\s*([A-G])\s*[:：]\s?(.*)$', line)
        if not m and out:
            m = re.match(r'^\s*([A-G])\s*[.．]\s?(.*)$', line)
            if m and m.group(1) != chr(ord(out[-1]['letter']) + 1):
                m = None
        if m:
            out.append({'letter': m.group(1), 'text': m.group(2).strip().rstrip(',，').strip()})
    assert [c['letter'] for c in out] == [chr(65 + k) for k in range(len(out))] and len(out) >= 2, inp[-200:]
    return out

def main():
    mine, pool, multitask = load_pool()
    items = sample(mine, pool, used_ids())
    with open(os.path.join(HERE, 'sample.json'), 'w', encoding='utf-8') as f:
        json.dump([dict(id=newid(x), type='multi_choice' if x['task'] in multitask else 'single_choice',
                        choices=choices(x['input']), answer=''.join(sorted(x['answer'])), input=x['input'],
                        reply=x['output'], bare=isbare(x['output'])) for x in items], f, ensure_ascii=False, indent=1)
    print('sampled', len(items), 'multitask', sorted(multitask))
    if len(sys.argv) < 4:
        return
    rp = sys.argv[3]
    with open(rp, encoding='utf-8') as f:
        R = json.load(f)
    assert set(R) == {newid(x) for x in items}, set(R) ^ {newid(x) for x in items}
    dev, held = [], []
    for x in items:
        xid = newid(x)
        human, mtags, note = R[xid]
        typ = 'multi_choice' if x['task'] in multitask else 'single_choice'
        ch = choices(x['input'])
        letters = [c['letter'] for c in ch]
        assert all(c in letters for c in x['answer'] + human), xid
        assert human == ''.join(sorted(set(human))), xid
        tags = list(mtags)
        if typ == 'multi_choice': tags.append('multi')
        if len(human) > 1: tags.append('several_letters')
        if human == '': tags.append('no_answer')
        line = {'id': xid, 'source': SOURCE, 'type': typ, 'choices': ch,
                'answer': ''.join(sorted(x['answer'])), 'reply': x['output'], 'human': human,
                'label': 'read', 'note': note, 'tags': sorted(set(tags), key=tags.index),
                'model': x['model'], 'kind': KIND.get(x['model'], 'chat')}
        first = hashlib.sha256(xid.encode('utf-8')).digest()[0]
        (dev if first < 86 else held).append(line)
    for name, rows in [('dev.jsonl', dev), ('heldout.jsonl', held)]:
        with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('dev', len(dev), 'heldout', len(held))

if __name__ == '__main__':
    main()
