#!/usr/bin/env bash
# ibid bib and pandoc --citeproc side by side, on the same generated entries and the same
# CSL style (written out by `ibid bib --write-style`): cold, warm (nothing changed) and
# with one entry changed. Installs nothing; without pandoc it measures ibid alone and says
# so; hyperfine is used when present, else each command is timed with bash's `time`.
#
#   scripts/bench-bib.sh [COUNT] [STYLE] [RUNS]    (defaults: 2000 chicago-author-date 5)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
style=${2:-chicago-author-date}
runs=${3:-5}

cargo build --release --quiet -p ibid-cli --bin ibid
cargo build --release --quiet -p ibid-bib --example synthetic_bib
ibid=$PWD/target/release/ibid
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/synthetic_bib "$dir" "$count" >/dev/null 2>&1
"$ibid" bib "$dir" --style "$style" --write-style -o "$dir/style.csl"
# One entry whose title a run changes, to measure a re-run with one entry changed.
sed -i '0,/"title": "/s//"title": "Probe 0 /' "$dir/refs.json"

cold="$ibid bib $dir --all --style $style --no-cache"
warm="$ibid bib $dir --all --style $style"
change="sed -i -E 's/Probe [0-9]+ /Probe '\$(date +%N)' /' $dir/refs.json"
pandoc_cmd="pandoc --citeproc --csl $dir/style.csl --bibliography $dir/refs.json $dir/pandoc/nocite.md -t plain -o /dev/null"

have_pandoc=1
if ! command -v pandoc >/dev/null 2>&1; then
    have_pandoc=0
    echo "pandoc is not installed: measuring ibid alone" >&2
fi

echo "== $count entries, $style, $(nproc) cores"
$warm >/dev/null 2>&1 # fill the cache
if command -v hyperfine >/dev/null 2>&1; then
    cmds=(-n "ibid cold" "$cold" -n "ibid warm" "$warm")
    [ "$have_pandoc" = 1 ] && cmds+=(-n pandoc "$pandoc_cmd")
    hyperfine --warmup 1 --runs "$runs" --style basic "${cmds[@]}"
    hyperfine --runs "$runs" --style basic --prepare "$change" -n "ibid, one entry changed" "$warm"
else
    echo "hyperfine is not installed: one timed run each" >&2
    time $cold >/dev/null
    time $warm >/dev/null
    eval "$change"
    time $warm >/dev/null
    [ "$have_pandoc" = 1 ] && time $pandoc_cmd
fi
