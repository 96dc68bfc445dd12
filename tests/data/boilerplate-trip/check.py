#!/usr/bin/env python3
# Checks articles.tsv and trips.tsv of this set (tests/data/pageset.py:
# format, labels, the doc list, the build of src/, every trip a story row)
# and the counts per language and label that README.md gives (a label
# changed or a row added or lost shows here; the README's "Label changes"
# must say why).
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import pageset
ndocs = {'en': 18, 'de': 4, 'fr': 4, 'es': 4, 'pt': 4, 'it': 4, 'nl': 4}
want = [f'{l}-{i:02d}' for l in pageset.LANGS for i in range(1, ndocs[l] + 1)]
# language: (title, article, boilerplate), as in README.md
counts = {
    'en': (18, 265, 272), 'de': (4, 46, 55), 'fr': (4, 42, 48),
    'es': (4, 41, 49), 'pt': (4, 45, 43), 'it': (4, 38, 45),
    'nl': (4, 44, 43),
}
pageset.check(here, want, counts, trips=True)
