#!/usr/bin/env bash
# Instructions rustc executes (callgrind: deterministic, unlike wall time on
# a shared machine) for the clean, non-incremental debug build of each
# generated crate of benches/compile-time.sh, its dependencies prebuilt. The
# derives run inside rustc, so their own running time is counted too.
#
# Usage:   benches/rustc-instructions.sh [N]      (default 500)
#          after `benches/compile-time.sh N` (or GENERATE_ONLY=1 with it) has
#          generated the crates, with the same CARGO_TARGET_DIR.
#          INCREMENTAL=1 counts the incremental rebuild after a touch instead:
#          the same command with CARGO_INCREMENTAL=1, replayed once to warm
#          the incremental cache, then counted.
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
incremental=${INCREMENTAL:-0}
if [ "$incremental" = 1 ]; then T="$OUT/target-incremental"; fi
for kind in bare thiserror derive; do
    touch "$kind-$n/src/lib.rs"
    # The exact rustc command cargo runs, replayed under callgrind.
    cmd=$(CARGO_INCREMENTAL=$incremental cargo build -v -p "gen-$kind-$n" --target-dir "$T" 2>&1 |
        grep "Running .*rustc --crate-name gen_" | tail -1 | sed 's/^ *Running `//; s/`$//')
    scratch=$(mktemp -d)
    if [ "$incremental" = 1 ]; then
        # In place (the incremental cache is in the target directory): one
        # touched rebuild to warm it, then the counted one.
        touch "$kind-$n/src/lib.rs"
        CARGO_INCREMENTAL=1 eval "$cmd" >/dev/null 2>&1 || true
        touch "$kind-$n/src/lib.rs"
    else
        # Into a scratch directory.
        cmd=${cmd//--out-dir $T\/debug\/deps/--out-dir $scratch}
    fi
    ir[$kind]=$(CARGO_INCREMENTAL=$incremental eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd" 2>&1 |
        awk '/Collected/ {print $4}')
    rm -rf "$scratch"
    echo "$kind-$n: ${ir[$kind]} instructions"
done
te=$(( ${ir[thiserror]} - ${ir[bare]} ))
ae=$(( ${ir[derive]} - ${ir[thiserror]} ))
echo "thiserror adds $te, ApiError adds $ae, ratio $(python3 -c "print('%.2f' % ($ae / $te))")"
