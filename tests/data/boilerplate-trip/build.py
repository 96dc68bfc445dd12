#!/usr/bin/env python3
# Builds articles.tsv and trips.tsv from src/*.txt.
# Source format: "@doc" starts a doc; each other non-empty line is
# "L|text" or "L:what|text" with L in t (title), a (article), b
# (boilerplate) and what the rule or mechanism the line was written to
# trip (trips.tsv: doc, para, what).
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
            doc = line[1:].strip()
            if doc in docs:
                sys.exit(f'{fn}:{n}: doc {doc} twice')
            order.append(doc); docs[doc] = []
            continue
        tag, sep, text = line.partition('|')
        if not sep or doc is None:
            sys.exit(f'{fn}:{n}: bad line')
        l, _, what = tag.partition(':')
        if l not in lab:
            sys.exit(f'{fn}:{n}: bad label {l!r}')
        text = text.strip()
        if '\t' in text or '\\' in text or not text:
            sys.exit(f'{fn}:{n}: empty or needs escape')
        docs[doc].append((lab[l], what.strip(), text))
def key(d):
    lang, num = d.split('-')
    return (['en', 'de', 'fr', 'es', 'pt', 'it', 'nl'].index(lang), int(num))
with open(os.path.join(here, 'articles.tsv'), 'w', encoding='utf-8') as a, \
        open(os.path.join(here, 'trips.tsv'), 'w', encoding='utf-8') as t:
    a.write('doc\tpara\tlabel\ttext\n')
    t.write('doc\tpara\trule\n')
    for d in sorted(order, key=key):
        for i, (l, what, text) in enumerate(docs[d], 1):
            a.write(f'{d}\t{i}\t{l}\t{text}\n')
            if what:
                t.write(f'{d}\t{i}\t{what}\n')
