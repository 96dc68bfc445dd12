#!/usr/bin/python3
"""dedupe-halves.py TRUTH.tsv OUT.tsv PREFIX - split a truth file and
dedupe's output into the two halves of the clusters (CRC-32 of the cluster
name, even or odd), as PREFIX.0.truth.tsv, PREFIX.0.out.tsv and PREFIX.1.*,
so that each half is scored on its own (a cluster's rows, hard negatives
by their own cluster, stay in one half)."""
import sys
import zlib

truth, out, prefix = sys.argv[1:4]
half = {}
files = [(open('%s.%d.truth.tsv' % (prefix, h), 'w', encoding='utf-8', errors='surrogateescape'),
          open('%s.%d.out.tsv' % (prefix, h), 'w', encoding='utf-8', errors='surrogateescape')) for h in (0, 1)]
with open(truth, encoding='utf-8', errors='surrogateescape') as f:
    head = f.readline()
    for t, _ in files:
        t.write(head)
    for line in f:
        doc, cluster = line.split('\t', 2)[:2]
        h = zlib.crc32(cluster.encode()) % 2
        half[doc] = h
        files[h][0].write(line)
with open(out, encoding='utf-8', errors='surrogateescape') as f:
    head = f.readline()
    for _, o in files:
        o.write(head)
    for line in f:
        h = half.get(line.split('\t', 1)[0])
        if h is not None:
            files[h][1].write(line)
