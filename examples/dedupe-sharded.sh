#!/bin/sh
# dedupe-sharded.sh - dedupe --near on an engine that shuffles: the same
# decisions as one `dedupe --near 0.8` process (man dedupe, SHARDED MODE).
#
#   sh examples/dedupe-sharded.sh in.tsv out.tsv     # runs the GNU parallel lines
#
# The three steps everywhere: `dedupe --keys` on each part of the input
# (numbered), a shuffle that brings the lines with the same first field
# together, `dedupe --clusters` on whole groups, then `dedupe --apply LINKS`
# on each part with all the links. Give --clusters and --apply the options
# the one-process run would have (--near, the sketch, -r).
set -e
in=${1:?usage: dedupe-sharded.sh IN.tsv OUT.tsv}
out=${2:?usage: dedupe-sharded.sh IN.tsv OUT.tsv}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dedupe-sharded.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# ---- GNU parallel: blocks of the file (each with the header, numbered {#}),
# sort as the shuffle, --group-by to keep a key's lines in one block. The
# apply blocks are cut as the keys blocks were (same file, same --block).
P="parallel --will-cite --pipe"
$P --header 1 --block 20M -k dedupe --keys --part {#} < "$in" \
	| LC_ALL=C sort -k1,1 -S 25% -T "$tmp" \
	| $P --group-by 1 --block 50M dedupe --near 0.8 --clusters > "$tmp/links"
head -n 1 "$in" | dedupe --near 0.8 --apply "$tmp/links" --mark > "$out"
$P --header 1 --block 20M -k dedupe --near 0.8 --apply "$tmp/links" --part {#} --mark --no-header \
	< "$in" >> "$out"
exit 0

# ---- Hadoop Streaming: the rows without a header, numbered first (a
# column n, for instance by `awk 'NR > 1 { print NR - 2 "\t" $0 }'`), since
# the splits of a job are not numbered for the mapper in a way --apply can
# find again. The shuffle of the second job is the streaming shuffle on the
# first field.
hadoop jar "$HADOOP_STREAMING_JAR" \
	-D mapreduce.job.reduces=0 \
	-input /feed/rows-numbered -output /tmp/dedupe-keys \
	-mapper 'dedupe --keys --columns n,doc,text --row-col n'
hadoop jar "$HADOOP_STREAMING_JAR" \
	-D stream.num.map.output.key.fields=1 \
	-input /tmp/dedupe-keys -output /tmp/dedupe-links \
	-mapper cat -reducer 'dedupe --near 0.8 --clusters'
hadoop fs -getmerge /tmp/dedupe-links links.tsv
hadoop jar "$HADOOP_STREAMING_JAR" \
	-D mapreduce.job.reduces=0 -files links.tsv \
	-input /feed/rows-numbered -output /feed/deduped \
	-mapper 'dedupe --near 0.8 --apply links.tsv --columns n,doc,text --row-col n --no-header'

# ---- Spark, RDD.pipe (pyspark): zipWithIndex numbers the rows, partitionBy
# is the shuffle, the links go to every executor with addFile.
#   rows  = sc.textFile('hdfs:///feed/rows')                  # no header
#   num   = rows.zipWithIndex().map(lambda t: '%d\t%s' % (t[1], t[0]))
#   keys  = num.pipe('dedupe --keys --columns n,doc,text --row-col n')
#   byk   = keys.map(lambda l: (l.split('\t', 1)[0], l)).partitionBy(64) \
#               .mapPartitions(lambda it: (l for _, l in sorted(it)))
#   links = byk.pipe('dedupe --near 0.8 --clusters').collect()
#   open('links.tsv', 'w').write(''.join(l + '\n' for l in links)); sc.addFile('links.tsv')
#   out   = num.pipe('dedupe --near 0.8 --apply links.tsv --columns n,doc,text --row-col n --no-header')
