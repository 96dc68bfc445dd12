# check.py PARAS SENTS - the sentence rows (from --offsets) give back each
# paragraph exactly: text[start:end] is the sentence, and everything
# between sentences is whitespace.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../lib'))
from tsvfield import unescape  # noqa: E402


paras = {}
with open(sys.argv[1], encoding='utf-8') as f:
    next(f)
    for line in f:
        doc, para, text = line.rstrip('\n').split('\t')
        paras[(doc, para)] = unescape(text)
got = {}
with open(sys.argv[2], encoding='utf-8') as f:
    next(f)
    for line in f:
        doc, para, sent, start, end, text = line.rstrip('\n').split('\t')
        got.setdefault((doc, para), []).append((int(start), int(end), unescape(text)))
bad = 0
for key, text in paras.items():
    at = 0
    for start, end, sent in got.get(key, []):
        if text[start:end] != sent or text[at:start].strip() != '':
            bad += 1
            print('mismatch', key, repr(sent))
        at = end
    if text[at:].strip() != '':
        bad += 1
        print('text lost at the end of', key)
print('%d paragraphs, %d sentences, %d mismatches' % (len(paras), sum(len(v) for v in got.values()), bad))
