#!/usr/bin/python3
"""dedupe-dask.py - dedupe --near on a Dask cluster, with the same decisions
as one `dedupe --near` process.

usage: dedupe-dask.py [--scheduler ADDRESS] [--parts N] [--dedupe PATH]
                      [--near T] [--mark] INPUT.tsv OUTPUT.tsv

Without --scheduler, a LocalCluster of 2 worker processes on 127.0.0.1 is
started and stopped by the script. The steps (man dedupe, SHARDED MODE):

  1. the input is cut into N parts at row boundaries, each with the header;
     `dedupe --keys --part I` runs on each part (one task a part);
  2. the key lines are shuffled by their first field (a Dask bag groupby);
  3. `dedupe --clusters` runs on each partition of whole groups: links;
  4. the links are gathered (about 2 a row: 10 MB for the 100k-row
     stress set) and sent to every worker, where `dedupe --apply LINKS
     --part I` runs on each part; the outputs are written in part order.

Only dedupe itself reads the text; Dask moves lines between processes.
Needs the Debian packages python3-dask and python3-distributed.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def run(cmd, data):
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        raise RuntimeError('%s: exit %d: %s' % (' '.join(cmd), p.returncode, p.stderr.decode(errors='replace')))
    return p.stdout


def split_parts(path, nparts):
    """The input's rows in nparts parts, each a bytes block with the header."""
    with open(path, 'rb') as f:
        header = f.readline()
        rows = f.readlines()
    size = max(1, (len(rows) + nparts - 1) // nparts)
    return [(i, header + b''.join(rows[i * size:(i + 1) * size])) for i in range((len(rows) + size - 1) // size)] or [(0, header)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--scheduler', help='address of a running scheduler (default: a LocalCluster)')
    ap.add_argument('--parts', type=int, default=8)
    ap.add_argument('--dedupe', default='dedupe')
    ap.add_argument('--near', default='0.8')
    ap.add_argument('--mark', action='store_true')
    ap.add_argument('--links', help='also write the links to this file')
    ap.add_argument('input')
    ap.add_argument('output')
    a = ap.parse_args()

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               host='127.0.0.1', dashboard_address=None)
        client = Client(cluster)
    try:
        dd = a.dedupe
        near = ['--near', a.near]
        parts = split_parts(a.input, a.parts)
        bag = db.from_sequence(parts, npartitions=len(parts))

        # 1. keys, 2. shuffle by key
        def keys(part):
            i, data = part
            return run([dd, '--keys', '--part', str(i)] + near, data).splitlines()
        lines = bag.map(keys).flatten()
        # grouped by the key as a number: Python's hash of bytes differs
        # from one worker process to the next (hash randomization), that of
        # an int does not
        groups = lines.groupby(lambda line: int(line[1:17], 16) * 2 + (line[:1] == b'x'),
                               shuffle='tasks', npartitions=max(1, len(parts)))

        # 3. links from whole groups
        def clusters(part):
            data = b''.join(b''.join(l + b'\n' for l in ls) for _, ls in part)
            return run([dd, '--clusters'] + near, data).splitlines() if data else []
        links = groups.map_partitions(clusters).compute()

        # 4. apply on each part (the links go to every worker), outputs in
        #    part order
        blob = b''.join(l + b'\n' for l in links)
        if a.links:
            with open(a.links, 'wb') as f:
                f.write(blob)
        extra = ['--mark'] if a.mark else []

        def apply(part, links_blob):
            i, data = part
            with tempfile.NamedTemporaryFile('wb', suffix='.links') as lf:
                lf.write(links_blob)
                lf.flush()
                return i, run([dd, '--apply', lf.name, '--part', str(i), '--no-header'] + near + extra, data)
        shared = client.scatter(blob, broadcast=True)
        outs = sorted(client.gather([client.submit(apply, p, shared, pure=False) for p in parts]))
        header = parts[0][1].split(b'\n', 1)[0] + b'\n'
        with tempfile.NamedTemporaryFile('wb', suffix='.links') as lf:
            header = run([dd, '--apply', lf.name] + near + extra, header)
        with open(a.output, 'wb') as f:
            f.write(header)
            for _, out in outs:
                f.write(out)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == '__main__':
    sys.exit(main())
