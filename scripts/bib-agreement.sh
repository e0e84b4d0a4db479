#!/usr/bin/env bash
# Agreement of `ibid bib` with an independent CSL processor: the same CSL-JSON entries and the
# same `.csl` file rendered by `ibid bib --csl` (hayagriva) and by `pandoc --citeproc`,
# compared entry by entry (by id) after whitespace normalisation, per style. Bibliographies:
# the 200+ entries of fixtures/bib/agreement/entries.json and the bibliographies of the
# fixture corpus (as ibid reads them, exported to CSL-JSON by `ibid bib --to csl-json`).
#
#   scripts/bib-agreement.sh [STYLE...]     (default: chicago-author-date apa; each is
#                                            fixtures/csl/STYLE.csl or a path to a .csl file)
#
# Needs pandoc and python3 (skipped, saying so, without them) and an `ibid` with the `bib`
# command (IBID=path/to/ibid to choose one; otherwise target/debug/ibid, built if missing).
# PANDOC=path/to/pandoc chooses the pandoc (default: `pandoc` on PATH); its version is
# printed, since citeproc changed a great deal between pandoc 2.x and 3.x.
# Installs nothing; not run in CI. Writes each style's differing entries to
# target/bib-agreement/<dataset>-<style>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

pandoc=${PANDOC:-pandoc}
for tool in "$pandoc" python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bib-agreement: $tool is not installed; skipping the comparison"
        exit 0
    fi
done
ibid=${IBID:-target/debug/ibid}
if [ ! -x "$ibid" ]; then
    cargo build -q -p ibid-cli
fi
if ! "$ibid" bib --help >/dev/null 2>&1; then
    echo "bib-agreement: $ibid has no \`bib\` command (it comes with the bib branch); nothing to compare"
    exit 0
