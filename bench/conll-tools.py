#!/usr/bin/python3
"""conll-tools.py - helpers of bench/eval-tag-entities.sh over the CoNLL-2003
files in $SHARED/eval/entities (read there at eval time; nothing of them is
kept in the repository).

  conll-tools.py mentions FILE.conll        mention rows (doc para start end
                                            type mention) of the gold IOB1 tags,
                                            for tag-entities --make-gazetteer
  conll-tools.py split FILE.conll OUTDIR [FIRST_DOCS]
                                            OUTDIR/FILE-odd and FILE-even: the
                                            documents with odd / even numbers;
                                            with FIRST_DOCS, also FILE-head (the
                                            first FIRST_DOCS documents) and
                                            FILE-tail (the rest)
"""
import os
import sys

sys.dont_write_bytecode = True


def docs_raw(path):
    """The file's documents as lists of raw lines (each ends with its -DOCSTART- line)."""
    docs, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cur.append(line)
            if line.startswith("-DOCSTART-"):
                docs.append(cur)
                cur = []
    if any(l.strip() for l in cur):
        docs.append(cur)
    return docs


def split(path, outdir, first=None):
    docs = docs_raw(path)
    base = os.path.basename(path)
    parts = {"odd": docs[0::2], "even": docs[1::2]}
    if first:
        parts["head"], parts["tail"] = docs[:first], docs[first:]
    for name, ds in parts.items():
        with open(os.path.join(outdir, "%s-%s" % (base, name)), "w", encoding="utf-8") as f:
            for d in ds:
                f.writelines(d)


def mentions(path):
    here = os.environ.get("CONLL_DIR") or os.path.dirname(os.path.abspath(path))
    sys.path.insert(0, here)
    from conll2tsv import read_conll  # noqa: E402
    out = sys.stdout
    out.write("doc\tpara\tstart\tend\ttype\tmention\n")
    for doc, sents in read_conll(path):
        for p, sent in enumerate(sents, 1):
            pos, offs = 0, []
            for _, tok, _ in sent:
                offs.append((pos, pos + len(tok)))
                pos += len(tok) + 1
            cur = None  # [start token, end token, type]
            spans = []
            for i, (_, tok, tag) in enumerate(sent):
                if tag == "O":
                    if cur:
                        spans.append(cur)
                    cur = None
                    continue
                bio, ty = tag.split("-", 1)
                if cur and cur[2] == ty and bio == "I":
                    cur[1] = i
                    continue
                if cur:
                    spans.append(cur)
                cur = [i, i, ty]
            if cur:
                spans.append(cur)
            for a, b, ty in spans:
                text = " ".join(t for _, t, _ in sent[a:b + 1])
                out.write("%s\t%d\t%d\t%d\t%s\t%s\n" % (doc, p, offs[a][0], offs[b][1], ty, text))


def main():
    a = sys.argv[1:]
    if len(a) == 2 and a[0] == "mentions":
        mentions(a[1])
    elif len(a) in (3, 4) and a[0] == "split":
        split(a[1], a[2], int(a[3]) if len(a) == 4 else None)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
