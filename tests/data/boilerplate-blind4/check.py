#!/usr/bin/env python3
# Checks articles.tsv of this set (tests/data/pageset.py: format, labels,
# the doc list, the build of src/) and the counts per language and label
# that README.md gives (a label changed or a row added or lost shows here;
# the README's "Label changes" must say why).
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import pageset
ndocs = {'en': 20, 'de': 4, 'fr': 4, 'es': 3, 'pt': 4, 'it': 4, 'nl': 4}
want = [f'{l}-{i:02d}' for l in pageset.LANGS for i in range(1, ndocs[l] + 1)]
# language: (title, article, boilerplate), as in README.md
counts = {
    'en': (20, 377, 354), 'de': (4, 73, 64), 'fr': (4, 58, 63),
    'es': (3, 50, 46), 'pt': (4, 82, 63), 'it': (4, 52, 62),
    'nl': (4, 61, 58),
}
pageset.check(here, want, counts)
