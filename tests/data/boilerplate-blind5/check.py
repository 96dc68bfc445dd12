#!/usr/bin/env python3
# Checks articles.tsv of this set (tests/data/pageset.py: format, labels,
# the doc list, the build of src/) and the counts per language and label
# that README.md gives (a label changed or a row added or lost shows here;
# the README's "Label changes" must say why).
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import pageset
ndocs = {'en': 30, 'de': 11, 'fr': 5, 'es': 5, 'pt': 5, 'it': 5, 'nl': 5}
want = [f'{l}-{i:02d}' for l in pageset.LANGS for i in range(1, ndocs[l] + 1)]
# language: (title, article, boilerplate), as in README.md
counts = {
    'en': (30, 353, 470), 'de': (11, 119, 128), 'fr': (5, 48, 60),
    'es': (5, 42, 50), 'pt': (5, 53, 50), 'it': (5, 45, 51),
    'nl': (5, 43, 46),
}
pageset.check(here, want, counts)
