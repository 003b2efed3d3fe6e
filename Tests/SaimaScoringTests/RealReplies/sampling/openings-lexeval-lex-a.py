#!/usr/bin/env python3
"""Count how a model's replies open, per setting, over its whole upstream files (task group 5 left out).

Usage: python3 openings-lexeval-lex-a.py MODEL [MODEL ...]   (git dir: /work/.mirror/CSHaitao+LexEval/repo)
Prints, per setting, the number of replies opening with `X:` per letter, opening with a bare letter ('bare-X') or with
anything else ('bare-other'), and how many `A:`-opened replies go on to a `\nB:` line (a copied option list).
Used only to judge the `A:`-only replies of models with an `A:` habit (see NOTES.md); it reads no sampled line's answer.
One copy for the fourth to seventh samples' part A (their per-sample copies in build-4/ … build-7/ were identical).
"""
import json, subprocess, re, collections, sys
REPO = '/work/.mirror/CSHaitao+LexEval/repo'; C = '044c695f62894deef41ad9a30797e1da0404945c'
def git(*a): return subprocess.run(['git', '--git-dir', REPO] + list(a), capture_output=True).stdout.decode()
files = git('ls-tree', '-r', '--name-only', C, 'model_output').split()
for m in sys.argv[1:]:
    for st in ['zero_shot', 'few_shot']:
        op = collections.Counter(); cont = 0; tot = 0
        for f in files:
            p = f.split('/')
            if p[1] != st or p[2] != m or not f.endswith('.jsonl'): continue
            task = '_'.join(p[3][:-6].rsplit('_', 2)[-2:])
            if task.startswith('5_'): continue
            for line in git('show', f'{C}:{f}').split('\n'):
                if not line.strip(): continue
                o = json.loads(line)['output']; tot += 1
                mm = re.match(r'\s*([A-E])\s*[:：]', o)
                if mm:
                    op[mm.group(1)] += 1
                    if mm.group(1) == 'A' and re.search(r'\nB\s*[:：]', o): cont += 1
                else:
                    mm = re.match(r'\s*([A-E])', o)
                    op['bare-' + (mm.group(1) if mm else 'other')] += 1
        print(m, st, tot, dict(sorted(op.items())), 'A:->\\nB:', cont)
