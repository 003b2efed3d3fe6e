#!/usr/bin/env python3
"""LexEval samples 4 to 7 (source `lexeval-N`), models 1-19 of the 38 model folders in sorted() order. One script for
the samples that differ only in their number, the seed prefix (`20261207d` … `20261207g`), the tasks per model and
setting (4 for the fourth, 6 after) and, from the seventh, a stricter option parser (below); it replaced their
per-sample copies (build-4/ … build-7/), and reproduces each of their draws byte for byte (checked when it replaced
them).

Non-bare lines only (more than 3 characters after stripping whitespace), one per task, from as many different tasks
per model and setting as the sample takes (fewer only where fewer tasks have a free non-bare line; no second line of
a task is added); seeds "<seed>/<model>/<setting>"; lines of the samples before N (lexeval, lexeval-2 … lexeval-(N-1);
dev and heldout) excluded.

Usage: python3 sample-lexeval-lex-a.py --sample N REPO_GIT_DIR CORPUS_DIR OUT_DIR [READINGS_JSON]
  REPO_GIT_DIR: bare git dir of github:CSHaitao/LexEval from the `fetch` tool; CORPUS_DIR: RealReplies/.
  - always writes OUT_DIR/sample.json (the sampled lines, for reading); re-running draws exactly the same ids
  - with READINGS_JSON ({id: [human, [tags], note]}): also writes OUT_DIR/dev.jsonl and OUT_DIR/heldout.jsonl
    (the readings live only in the corpus files)
Only the `id` field of the existing corpus files (lexeval*.jsonl, heldout/lexeval*.jsonl) is read.
"""
import hashlib, json, os, random, re, subprocess, sys, collections

assert len(sys.argv) in (6, 7) and sys.argv[1] == '--sample', __doc__
N = int(sys.argv[2])
REPO, CORPUS, HERE = sys.argv[3:6]
COMMIT = '044c695f62894deef41ad9a30797e1da0404945c'
# Per sample: its seed prefix, how many tasks' replies per model and setting, and whether an option line `X.` must
# continue a block already started with the next letter (from the seventh sample: one of its items opens its question
# text with `A.`; the earlier samples' items parse the same either way, but their draws are kept as they were made).
SAMPLES = {4: ('20261207d', 4, False), 5: ('20261207e', 6, False), 6: ('20261207f', 6, False), 7: ('20261207g', 6, True)}
SEED, TASKS, DOT_CONTINUES = SAMPLES[N]
SOURCE = f'lexeval-{N}'
EARLIER = ['lexeval'] + [f'lexeval-{k}' for k in range(2, N)]
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
              for n in EARLIER]:
        with open(p, encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    ids.add(json.loads(line)['id'])
    return ids

def isbare(o):
    return len(o.strip()) <= 3

def oldids(x):
    rest = f"{x['setting']}/{x['model']}/{x['task']}/{x['index']}"
    return {f"{s}/{rest}" for s in EARLIER}

def newid(x):
    return f"{SOURCE}/{x['setting']}/{x['model']}/{x['task']}/{x['index']}"

def sample(mine, pool, used):
    out = []
    for model in mine:
        for setting in SETTINGS:
            rng = random.Random(f"{SEED}/{model}/{setting}")
            items = sorted((x for x in pool[model] if x['setting'] == setting and not (oldids(x) & used)),
                           key=lambda x: (x['task'], x['index']))
            nb = [x for x in items if not isbare(x['output'])]
            rng.shuffle(nb)
            tasks = set()
            for x in nb:                   # first TASKS non-bare replies from as many tasks
                if x['task'] in tasks:
                    continue
                out.append(x); tasks.add(x['task'])
                if len(tasks) == TASKS:
                    break
    return out

def choices(inp):
    body = inp[:-len('\n答案:')] if inp.endswith('\n答案:') else inp
    out = []
    for line in body.split('\n'):
        # `X:`/`X：` as in the first two samples; `X.` too, because one 1_3 item writes options E-G as `E.融资租赁合同`;
        # from the seventh sample `X.` only when it continues a block already started with the next letter (lex-b's
        # rule), because a sampled 6_3 item opens its question text with `A.`
        if not DOT_CONTINUES:
            m = re.match(r'^\s*([A-G])\s*[:：.．]\s?(.*)$', line)
        else:
            m = re.match(r'^\s*([A-G])\s*[:：]\s?(.*)$', line)
        if DOT_CONTINUES and not m and out:
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
    if len(sys.argv) < 7:
        return
    rp = sys.argv[6]
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
