#!/usr/bin/env bash
# Instructions of the `ApiError` derive alone, inside the rustc run that
# builds the generated crate `gen-derive-N` of benches/compile-time.sh
# (callgrind collecting only inside `api_status_derive::derive_api_error`:
# the macro's own work and the compiler's side of the tokens it asks for and
# returns), and the macro's most costly functions, inclusive.
#
# Usage:   benches/macro-instructions.sh [N]      (default 500)
#          after `benches/compile-time.sh N` (or GENERATE_ONLY=1 with it) has
#          generated the crates, with the same CARGO_TARGET_DIR.
# Output:  the total, then the top functions of the macro (callgrind_annotate
#          --inclusive=yes); the profile is left in $OUT/macro-N.callgrind.
# Needs:   valgrind (apt-get install -y valgrind).
set -euo pipefail
n=${1:-500}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${CARGO_TARGET_DIR:-$ROOT/target}/compile-time"
WS="$OUT/enums"
T="$OUT/target-incremental"
profile="$OUT/macro-$n.callgrind"
unset CARGO_TARGET_DIR RUSTFLAGS CARGO_BUILD_RUSTFLAGS
cd "$WS"
touch "derive-$n/src/lib.rs"
# The exact rustc command cargo runs, replayed under callgrind.
cmd=$(CARGO_INCREMENTAL=1 cargo build -v -p "gen-derive-$n" --target-dir "$T" 2>&1 |
    grep "Running .*rustc --crate-name gen_" | tail -1 | sed 's/^ *Running `//; s/`$//')
touch "derive-$n/src/lib.rs"
total=$(CARGO_INCREMENTAL=1 eval "valgrind --tool=callgrind \
    --toggle-collect='api_status_derive::derive_api_error' \
    --callgrind-out-file='$profile' $cmd" 2>&1 | awk '/Collected/ {print $4}')
echo "gen-derive-$n: the derive ran $total instructions"
callgrind_annotate --inclusive=yes "$profile" 2>/dev/null |
    grep -E '^ *[0-9,]+ .*api_status_derive::' | sed 's/ \[.*//' | head -25
