#!/usr/bin/env python3
"""Write gold.tsv as an extract-quotes-shaped prediction (for testing score.py)."""
import sys
L = open(sys.argv[1], encoding='utf-8').read().rstrip('\n').split('\n')
h = L[0].split('\t')
print('doc\tpara\tquote\tspeaker\tspeaker_id\tcue\tkind\tstart\tend')
for l in L[1:]:
    r = dict(zip(h, l.split('\t')))
    print('\t'.join([r['doc'], r['para'], 'x', r['speaker'], '', 'said', r['kind'], r['start'], r['end']]))
