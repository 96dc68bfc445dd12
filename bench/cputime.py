#!/usr/bin/env python3
"""cputime.py INPUT CMD... - run CMD with stdin from INPUT and stdout to
/dev/null; print its user+sys CPU seconds (microsecond resolution)."""
import os
import resource
import subprocess
import sys

before = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], 'rb') as inp, open(os.devnull, 'wb') as out:
    subprocess.run(sys.argv[2:], stdin=inp, stdout=out, stderr=subprocess.DEVNULL, check=False)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print('%.6f' % ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
