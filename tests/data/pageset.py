"""pageset.py - the builder and the checker the labelled page sets of
tests/data share (boilerplate-blind2, -blind3, -blind4, -trip).

A set's pages are written in src/*.txt: "@doc" starts a page, every other
non-empty line is "L|text" or "L:trips|text", L one of t (title), a
(article), b (boilerplate), trips the rules or mechanisms a story line was
written to trip, separated by commas. build() writes articles.tsv (doc
para label text) and, for a set with trips, trips.tsv (doc para rule);
check() tests those files: header, four fields a row, para order, the doc
list, one title per doc, labels, UTF-8, no escapes needed, the counts per
language and label its README gives, that the files are the build of
src/, and that every trip names a story row (and, where asked, a shipped
rule). Each set's build.py and check.py call these with the set's own
parameters."""
import collections
import glob
import os
import re
import sys

LANGS = ('en', 'de', 'fr', 'es', 'pt', 'it', 'nl')
LABEL = {'t': 'title', 'a': 'article', 'b': 'boilerplate'}


def read_src(here):
    """The pages of src/*.txt in doc order: [(doc, [(label, trips, text)])]."""
    order, docs = [], {}
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
            l, _, trips = tag.partition(':')
            if l not in LABEL:
                sys.exit(f'{fn}:{n}: bad label {l!r}')
            text = text.strip()
            if '\t' in text or '\\' in text or not text:
                sys.exit(f'{fn}:{n}: empty or needs escape')
            trips = [r.strip() for r in trips.split(',') if r.strip()]
            if trips and l == 'b':
                sys.exit(f'{fn}:{n}: trip on boilerplate')
            docs[doc].append((LABEL[l], trips, text))

    def key(d):
        lang, num = d.split('-')
        return (LANGS.index(lang), int(num))
    return [(d, docs[d]) for d in sorted(order, key=key)]


def build(here, trips=False):
    """Write articles.tsv (and trips.tsv) from src/*.txt."""
    pages = read_src(here)
    with open(os.path.join(here, 'articles.tsv'), 'w', encoding='utf-8') as a:
        a.write('doc\tpara\tlabel\ttext\n')
        for d, lines in pages:
            for i, (l, _, text) in enumerate(lines, 1):
                a.write(f'{d}\t{i}\t{l}\t{text}\n')
    if trips:
        with open(os.path.join(here, 'trips.tsv'), 'w', encoding='utf-8') as t:
            t.write('doc\tpara\trule\n')
            for d, lines in pages:
                for i, (_, rules, _) in enumerate(lines, 1):
                    for r in rules:
                        t.write(f'{d}\t{i}\t{r}\n')


def read_tsv(here, name, header):
    """The rows of a built file, its header checked; exits if not UTF-8."""
    raw = open(os.path.join(here, name), 'rb').read()
    try:
        txt = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        sys.exit(f'{name} not UTF-8: {e}')
    rows = txt.split('\n')
    if rows[-1] == '':
        rows.pop()
    return rows, ([] if rows and rows[0] == header else [f'{name}: bad header'])


def check(here, want, counts=None, trips=False, known_rules=False):
    """Check the built files; want: the doc ids in order; counts: language
    -> (titles, articles, boilerplate) as in the README; trips: the set has
    trips.tsv; known_rules: every trip names a shipped rule (or short,
    duplicate). Prints OK or the errors; exits 1 on any."""
    rows, err = read_tsv(here, 'articles.tsv', 'doc\tpara\tlabel\ttext')
    last = {}; titles = collections.Counter(); order = []
    got = collections.Counter(); label = {}
    for n, r in enumerate(rows[1:], 2):
        f = r.split('\t')
        if len(f) != 4:
            err.append(f'line {n}: {len(f)} fields'); continue
        d, p, l, t = f
        if d not in last:
            order.append(d); last[d] = 0
        if not p.isdigit() or int(p) != last[d] + 1:
            err.append(f'line {n}: para {p} after {last[d]} in {d}')
        last[d] = int(p) if p.isdigit() else last[d]
        if l not in LABEL.values():
            err.append(f'line {n}: label {l}')
        if l == 'title':
            titles[d] += 1
        if not t.strip() or t != t.strip():
            err.append(f'line {n}: empty text or outer spaces')
        if '\\' in t or '\r' in t:
            err.append(f'line {n}: backslash or CR')
        got[(d[:2], l)] += 1; label[(d, p)] = l
    if order != want:
        err.append(f'docs: {order} != expected')
    for d in want:
        if titles[d] != 1:
            err.append(f'{d}: {titles[d]} titles')
    for lang, c in (counts or {}).items():
        g = tuple(got[(lang, l)] for l in ('title', 'article', 'boilerplate'))
        if g != c:
            err.append(f'{lang}: title/article/boilerplate {g}, README says {c}')
    # the files are the build of src/ (one row per labelled source line)
    pages = read_src(here)
    src = [text for _, lines in pages for _, _, text in lines]
    if sorted(src) != sorted(r.split('\t')[-1] for r in rows[1:]):
        err.append('articles.tsv is not the build of src/ (run build.py)')
    ntrips = 0
    if trips:
        trows, terr = read_tsv(here, 'trips.tsv', 'doc\tpara\trule')
        err += terr
        ntrips = len(trows) - 1
        rules = None
        if known_rules:
            yaml = os.path.join(here, '..', '..', '..', 'rules', 'boilerplate.yaml')
            rules = set(re.findall(r'^  - name: (\S+)', open(yaml, encoding='utf-8').read(), re.M))
            rules |= {'short', 'duplicate'}
        seen = set()
        for n, r in enumerate(trows[1:], 2):
            f = r.split('\t')
            if len(f) != 3 or label.get((f[0], f[1])) not in ('article', 'title'):
                err.append(f'trips.tsv line {n}: not a story row'); continue
            if rules is not None and f[2] not in rules:
                err.append(f'trips.tsv line {n}: unknown rule {f[2]}')
            if tuple(f) in seen:
                err.append(f'trips.tsv line {n}: repeated')
            seen.add(tuple(f))
        if ntrips != sum(len(tr) for _, lines in pages for _, tr, _ in lines):
            err.append('trips.tsv is not the build of src/ (run build.py)')
    if err:
        print('\n'.join(err))
        sys.exit(1)
    print(f'OK: {len(rows) - 1} rows, {len(order)} docs' + (f', {ntrips} trip rows' if trips else ''))
