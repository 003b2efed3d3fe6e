#!/usr/bin/env python3
"""Seventh LexEval sample (`lexeval-7`), models 20-38 of the 38 model folders (Python sorted() order).

Usage:
  python3 sample.py [REPO_GIT_DIR] [OUT_DIR]
Reads a git mirror of https://github.com/CSHaitao/LexEval at COMMIT (default git dir
/work/.mirror/CSHaitao+LexEval/repo, made with the `fetch` tool), draws the sample (seed per model and setting, see
NOTES.md), and
  - without OUT_DIR/readings.py: writes OUT_DIR/items.jsonl (the sampled lines, for reading);
  - when OUT_DIR/readings.py exists (READINGS = {id: (human, tags, note)}), writes dev.jsonl and heldout.jsonl.
    (readings.py was deleted after the build: the readings live only in dev.jsonl / heldout.jsonl. To rebuild,
    turn the human/tags/note fields of those two files back into a readings.py, dropping the tags multi,
    several_letters and no_answer that this script adds itself.)
Adapted from RealReplies/build-6/sample-lexeval-6-lex-b.py; the changes are the source name `lexeval-7`, the seed
prefix `20261207g` and `lexeval-6` added to the exclusions.
Only the `id` field of the existing lexeval, lexeval-2 ... lexeval-6 corpus files (dev and heldout) is read (to
exclude lines already used). As in lexeval-3 ... -6, no bare reply is drawn: 6 non-bare replies (more than 3
characters after stripping whitespace) from 6 different tasks per model and setting (fewer only where fewer tasks
have a free non-bare line), seed random.Random("20261207g/<model>/<setting>").
Re-running it reproduces the same ids (see NOTES.md for the check).
"""
import collections, hashlib, json, os, random, re, subprocess, sys

REPO = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror/CSHaitao+LexEval/repo'
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
COMMIT = '044c695f62894deef41ad9a30797e1da0404945c'
SOURCE = 'lexeval-7'
CORPUS = '/work/main/Tests/SaimaScoringTests/RealReplies'
USED_FILES = [os.path.join(CORPUS, d, f'{s}.jsonl') for s in ('lexeval', 'lexeval-2', 'lexeval-3', 'lexeval-4',
                                                                          'lexeval-5', 'lexeval-6')
              for d in ('', 'heldout')]

def git(*args):
    return subprocess.run(['git', '--git-dir', REPO] + list(args), capture_output=True)

def show(path):
    r = git('show', f'{COMMIT}:{path}')
    return None if r.returncode else r.stdout.decode('utf-8')

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

def used_ids():
    ids = set()
    for p in USED_FILES:
        with open(p, encoding='utf-8') as f:
            for line in f:
                if line.strip():
                    ids.add(json.loads(line)['id'])     # only the id field is used
    return ids

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

def oldids(x):
    return [f"{s}/{x['setting']}/{x['model']}/{x['task']}/{x['index']}" for s in ('lexeval', 'lexeval-2', 'lexeval-3', 'lexeval-4',
                                                                                 'lexeval-5', 'lexeval-6')]

def newid(x):
    return f"{SOURCE}/{x['setting']}/{x['model']}/{x['task']}/{x['index']}"

def taskkey(t):
    return tuple(int(p) for p in t.split('_'))

def sample(pool, used):
    models = sorted(pool)
    assert len(models) == 38
    out = []
    for model in models[19:]:                  # the last 19 of the 38 model folders
        for setting in ['zero_shot', 'few_shot']:
            rng = random.Random(f"20261207g/{model}/{setting}")
            cand = sorted((x for x in pool[model] if x['setting'] == setting
                           and not any(o in used for o in oldids(x))),
                          key=lambda x: (taskkey(x['task']), x['index']))
            nb = [x for x in cand if not isbare(x['output'])]
            rng.shuffle(nb)
            tasks = set()
            for x in nb:                       # first 6 from 6 different tasks
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
        m = re.match(r'^\s*([A-G])\s*[:：]\s?(.*)$', line)
        if not m and out:
            # an option block that goes on with 'X.text' (one item of this sample writes its first options 'X:'
            # and its later ones 'X.'); only the next letter of a block already started is accepted
            m = re.match(r'^\s*([A-G])\s*[.．]\s?(.*)$', line)
            if m and m.group(1) != chr(65 + len(out)):
                m = None
        if m:
            out.append({'letter': m.group(1), 'text': m.group(2).strip().rstrip(',，').strip()})
    assert [c['letter'] for c in out] == [chr(65 + k) for k in range(len(out))] and len(out) >= 2, inp[-200:]
    return out

def main():
    pool, multitask = load_pool()
    used = used_ids()
    print('excluded ids', len(used))
    items = sample(pool, used)
    print('sampled', len(items))
    rp = os.path.join(OUT, 'readings.py')
    if not os.path.exists(rp):             # no readings yet: write the work list for reading
        with open(os.path.join(OUT, 'items.jsonl'), 'w', encoding='utf-8') as f:
            for x in items:
                f.write(json.dumps(dict(id=newid(x), kind=KIND[x['model']], bare=isbare(x['output']),
                                        type='multi_choice' if x['task'] in multitask else 'single_choice', **x),
                                   ensure_ascii=False) + '\n')
        return
    ns = {}
    exec(open(rp, encoding='utf-8').read(), ns)
    READINGS = ns['READINGS']
    assert len(items) == len(READINGS) and all(newid(x) in READINGS for x in items)
    dev, held = [], []
    for x in items:
        xid = newid(x)
        human, mtags, note = READINGS[xid]
        typ = 'multi_choice' if x['task'] in multitask else 'single_choice'
        ch = choices(x['input'])
        assert all(c in [c2['letter'] for c2 in ch] for c in x['answer'] + human), xid
        assert human == ''.join(sorted(set(human))), xid
        tags = list(mtags)
        if typ == 'multi_choice': tags.append('multi')
        if len(human) > 1: tags.append('several_letters')
        if human == '': tags.append('no_answer')
        line = {'id': xid, 'source': SOURCE, 'type': typ, 'choices': ch,
                'answer': ''.join(sorted(x['answer'])), 'reply': x['output'], 'human': human,
                'label': 'read', 'note': note, 'tags': sorted(set(tags), key=tags.index),
                'model': x['model'], 'kind': KIND[x['model']]}
        first = hashlib.sha256(xid.encode('utf-8')).digest()[0]
        (dev if first < 86 else held).append(line)
    for name, rows in [('dev.jsonl', dev), ('heldout.jsonl', held)]:
        with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print('dev', len(dev), 'heldout', len(held))

if __name__ == '__main__':
    main()
