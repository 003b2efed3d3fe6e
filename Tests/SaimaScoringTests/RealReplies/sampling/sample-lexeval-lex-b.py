#!/usr/bin/env python3
"""LexEval samples 4 to 7 (`lexeval-N`), models 20-38 of the 38 model folders (Python sorted() order). One script for
the samples that differ only in their number, the seed prefix (`20261207d` … `20261207g`) and the tasks per model and
setting (4 for the fourth, 6 after); it replaced their per-sample copies (build-4/ … build-7/), and reproduces each of
their draws byte for byte (checked when it replaced them).

Usage:
  python3 sample-lexeval-lex-b.py --sample N REPO_GIT_DIR OUT_DIR
Reads a git mirror of https://github.com/CSHaitao/LexEval at COMMIT (made with the `fetch` tool), draws the sample, and
  - without OUT_DIR/readings.py: writes OUT_DIR/items.jsonl (the sampled lines, for reading);
  - when OUT_DIR/readings.py exists (READINGS = {id: (human, tags, note)}), writes dev.jsonl and heldout.jsonl.
    (The readings live only in the corpus files: to rebuild, turn the human/tags/note fields back into a readings.py,
    dropping the tags multi, several_letters and no_answer that this script adds itself.)
Only the `id` field of the corpus files lexeval, lexeval-2 ... lexeval-(N-1) (dev and heldout) is read, to exclude
lines already used. No bare reply is drawn: non-bare replies (more than 3 characters after stripping whitespace) from
different tasks per model and setting (fewer only where fewer tasks have a free non-bare line), seed
random.Random("<seed>/<model>/<setting>").
"""
import collections, hashlib, json, os, random, re, subprocess, sys

assert len(sys.argv) == 5 and sys.argv[1] == '--sample', __doc__
N = int(sys.argv[2])
REPO, OUT = sys.argv[3], sys.argv[4]
COMMIT = '044c695f62894deef41ad9a30797e1da0404945c'
# Per sample: its seed prefix and how many tasks' replies per model and setting.
SAMPLES = {4: ('20261207d', 4), 5: ('20261207e', 6), 6: ('20261207f', 6), 7: ('20261207g', 6)}
SEED, TASKS = SAMPLES[N]
SOURCE = f'lexeval-{N}'
EARLIER = ('lexeval',) + tuple(f'lexeval-{k}' for k in range(2, N))
CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
USED_FILES = [os.path.join(CORPUS, d, f'{s}.jsonl') for s in EARLIER
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
    return [f"{s}/{x['setting']}/{x['model']}/{x['task']}/{x['index']}" for s in EARLIER]

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
            rng = random.Random(f"{SEED}/{model}/{setting}")
            cand = sorted((x for x in pool[model] if x['setting'] == setting
                           and not any(o in used for o in oldids(x))),
                          key=lambda x: (taskkey(x['task']), x['index']))
            nb = [x for x in cand if not isbare(x['output'])]
            rng.shuffle(nb)
            tasks = set()
            for x in nb:                       # first TASKS from as many different tasks
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
