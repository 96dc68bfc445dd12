#!/usr/bin/env python3
# Builds articles.tsv of this set from src/*.txt (the source format:
# tests/data/pageset.py).
import os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(here))
import pageset
pageset.build(here, trips=False)
