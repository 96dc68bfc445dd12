#!/usr/bin/env python3
"""Score tag-entities mention rows against gold.tsv (exact span + type).

usage: score.py [--all] [--untyped] [--errors] [--text PARAGRAPHS.tsv] GOLD.tsv PRED.tsv

Both files are copydesk record-format TSV with a header; columns are found
by name: doc, para, start, end, type (mention optional; real optional,
gold only). Offsets are code points into the unescaped paragraph text,
end exclusive. A predicted mention is correct when doc, para, start, end
and type all equal a gold mention's.

By default only PER ORG LOC MISC are scored; --all scores every type that
occurs in either file (DATE MONEY PERCENT too). --untyped adds span-only
scores. --errors lists false positives and false negatives. --text checks
that each predicted mention column equals text[start:end] (default:
paragraphs.tsv beside GOLD, if present).

Real/invented split (gold column `real`, 1 or 0): recall is over the gold
mentions of each group; a predicted mention belongs to the group of the
gold mention with the same span, else of the first gold mention it
overlaps, else to neither (counted as `unaligned`). With --all, DATE MONEY
PERCENT (real `-`) form a third group, `no-name`.
"""
import argparse, os, signal, sys
from collections import Counter, defaultdict

CONLL = ("PER", "ORG", "LOC", "MISC")

def unescape(s):
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)

def read_tsv(path, need):
    f = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="surrogateescape", newline="")
    with f:
        header = f.readline().rstrip("\n").rstrip("\r").split("\t")
        missing = [c for c in need if c not in header]
        if missing:
            sys.exit(f"score.py: {path}: missing column(s) {', '.join(missing)}; header has {', '.join(header)}")
        rows = []
        for ln, line in enumerate(f, 2):
            line = line.rstrip("\n").rstrip("\r")
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) != len(header):
                sys.exit(f"score.py: {path}:{ln}: {len(fields)} fields, header has {len(header)}")
            rows.append((ln, {h: unescape(v) for h, v in zip(header, fields)}))
        return header, rows

def key_of(path, ln, r):
    try:
        return (r["doc"], int(r["para"]), int(r["start"]), int(r["end"]))
    except ValueError:
        sys.exit(f"score.py: {path}:{ln}: para/start/end not integers")

def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def line(label, tp, np_, ng):
    p, r, f = prf(tp, np_, ng)
    return f"{label:<10} P {100*p:6.2f}  R {100*r:6.2f}  F1 {100*f:6.2f}   (tp {tp}, pred {np_}, gold {ng})"

