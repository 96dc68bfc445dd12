#!/usr/bin/python3
# gen-long-doc.py [PARAGRAPHS] [QUOTED_SHARE] - one long document of
# invented paragraphs (doc, para, text) on standard output, for the
# memory of extract-quotes (bounded by the longest document): a share of
# the paragraphs quote someone (names, pronouns, cues), the rest are
# plain report. The words are this script's own; deterministic.
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
rnd = random.Random(7)
first = ["Orla", "Bastian", "Mireille", "Teodor", "Sanna", "Quillon", "Ilse", "Ravel"]
last = ["Dunmore", "Kavik", "Threlkeld", "Ossory", "Maybrook", "Vance-Ortiz", "Pellam", "Stroud"]
verbs = ["said", "told reporters", "added", "wrote", "insisted", "warned"]
plain = [
    "The ferry to the outer islands ran late again on Tuesday after the storm.",
    "Council members met for three hours and adjourned without a vote.",
    "Prices at the harbor market rose for a second week, traders reported.",
    "The new bridge over the Lenn river is due to open in the spring.",
    "Attendance at the winter fair was the highest in a decade.",
]
said = [
    "We will not close the school while I am on this board",
    "Nobody asked the fishermen what they needed",
    "The numbers do not add up, and everyone in this room knows it",
    "I have never seen the valley this dry",
]
print("doc\tpara\ttext")
for i in range(n):
    name = rnd.choice(first) + " " + rnd.choice(last)
    r = rnd.random()
    if r < share / 2:
        t = '"%s," %s %s.' % (rnd.choice(said), name, rnd.choice(verbs))
    elif r < share:
        t = '%s met the mayor on Monday. "%s," he %s.' % (name, rnd.choice(said), rnd.choice(verbs))
    else:
        t = rnd.choice(plain)
    print("long-doc\t%d\t%s" % (i + 1, t))
