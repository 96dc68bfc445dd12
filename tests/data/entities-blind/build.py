#!/usr/bin/env python3
"""Build paragraphs.tsv and gold.tsv from the marked-up sources in src/*.txt.

Source format: a line '## DOC' starts a document; every other non-empty
line is one paragraph. Mentions are marked inline:
  [[Ann Lowe|PER]]      invented name      (real=0)
  [[Paris|LOC|r]]       real-world entity  (real=1)
  [[Monday|DATE]]       DATE/MONEY/PERCENT (real=-)
Markers are stripped; offsets are code points into the plain text.
"""
import glob, re, sys

TYPES = {"PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT"}
NUMERIC = {"DATE", "MONEY", "PERCENT"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(\|r)?\]\]")

def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

def main():
    docs = []
    for fn in sorted(glob.glob("src/*.txt")):
        doc = None
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("## "):
                doc = line[3:].strip()
                docs.append((doc, []))
                continue
            if doc is None:
                sys.exit(f"{fn}:{ln}: paragraph before any '## doc'")
            docs[-1][1].append((fn, ln, line))
    seen = set()
    paras, gold = [], []
    for doc, lines in docs:
        if doc in seen:
            sys.exit(f"duplicate doc {doc}")
        seen.add(doc)
        for pi, (fn, ln, line) in enumerate(lines, 1):
            out, pos, ments = [], 0, []
            plen = 0
            for m in MARK.finditer(line):
                pre = line[pos:m.start()]
                out.append(pre); plen += len(pre)
                text, typ, r = m.group(1), m.group(2), m.group(3)
                if typ not in TYPES:
                    sys.exit(f"{fn}:{ln}: bad type {typ}")
                if text != text.strip():
                    sys.exit(f"{fn}:{ln}: mention with edge space: {text!r}")
                if typ in NUMERIC:
                    real = "-"
                    if r:
                        sys.exit(f"{fn}:{ln}: |r on {typ}")
                else:
                    real = "1" if r else "0"
                start = plen
                out.append(text); plen += len(text)
                ments.append((start, plen, typ, text, real))
                pos = m.end()
            out.append(line[pos:])
            plain = "".join(out)
            if "[[" in plain or "]]" in plain or "\t" in plain:
                sys.exit(f"{fn}:{ln}: stray marker or tab: {plain}")
            if plain != plain.strip():
                sys.exit(f"{fn}:{ln}: paragraph with edge space")
            for s, e, t, x, _ in ments:
                assert plain[s:e] == x
            paras.append((doc, pi, plain))
            for s, e, t, x, real in ments:
                gold.append((doc, pi, s, e, t, x, real))
    with open("paragraphs.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("doc\tpara\ttext\n")
        for d, p, t in paras:
            f.write(f"{d}\t{p}\t{esc(t)}\n")
    with open("gold.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("doc\tpara\tstart\tend\ttype\tmention\treal\n")
        for d, p, s, e, t, x, r in gold:
            f.write(f"{d}\t{p}\t{s}\t{e}\t{t}\t{esc(x)}\t{r}\n")
    print(f"{len(docs)} docs, {len(paras)} paragraphs, {len(gold)} mentions", file=sys.stderr)

if __name__ == "__main__":
    main()