def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--all", action="store_true", help="score every type, not only PER ORG LOC MISC")
    ap.add_argument("--untyped", action="store_true", help="also span-only scores")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    ap.add_argument("--text", help="paragraph TSV to check predicted mention text against")
    a = ap.parse_args()

    _, grows = read_tsv(a.gold, ["doc", "para", "start", "end", "type"])
    ph, prows = read_tsv(a.pred, ["doc", "para", "start", "end", "type"])
    if "sent" in ph and any(r.get("sent", "1") not in ("", "1") for _, r in prows):
        print("score.py: warning: prediction has sent > 1: offsets must index the paragraph rows of paragraphs.tsv, "
              "run tag-entities on them directly, without split-sentences", file=sys.stderr)

    gold = {}   # (doc,para,start,end) -> (type, mention, real)
    for ln, r in grows:
        k = key_of(a.gold, ln, r)
        if k in gold:
            sys.exit(f"score.py: {a.gold}:{ln}: duplicate gold span {k}")
        gold[k] = (r["type"], r.get("mention", ""), r.get("real", "-"))
    pred, dups = {}, 0
    for ln, r in prows:
        k = key_of(a.pred, ln, r)
        if k in pred:
            dups += 1
            continue
        pred[k] = (r["type"], r.get("mention", ""))
    if dups:
        print(f"score.py: warning: {dups} duplicate predicted span(s) ignored (first kept)", file=sys.stderr)

    gold_docs = {(k[0], k[1]) for k in gold}
    text_path = a.text or os.path.join(os.path.dirname(os.path.abspath(a.gold)), "paragraphs.tsv")
    texts = {}
    if os.path.exists(text_path):
        _, trows = read_tsv(text_path, ["doc", "para", "text"])
        texts = {(r["doc"], int(r["para"])): r["text"] for _, r in trows}
        gold_docs |= set(texts)
    if texts:
        bad = [(k, m, texts.get(k[:2], "")[k[2]:k[3]]) for k, (t, m) in pred.items()
               if m and texts.get(k[:2], "")[k[2]:k[3]] != m]
        if bad:
            print(f"score.py: warning: {len(bad)} predicted mention(s) differ from text[start:end] "
                  f"(offsets not code points?), e.g. {bad[0][0]}: {bad[0][1]!r} vs {bad[0][2]!r}", file=sys.stderr)
    unknown = sum(1 for k in pred if (k[0], k[1]) not in gold_docs)
    if unknown:
        print(f"score.py: warning: {unknown} predicted mention(s) in doc/para not in the gold set", file=sys.stderr)

    all_types = sorted({t for t, *_ in gold.values()} | {t for t, _ in pred.values()})
    types = all_types if a.all else [t for t in CONLL]
    ts = set(types)
    G = {k: v for k, v in gold.items() if v[0] in ts}
    P = {k: v for k, v in pred.items() if v[0] in ts}
    ignored = Counter(v[0] for v in pred.values() if v[0] not in ts)

    # group a prediction (real/invented) by the gold mention it aligns with
    by_para = defaultdict(list)
    for k, v in G.items():
        by_para[k[:2]].append((k[2], k[3], v[2]))
    def group(k):
        if k in G:
            return G[k][2]
        for s, e, real in sorted(by_para.get(k[:2], [])):
            if s < k[3] and k[2] < e:
                return real
        return None

    tp = {k for k, v in P.items() if k in G and G[k][0] == v[0]}
    print(f"gold {a.gold}: {len(G)} mentions scored; pred {a.pred}: {len(P)} mentions scored"
          + (f"; other types ignored: {dict(sorted(ignored.items()))} (use --all)" if ignored else ""))
    print("types: " + " ".join(types) + "   (exact span + type)")
    print(line("overall", len(tp), len(P), len(G)))
    for t in types:
        print(line(t, sum(1 for k in tp if G[k][0] == t),
                   sum(1 for v in P.values() if v[0] == t),
                   sum(1 for v in G.values() if v[0] == t)))
    if a.untyped:
        sp = len(set(P) & set(G))
        print(line("untyped", sp, len(P), len(G)) + "   (span only)")
    if any(v[2] in ("0", "1") for v in G.values()):
        print("by name origin (gold column real):")
        unaligned = 0
        pg = Counter()
        for k in P:
            g = group(k)
            if g in ("0", "1", "-"):
                pg[g] += 1
            else:
                unaligned += 1
        for g, label in (("1", "real"), ("0", "invented"), ("-", "no-name")):
            ng = sum(1 for v in G.values() if v[2] == g)
            if g == "-" and not ng and not pg[g]:
                continue
            t_ = sum(1 for k in tp if G[k][2] == g)
            print(line(label, t_, pg[g], ng))
            for t in types:
                ngt = sum(1 for v in G.values() if v[2] == g and v[0] == t)
                if ngt or any(group(k) == g and v[0] == t for k, v in P.items()):
                    print("  " + line(t, sum(1 for k in tp if G[k][2] == g and G[k][0] == t),
                                      sum(1 for k, v in P.items() if v[0] == t and group(k) == g), ngt))
        if unaligned:
            print(f"unaligned predictions (overlap no gold mention): {unaligned}")
    conf = Counter((G[k][0], v[0]) for k, v in P.items() if k in G and G[k][0] != v[0])
    if conf:
        print("right span, wrong type (gold->pred): " + ", ".join(f"{g}->{p} {n}" for (g, p), n in conf.most_common()))
    if a.errors:
        for k in sorted(set(P) - tp):
            v = P[k]
            why = f"gold {G[k][0]}" if k in G else "no gold span"
            print(f"FP\t{k[0]}\t{k[1]}\t{k[2]}\t{k[3]}\t{v[0]}\t{v[1]}\t{why}")
        for k in sorted(set(G) - tp):
            v = G[k]
            print(f"FN\t{k[0]}\t{k[1]}\t{k[2]}\t{k[3]}\t{v[0]}\t{v[1]}\treal={v[2]}")

if __name__ == "__main__":
    main()
