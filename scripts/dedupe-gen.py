#!/usr/bin/python3
"""dedupe-gen.py - synthetic news-like rows with known duplicate clusters,
for dedupe's tests and its 1M-row speed and memory measurements.

usage: dedupe-gen.py [--rows N] [--seed S] [--dup-rate R] PREFIX

writes PREFIX.input.tsv (doc, text) and PREFIX.truth.tsv (doc, cluster,
level, edits): the same layout as ../shared/eval/dedupe, scored by
scripts/dedupe-score.py. Every word here is invented for this project:
made-up towns, firms and people, sentence patterns of our own.

A row is a sentence, a paragraph (1-3 sentences of one story), a mix (2-3
sentences of different stories) or a document (5-12 sentences): about
40 words a row on average, as in the shared stress set. About a
quarter of the rows repeat an earlier row's story with the edits copies
show: quote marks, accents, Mr./Mr, a word added, dropped or swapped for
a synonym, a typo, a cut with an ellipsis, a dateline or a credit, odd
spaces, dashes, HTML entities, case, number format. Hard negatives copy a
row with one number changed, a direction word swapped (rose/fell) or a
"not" added: other news, which must be kept.
"""
import argparse
import random
import sys

SYLL = ['bar', 'ven', 'dor', 'mal', 'ket', 'ris', 'lan', 'tho', 'gra', 'wen', 'sol', 'per', 'ack', 'mund',
        'vel', 'ora', 'tis', 'hal', 'cor', 'bri', 'nes', 'qua', 'zen', 'lo', 'ma', 'ri', 'an', 'el', 'ost',
        'ham', 'wick', 'ford', 'dale', 'mere', 'by', 'thorpe', 'stead', 'mouth', 'holm', 'gate']
FIRST = ['Maren', 'Tobias', 'Ines', 'Rafael', 'Hedda', 'Cyrus', 'Leona', 'Emil', 'Sunniva', 'Dario',
         'Agnes', 'Kofi', 'Yara', 'Oskar', 'Beatriz', 'Jonas', 'Priya', 'Mateo', 'Fenna', 'Nikolai',
         'Ada', 'Bruno', 'Clara', 'Dmitri', 'Elif', 'Farid', 'Greta', 'Hamid', 'Ilse', 'Jasper']
FIRMKIND = ['Foods', 'Steel', 'Telecom', 'Bank', 'Air', 'Motors', 'Energy', 'Labs', 'Retail', 'Mining',
            'Shipping', 'Insurance', 'Pharma', 'Chemicals', 'Timber', 'Grain', 'Textiles', 'Cement',
            'Media', 'Rail', 'Holdings', 'Logistics', 'Software', 'Dairy']
ROLES = ['the mayor of {T}', 'the finance minister', 'a union spokeswoman', 'the chief executive of {F}',
         'an analyst at {F}', 'the harbour master of {T}', 'a council member in {T}', 'the head of {B}',
         'a lawyer for {F}', 'the governor of {T} province']
BODIES = ['the town council', 'the port authority', 'the water board', 'the regional assembly',
          'the transport ministry', 'the schools trust', 'the health agency', 'the farmers union',
          'the trade commission', 'the central bank', 'the fisheries office', 'the planning board',
          'the rail regulator', 'the tax office', 'the court of appeal', 'the energy regulator']
THINGS = ['bridge repairs', 'a new ferry line', 'the harbour dredging', 'grain subsidies', 'the flood wall',
          'bus fares', 'the library expansion', 'a solar farm', 'rail freight rates', 'the fishing quota',
          'hospital beds', 'the tram extension', 'winter heating aid', 'the airport runway', 'the wage deal',
          'the merger', 'the new tax on sugar', 'the mine closure', 'the pension reform', 'the port strike',
          'the water pipeline', 'the stadium plan', 'school meals', 'the sale of the steel plant']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
          'October', 'November', 'December']
DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
UNITS = [('pct', 'percent'), ('mln', 'million'), ('bln', 'billion'), ('dlrs', 'dollars')]
SYN = {'said': ['stated', 'told reporters', 'says'], 'company': ['firm', 'group'], 'shares': ['stock'],
       'about': ['around', 'roughly'], 'plans': ['intends'], 'big': ['large'], 'start': ['begin'],
       'buy': ['acquire'], 'talks': ['negotiations'], 'quickly': ['swiftly'], 'expects': ['anticipates'],
       'residents': ['locals'], 'officials': ['authorities'], 'cost': ['price'], 'warned': ['cautioned'],
       'wants': ['hopes'], 'rules': ['regulations'], 'workers': ['staff'], 'town': ['city']}
