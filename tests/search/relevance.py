#!/usr/bin/env python3
"""relevance.py — the search relevance test (issue 11).

Runs every query of queries.tsv through `motcua search` on two catalogues:
the sample as shipped (data/motcua) and the same with the tu_khoa column
emptied (a commune that fills in no keywords). Prints top-1, top-3 and the
share of "nothing found" answered right, per class and in all, and every
miss. Fails when top-1 < 90 % or correct no-result < 80 % on either.

Environment: MOTCUA_BIN (the binary), MOTCUA_SRC (the source tree).
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.environ['MOTCUA_BIN']
SRC = os.environ['MOTCUA_SRC']
HERE = os.path.dirname(os.path.abspath(__file__))
TOP1_MIN, NORESULT_MIN = 0.90, 0.80


def load_queries():
    out = []
    with open(os.path.join(HERE, 'queries.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cls, q, ok = line.split('\t')
            out.append((cls, q, None if ok == '-' else set(ok.split(','))))
    return out


def motcua(store, *args):
    env = dict(os.environ, MOTCUA_LANG='en')
    return subprocess.run([BIN, '--store', store, *args], env=env, capture_output=True,
                          text=True)


def make_store(tmp, name, empty_keywords):
    bundle = os.path.join(tmp, name + '-bundle')
    shutil.copytree(os.path.join(SRC, 'data', 'motcua'), bundle)
    if empty_keywords:
        path = os.path.join(bundle, 'procedures.csv')
        with open(path, encoding='utf-8-sig', newline='') as f:
            rows = list(csv.reader(f))
        k = rows[0].index('tu_khoa')
        for r in rows[1:]:
            r[k] = ''
        with open(path, 'w', encoding='utf-8', newline='') as f:
            csv.writer(f, lineterminator='\r\n').writerows(rows)
    store = os.path.join(tmp, name + '-store')
    os.mkdir(store)
    r = motcua(store, 'import', bundle)
    if r.returncode != 0:
        sys.exit(f'relevance: import of the {name} catalogue failed:\n{r.stdout}{r.stderr}')
    return store


def run(store, queries):
    stats = {}
    misses = []
    for cls, q, ok in queries:
        r = motcua(store, 'search', q)
        if r.returncode != 0:
            sys.exit(f'relevance: motcua search {q!r} exited {r.returncode}: {r.stderr}')
        codes = [l.split('\t')[0] for l in r.stdout.splitlines() if l]
        s = stats.setdefault(cls, [0, 0, 0, 0])  # queries, top1, top3, right no-result
        s[0] += 1
        if ok is None:
            if not codes:
                s[3] += 1
            else:
                misses.append(f'  [{cls}] {q!r}: expected nothing, got {codes[:3]}')
            continue
        if codes and codes[0] in ok:
            s[1] += 1
        if any(c in ok for c in codes[:3]):
            s[2] += 1
        if not codes or codes[0] not in ok:
            misses.append(f'  [{cls}] {q!r}: expected {sorted(ok)}, got {codes[:3] or "nothing"}')
    return stats, misses


def report(name, stats, misses):
    found = [s for c, s in stats.items() if c != 'nothing']
    n = sum(s[0] for s in found)
    top1 = sum(s[1] for s in found) / n
    top3 = sum(s[2] for s in found) / n
    nothing = stats.get('nothing', [0, 0, 0, 0])
    nores = nothing[3] / nothing[0] if nothing[0] else 1.0
    print(f'relevance: {name}: {n} queries with an answer: top-1 {top1:.1%}, top-3 {top3:.1%}; '
          f'{nothing[0]} without: correct no-result {nores:.1%}')
    for c, s in stats.items():
        if c == 'nothing':
            print(f'relevance:   {c:10} {s[0]:3} queries, no-result right {s[3]}')
        else:
            print(f'relevance:   {c:10} {s[0]:3} queries, top-1 {s[1]}, top-3 {s[2]}')
    for m in misses:
        print(m)
    return top1 >= TOP1_MIN and nores >= NORESULT_MIN


def main():
    queries = load_queries()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for name, empty in (('shipped', False), ('no-keywords', True)):
            store = make_store(tmp, name, empty)
            stats, misses = run(store, queries)
            ok &= report(name, stats, misses)
    print(f'relevance: {"PASS" if ok else "FAIL"} (limits: top-1 {TOP1_MIN:.0%}, '
          f'correct no-result {NORESULT_MIN:.0%}, on both catalogues)')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
