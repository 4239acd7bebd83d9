#!/usr/bin/env bash
# Whether the features of the other issues add anything to the default JSON
# path when they are compiled in but unused: the `paired` bench built twice,
# with default features and with tower, utoipa, xml and tracing on (no
# subscriber, no negotiation asked for), run alternately so both builds see
# the same machine, then the instructions of one response of each case in
# each build (callgrind, unaffected by load).
#
# Usage:   benches/features-unused.sh [RUNS]          (default 3)
# Env:     BENCH_GROUPS (default "static_4xx static_5xx interpolated display_4xx
#          field_errors_2 oauth_401"), ROUNDS (default 201).
# Output:  a Markdown table of `api_status`'s × floor and × baseline in each
#          build (median of RUNS runs, range in brackets), then "group case
#          default-instructions features-instructions".
# Needs:   valgrind (apt-get install -y valgrind) for the instruction counts.
set -euo pipefail
runs=${1:-3}
groups=${BENCH_GROUPS:-"static_4xx static_5xx interpolated display_4xx field_errors_2 oauth_401"}
features="api-status/tracing,api-status/xml,api-status/utoipa,api-status/tower"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build() {
    (cd "$ROOT" && cargo bench --no-run -p api-status-benches --bench paired "$@" 2>&1 |
        grep -o '[^ (]*/release/deps/paired-[0-9a-f]*' | tail -1)
}
# Each build copied aside: the second build replaces the first's file.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$(build)" "$scratch/default"
cp "$(build --features "$features")" "$scratch/features"
# One line per group, build and run: the `api_status` row of `paired`.
rows=$scratch/rows
for group in $groups; do
    for run in $(seq "$runs"); do
        for build in default features; do
            RUNS=1 GROUP=$group ROUNDS=${ROUNDS:-201} "$scratch/$build" |
                awk -F'|' -v build="$build" '$3 ~ /api_status/ {
                    gsub(/ /, ""); print $2, build, $5, $6 }' >>"$rows"
        done
    done
done
echo "| group | default: × floor | features on: × floor | default: × baseline | features on: × baseline |"
echo "| --- | ---: | ---: | ---: | ---: |"
for group in $groups; do
    line="| $group"
    for column in 4 3; do
        for build in default features; do
            line="$line | $(awk -v g="$group" -v b="$build" -v c="$column" \
                '$1 == g && $2 == b { print $c }' "$rows" | sort -n |
                awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)];
                    printf "%s (%s–%s)", m, v[1], v[NR] }')"
        done
    done
    echo "$line |"
done
echo
echo "group case default features (instructions per response)"
ir() {
    RUNS=1 GROUP=$2 CASE=$3 BATCH=$4 ROUNDS=1 valgrind --tool=callgrind \
        --callgrind-out-file=/dev/null "$scratch/$1" 2>&1 | awk '/Collected/ {print $4}'
}
for group in $groups; do
    for case in floor api_status; do
        counts=""
        for build in default features; do
            a=$(ir "$build" "$group" "$case" 10000)
            b=$(ir "$build" "$group" "$case" 20000)
            counts="$counts $(( (b - a) / 10000 ))"
        done
        echo "$group $case$counts"
    done
done