FILLERS = ['also', 'now', 'still', 'again', 'reportedly', 'meanwhile', 'on Thursday', 'this week',
           'officially', 'once more']
DATELINES = ['{TOWN} (Wirepost) - ', '{TOWN}, June 4 (Coastal Press) -- ', '{TOWN} - ', 'BULLETIN: ',
             'By {PERSON}, Wirepost ', 'LATEST: ', 'Sponsored ', '{TOWN} (CNA) — ']
CREDITS = [' (Reporting by {PERSON}; Editing by {PERSON})', ' Copyright 2031 Coastal Press. All rights reserved.',
           ' Read more at wirepost.example.', ' Follow us on Twitter for updates.', ' (Additional reporting by {PERSON})',
           ' Share this article.', ' This story originally appeared on coastalpress.example.',
           ' Click here to subscribe to our newsletter.', ' Advertisement']
DIRECTION = [('rose', 'fell'), ('higher', 'lower'), ('gained', 'lost'), ('increased', 'decreased'), ('up', 'down')]
ACCENTS = {'a': 'á', 'e': 'é', 'i': 'í', 'o': 'ó', 'u': 'ü', 'n': 'ñ', 'c': 'ç'}


def word(r, k):
    return ''.join(r.choice(SYLL) for _ in range(k)).capitalize()


def town(r):
    return word(r, r.randint(2, 3)) + (r.choice(['', '', '', ' Bay', ' Falls', ' Cross', ' Vale']))


def firm(r):
    return word(r, 2) + ' ' + r.choice(FIRMKIND)


def person(r):
    return r.choice(FIRST) + ' ' + word(r, r.randint(2, 3))


def num(r, lo, hi, dec=0):
    v = r.uniform(lo, hi)
    return ('%.*f' % (dec, v)) if dec else str(int(v))


def thousands(r):
    return '{:,}'.format(r.randint(1000, 9999999))


VERBS = ['approved', 'rejected', 'delayed', 'funded', 'questioned', 'defended', 'announced', 'scrapped',
         'reviewed', 'praised', 'criticised', 'challenged', 'welcomed', 'blocked', 'backed', 'postponed',
         'expanded', 'trimmed', 'inspected', 'audited', 'proposed', 'unveiled', 'suspended', 'renewed']
ADJS = ['long-awaited', 'costly', 'disputed', 'modest', 'ambitious', 'regional', 'temporary', 'revised',
        'emergency', 'second', 'joint', 'cross-border', 'overdue', 'scaled-back', 'popular', 'contested']
REASONS = ['after months of delays', 'despite protests from neighbours', 'because of rising fuel costs',
           'following a court ruling', 'amid a shortage of engineers', 'after an inspection found cracks',
           'to meet new safety rules', 'as demand slowed', 'after heavy storms', 'under pressure from lenders',
           'ahead of the local elections', 'while talks with unions continue', 'to cut waiting lists',
           'after a surge in complaints', 'once the budget is agreed']
ADVS = ['narrowly', 'quietly', 'abruptly', 'formally', 'again', 'finally', 'unexpectedly', 'partly']


def subject(r, T, F, P, B):
    return r.choice([F, P, B.capitalize(), 'Officials in ' + T, 'Residents of ' + T, 'Workers at ' + F,
                     'The government of ' + T, r.choice(ROLES).format(T=T, F=F, B=B).capitalize(),
                     'Shareholders of ' + F, 'Farmers near ' + T, 'Lawmakers in ' + T, 'Teachers in ' + T,
                     'Investors in ' + F, 'The board of ' + F, 'Police in ' + T])


