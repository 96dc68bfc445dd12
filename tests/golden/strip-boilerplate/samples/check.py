"""check.py MARKED KEPT - the issue's boilerplate kinds are marked, all other
lines are not; the dateline prefix is cut in the default output."""
import re
import sys

KINDS = [  # the list of leftovers
    r'^READ MORE:', r'^WATCH:', r'^Story continues below$', r'^MOST READ IN NEWS$',
    r'^%d bloggers like this:$', r'^© \d{4} ', r'^Distributed by .* LLC\.$',
    r'^The Associated Press contributed to this report\.$', r'^— With files from ',
    r'^Join our .* Telegram channel', r'^We pay for your stories!', r'^Report an error$',
    r'^Want to discuss\? Please read our Commenting Policy first\.$', r'^!\[\]\(http',
    r'^[A-Z][a-z]+ \d{1,2}, \d{4} \d{1,2}:\d\d [ap]m$', r'^Updated: ',
    r'/Handout via REUTERS$', r'\((?:[^()/]+/)+[^()/]+\)$',  # photo credits
    r' are seen atop a military vehicle .* Jan\. 27, 2019\.$',  # a caption (issue 9)
]
DATELINE = re.compile(r'^ ?date \d{4}-\d\d-\d\d – ')
bad = 0
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')][1:]
n_bp = n_art = 0
for doc, para, mark, text in rows:
    t = re.sub(r'\s+', ' ', text.replace('\\t', ' ').replace('\u00a0', ' ')).strip()
    if DATELINE.match(t):
        if not mark.startswith('trim:'):
            print(f'{doc}:{para}: dateline not trimmed ({mark!r})'); bad += 1
        n_art += 1
        continue
    want_bp = any(re.search(k, t) for k in KINDS)
    if want_bp and not mark:
        print(f'{doc}:{para}: boilerplate kept: {t[:60]}'); bad += 1
    if not want_bp and mark:
        print(f'{doc}:{para}: article line dropped ({mark}): {t[:60]}'); bad += 1
    n_bp += want_bp
    n_art += not want_bp
kept = [l.rstrip('\n').split('\t') for l in open(sys.argv[2], encoding='utf-8')][1:]
for doc, para, text in kept:
    if 'date 2019' in text[:12]:
        print(f'{doc}:{para}: dateline still in the output'); bad += 1
print(f'{n_bp} boilerplate lines dropped, {n_art} article lines kept, {len(kept)} rows out, {bad} problems')
sys.exit(1 if bad else 0)
