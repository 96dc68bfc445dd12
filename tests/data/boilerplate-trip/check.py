#!/usr/bin/env python3
# Checks articles.tsv and trips.tsv of this set: header, four fields a row,
# para order, the doc list, one title per doc, labels, UTF-8, no escapes
# needed, that both files are what build.py makes of src/, that every
# trip names an article or title row, and the counts per language and
# label that README.md gives (a label changed or a row added or lost shows
# here; the README's "Label changes" must say why).
import sys, collections, os, glob
here = os.path.dirname(os.path.abspath(__file__))
err = []
raw = open(os.path.join(here, 'articles.tsv'), 'rb').read()
try: txt = raw.decode('utf-8')
except UnicodeDecodeError as e: sys.exit(f'articles.tsv not UTF-8: {e}')
rows = txt.split('\n')
if rows[-1] == '': rows.pop()
if rows[0] != 'doc\tpara\tlabel\ttext': err.append('bad header')
langs = ('en', 'de', 'fr', 'es', 'pt', 'it', 'nl')
ndocs = {'en': 18, 'de': 4, 'fr': 4, 'es': 4, 'pt': 4, 'it': 4, 'nl': 4}
want = [f'{l}-{i:02d}' for l in langs for i in range(1, ndocs[l] + 1)]
# language: (title, article, boilerplate), as in README.md
counts = {
    'en': (18, 265, 272), 'de': (4, 46, 55), 'fr': (4, 42, 48),
    'es': (4, 41, 49), 'pt': (4, 45, 43), 'it': (4, 38, 45),
    'nl': (4, 44, 43),
}
last = {}; titles = collections.Counter(); order = []
got = collections.Counter(); label = {}
for n, r in enumerate(rows[1:], 2):
    f = r.split('\t')
    if len(f) != 4: err.append(f'line {n}: {len(f)} fields'); continue
    d, p, l, t = f
    if d not in last: order.append(d); last[d] = 0
    if not p.isdigit() or int(p) != last[d] + 1: err.append(f'line {n}: para {p} after {last[d]} in {d}')
    last[d] = int(p) if p.isdigit() else last[d]
    if l not in ('title', 'article', 'boilerplate'): err.append(f'line {n}: label {l}')
    if l == 'title': titles[d] += 1
    if not t.strip() or t != t.strip(): err.append(f'line {n}: empty text or outer spaces')
    if '\\' in t or '\r' in t: err.append(f'line {n}: backslash or CR')
    got[(d[:2], l)] += 1; label[(d, p)] = l
if order != want: err.append(f'docs: {order} != expected')
for d in want:
    if titles[d] != 1: err.append(f'{d}: {titles[d]} titles')
for lang, c in counts.items():
    g = tuple(got[(lang, l)] for l in ('title', 'article', 'boilerplate'))
    if g != c: err.append(f'{lang}: title/article/boilerplate {g}, README says {c}')
trips = open(os.path.join(here, 'trips.tsv'), encoding='utf-8').read().split('\n')
if trips[-1] == '': trips.pop()
if trips[0] != 'doc\tpara\trule': err.append('trips.tsv: bad header')
for n, r in enumerate(trips[1:], 2):
    f = r.split('\t')
    if len(f) != 3 or label.get((f[0], f[1])) not in ('article', 'title'):
        err.append(f'trips.tsv line {n}: not a story row')
# the TSVs are the build of src/ (one row per labelled source line, same text)
src = []; ntrip = 0
for fn in sorted(glob.glob(os.path.join(here, 'src', '*.txt'))):
    for line in open(fn, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.strip() and not line.startswith('@'):
            tag, _, text = line.partition('|')
            src.append(text.strip()); ntrip += ':' in tag
if sorted(src) != sorted(r.split('\t')[-1] for r in rows[1:]): err.append('articles.tsv is not the build of src/ (run build.py)')
if ntrip != len(trips) - 1: err.append('trips.tsv is not the build of src/ (run build.py)')
print('\n'.join(err) if err else f'OK: {len(rows)-1} rows, {len(order)} docs, {len(trips)-1} trips')
sys.exit(1 if err else 0)