def clause(r, T, F, P, B, TH):
    d = r.choice(DIRECTION)[r.randint(0, 1)]
    u = r.choice(UNITS)[0]
    k = r.random()
    if k < 0.45:  # a verb, an object, a reason: combinations rather than set phrases
        obj = r.choice(['the ' + r.choice(ADJS) + ' ' + TH.replace('the ', '', 1), TH,
                        'a plan for ' + TH, 'the ' + r.choice(ADJS) + ' budget for ' + TH,
                        'a ' + num(r, 2, 90) + ' ' + u + ' dlr loan to ' + firm(r)])
        out = (r.choice(ADVS) + ' ' if r.random() < 0.3 else '') + r.choice(VERBS) + ' ' + obj
        if r.random() < 0.35:
            out += ' ' + r.choice(REASONS)
        elif r.random() < 0.3:
            out += ' on ' + r.choice(DAYS)
        return out
    return r.choice([
        f'said quarterly sales {d} {num(r, 1, 40, 1)} pct to {num(r, 5, 900, 1)} mln dlrs',
        f'reported a net profit of {thousands(r)} dlrs against {thousands(r)} dlrs a year earlier',
        f'said {TH} would cost about {num(r, 2, 300)} {u} dlrs',
        f'expect {TH} to start in {r.choice(MONTHS)}',
        f'voted {num(r, 10, 40)} to {num(r, 1, 30)} on {TH}',
        f'warned that {TH} could slip to {num(r, 2031, 2040)}',
        f'plans to buy a {num(r, 5, 60)} pct stake in {firm(r)} for {num(r, 10, 800)} mln dlrs',
        f'wants {B} to look again at {TH} before {r.choice(MONTHS)} {num(r, 1, 28)}',
        f'has paid {thousands(r)} dlrs in fines since {num(r, 2001, 2029)}',
        f'cut its forecast for {TH} by {num(r, 2, 30)} pct',
        f'signed a {num(r, 2, 15)} year deal with {firm(r)} worth {num(r, 1, 90, 1)} bln dlrs',
        f'asked {B} why {TH} was {d} than planned',
        f'opened a plant in {town(r)} with {num(r, 50, 2000)} workers',
        f'collected {thousands(r)} signatures in {T} against {TH}',
        f'blamed the {r.choice(MONTHS)} floods for a {num(r, 2, 40)} pct drop in output',
        f'took its complaint about {TH} to {B}',
        f'held {num(r, 3, 40, 1)} pct of {F} after the sale',
        f'said prices in {T} {d} {num(r, 1, 9, 1)} pct in {r.choice(MONTHS)}',
        f'hired {num(r, 20, 900)} staff for {TH}, up from {num(r, 10, 800)}',
    ])


NOUNS = ['bridge', 'ferry line', 'harbour', 'grain subsidy', 'flood wall', 'bus route', 'library', 'solar farm',
         'freight rate', 'fishing quota', 'hospital wing', 'tram line', 'heating grant', 'runway', 'wage deal',
         'merger', 'sugar tax', 'mine', 'pension scheme', 'strike fund', 'pipeline', 'stadium', 'school meal plan',
         'steel plant', 'water meter', 'toll road', 'ring road', 'data centre', 'wind park', 'rail depot',
         'market hall', 'bond sale', 'dairy quota', 'housing estate', 'sewage plant', 'cable car']


def thing(r):
    k = r.random()
    n = r.choice(NOUNS)
    if k < 0.3:
        return 'the ' + n
    if k < 0.6:
        return 'the ' + r.choice(ADJS) + ' ' + n
    if k < 0.8:
        return 'the ' + word(r, 2) + ' ' + n
    return 'the ' + n + ' in ' + town(r)


def body(r):
    return r.choice(BODIES) if r.random() < 0.5 else 'the ' + word(r, 2) + ' ' + r.choice(
        ['council', 'assembly', 'board', 'commission', 'court', 'union', 'chamber', 'agency'])


def sentence(r):
    """One news-like sentence."""
    T, F, P, B, TH = town(r), firm(r), person(r), body(r), thing(r)
    s = subject(r, T, F, P, B) + ' ' + clause(r, T, F, P, B, TH)
    k = r.random()
    if k < 0.25:
        s = f'"{s[0].upper() + s[1:]}," {P} said.' if not s.startswith(P) else s + '.'
    elif k < 0.45:
        s += ', ' + r.choice([f'{P} said', f'{F} said in a statement', f'{B} said on {r.choice(DAYS)}',
                              f'according to {B}', f'Mr. {P.split()[1]} told reporters in {T}',
                              f'a spokesman for {F} said', f'{P} wrote in a letter to {B}']) + '.'
    elif k < 0.50:
        s += ' as ' + subject(r, town(r), firm(r), person(r), body(r)).lower() + ' ' + \
            clause(r, town(r), firm(r), person(r), body(r), thing(r)) + '.'
    else:
        s += '.'
    return s[0].upper() + s[1:]


