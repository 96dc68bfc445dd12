#!/usr/bin/env python3
"""tune-extract-quotes.py SPLIT PRED [L2] - refit the quote scorer's weights.

SPLIT is a PolNeAR split as SPLIT.input.tsv and SPLIT.gold.tsv (for the
shipped weights: train half A, written by bench/quotes-halves.py); PRED is
`extract-quotes -a SPLIT.input.tsv` (every quote-mark pair with the
features in its `why` column). Each pair is labelled direct when its words
overlap a gold direct fragment with token Jaccard >= 0.5 (as score.py
matches them), and a logistic regression (L2 penalty, plain gradient
descent, no libraries) is fitted on the features. Prints the `score:` lines
for rules/quotes.yaml. The data stays outside the repository."""
import collections
import math
import re
import sys

TRIM = " \t\n\"“”‘’'«»,.;:!?…-–—"
TOKEN = re.compile(r"\w+", re.U)
UNESC = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def rows(path):
    with open(path, encoding='utf-8', newline='\n') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            r = [re.sub(r"\\(.)", lambda m: UNESC.get(m.group(1), m.group()), x)
                 for x in line.rstrip('\n').split('\t')]
            yield dict(zip(head, r))


def trim(t, a, b):
    while a < b and t[a] in TRIM:
        a += 1
    while b > a and t[b - 1] in TRIM:
        b -= 1
    return a, b


def toks(t, a, b):
    return {(m.start() + a, m.end() + a) for m in TOKEN.finditer(t[a:b])}


def labelled(split, pred):
    paras = collections.defaultdict(list)
    for r in rows(split + '.input.tsv'):
        paras[r['doc']].append((r['para'], r['text']))
    text, base = {}, {}
    for d, ps in paras.items():
        pos = 0
        for p, t in ps:
            base[(d, p)] = pos
            pos += len(t) + 1
        text[d] = '\n'.join(t for _, t in ps)
    gold = collections.defaultdict(list)
    for r in rows(split + '.gold.tsv'):
        if r['kind'] != 'direct':
            continue
        for fr in r['fragments'].split(';'):
            p, s, e = re.fullmatch(r'(\d+):(\d+)-(\d+)', fr).groups()
            s, e = trim(text[r['doc']], base[(r['doc'], p)] + int(s), base[(r['doc'], p)] + int(e))
            if e > s:
                gold[r['doc']].append(toks(text[r['doc']], s, e))
    for r in rows(pred):
        d = r['doc']
        s, e = trim(text[d], base[(d, r['para'])] + int(r['start']), base[(d, r['para'])] + int(r['end']))
        pt = toks(text[d], s, e)
        y = any(pt and g & pt and len(g & pt) / len(g | pt) >= 0.5 for g in gold.get(d, []))
        yield [f for f in r['why'].split()[1:] if not f.startswith('speaker:')], 1 if y else 0


def main():
    split, pred = sys.argv[1], sys.argv[2]
    l2 = float(sys.argv[3]) if len(sys.argv) > 3 else 0.001
    data = list(labelled(split, pred))
    names = sorted({f for fs, _ in data for f in fs})
    idx = {n: i for i, n in enumerate(names)}
    X = [[idx[f] for f in fs] for fs, _ in data]
    Y = [y for _, y in data]
    w, b = [0.0] * len(names), 0.0
    for _ in range(600):
        gw, gb = [0.0] * len(names), 0.0
        for xs, y in zip(X, Y):
            z = b + sum(w[i] for i in xs)
            d = 1 / (1 + math.exp(-max(-30, min(30, z)))) - y
            gb += d
            for i in xs:
                gw[i] += d
        n = len(Y)
        b -= 0.5 * gb / n
        for i in range(len(w)):
            w[i] -= 0.5 * (gw[i] / n + l2 * w[i])
    tp = sum(1 for xs, y in zip(X, Y) if y and b + sum(w[i] for i in xs) >= 0)
    fp = sum(1 for xs, y in zip(X, Y) if not y and b + sum(w[i] for i in xs) >= 0)
    print('  # %d pairs, %d direct; on them P %.3f R %.3f' % (len(Y), sum(Y), tp / max(1, tp + fp), tp / max(1, sum(Y))))
    print('  bias: %.2f' % b)
    for name in names:
        print('  %s: %.2f' % (name, w[idx[name]]))


if __name__ == '__main__':
    main()
