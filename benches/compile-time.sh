#!/usr/bin/env bash
# Build-time cost of #[derive(ApiError)], against #[derive(thiserror::Error)].
#
# Generates, for each N, one enum of N variants (unit, tuple and named; mixed
# 4xx/5xx statuses; some interpolated and literal #[message]s; some
# #[field_errors], #[oauth] and #[retry_after]) in three crates that differ
# only in their derives:
#   bare       #[derive(Debug)]
#   thiserror  #[derive(Debug, thiserror::Error)]
#   derive     #[derive(Debug, thiserror::Error, ApiError)]
# and times, with every dependency prebuilt, the debug build of each:
#   - clean, non-incremental (CARGO_INCREMENTAL=0, after `cargo clean -p`),
#   - incremental, after touching its source file.
# "thiserror adds" is thiserror - bare; "ApiError adds" is derive - thiserror.
# Then it times the clean debug build of the derive crate itself against
# thiserror-impl's, with their dependencies and alone.
#
# Usage:   benches/compile-time.sh [N ...]        (default: 100 500 2000)
# Env:     GENERATE_ONLY=1 writes the crates and stops; RUNS (default 5) timed runs per figure, RUNS_LARGE (default 3) for
#          N >= 2000, MACRO_RUNS (default 5) for the macro crates' builds;
#          CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 to run the derives
#          optimized (separate scratch directories).
# Output:  Markdown tables on stdout and in $OUT/results.md, where OUT is
#          ${CARGO_TARGET_DIR:-<repo>/target}/compile-time (scratch, never
#          committed). Times are to the millisecond. The three crates of
#          an N are timed interleaved (one build of each per round, a
#          warm-up round first), the median of the rounds; the macro crates'
#          medians come from hyperfine when it is installed (apt-get install
#          -y hyperfine), else from a loop over `date`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${CARGO_TARGET_DIR:-$ROOT/target}/compile-time"
# CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL=3 (optimized proc macros, for
# both derives) gets scratch directories of its own.
if [ -n "${CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL:-}" ]; then
    OUT="$OUT-macros-opt$CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL"
fi
RUNS="${RUNS:-5}"
RUNS_LARGE="${RUNS_LARGE:-3}"
MACRO_RUNS="${MACRO_RUNS:-5}"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(100 500 2000); fi
# Two target directories, so that switching CARGO_INCREMENTAL never
# invalidates the prebuilt dependencies.
T_CLEAN="$OUT/target-nonincremental"
T_INC="$OUT/target-incremental"
WS="$OUT/enums"
unset CARGO_TARGET_DIR RUSTFLAGS CARGO_BUILD_RUSTFLAGS

# --- generation -------------------------------------------------------------

# One variant, for the crate kind $1 (bare|thiserror|derive) and index $2.
variant() {
    local kind=$1 i=$2
    local api=""; local err=""; local shape; local body=""; local msg=""
    local statuses=(not_found bad_request conflict internal_server_error forbidden service_unavailable 418 bad_gateway)
    local status=${statuses[$((i % 8))]}
    local fe_attr=""
    case $((i % 3)) in
        0) shape=unit ;;
        1) shape=tuple ;;
        *) shape=named ;;
    esac
    if [ $((i % 10)) -eq 5 ]; then
        shape=named; status=unprocessable_entity; fe_attr="#[field_errors] "
    elif [ $((i % 25)) -eq 7 ]; then
        shape=unit; status=unauthorized; api="#[oauth(invalid_token)] "; msg="the token $i expired"
    elif [ $((i % 20)) -eq 13 ]; then
        shape=unit; status=service_unavailable; api="#[retry_after(30)] "; msg="down for maintenance $i"
    fi
    case $shape in
        unit)
            err="#[error(\"variant $i failed\")]"
            [ $((i % 4)) -eq 3 ] && [ -z "$msg" ] && msg="literal message $i" ;;
        tuple)
            err="#[error(\"variant $i failed: {0} {1}\")]"
            body="(u64, String)"
            [ $((i % 4)) -eq 1 ] && msg="item {0} of variant $i is gone"
            [ $((i % 4)) -eq 3 ] && msg="literal message $i" ;;
        named)
            err="#[error(\"variant $i failed for {id} {name}\")]"
            if [ -n "$fe_attr" ]; then
                [ "$kind" = derive ] || fe_attr=""
                body="{ id: u64, name: String, ${fe_attr}errors: api_status::FieldErrors }"
            else
                body="{ id: u64, name: String }"
            fi
            [ $((i % 4)) -eq 1 ] && msg="user {id} ({name}) of variant $i is gone"
            [ $((i % 4)) -eq 3 ] && msg="literal message $i" ;;
    esac
    case $kind in
        derive)
            printf '    %s\n    #[status(%s)]\n' "$err" "$status"
            [ -n "$msg" ] && printf '    #[message("%s")]\n' "$msg"
            [ -n "$api" ] && printf '    %s\n' "$api"
            ;;
        thiserror) printf '    %s\n' "$err" ;;
        bare) ;;
    esac
    printf '    V%d%s%s,\n' "$i" "$([ -n "$body" ] && echo " ")" "$body"
}

