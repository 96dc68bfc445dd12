#!/usr/bin/env python3
"""kill.py WORKDIR GEN - dedupe --state killed with SIGKILL at random
moments: 100 kills (a third of them inside the commit, through
DEDUPE_CRASH_AT) over six days of rows, each day rerun until it completes.
After every kill the state file must be the one before the day or the one
after it, byte for byte, and after every day the output must be the rows an
unkilled run gives; in the end no row is lost or emitted twice. Prints a
summary; anything else is a failure."""
import hashlib
import os
import random
import signal
import subprocess
import sys
import time

work, gen = sys.argv[1], sys.argv[2]
DAYS, KILLS = 6, 100
STEPS = ['output-written', 'state-written', 'state-renamed', 'output-renamed']
rnd = random.Random(20310)


def sha(path):
    try:
        with open(path, 'rb') as f:
            return hashlib.sha256(f.read()).hexdigest()
    except FileNotFoundError:
        return None


def cmd(day):
    return ['dedupe', '--near', '0.8', '--state', 'seen', '-o', 'out%d.tsv' % day, 'day%d.tsv' % day]


def run(cwd, day, env=None):
    return subprocess.run(cmd(day), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode


# six days of rows from our generator, repeats across the days
subprocess.run([sys.executable, gen, '--rows', str(DAYS * 800), '--seed', '5', os.path.join(work, 'g')], check=True)
with open(os.path.join(work, 'g.input.tsv')) as f:
    header = f.readline()
    rows = f.readlines()
ref, kil = os.path.join(work, 'ref'), os.path.join(work, 'kill')
for d in (ref, kil):
    os.makedirs(d)
    for day in range(1, DAYS + 1):
        with open(os.path.join(d, 'day%d.tsv' % day), 'w') as f:
            f.write(header)
            f.writelines(rows[(day - 1) * 800:day * 800])

# the runs nobody kills: the states and outputs to expect, and a run's time
states = [None]
took = 0.0
for day in range(1, DAYS + 1):
    t = time.time()
    if run(ref, day) != 0:
        sys.exit('reference run of day %d failed' % day)
    took = max(took, time.time() - t)
    states.append(sha(os.path.join(ref, 'seen')))

kills = bad = 0
for day in range(1, DAYS + 1):
    per_day = KILLS // DAYS + (1 if day <= KILLS % DAYS else 0)
    for k in range(per_day):
        env = dict(os.environ)
        if k % 3 == 0:
            env['DEDUPE_CRASH_AT'] = STEPS[(k // 3) % len(STEPS)]
            p = subprocess.Popen(cmd(day), cwd=kil, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            p.wait()
        else:
            p = subprocess.Popen(cmd(day), cwd=kil, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rnd.uniform(0, took * 1.2))
            p.send_signal(signal.SIGKILL)
            p.wait()
        kills += 1
        s = sha(os.path.join(kil, 'seen'))
        if s not in (states[day - 1], states[day]):
            bad += 1
            print('day %d, kill %d: the state is neither the old nor the new one' % (day, k))
    if run(kil, day) != 0:
        sys.exit('day %d: the run after the kills failed' % day)
    if sha(os.path.join(kil, 'seen')) != states[day]:
        bad += 1
        print('day %d: the state differs from an unkilled run' % day)
    if sha(os.path.join(kil, 'out%d.tsv' % day)) != sha(os.path.join(ref, 'out%d.tsv' % day)):
        bad += 1
        print('day %d: the output differs from an unkilled run' % day)

# all the days' rows against one process over all the input
out = []
for day in range(1, DAYS + 1):
    with open(os.path.join(kil, 'out%d.tsv' % day)) as f:
        out += f.readlines()[1:]
one = subprocess.run(['dedupe', '--near', '0.8'] + ['day%d.tsv' % d for d in range(1, DAYS + 1)], cwd=ref,
                     stdout=subprocess.PIPE, check=True).stdout.decode().splitlines(True)[1:]
if out != one:
    bad += 1
    print('the days together differ from one process: %d rows, want %d' % (len(out), len(one)))
print('%d kills over %d days: %s' % (kills, DAYS, 'every state old or new, every output as unkilled, '
                                     'no row lost or emitted twice' if not bad else '%d failures' % bad))
