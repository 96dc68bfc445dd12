#!/usr/bin/env python3
# Checks articles.tsv and trips.tsv of this set (tests/data/pageset.py:
# format, labels, the doc list, the build of src/, every trip a story row
# and a shipped rule).
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import pageset
want = [f'en-{i:02d}' for i in range(1, 29)] + [f'{l}-{i:02d}' for l in pageset.LANGS[1:] for i in (1, 2)]
pageset.check(here, want, trips=True, known_rules=True)
