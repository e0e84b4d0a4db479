#!/usr/bin/env bash
# Benchmark of `ibid fmt` against a cold `ibid check --no-cache` on the synthetic corpus, in
# one run (docs/PERFORMANCE.md): `ibid fmt --check` on the corpus as generated, then
# `ibid fmt` on a copy where every tenth document needs rewriting; each also with
# `--unify-sources` (the corpus writes one source in 1% of its documents transliterated).
# Wall time and peak memory from GNU time, each command ROUNDS times, alternating.
#
#   scripts/bench-fmt.sh [DIR] [COUNT] [ROUNDS]     (defaults: /tmp/ibid-fmt-bench 100000 3)
#   SKIP_BUILD=1 uses the release binaries already built.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/ibid-fmt-bench}
count=${2:-100000}
rounds=${3:-3}
[ -n "${SKIP_BUILD:-}" ] || cargo build --release -q -p ibid-cli -p ibid-check --examples --bins
ibid=$PWD/target/release/ibid
rm -rf "$dir" && mkdir -p "$dir"
target/release/examples/synthetic_corpus "$dir/corpus" "$count" >/dev/null 2>&1

# Every tenth document written the long way: `ibid fmt` (locator-form = "short") rewrites it.
perturb() {
  rm -rf "$dir/tenth" && cp -r "$dir/corpus" "$dir/tenth"
  find "$dir/tenth" -name '*.md' | sort | awk 'NR % 10 == 0' | xargs sed -i 's/, pp\. /, pages /'
}

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>&1 || true
  read -r seconds kb < <(tail -1 "$dir/time")
  printf '%-34s %6.2f s  %5d MB\n' "$label" "$seconds" "$((kb / 1024))"
}

for round in $(seq "$rounds"); do
  echo "round $round"
  measure "ibid check --no-cache (cold)" "$ibid" check "$dir/corpus" --no-cache --output-format concise
  measure "ibid fmt --check" "$ibid" fmt --check "$dir/corpus"
  measure "ibid fmt --check --unify-sources" "$ibid" fmt --check --unify-sources "$dir/corpus"
  perturb
  measure "ibid fmt (writes 10%)" "$ibid" fmt "$dir/tenth"
  perturb
  measure "ibid fmt --unify-sources (writes)" "$ibid" fmt --unify-sources "$dir/tenth"
done
perturb
echo "files rewritten: $("$ibid" fmt --check "$dir/tenth" | tail -1)"
echo "with --unify-sources: $("$ibid" fmt --check --unify-sources "$dir/tenth" | tail -1)"
