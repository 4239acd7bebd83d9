#!/usr/bin/env bash
# The interleaved `paired` bench in several fresh processes, and the median
# over them of each figure, with their range.
#
# Why: on this VM a process's layout (addresses of code, stack and heap,
# randomized anew for each process) moves a group's ratios by up to 15 %,
# while the rounds and runs inside one process agree within 1 or 2 %: the
# `static_4xx` ratio to the floor measured 1.00, 1.01, 1.01 and 1.11 in four
# processes of the same binary. So the runs inside one process (`RUNS`) are
# one sample of that variation, and a target near the line needs several
# processes.
#
# Usage:   benches/paired-processes.sh            (every group)
# Env:     PROCESSES (default 5) fresh processes, each one run (RUNS=1);
#          GROUP, CASE, ROUNDS as for the bench; CARGO_TARGET_DIR as usual.
# Output:  the bench's table, each figure the median over the processes and,
#          in brackets, their range.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
processes=${PROCESSES:-5}
bin=$(cd "$ROOT" && cargo bench --no-run -p api-status-benches --bench paired 2>&1 |
    grep -o '[^ (]*/release/deps/paired-[0-9a-f]*' | tail -1)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for ((p = 1; p <= processes; p++)); do
    echo "process $p of $processes..." >&2
    RUNS=1 "$bin" > "$scratch/$p.md"
done
python3 - "$processes" "$scratch" <<'PY'
import statistics, sys
processes, scratch = int(sys.argv[1]), sys.argv[2]
rows = {}   # (group, case) -> list of [ns, x baseline, x floor] per process
order = []
for p in range(1, processes + 1):
    for line in open(f"{scratch}/{p}.md"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("group", "---"):
            continue
        key = (cells[0], cells[1])
        if key not in rows:
            rows[key] = []
            order.append(key)
        rows[key].append(cells[2:])

# Every case in every process, or no figure: a process whose table came out
# short would otherwise leave a median over fewer samples than the header says.
short = [key for key in order if len(rows[key]) != processes]
if short:
    sys.exit(f"missing in some processes: {short}")

def summary(values, decimals):
    numbers = [float(v) for v in values if v not in ("–", "-", "")]
    if not numbers:
        return "–"
    fmt = f"%.{decimals}f"
    return f"{fmt % statistics.median(numbers)} ({fmt % min(numbers)}–{fmt % max(numbers)})"

print(f"{processes} processes, one run each; each figure is the median of the processes' figures, their range in brackets.")
print()
print("| group | case | median (ns) | × baseline | × floor |")
print("| --- | --- | ---: | ---: | ---: |")
for key in order:
    samples = rows[key]
    columns = [summary([s[i] for s in samples], 1 if i == 0 else 2) for i in range(3)]
    print(f"| {key[0]} | {key[1]} | {columns[0]} | {columns[1]} | {columns[2]} |")
PY
