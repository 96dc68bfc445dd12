#!/usr/bin/env python3
"""Score extract-quotes output against the blind gold set (stdlib only).

usage: python3 score.py gold.tsv out.tsv [--not-quotes FILE] [--attribution FILE] [-v]

gold.tsv:  doc para start end kind speaker
out.tsv:   extract-quotes output; columns found by header name:
           doc para quote speaker kind start end (others ignored).
           Rows of kind 'none' (from extract-quotes -a) are ignored.

Offsets are code points into the paragraph's unescaped text, start
inclusive, end exclusive, quotation marks excluded; a quotation running over
several paragraphs belongs to its first paragraph and its end runs on, one
character per paragraph break.

Matching: a predicted and a gold quotation match when they have the same doc
and para and their spans overlap (at least one code point in common); each
gold and each predicted quotation is matched at most once, largest overlap
first.  This is done twice: for direct quotations only (gold direct against
predicted direct) and for all (direct + partial, kind ignored for matching;
kind agreement reported).

Speakers, on matched pairs whose gold speaker is not empty:
  lenient  after folding case, accents and typographic marks, the predicted
           speaker, as given or cut at its first ', ' or ' (' (the program
           keeps appositives: 'Ann Lowe, a nurse'), equals the gold name, or
           its last word equals the gold's last word (a trailing Inc./Ltd./
           Corp./Co./LLC/plc and edge punctuation ignored), or it holds the
           gold's words in a row ("Kabore's aide, Samira Toure"), or it is the
           gold's first word(s), a short form the text itself uses ("Oscar
           said" for Oscar Delacroix-Finn, "Clearwater" for Clearwater
           Reclamation Inc.: the program never rewrites a name);
  strict   the predicted speaker is exactly the gold name (string equality,
           whitespace collapsed).
Gold quotations with an empty speaker (nobody or nobody named speaks) are
counted apart: how many got an empty prediction.
If attribution.tsv (written beside gold.tsv) is found, lenient speaker
accuracy is also broken down by how the gold speaker is attributed
(name, pron, desc, org, text, ctx, inh, ...).
If not-quotes.tsv is found, predicted quotations overlapping one of those
quote-mark pairs (titles, scare quotes, nicknames, signs) are counted.
"""
import argparse, collections, os, re, sys, unicodedata


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}.get(n, '\\' + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_tsv(path, need):
    with open(path, encoding='utf-8', errors='surrogateescape', newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if not lines:
        sys.exit(f'score.py: {path}: empty file')
    head = [h.rstrip('\r') for h in lines[0].split('\t')]
    miss = [c for c in need if c not in head]
    if miss:
        sys.exit(f'score.py: {path}: missing column(s) {", ".join(miss)}; header has {", ".join(head)}')
    rows = []
    for n, line in enumerate(lines[1:], 2):
        f = line.rstrip('\r').split('\t')
        if len(f) != len(head):
            sys.exit(f'score.py: {path}:{n}: {len(f)} fields, header has {len(head)}')
        rows.append({h: unescape(v) for h, v in zip(head, f)})
    return rows


def spans(rows, path, kinds=None):
    out = []
    for r in rows:
        k = r.get('kind', '').strip()
        if kinds is not None and k not in kinds:
            continue
        try:
            s, e = int(r['start']), int(r['end'])
        except ValueError:
            sys.exit(f'score.py: {path}: bad offsets {r["start"]!r} {r["end"]!r}')
        out.append(dict(doc=r['doc'], para=str(int(r['para'])), start=s, end=e,
                        kind=k, speaker=r.get('speaker', '').strip()))
    return out


def overlap(a, b):
    return min(a['end'], b['end']) - max(a['start'], b['start'])


def match(gold, pred):
    """One-to-one matching by doc+para, overlapping spans, largest overlap first."""
    by = collections.defaultdict(list)
    for j, p in enumerate(pred):
        by[(p['doc'], p['para'])].append(j)
    cand = []
    for i, g in enumerate(gold):
        for j in by.get((g['doc'], g['para']), ()):
            o = overlap(g, pred[j])
            if o > 0:
                cand.append((-o, i, j))
    cand.sort()
    gi, pj, pairs = set(), set(), []
    for _, i, j in cand:
        if i not in gi and j not in pj:
            gi.add(i); pj.add(j); pairs.append((i, j))
    return pairs


QUOTES = {'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"'}
SUFFIX = {'inc', 'ltd', 'corp', 'co', 'llc', 'plc'}


def fold(s):
    s = ''.join(QUOTES.get(c, c) for c in s)
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return ' '.join(s.casefold().split())


def words(s):
    w = [re.sub(r"^[^\w]+|[^\w]+$", '', x) for x in fold(s).split()]
    w = [x for x in w if x]
    while len(w) > 1 and w[-1] in SUFFIX:
        w.pop()
    return w


def head(pred):
    for sep in (', ', ' ('):
        k = pred.find(sep)
        if k > 0:
            pred = pred[:k]
    return pred


def lenient(pred, gold):
    if not pred:
        return False
    g, gw = fold(gold), words(gold)
    for p in {pred, head(pred)}:
        pw = words(p)
        if fold(p) == g:
            return True
        if pw and gw and pw[-1] == gw[-1]:
            return True
        # a short form the text itself uses: the gold's first words
        # ("Oscar said" for Oscar Delacroix-Finn, "Clearwater" for
        # Clearwater Reclamation Inc.); the program never rewrites a name
        if pw and pw == gw[:len(pw)]:
            return True
        # the whole gold name inside a longer phrase ("Kabore's aide, Samira Toure")
        n = len(gw)
        if n and any(pw[k:k + n] == gw for k in range(len(pw) - n + 1)):
            return True
    return False


def strict(pred, gold):
    return ' '.join(pred.split()) == ' '.join(gold.split())


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pct(x):
    return f'{100 * x:5.1f}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('gold')
    ap.add_argument('pred')
    ap.add_argument('--not-quotes', help='default: not-quotes.tsv beside gold')
    ap.add_argument('--attribution', help='default: attribution.tsv beside gold')
    ap.add_argument('-v', '--verbose', action='store_true', help='list misses, false hits, wrong speakers')
    a = ap.parse_args()

    here = os.path.dirname(os.path.abspath(a.gold))
    gold = spans(read_tsv(a.gold, ['doc', 'para', 'start', 'end', 'kind', 'speaker']), a.gold)
    pred_rows = read_tsv(a.pred, ['doc', 'para', 'quote', 'speaker', 'kind', 'start', 'end'])
    pred = spans(pred_rows, a.pred, kinds={'direct', 'partial'})
    nq_path = a.not_quotes or os.path.join(here, 'not-quotes.tsv')
    at_path = a.attribution or os.path.join(here, 'attribution.tsv')
    nq = spans(read_tsv(nq_path, ['doc', 'para', 'start', 'end']), nq_path) if os.path.exists(nq_path) else None
    via = {}
    if os.path.exists(at_path):
        for r in read_tsv(at_path, ['doc', 'para', 'start', 'via']):
            via[(r['doc'], str(int(r['para'])), int(r['start']))] = r['via']

    print(f'gold: {len(gold)} quotations ({sum(g["kind"] == "direct" for g in gold)} direct, '
          f'{sum(g["kind"] == "partial" for g in gold)} partial); predicted: {len(pred)} '
          f'({sum(p["kind"] == "direct" for p in pred)} direct, {sum(p["kind"] == "partial" for p in pred)} partial)')
    print()
    print(f'{"set":<8} {"gold":>5} {"pred":>5} {"match":>5}   {"P":>5} {"R":>5} {"F1":>5}   '
          f'{"spk n":>5} {"lenient":>7} {"strict":>6}   {"no-spk ok":>9}')
    report = {}
    for name, kinds in (('direct', {'direct'}), ('all', {'direct', 'partial'})):
        G = [g for g in gold if g['kind'] in kinds]
        Pr = [p for p in pred if p['kind'] in kinds]
        pairs = match(G, Pr)
        p, r, f = prf(len(pairs), len(Pr), len(pairs), len(G))
        named = [(G[i], Pr[j]) for i, j in pairs if G[i]['speaker']]
        unnamed = [(G[i], Pr[j]) for i, j in pairs if not G[i]['speaker']]
        nl = sum(lenient(pp['speaker'], gg['speaker']) for gg, pp in named)
        ns = sum(strict(pp['speaker'], gg['speaker']) for gg, pp in named)
        nu = sum(not pp['speaker'] for gg, pp in unnamed)
        print(f'{name:<8} {len(G):5d} {len(Pr):5d} {len(pairs):5d}   {pct(p)} {pct(r)} {pct(f)}   '
              f'{len(named):5d} {pct(nl / len(named) if named else 0):>7} {pct(ns / len(named) if named else 0):>6}   '
              f'{nu:4d}/{len(unnamed):<4d}')
        report[name] = (G, Pr, pairs)

    G, Pr, pairs = report['all']
    kind_ok = sum(G[i]['kind'] == Pr[j]['kind'] for i, j in pairs)
    print()
    print(f'kind agreement on matched (all): {kind_ok}/{len(pairs)} = {pct(kind_ok / len(pairs) if pairs else 0)} %')

    if via:
        print()
        print('lenient speaker accuracy by gold attribution (all, matched, gold speaker not empty):')
        acc = collections.defaultdict(lambda: [0, 0])
        for i, j in pairs:
            g = G[i]
            if not g['speaker']:
                continue
            v = via.get((g['doc'], g['para'], g['start']), '?')
            acc[v][1] += 1
            acc[v][0] += lenient(Pr[j]['speaker'], g['speaker'])
        for v in sorted(acc, key=lambda k: -acc[k][1]):
            ok, n = acc[v]
            print(f'  {v:<8} {ok:4d}/{n:<4d} {pct(ok / n)} %')

    if nq is not None:
        hit = []
        for q in nq:
            for p in pred:
                if p['doc'] == q['doc'] and p['para'] == q['para'] and overlap(p, q) > 0:
                    hit.append((q, p))
                    break
        print()
        print(f'non-quotations (titles, scare quotes, nicknames, signs) extracted as quotations: '
              f'{len(hit)}/{len(nq)}')
        if a.verbose:
            for q, p in hit:
                print(f'  NONQ {q["doc"]}:{q["para"]} {q["start"]}-{q["end"]} extracted as {p["kind"]}')

    if a.verbose:
        G, Pr, pairs = report['all']
        mg = {i for i, _ in pairs}
        mp = {j for _, j in pairs}
        print()
        for i, g in enumerate(G):
            if i not in mg:
                print(f'  MISS {g["doc"]}:{g["para"]} {g["start"]}-{g["end"]} {g["kind"]} {g["speaker"]!r}')
        for j, p in enumerate(Pr):
            if j not in mp:
                print(f'  FALSE {p["doc"]}:{p["para"]} {p["start"]}-{p["end"]} {p["kind"]} {p["speaker"]!r}')
        for i, j in pairs:
            g, p = G[i], Pr[j]
            if g['speaker'] and not lenient(p['speaker'], g['speaker']):
                print(f'  SPEAKER {g["doc"]}:{g["para"]} {g["start"]}-{g["end"]} gold {g["speaker"]!r} got {p["speaker"]!r}')


if __name__ == '__main__':
    main()
