#!/usr/bin/env python3
# Builds articles.tsv from src/*.txt (blind3's build.py without trips.tsv).
# Source format: "@doc" starts a doc; each other non-empty line is
# "L|text" with L in t (title), a (article), b (boilerplate).
import glob, os, sys
here = os.path.dirname(os.path.abspath(__file__))
lab = {'t': 'title', 'a': 'article', 'b': 'boilerplate'}
order = []
docs = {}
for fn in sorted(glob.glob(os.path.join(here, 'src', '*.txt'))):
    doc = None
    for n, line in enumerate(open(fn, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('@'):
            doc = line[1:].strip(); order.append(doc); docs[doc] = []
            continue
        l, sep, text = line.partition('|')
        if not sep or doc is None:
            sys.exit(f'{fn}:{n}: bad line')
        if l not in lab:
            sys.exit(f'{fn}:{n}: bad label {l!r}')
        text = text.strip()
        if '\t' in text or '\\' in text:
            sys.exit(f'{fn}:{n}: needs escape')
        docs[doc].append((lab[l], text))
def key(d):
    lang, num = d.split('-')
    return (['en','de','fr','es','pt','it','nl'].index(lang), int(num))
with open(os.path.join(here, 'articles.tsv'), 'w', encoding='utf-8') as a:
    a.write('doc\tpara\tlabel\ttext\n')
    for d in sorted(order, key=key):
        for i, (l, text) in enumerate(docs[d], 1):
            a.write(f'{d}\t{i}\t{l}\t{text}\n')
