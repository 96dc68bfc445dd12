#!/usr/bin/env python3
"""build.py - write web.input.tsv, web.gold.tsv and traps.tsv from src/*.txt.

Each source line is `TRAPS :: TEXT`: TRAPS a comma-separated list of trap
names (traps.tsv), TEXT the paragraph in TSV form (line breaks as the two
characters \\n) with a boundary mark U+00A6 at every sentence end, written
with the paragraph. The input text is TEXT without the marks; the gold
sentences are TEXT cut at the marks, each stripped of the whitespace
(spaces, \\n escapes) around it, joined by ' ||| '. Doc ids are
wb-GENRE-NNN, numbered in source order. Run: python3 build.py
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENRES = ["blog", "forum", "review", "recipe", "howto", "social", "mail",
          "faq", "ad", "ticket", "changelog", "readme", "de", "fr", "es"]
MARK = "\u00a6"
EDGE = re.compile(r"^(?: |\\n)+|(?: |\\n)+$")


def main():
    inp, gold, traps = ["doc\tpara\ttext"], ["doc\tsentences"], ["doc\ttrap"]
    for g in GENRES:
        path = os.path.join(HERE, "src", g + ".txt")
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if l.strip()]
        for n, line in enumerate(lines, 1):
            where = "%s:%d" % (path, n)
            if " :: " not in line:
                sys.exit("%s: no ' :: '" % where)
            tr, text = line.split(" :: ", 1)
            if "\t" in text or "|||" in text or "\\\\" in text:
                sys.exit("%s: tab, '|||' or backslash in text" % where)
            doc = "wb-%s-%03d" % (g, n)
            sents = [EDGE.sub("", s) for s in text.split(MARK)]
            if any(not s for s in sents):
                sys.exit("%s: empty sentence" % where)
            inp.append("%s\t1\t%s" % (doc, text.replace(MARK, "")))
            gold.append("%s\t%s" % (doc, " ||| ".join(sents)))
            for t in tr.split(","):
                traps.append("%s\t%s" % (doc, t.strip()))
    for name, rows in (("web.input.tsv", inp), ("web.gold.tsv", gold),
                       ("traps.tsv", traps)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")


main()
