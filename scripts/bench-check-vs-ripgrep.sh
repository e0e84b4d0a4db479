#!/usr/bin/env bash
# `ibid check` and ripgrep side by side on the same synthetic corpus, in one hyperfine run
# (docs/PERFORMANCE.md, issue 8 §7): ripgrep counting the pandoc citations of every file
# (`rg -c '\[@'`: it reads every byte of every document, as a check must), a cold
# `ibid check --no-cache`, and a warm `ibid check` that finds every document in its cache.
# The operating system's file cache is warm for all three (hyperfine's warm-up run); "cold"
# means without ibid's cache. The corpus is deleted at the end.
#
#   scripts/bench-check-vs-ripgrep.sh [COUNT] [RUNS]   (defaults: 100000 5)
#   SKIP_BUILD=1 uses the release binaries already built; DIR=... places the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
runs=${2:-5}
for tool in rg hyperfine; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed" >&2; exit 2; }
done
[ -n "${SKIP_BUILD:-}" ] || cargo build --release --quiet -p ibid-cli -p ibid-check --bin ibid --example synthetic_corpus
ibid=$PWD/target/release/ibid
dir=${DIR:-$(mktemp -d /tmp/ibid-check-vs-rg.XXXXXX)}
trap 'rm -rf "$dir"' EXIT
target/release/examples/synthetic_corpus "$dir/corpus" "$count" >/dev/null 2>&1
echo "== $count documents, $(du -sh --apparent-size "$dir/corpus" | cut -f1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# The cache lives next to the corpus's ibid.toml; the first warm run fills it.
"$ibid" check "$dir/corpus" --output-format concise >/dev/null 2>&1 || true
hyperfine --warmup 1 --runs "$runs" --ignore-failure --style basic \
    --export-markdown "$dir/results.md" \
    -n "rg -c '\\[@'" "rg -c '\\[@' $dir/corpus" \
    -n "ibid check --no-cache (cold)" "$ibid check $dir/corpus --no-cache --output-format concise" \
    -n "ibid check (warm cache)" "$ibid check $dir/corpus --output-format concise"
cat "$dir/results.md"
