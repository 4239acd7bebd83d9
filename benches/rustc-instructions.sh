#!/usr/bin/env bash
# Instructions rustc executes (callgrind: deterministic, unlike wall time on
# a shared machine) for the clean, non-incremental debug build of each
# generated crate of benches/compile-time.sh, its dependencies prebuilt. The
# derives run inside rustc, so their own running time is counted too.
#
# Usage:   benches/rustc-instructions.sh [N]      (default 500)
#          after `benches/compile-time.sh N` (or GENERATE_ONLY=1 with it) has
#          generated the crates, with the same CARGO_TARGET_DIR.
# Output:  one line per crate (bare, thiserror, derive), then what each
#          derive adds and the ratio.
# Needs:   valgrind (apt-get install -y valgrind).
set -euo pipefail
n=${1:-500}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${CARGO_TARGET_DIR:-$ROOT/target}/compile-time"
WS="$OUT/enums"
T="$OUT/target-nonincremental"
unset CARGO_TARGET_DIR RUSTFLAGS CARGO_BUILD_RUSTFLAGS
cd "$WS"
declare -A ir=()
for kind in bare thiserror derive; do
    touch "$kind-$n/src/lib.rs"
    # The exact rustc command cargo runs, replayed under callgrind into a
    # scratch directory.
    cmd=$(CARGO_INCREMENTAL=0 cargo build -v -p "gen-$kind-$n" --target-dir "$T" 2>&1 |
        grep "Running .*rustc --crate-name gen_" | tail -1 | sed 's/^ *Running `//; s/`$//')
    scratch=$(mktemp -d)
    cmd=${cmd//--out-dir $T\/debug\/deps/--out-dir $scratch}
    ir[$kind]=$(CARGO_INCREMENTAL=0 eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd" 2>&1 |
        awk '/Collected/ {print $4}')
    rm -rf "$scratch"
    echo "$kind-$n: ${ir[$kind]} instructions"
done
te=$(( ${ir[thiserror]} - ${ir[bare]} ))
ae=$(( ${ir[derive]} - ${ir[thiserror]} ))
echo "thiserror adds $te, ApiError adds $ae, ratio $(python3 -c "print('%.2f' % ($ae / $te))")"
