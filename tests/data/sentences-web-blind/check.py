#!/usr/bin/env python3
"""check.py - format check of this set's own files (no program output).

web.input.tsv `doc para text`, web.gold.tsv `doc sentences`, traps.tsv
`doc trap`: field counts, unique doc ids in the same order in input and
gold, para 1, every gold doc has traps and every trap a known doc, and the
gold sentences are the input text in order with only whitespace (spaces,
\\n escapes) between them and around them: joined with single spaces they
equal the input modulo the whitespace at the boundaries. Also the count
of non-space bytes, as tests/data/sentences/score.sh places boundaries.
Run: python3 check.py   (exit 1 and a message per problem)
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
WS = re.compile(r"(?: |\\n)*")
bad = 0


def err(msg):
    global bad
    bad += 1
    print("check.py: " + msg)


def rows(name, header, nf):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        err("%s: no final newline" % name)
    lines = lines[:-1]
    if lines[0] != header:
        err("%s:1: header is %r" % (name, lines[0]))
    out = []
    for i, l in enumerate(lines[1:], 2):
        fs = l.split("\t")
        if len(fs) != nf:
            err("%s:%d: %d fields, want %d" % (name, i, len(fs), nf))
            continue
        out.append((i, fs))
    return out


def nonspace(t):  # as score.sh
    t = t.replace("\\\\", "x")
    t = re.sub(r"\\[ntr]", "", t)
    return len(re.sub(r"[ \t\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]", "", t).encode())


inp = rows("web.input.tsv", "doc\tpara\ttext", 3)
gold = rows("web.gold.tsv", "doc\tsentences", 2)
traps = rows("traps.tsv", "doc\ttrap", 2)
ids = [fs[0] for _, fs in inp]
if len(set(ids)) != len(ids):
    err("web.input.tsv: duplicate doc ids")
if [fs[0] for _, fs in gold] != ids:
    err("web.gold.tsv: doc ids differ from web.input.tsv")
text = {fs[0]: fs[2] for _, fs in inp}
for i, fs in inp:
    if not re.fullmatch(r"wb-[a-z]+-\d{3}", fs[0]):
        err("web.input.tsv:%d: doc id %r" % (i, fs[0]))
    if fs[1] != "1":
        err("web.input.tsv:%d: para %r" % (i, fs[1]))
    if re.search(r"\\[^n]|\\$", fs[2]):
        err("web.input.tsv:%d: escape other than \\n" % i)
nb = 0
for i, (doc, s) in gold:
    t = text.get(doc)
    if t is None:
        continue
    sents = s.split(" ||| ")
    nb += len(sents) - 1
    at = 0
    for k, x in enumerate(sents):
        if not x or x != x.strip() or x.startswith("\\n") or x.endswith("\\n"):
            err("web.gold.tsv:%d: sentence %d empty or with edge whitespace" % (i, k + 1))
        at = WS.match(t, at).end()
        if not t.startswith(x, at):
            err("web.gold.tsv:%d: sentence %d is not the input text at byte %d" % (i, k + 1, at))
            break
        at += len(x)
    else:
        if WS.match(t, at).end() != len(t):
            err("web.gold.tsv:%d: input text left after the last sentence" % i)
    if nonspace(" ".join(sents)) != nonspace(t):
        err("web.gold.tsv:%d: non-space byte count differs from input" % i)
    if WS.sub("", " ".join(sents)) != WS.sub("", t):
        err("web.gold.tsv:%d: text differs from input modulo whitespace" % i)
tdocs = set(fs[0] for _, fs in traps)
for d in ids:
    if d not in tdocs:
        err("traps.tsv: no trap for %s" % d)
for i, fs in traps:
    if fs[0] not in text:
        err("traps.tsv:%d: unknown doc %s" % (i, fs[0]))
    if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", fs[1]):
        err("traps.tsv:%d: trap %r" % (i, fs[1]))
    if fs[1] == "easy" and sum(1 for _, g in traps if g[0] == fs[0]) > 1:
        err("traps.tsv:%d: easy doc %s has other traps" % (i, fs[0]))
print("check.py: %d paragraphs, %d boundaries, %d trap rows, %d problems"
      % (len(ids), nb, len(traps), bad))
sys.exit(1 if bad else 0)
