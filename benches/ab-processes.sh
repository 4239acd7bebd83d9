#!/usr/bin/env bash
# Two builds of the `paired` bench against each other, in alternating fresh
# processes (A, B, A, B, ...), so that both see the same machine: the
# fairest way here to ask whether a change made a case faster in time, since
# instruction counts and time can disagree (a change that saved 16
# instructions per response measured slower this way).
#
# Usage:   benches/ab-processes.sh A_BINARY B_BINARY GROUP [N] [CASE]
#          (N pairs, default 21; CASE default `api_status`, e.g.
#          `json_by_accept` in a `negotiate_*` group)
#          where each binary is a copy of target/release/deps/paired-<hash>
#          built from one variant of the code (`cargo bench --no-run -p
#          api-status-benches --bench paired` prints its path).
# Output:  for A and B, the median over the N processes of CASE's ratio to
#          the baseline and to the floor. Fails if no process reported CASE.
set -euo pipefail
a=$1 b=$2 group=$3 pairs=${4:-21} case=${5:-api_status}
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
for ((i = 1; i <= pairs; i++)); do
    for side in A B; do
        bin=$a
        [ "$side" = B ] && bin=$b
        RUNS=1 GROUP=$group "$bin" |
            awk -F'|' -v side="$side" -v case="$case" '{ gsub(/ /, "") } $3 == case { print side, $5, $6 }' >>"$rows"
    done
done
[ -s "$rows" ] || { echo "no row for case $case in group $group" >&2; exit 1; }
python3 - "$rows" <<'PY'
import collections, statistics, sys
seen = collections.defaultdict(lambda: ([], []))
for line in open(sys.argv[1]):
    side, baseline, floor = line.split()
    try:
        seen[side][0].append(float(baseline))
        seen[side][1].append(float(floor))
    except ValueError:  # a cell with no figure ("–")
        continue
for side in sorted(seen):
    baseline, floor = seen[side]
    print(f"{side}: x baseline {statistics.median(baseline):.2f}, x floor {statistics.median(floor):.2f} ({len(baseline)} processes)")
PY
