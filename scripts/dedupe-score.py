#!/usr/bin/python3
"""dedupe-score.py - drop precision, recall and F1 of dedupe on a set with
known clusters (scripts/dedupe-gen.py writes such sets).

usage: dedupe-score.py TRUTH.tsv OUTPUT.tsv [--half 0|1]

TRUTH.tsv: doc, cluster, level, edits (rows in input order). OUTPUT.tsv:
dedupe's output, either the kept rows or every row with dup_of (--mark).
A row is a true drop when an earlier row has its cluster; rows whose edits
say hardneg_of:C are other news (their own cluster) and counted apart.
--half keeps the clusters whose name hashes (CRC-32) to that half.
Prints: P R F1, hard negatives dropped, recall by edit.
"""
import sys
import zlib
from collections import defaultdict


def rows(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            yield dict(zip(head, line.rstrip('\n').split('\t')))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    half = None
    if '--half' in sys.argv:
        half = int(sys.argv[sys.argv.index('--half') + 1])
        args = [a for a in args if a not in ('0', '1')]
    if len(args) != 2:
        sys.exit(__doc__)
    truth = list(rows(args[0]))
    out = list(rows(args[1]))
    if out and 'dup_of' in out[0]:
        dropped = {r['doc'] for r in out if r.get('dup_of')}
    else:
        kept = {r['doc'] for r in out}
        dropped = {t['doc'] for t in truth} - kept
    seen = set()
    tp = fp = fn = hard = hard_dropped = 0
    per = defaultdict(lambda: [0, 0])
    for t in truth:
        true_drop = t['cluster'] in seen
        seen.add(t['cluster'])
        if half is not None and zlib.crc32(t['cluster'].encode()) % 2 != half:
            continue
        drop = t['doc'] in dropped
        if t['edits'].startswith('hardneg'):
            hard += 1
            hard_dropped += drop
        tp += true_drop and drop
        fp += drop and not true_drop
        fn += true_drop and not drop
        if true_drop:
            for e in t['edits'].split('+'):
                per[e][0] += 1
                per[e][1] += drop
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print('P %.4f R %.4f F1 %.4f hard %d of %d' % (p, r, f1, hard_dropped, hard))
    print('recall by edit: ' + '  '.join('%s %.3f' % (e, d / n) for e, (n, d) in
                                         sorted(per.items(), key=lambda kv: -kv[1][0]) if n >= 50))


if __name__ == '__main__':
    main()