# The crate $1 (bare|thiserror|derive) with $2 variants, in $WS.
generate() {
    local kind=$1 n=$2 dir="$WS/$1-$2"
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<EOF
[package]
name = "gen-$kind-$n"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
api-status = { path = "$ROOT/runtime" }
thiserror = "2"
EOF
    {
        echo "//! Generated by benches/compile-time.sh: $n variants, $kind."
        echo "#![allow(dead_code)]"
        case $kind in
            derive) echo "use api_status::ApiError;"
                    echo "#[derive(Debug, thiserror::Error, ApiError)]" ;;
            thiserror) echo "#[derive(Debug, thiserror::Error)]" ;;
            bare) echo "#[derive(Debug)]" ;;
        esac
        echo "pub enum AppError {"
        for ((i = 0; i < n; i++)); do variant "$kind" "$i"; done
        echo "}"
        # Use what was derived, so that it is compiled (a lib's #[inline]
        # methods are only code-generated where they are used).
        echo "pub fn debug(e: &AppError) -> String { format!(\"{e:?}\") }"
        if [ "$kind" != bare ]; then
            echo "pub fn display(e: &AppError) -> String { format!(\"{e} {}\", std::error::Error::source(e).is_some()) }"
        fi
        if [ "$kind" = derive ]; then
            echo "pub fn respond(e: &AppError) -> api_status::http::Response<api_status::bytes::Bytes> { api_status::ApiError::to_response(e) }"
        fi
    } > "$dir/src/lib.rs"
}

# --- timing -------------------------------------------------------------------

# median_of RUNS PREPARE COMMAND: the median wall time in seconds.
median_of() {
    local runs=$1 prepare=$2 command=$3
    if command -v hyperfine > /dev/null; then
        local json; json="$(mktemp)"
        hyperfine --style none --warmup 1 --runs "$runs" --prepare "$prepare" \
            --export-json "$json" "$command" > /dev/null
        python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
        rm -f "$json"
    else
        bash -c "$prepare" > /dev/null 2>&1; bash -c "$command" > /dev/null 2>&1
        local times=() start end
        for ((r = 0; r < runs; r++)); do
            bash -c "$prepare" > /dev/null 2>&1
            start=$(date +%s.%N); bash -c "$command" > /dev/null 2>&1; end=$(date +%s.%N)
            times+=("$(echo "$end - $start" | bc -l)")
        done
        printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f\n", m}'
    fi
}