fi
styles=("$@")
if [ ${#styles[@]} -eq 0 ]; then
    styles=(chicago-author-date apa)
fi
out=target/bib-agreement
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "pandoc: $(command -v "$pandoc") ($("$pandoc" --version | head -1)); ibid: $ibid"

# The datasets, each a folder with an ibid.toml naming refs.json, and nocite.md for pandoc.
prepare() {
    local name=$1 source=$2
    mkdir -p "$tmp/$name"
    cp "$source" "$tmp/$name/refs.json"
    printf 'bibliography = ["refs.json"]\n' > "$tmp/$name/ibid.toml"
    printf -- '---\nnocite: "@*"\n---\n' > "$tmp/$name/nocite.md"
}
prepare entries fixtures/bib/agreement/entries.json
"$ibid" bib fixtures/corpus --all --to csl-json -o "$tmp/corpus.json" --no-cache 2>/dev/null
prepare corpus "$tmp/corpus.json"

status=0
for dataset in entries corpus; do
    for style in "${styles[@]}"; do
        csl=$style
        [ -f "$csl" ] || csl=fixtures/csl/$style.csl
        name=$(basename "$csl" .csl)
        dir=$tmp/$dataset
        "$ibid" bib "$dir" --all --csl "$csl" --to html -o "$dir/ibid-$name.html" --no-cache 2>"$dir/ibid-$name.err" || true
        "$pandoc" "$dir/nocite.md" --citeproc --csl "$csl" --bibliography "$dir/refs.json" \
            -t html --wrap=none -o "$dir/pandoc-$name.html" 2>"$dir/pandoc-$name.err"
        python3 - "$dir" "$name" "$dataset" "$out" <<'PY' || status=1
import html, json, re, sys, unicodedata
from collections import Counter
folder, style, dataset, out = sys.argv[1:5]

def text(fragment):
    fragment = re.sub(r"<[^>]+>", "", fragment)
    s = unicodedata.normalize("NFC", html.unescape(fragment))
    return " ".join(s.split())

def entries(path):
    page = open(path, encoding="utf-8").read()
    found = {}
    for m in re.finditer(r'<div\s[^>]*class="csl-entry"[^>]*>(.*?)</div>', page, re.S):
        tag = page[m.start():m.start() + 200]
        ident = re.search(r'id="ref-([^"]+)"', tag)
        if ident:
            found[html.unescape(ident.group(1))] = text(m.group(1))
    archival = len(re.findall(r'<li id="archive-', page))
    return found, archival

ours, archival = entries(f"{folder}/ibid-{style}.html")
theirs, _ = entries(f"{folder}/pandoc-{style}.html")
items = json.load(open(f"{folder}/refs.json", encoding="utf-8"))

def expand_pages(s):
    # 414–52 → 414–452: page ranges as Chicago's page-range-format shortens them.
    def full(m):
        a, b = m.group(1), m.group(2)
        return f"{a}–{a[:len(a) - len(b)]}{b}" if len(b) < len(a) else m.group(0)
    return re.sub(r"(\d+)[–-](\d+)", full, s)

def drop_date_ranges(s):
    return re.sub(r"\b(\d{4})[–-]\d{2,4}\b", r"\1", s)

def drop_editor_labels(s):
    return re.sub(r",? \((?:Ed|Eds)\.\)|, eds?\.", "", s)

def terms(s):
    # Terms and labels that pandoc 2.17's citeproc and locales lack or word differently:
    # APA's "Original work published", "Trans.", "No." and "Vols." labels, "(Ed.)" case.
    s = re.sub(r"\(Original work published (as )?", lambda m: "(" + (m.group(1) or ""), s)
    s = re.sub(r"\((\d{4})\)$", r"(\1)", s)
    s = s.replace("Trans.)", "Tran.)").replace(", trans.)", ", Tran.)")
    s = re.sub(r"\((?:No\. )?(\d+); ", r"(\1; ", s)
    s = re.sub(r"\(Vols\. ", "(", s).replace(" Vols. ", " ")
    s = re.sub(r"\((e)ds?\.\)", lambda m: m.group(0).replace("e", "E", 1), s)
    return s

def punctuation(s):
    return re.sub(r"[\s\u2010-\u2015\-.,:;()\[\]“”\"‘’'«»?!]", "", s)

# Each kind of difference, as a normalisation that removes it (see the README of
# fixtures/bib/agreement for what each means and which side is right).
NORMALISATIONS = [
    ("title case", str.lower),
    ("page ranges shortened (page-range-format)", expand_pages),
    ("date range printed as its first year", drop_date_ranges),
    ("editor label missing", drop_editor_labels),
    ("terms and labels of pandoc 2.17's citeproc", terms),
    ("punctuation", punctuation),
]

def kind(a, b):
    """What sort of difference separates ibid's entry `a` from pandoc's `b`."""
    for name, f in NORMALISATIONS:
        if f(a) == f(b):
            return name
    both = lambda s: punctuation(terms(drop_editor_labels(drop_date_ranges(expand_pages(s))))).lower()
    if both(a) == both(b):
        return "several of the kinds above"
    return "other (names, order or wording)"

same, kinds, lines = 0, Counter(), []
missing = []
for item in items:
    key = item["id"]
    a, b = ours.get(key), theirs.get(key)
    if a is None:
        missing.append(key)
        continue
    if b is None:
        lines.append(f"{key}: not in pandoc's output")
        continue
    if a == b:
        same += 1
    else:
        k = kind(a, b)
        kinds[k] += 1
        lines.append(f"{key} [{k}]\n  ibid:   {a}\n  pandoc: {b}")
compared = len(items) - len(missing)
with open(f"{out}/{dataset}-{style}.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
rate = 100 * same / compared if compared else 0
print(f"{dataset:8} {style:24} {same}/{compared} identical ({rate:.1f}%)"
      + (f"; {len(missing)} not in ibid's list of published sources (archival items, which ibid"
         f" lists in its own section from the documents' archives: {archival} lines), not compared" if missing else ""))
for k, n in kinds.most_common():
    print(f"{'':34}{n:4} {k}")
PY
    done
done
echo "differences: $out/"
exit $status
