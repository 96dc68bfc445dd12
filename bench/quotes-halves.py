#!/usr/bin/env python3
"""quotes-halves.py EVALDIR OUTDIR - PolNeAR's train split in two halves by
document: trainA (the quote scorer's weights are fitted on it) and trainB
(held out), by the parity of the first byte of the md5 of the doc id.
Writes OUTDIR/train{A,B}.{input,gold}.tsv (outside the repository: the
data is not ours to copy)."""
import hashlib
import os
import sys


def half(doc):
    return 'A' if hashlib.md5(doc.encode()).digest()[0] % 2 == 0 else 'B'


src, out = sys.argv[1], sys.argv[2]
for kind in ('input', 'gold'):
    with open(os.path.join(src, 'train.%s.tsv' % kind), encoding='utf-8', newline='\n') as f:
        head = f.readline()
        outs = {h: open(os.path.join(out, 'train%s.%s.tsv' % (h, kind)), 'w', encoding='utf-8', newline='\n')
                for h in 'AB'}
        for o in outs.values():
            o.write(head)
        for line in f:
            outs[half(line.split('\t', 1)[0])].write(line)
        for o in outs.values():
            o.close()