def story(r, n):
    return ' '.join(sentence(r) for _ in range(n))


# ---- edits a copy shows -------------------------------------------------

def e_quotes(r, s):
    if '"' in s:
        k = 0
        out = []
        for c in s:
            if c == '"':
                out.append('“' if k % 2 == 0 else '”')
                k += 1
            else:
                out.append(c)
        return ''.join(out).replace("'", '’')
    w = s.split(' ')
    if len(w) > 6:
        i = r.randint(0, len(w) - 4)
        w[i] = '“' + w[i]
        w[i + 2] = w[i + 2] + '”'
    return ' '.join(w)


def e_accent(r, s):
    w = s.split(' ')
    cand = [i for i, x in enumerate(w) if x[:1].isupper() and any(c in ACCENTS for c in x[1:])]
    if not cand:
        return s
    i = r.choice(cand)
    x = w[i]
    k = next(k for k in range(1, len(x)) if x[k] in ACCENTS)
    w[i] = x[:k] + ACCENTS[x[k]] + x[k + 1:]
    return ' '.join(w)


def e_honorific(r, s):
    return s.replace('Mr. ', 'Mr ') if 'Mr. ' in s else s.replace('U.S.', 'US')


def words_edit(r, s, kind):
    w = s.split(' ')
    if len(w) < 4:
        return s
    i = r.randint(1, len(w) - 2)
    if kind == 'word_add':
        w.insert(i, r.choice(FILLERS))
    elif kind == 'word_drop':
        if not any(ch.isdigit() for ch in w[i]):
            del w[i]
    else:
        for j in list(range(i, len(w))) + list(range(0, i)):
            base = w[j].strip('.,"')
            if base in SYN:
                w[j] = w[j].replace(base, r.choice(SYN[base]))
                break
    return ' '.join(w)


def e_typo(r, s):
    w = s.split(' ')
    cand = [i for i, x in enumerate(w) if len(x) > 5 and x.isalpha()]
    if not cand:
        return s
    i = r.choice(cand)
    x = w[i]
    k = r.randint(1, len(x) - 3)
    w[i] = x[:k] + x[k + 1] + x[k] + x[k + 2:]
    return ' '.join(w)


def e_truncate(r, s):
    w = s.split(' ')
    if len(w) < 10:
        return s
    k = int(len(w) * r.uniform(0.62, 0.92))
    return ' '.join(w[:k]) + r.choice([' …', '...', ' [...]', ''])


def e_dateline(r, s):
    return r.choice(DATELINES).format(TOWN=town(r).upper(), PERSON=person(r)) + s


def e_credit(r, s):
    return s + r.choice(CREDITS).format(PERSON=person(r))


def e_spaces(r, s):
    w = s.split(' ')
    i = r.randint(0, max(0, len(w) - 2))
    sep = r.choice(['\u00a0', '  ', '\u200b ', ' \u2009'])
    return ' '.join(w[:i]) + (' ' if i else '') + w[i] + sep + ' '.join(w[i + 1:])


def e_dash(r, s):
    if ' - ' in s:
        return s.replace(' - ', ' — ')
    return s.replace(', ', ' – ', 1)


def e_html(r, s):
    c = r.random()
    if c < 0.4:
        return s.replace('"', '&quot;').replace("'", '&#39;') if ('"' in s or "'" in s) else s + '&nbsp;'
    if c < 0.7:
        return s + ' &nbsp;'
    return s.replace(' and ', ' &amp; ', 1)


def e_case(r, s):
    return s.upper() if r.random() < 0.4 else s.lower()


def e_number(r, s):
    out, i = [], 0
    toks = s.split(' ')
    for t in toks:
        core = t.rstrip('.,')
        tail = t[len(core):]
        if core.replace(',', '').isdigit() and len(core.replace(',', '')) >= 4 and r.random() < 0.7:
            v = core.replace(',', '')
            core = v if ',' in core else '{:,}'.format(int(v))
        out.append(core + tail)
    s2 = ' '.join(out)
    if s2 == s:
        for a, b in UNITS:
            if ' %s ' % a in s:
                return s.replace(' %s ' % a, ' %s ' % b, 1)
    return s2


