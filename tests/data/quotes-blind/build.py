#!/usr/bin/env python3
"""Build paragraphs.tsv, gold.tsv, not-quotes.tsv, attribution.tsv from src/*.txt.

Source format: a line '=== DOC' starts an article; every other non-empty line
is one paragraph.  Markup (stripped from the text):
  ⟦quoted words⟧{Speaker|kind|via}   a quotation; kind d=direct p=partial;
      via: name pron desc org acc(according to) inh(split/continued part,
      speaker from the part before) none(no speaker named) unnamed (an unnamed
      person such as 'a spokesman': speaker left empty) ctx (no cue;
      the speaker is plain from the sentence before, e.g. 'Kayla shrugged.')
      text (a written text speaks: 'the statement said'; speaker = its author)
  ⟪words⟫{why}                        a quote-mark pair that is no quotation
The markers go just inside the quotation marks: offsets exclude the marks.
A ⟦ may close in a later paragraph (multi-paragraph quotation): offsets are
counted in the article's paragraphs joined by one newline, from the start of
the paragraph holding the start.
"""
import glob, re, sys, unicodedata

KIND = {'d': 'direct', 'p': 'partial'}
VIA = {'text', 'ctx', 'name', 'pron', 'desc', 'org', 'acc', 'inh', 'none', 'unnamed'}
OPEN = set('"“‘\'«„')
CLOSE = set('"”’\'»“')

def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')

docs = []
for fn in sorted(glob.glob('src/*.txt')):
    cur = None
    for line in open(fn, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('=== '):
            cur = [line[4:].strip(), []]
            docs.append(cur)
        else:
            cur[1].append(line)

errors = 0
def err(msg):
    global errors
    errors += 1
    print('ERROR', msg, file=sys.stderr)

paras_out, gold, notq, attr = [], [], [], []
seen = set()
for doc, lines in docs:
    if doc in seen:
        err('duplicate doc ' + doc)
    seen.add(doc)
    src = '\n'.join(lines)
    out = []
    stack = []
    i = 0
    items = []
    while i < len(src):
        c = src[i]
        if c in '⟦⟪':
            stack.append((c, len(out)))
            i += 1
        elif c in '⟧⟫':
            m = re.match(r'\{([^}]*)\}', src[i+1:])
            if not m:
                err(f'{doc}: marker without label at {src[i-30:i+10]!r}')
                i += 1
                continue
            o, s = stack.pop()
            if (o == '⟦') != (c == '⟧'):
                err(f'{doc}: mismatched markers near {src[i-30:i]!r}')
            items.append((o, s, len(out), m.group(1)))
            i += 1 + m.end()
        else:
            out.append(c)
            i += 1
    if stack:
        err(f'{doc}: unclosed marker')
    text = ''.join(out)
    plain = text.split('\n')
    if len(plain) != len(lines):
        err(f'{doc}: paragraph count changed')
    starts = []
    p = 0
    for t in plain:
        starts.append(p)
        p += len(t) + 1
    for n, t in enumerate(plain, 1):
        if '\t' in t or '\\' in t:
            print('note: escape needed', doc, n, file=sys.stderr)
        paras_out.append((doc, n, t))
    for o, s, e, lab in items:
        pi = max(k for k in range(len(starts)) if starts[k] <= s)
        rs, re_ = s - starts[pi], e - starts[pi]
        para = pi + 1
        before = text[s-1] if s > 0 else ''
        after = text[e] if e < len(text) else ''
        if before not in OPEN:
            err(f'{doc}:{para}: no opening mark before {text[s:s+30]!r} ({before!r})')
        if after not in CLOSE:
            err(f'{doc}:{para}: no closing mark after {text[e-30:e]!r} ({after!r})')
        if '\n' in text[s:e]:
            # every later paragraph must open with a mark
            for k in range(pi + 1, len(starts)):
                if starts[k] > s and starts[k] < e and text[starts[k]] not in OPEN:
                    err(f'{doc}:{k+1}: continued paragraph does not open with a mark')
        if o == '⟦':
            f = lab.split('|')
            if len(f) != 3 or f[1] not in KIND or f[2] not in VIA:
                err(f'{doc}:{para}: bad label {lab!r}')
                continue
            spk, kind, via = f
            if via in ('none', 'unnamed') and spk:
                err(f'{doc}:{para}: via {via} with speaker')
            if via not in ('none', 'unnamed') and not spk:
                err(f'{doc}:{para}: empty speaker with via {via}')
            if spk and spk.split()[-1] not in text and spk not in text:
                err(f'{doc}:{para}: speaker {spk!r} not in article')
            gold.append((doc, para, rs, re_, KIND[kind], spk))
            attr.append((doc, para, rs, re_, via, text[s:e]))
        else:
            notq.append((doc, para, rs, re_, lab))

key = lambda r: (r[0], r[1], r[2])
gold.sort(key=key); notq.sort(key=key); attr.sort(key=key)
with open('paragraphs.tsv', 'w', encoding='utf-8') as f:
    f.write('doc\tpara\ttext\n')
    for d, n, t in paras_out:
        f.write(f'{d}\t{n}\t{esc(t)}\n')
with open('gold.tsv', 'w', encoding='utf-8') as f:
    f.write('doc\tpara\tstart\tend\tkind\tspeaker\n')
    for r in gold:
        f.write('\t'.join(map(str, r)) + '\n')
with open('not-quotes.tsv', 'w', encoding='utf-8') as f:
    f.write('doc\tpara\tstart\tend\twhy\n')
    for r in notq:
        f.write('\t'.join(map(str, r)) + '\n')
with open('attribution.tsv', 'w', encoding='utf-8') as f:
    f.write('doc\tpara\tstart\tend\tvia\tquote\n')
    for r in attr:
        f.write('\t'.join(map(str, r[:5])) + '\t' + esc(r[5]) + '\n')
print(f'{len(docs)} docs, {len(paras_out)} paragraphs, {len(gold)} quotations, {len(notq)} non-quotations', file=sys.stderr)
sys.exit(1 if errors else 0)