# time_once PREPARE COMMAND: the wall time of one run of COMMAND, in seconds.
# Fails (and, through `set -e` at the assignment, stops the script) when
# either fails: a build that broke must not be timed as a fast one.
time_once() {
    local start end
    bash -c "$1" > /dev/null 2>&1 || { echo "failed: $1" >&2; return 1; }
    start=$(date +%s.%N)
    bash -c "$2" > /dev/null 2>&1 || { echo "failed: $2" >&2; return 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

# median VALUES...: their median, to the millisecond.
median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f\n", m}'
}

sub() { python3 -c 'import sys; print("%.3f" % (float(sys.argv[1]) - float(sys.argv[2])))' "$1" "$2"; }
div() { python3 -c 'import sys; b=float(sys.argv[2]); print("%.2f" % (float(sys.argv[1]) / b) if b > 0 else "n/a")' "$1" "$2"; }

# --- the enums ------------------------------------------------------------------

mkdir -p "$WS"
members=""
for n in "${SIZES[@]}"; do
    for kind in bare thiserror derive; do
        generate "$kind" "$n"
        members+="\"$kind-$n\", "
    done
done
cat > "$WS/Cargo.toml" <<EOF
[workspace]
resolver = "2"
members = [${members%, }]
EOF
cp "$ROOT/Cargo.lock" "$WS/Cargo.lock" 2> /dev/null || true
if [ -n "${GENERATE_ONLY:-}" ]; then echo "generated in $WS"; exit 0; fi
cd "$WS"
echo "prebuilding dependencies..." >&2
CARGO_INCREMENTAL=0 cargo build -q --workspace --target-dir "$T_CLEAN"
CARGO_INCREMENTAL=1 cargo build -q --workspace --target-dir "$T_INC"

results="$OUT/results.md"
{
    echo "| N | build | bare (s) | thiserror (s) | thiserror + ApiError (s) | thiserror adds (s) | ApiError adds (s) | ApiError adds / thiserror adds |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$results"
sizes_table="| N | bare .rlib (bytes) | thiserror .rlib (bytes) | thiserror + ApiError .rlib (bytes) | lines generated |
| ---: | ---: | ---: | ---: | ---: |"
for n in "${SIZES[@]}"; do
    runs=$RUNS
    [ "$n" -ge 2000 ] && runs=$RUNS_LARGE
    declare -A t=() samples=()
    # Interleaved: each run builds the three crates in turn, so that a
    # change in the machine's load reaches all three alike; one warm-up
    # round first.
    for ((r = -1; r < runs; r++)); do
        echo "timing round $((r + 1)) of $runs (0: warm-up)..." >&2
        for kind in bare thiserror derive; do
            pkg="gen-$kind-$n"
            clean=$(time_once \
                "cd '$WS' && CARGO_INCREMENTAL=0 cargo clean -q -p $pkg --target-dir '$T_CLEAN'" \
                "cd '$WS' && CARGO_INCREMENTAL=0 cargo build -q -p $pkg --target-dir '$T_CLEAN'")
            inc=$(time_once \
                "touch '$WS/$kind-$n/src/lib.rs'" \
                "cd '$WS' && CARGO_INCREMENTAL=1 cargo build -q -p $pkg --target-dir '$T_INC'")
            if [ "$r" -ge 0 ]; then
                samples[clean:$kind]+=" $clean"
                samples[inc:$kind]+=" $inc"
            fi
        done
    done
    for key in "${!samples[@]}"; do
        # shellcheck disable=SC2086
        t[$key]=$(median ${samples[$key]})
    done
    for mode in clean inc; do
        label="clean, non-incremental"
        [ "$mode" = inc ] && label="incremental, touched"
        bare=${t[$mode:bare]} te=${t[$mode:thiserror]} de=${t[$mode:derive]}
        te_adds=$(sub "$te" "$bare")
        ae_adds=$(sub "$de" "$te")
        echo "| $n | $label | $bare | $te | $de | $te_adds | $ae_adds | $(div "$ae_adds" "$te_adds") |" >> "$results"
    done
    rlib() { stat -c %s "$(ls -t "$T_CLEAN"/debug/deps/libgen_"$1"_"$n"-*.rlib | head -1)"; }
    sizes_table+="
| $n | $(rlib bare) | $(rlib thiserror) | $(rlib derive) | $(wc -l < "$WS/derive-$n/src/lib.rs") |"
done
{ echo; echo "$sizes_table"; } >> "$results"

# --- the macro crates themselves -------------------------------------------------

MWS="$OUT/macros"
mkdir -p "$MWS/m-derive/src" "$MWS/m-thiserror/src"
cat > "$MWS/Cargo.toml" <<EOF
[workspace]
resolver = "2"
members = ["m-derive", "m-thiserror"]
EOF
cat > "$MWS/m-derive/Cargo.toml" <<EOF
[package]
name = "m-derive"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
api-status-derive = { path = "$ROOT/derive" }
EOF
cat > "$MWS/m-thiserror/Cargo.toml" <<EOF
[package]
name = "m-thiserror"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
thiserror-impl = "2"
EOF
touch "$MWS/m-derive/src/lib.rs" "$MWS/m-thiserror/src/lib.rs"
cp "$ROOT/Cargo.lock" "$MWS/Cargo.lock" 2> /dev/null || true
cd "$MWS"
T_MACRO="$OUT/target-macros"
CARGO_INCREMENTAL=0 cargo build -q --workspace --target-dir "$T_MACRO"
{
    echo
    echo "| clean debug build | api-status-derive (s) | thiserror-impl (s) | ratio |"
    echo "| --- | ---: | ---: | ---: |"
} >> "$results"
for scope in "with its dependencies" "the crate alone"; do
    declare -A mt=()
    for pkg in api-status-derive thiserror-impl; do
        echo "timing $pkg ($scope)..." >&2
        if [ "$scope" = "the crate alone" ]; then
            prepare="cd '$MWS' && cargo clean -q -p $pkg --target-dir '$T_MACRO'"
        else
            prepare="rm -rf '$T_MACRO-full'"
        fi
        target="$T_MACRO"; [ "$scope" = "with its dependencies" ] && target="$T_MACRO-full"
        mt[$pkg]=$(median_of "$MACRO_RUNS" "$prepare" \
            "cd '$MWS' && CARGO_INCREMENTAL=0 cargo build -q -p $pkg --target-dir '$target'")
    done
    echo "| $scope | ${mt[api-status-derive]} | ${mt[thiserror-impl]} | $(div "${mt[api-status-derive]}" "${mt[thiserror-impl]}") |" >> "$results"
done
rm -rf "$T_MACRO-full"

cat "$results"
