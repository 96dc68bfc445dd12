#!/usr/bin/env python3
# Checks articles.tsv and trips.tsv of this set.
import re, sys, collections, os
here = os.path.dirname(os.path.abspath(__file__))
err = []
raw = open(os.path.join(here, 'articles.tsv'), 'rb').read()
try: txt = raw.decode('utf-8')
except UnicodeDecodeError as e: sys.exit(f'articles.tsv not UTF-8: {e}')
rows = txt.split('\n')
if rows[-1] == '': rows.pop()
if rows[0] != 'doc\tpara\tlabel\ttext': err.append('bad header')
want = [f'en-{i:02d}' for i in range(1, 29)] + [f'{l}-{i:02d}' for l in ('de','fr','es','pt','it','nl') for i in (1, 2)]
last = {}; titles = collections.Counter(); labels = {}; order = []
for n, r in enumerate(rows[1:], 2):
    f = r.split('\t')
    if len(f) != 4: err.append(f'line {n}: {len(f)} fields'); continue
    d, p, l, t = f
    if d not in last: order.append(d); last[d] = 0
    if not p.isdigit() or int(p) != last[d] + 1: err.append(f'line {n}: para {p} after {last[d]} in {d}')
    last[d] = int(p) if p.isdigit() else last[d]
    if l not in ('title', 'article', 'boilerplate'): err.append(f'line {n}: label {l}')
    if l == 'title': titles[d] += 1
    if not t.strip(): err.append(f'line {n}: empty text')
    if '\\' in t or '\r' in t: err.append(f'line {n}: backslash or CR')
    labels[(d, p)] = l
if order != want: err.append(f'docs: {order} != expected')
for d in want:
    if titles[d] != 1: err.append(f'{d}: {titles[d]} titles')
rules = set(re.findall(r'^  - name: (\S+)', open(os.path.join(here, '..', '..', '..', 'rules', 'boilerplate.yaml'), encoding='utf-8').read(), re.M)) | {'short', 'duplicate'}
trows = open(os.path.join(here, 'trips.tsv'), encoding='utf-8').read().rstrip('\n').split('\n')
if trows[0] != 'doc\tpara\trule': err.append('trips: bad header')
seen = set()
for n, r in enumerate(trows[1:], 2):
    f = r.split('\t')
    if len(f) != 3: err.append(f'trips line {n}: {len(f)} fields'); continue
    if (f[0], f[1]) not in labels: err.append(f'trips line {n}: no such row'); continue
    if labels[(f[0], f[1])] == 'boilerplate': err.append(f'trips line {n}: boilerplate row')
    if f[2] not in rules: err.append(f'trips line {n}: unknown rule {f[2]}')
    if tuple(f) in seen: err.append(f'trips line {n}: repeated')
    seen.add(tuple(f))
print('\n'.join(err) if err else f'OK: {len(rows)-1} rows, {len(order)} docs, {len(trows)-1} trip rows')
sys.exit(1 if err else 0)