EDITS = [('quotes', e_quotes, 10), ('accent', e_accent, 6), ('honorific', e_honorific, 5),
         ('word_add', None, 7), ('word_drop', None, 7), ('word_sub', None, 7), ('typo', e_typo, 4),
         ('truncate', e_truncate, 5), ('dateline', e_dateline, 5), ('credit', e_credit, 6),
         ('spaces', e_spaces, 4), ('dash', e_dash, 3), ('html', e_html, 3), ('case', e_case, 2),
         ('number', e_number, 3), ('exact', None, 8)]
EDIT_W = [w for _, _, w in EDITS]


def variant(r, s):
    names = []
    k = 1 if r.random() < 0.6 else r.randint(2, 3)
    for _ in range(k):
        name, fn, _ = r.choices(EDITS, EDIT_W)[0]
        if name == 'exact':
            names.append(name)
            continue
        s = fn(r, s) if fn else words_edit(r, s, name)
        names.append(name)
    return s, '+'.join(names)


def hardneg(r, s):
    """Other news: one number changed, a direction word swapped, or 'not'."""
    w = s.split(' ')
    c = r.random()
    nums = [i for i, x in enumerate(w) if any(ch.isdigit() for ch in x)]
    if c < 0.7 and nums:
        i = r.choice(nums)
        x = w[i]
        digits = [k for k, ch in enumerate(x) if ch.isdigit()]
        k = r.choice(digits)
        d = str((int(x[k]) + r.randint(1, 9)) % 10)
        w[i] = x[:k] + d + x[k + 1:]
        return ' '.join(w), 'number'
    for j, x in enumerate(w):
        for a, b in DIRECTION:
            if x == a:
                w[j] = b
                return ' '.join(w), 'direction'
            if x == b:
                w[j] = a
                return ' '.join(w), 'direction'
    for j, x in enumerate(w):
        if x in ('will', 'would', 'was', 'had', 'could'):
            w.insert(j + 1, 'not')
            return ' '.join(w), 'negation'
    return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--rows', type=int, default=100000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--dup-rate', type=float, default=0.27)
    ap.add_argument('--hardneg-rate', type=float, default=0.007)
    ap.add_argument('prefix')
    a = ap.parse_args()
    r = random.Random(a.seed)
    originals = []  # (cluster, level, text)
    rows = []       # (doc, cluster, level, edits, text)
    ncl = 0
    for n in range(a.rows):
        doc = 'g%08d' % (n + 1)
        x = r.random()
        if originals and x < a.hardneg_rate:
            cl, lev, txt = r.choice(originals)
            t, kind = hardneg(r, txt)
            if t:
                ncl += 1
                rows.append((doc, 'h%d' % ncl, lev, 'hardneg_of:%s' % cl, t))
                continue
        if originals and x < a.dup_rate:
            # a recent story more often than an old one
            k = len(originals) - 1 - int(abs(r.gauss(0, min(len(originals), 20000) / 3))) % len(originals)
            cl, lev, txt = originals[k]
            t, edits = variant(r, txt)
            rows.append((doc, cl, lev, edits, t))
            continue
        lv = r.random()
        if lv < 0.10:
            lev, txt = 'sent', sentence(r)
        elif lv < 0.30:
            lev, txt = 'para', story(r, r.randint(1, 3))
        elif lv < 0.95:
            lev, txt = 'mixed', ' '.join(sentence(r) for _ in range(r.randint(2, 3)))
        else:
            lev, txt = 'doc', story(r, r.randint(5, 12))
        ncl += 1
        cl = 'c%d' % ncl
        # copies are edits of the story as written; the first copy seen
        # may itself be edited
        originals.append((cl, lev, txt))
        edits = 'orig'
        if r.random() < 0.25:
            txt, edits = variant(r, txt)
        rows.append((doc, cl, lev, edits, txt))
    with open(a.prefix + '.input.tsv', 'w', encoding='utf-8') as f, \
            open(a.prefix + '.truth.tsv', 'w', encoding='utf-8') as g:
        f.write('doc\ttext\n')
        g.write('doc\tcluster\tlevel\tedits\n')
        for doc, cl, lev, edits, txt in rows:
            txt = txt.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
            f.write('%s\t%s\n' % (doc, txt))
            g.write('%s\t%s\t%s\t%s\n' % (doc, cl, lev, edits))


if __name__ == '__main__':
    sys.exit(main())
