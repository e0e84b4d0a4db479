#!/usr/bin/env bash
# `ibid parse --format json` over a million generated lines (36 MB), in one hyperfine run
# (docs/PERFORMANCE.md, issue 13): an older build given as BASELINE (e.g. the session-2 build
# e35699c), this build on one thread (`-j1`) and on every core (the default). Checks first
# that this build's output has the MD5 the performance notes record, for both thread counts.
#
#   scripts/bench-parse.sh [RUNS]          (default: 8)
#   BASELINE=/path/to/old/ibid adds that binary; SKIP_BUILD=1 uses target/release as built.
#   To build e35699c: git worktree add /tmp/e35 e35699c && (cd /tmp/e35 &&
#   CARGO_TARGET_DIR=/tmp/e35-target cargo build --release -p ibid-cli), copy
#   /tmp/e35-target/release/ibid somewhere, then remove the worktree and its target.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-8}
command -v hyperfine >/dev/null 2>&1 || { echo "hyperfine is not installed" >&2; exit 2; }
[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet -p ibid-cli -p ibid-parse --bin ibid --example gen_inputs
ibid=$PWD/target/release/ibid
dir=$(mktemp -d /tmp/ibid-parse-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
target/release/examples/gen_inputs 1000000 > "$dir/inputs.txt"
expected=313476166460cafa03e881fbe9b89a42
for threads in 1 0; do
    sum=$("$ibid" parse --format json -j "$threads" < "$dir/inputs.txt" | md5sum | cut -d' ' -f1)
    [ "$sum" = "$expected" ] || { echo "-j$threads: MD5 $sum, expected $expected" >&2; exit 1; }
done
echo "== $(du -h --apparent-size "$dir/inputs.txt" | cut -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
commands=()
if [ -n "${BASELINE:-}" ]; then
    commands+=(-n "baseline ($(basename "$BASELINE"))" "$BASELINE parse --format json < $dir/inputs.txt > /dev/null")
fi
commands+=(-n "ibid parse -j1" "$ibid parse --format json -j1 < $dir/inputs.txt > /dev/null")
commands+=(-n "ibid parse (-j$(nproc))" "$ibid parse --format json < $dir/inputs.txt > /dev/null")
hyperfine --warmup 1 --runs "$runs" --style basic "${commands[@]}"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
