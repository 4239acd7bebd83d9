#!/usr/bin/env bash
# Instructions per response of one case of the `paired` bench, counted by
# callgrind (deterministic: no noise from other processes, unlike timings).
#
# Usage:   benches/callgrind.sh GROUP CASE [-- cargo bench flags, e.g. --features api-status/tracing]
# Output:  "GROUP CASE instructions", where instructions is
#          (Ir with BATCH=20000 - Ir with BATCH=10000) / 10000: one response
#          built and dropped, the harness's own start-up cancelled out.
# Needs:   valgrind (apt-get install -y valgrind).
set -euo pipefail
group=$1 case=$2
shift 2
[ "${1:-}" = "--" ] && shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin=$(cd "$ROOT" && cargo bench --no-run -p api-status-benches --bench paired "$@" 2>&1 |
    grep -o '[^ (]*/release/deps/paired-[0-9a-f]*' | tail -1)
ir() {
    RUNS=1 GROUP=$group CASE=$case BATCH=$1 ROUNDS=1 valgrind --tool=callgrind \
        --callgrind-out-file=/dev/null "$bin" 2>&1 | awk '/Collected/ {print $4}'
}
a=$(ir 10000)
b=$(ir 20000)
echo "$group $case $(( (b - a) / 10000 ))"
