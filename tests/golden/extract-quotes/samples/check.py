# check.py PARAS QUOTES - every quote row's quote is its paragraphs' text
# from start to end (code points; paragraphs joined by one newline, as the
# scorer counts them), so offsets and text agree - but for the mark that
# opens each paragraph a quotation runs on into, which the quote leaves out.
import re
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../lib'))
from tsvfield import unescape  # noqa: E402


docs = {}
with open(sys.argv[1], encoding='utf-8') as f:
    next(f)
    for line in f:
        doc, para, text = line.rstrip('\n').split('\t')
        docs.setdefault(doc, []).append((para, unescape(text)))
bad = rows = 0
with open(sys.argv[2], encoding='utf-8') as f:
    head = next(f).rstrip('\n').split('\t')
    for line in f:
        r = dict(zip(head, line.rstrip('\n').split('\t')))
        rows += 1
        ps = docs[r['doc']]
        k = [p for p, _ in ps].index(r['para'])
        text = '\n'.join(t for _, t in ps[k:])
        span = re.sub('\n["\u201c\u201d\u201e\u00ab\u00bb] *', '\n', text[int(r['start']):int(r['end'])])
        if span != unescape(r['quote']):
            bad += 1
            print('mismatch', r['doc'], r['para'], r['start'])
print('%d quotations, %d mismatches' % (rows, bad))
