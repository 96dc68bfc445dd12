#!/usr/bin/env python3
"""golden-seeds.py PROG NAME [BYTE,...] - seed inputs for the harness
NAME from the golden tests of PROG (tests/golden/PROG/*/*.tsv, our own
writing; cases whose cmd reads $SHARED are left out): the text column of
each row a line, as escaped in the file, an empty line between documents,
and an `entities` column after a TAB when the file has one, after the
option bytes given; up to 4 KiB a
seed, into tests/fuzz/corpus/NAME/golden-CASE. Run once when a harness is
added; the seeds are committed."""
import glob, os, sys

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
prog, name = sys.argv[1], sys.argv[2]
prefix = bytes(int(x) for x in sys.argv[3].split(",")) if len(sys.argv) > 3 else b""
out = os.path.join(top, "tests/fuzz/corpus", name)
os.makedirs(out, exist_ok=True)
for case in sorted(glob.glob(os.path.join(top, "tests/golden", prog, "*"))):
    cmd = os.path.join(case, "cmd")
    if not os.path.exists(cmd) or "SHARED" in open(cmd).read():
        continue
    for f in sorted(glob.glob(os.path.join(case, "*.tsv"))):
        lines = open(f, "rb").read().split(b"\n")
        head = lines[0].lstrip(b"\xef\xbb\xbf").rstrip(b"\r").split(b"\t")
        if b"text" not in head:
            continue
        tc, dc = head.index(b"text"), head.index(b"doc") if b"doc" in head else -1
        ec = head.index(b"entities") if b"entities" in head else -1
        seed, prev = bytearray(prefix), None
        for l in lines[1:]:
            c = l.rstrip(b"\r").split(b"\t")
            if len(c) != len(head):
                continue
            if dc >= 0 and prev is not None and c[dc] != prev:
                seed += b"\n"
            prev = c[dc] if dc >= 0 else None
            seed += c[tc] + (b"\t" + c[ec] if ec >= 0 else b"") + b"\n"
            if len(seed) > 4096:
                break
        if len(seed) > len(prefix):
            base = os.path.basename(case) + ("" if f.endswith("/in.tsv") else "-" + os.path.basename(f)[:-4])
            open(os.path.join(out, "golden-" + base), "wb").write(bytes(seed[:4096]))
