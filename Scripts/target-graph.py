#!/usr/bin/env python3
"""Prints ARCHITECTURE.md's checked target table from Package.swift: every library and executable target with the
project targets it depends on (external products left out). Usage: Scripts/target-graph.py [--write]; with --write the
table in ARCHITECTURE.md is replaced (ArchitectureGraphTests checks it against Package.swift and the imports)."""
import re, sys, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
text = (root / "Package.swift").read_text()
rows, order = {}, []
for m in re.finditer(r'\.(target|executableTarget|systemLibrary)\(', text):
    i, depth = m.end(), 1
    while depth:
        depth += {'(': 1, ')': -1}.get(text[i], 0); i += 1
    body = text[m.end():i - 1]
    name = re.search(r'name:\s*"([^"]+)"', body).group(1)
    if m.group(1) == 'systemLibrary': continue
    deps = []
    d = re.search(r'dependencies:\s*\[(.*?)\]', body, re.S)
    if d:
        listed = re.sub(r'\.product\([^)]*\)', '', d.group(1))
        deps = sorted(re.findall(r'"([^"]+)"', listed))
    rows[name] = deps; order.append(name)
# Dependents first: a target is listed before everything it depends on.
def level(t):
    return 1 + max((level(x) for x in rows.get(t, []) if x in rows), default=0)
ordered = sorted(order, key=lambda t: (-level(t), order.index(t)))
lines = ["| target | depends on (the project's own targets; `Package.swift` and the sources' imports agree) |", "|---|---|"]
lines += [f"| `{t}` | {', '.join(rows[t]) or '(none)'} |" for t in ordered]
table = "\n".join(lines)
if "--write" in sys.argv:
    arch = root / "ARCHITECTURE.md"
    s = arch.read_text()
    start = s.index("| target | depends on")
    end = s.index("\n\n", start)
    arch.write_text(s[:start] + table + s[end:])
print(table)
