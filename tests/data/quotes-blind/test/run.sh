#!/bin/sh
# Checks score.py against itself only: gold as prediction (must be 100 %) and a
# small hand-made wrong prediction (its figures worked out by hand, README).
cd "$(dirname "$0")/.." || exit 1
python3 test/gold2pred.py gold.tsv > test/gold-as-pred.tsv &&
python3 score.py gold.tsv test/gold-as-pred.tsv | diff -u test/gold-as-pred.expected - &&
python3 score.py gold.tsv test/wrong.tsv | diff -u test/wrong.expected - &&
echo ok
