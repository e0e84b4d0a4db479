#!/usr/bin/env bash
# Renders `ibid export --to csl-json fixtures/corpus` with pandoc's citeproc in Chicago
# author-date and APA and checks that every document prints its container, its pinpoint (cited
# as the locator) and its archive; then converts the items to BibLaTeX with pandoc and counts
# what pandoc's writer keeps. Needs pandoc and python3 (skipped, saying so, without them);
# not run in CI. The same rendering check through hayagriva is tests/export_render.rs.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in pandoc python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "csl-export-check: $tool is not installed; skipping the check"
        exit 0
    fi
done
ibid=${IBID:-target/debug/ibid}
if [ ! -x "$ibid" ]; then
    cargo build -q -p ibid-cli
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$ibid" export --to csl-json fixtures/corpus > "$tmp/items.json"
echo "pandoc: $(pandoc --version | head -1)"

status=0
for style in chicago-author-date apa; do
    python3 - "$tmp" "$style" <<'PY' || status=1
import html, json, re, subprocess, sys, unicodedata
tmp, style = sys.argv[1], sys.argv[2]
items = json.load(open(f"{tmp}/items.json"))
# One paragraph per document: its id, then a citation with its page as the locator.
cites = "\n\n".join(
    f"{i['id']}: [@{i['id']}" + (f", p. {i['page']}" if "page" in i else "") + "]" for i in items
)
open(f"{tmp}/cites.md", "w").write(cites + "\n")
out = subprocess.run(
    ["pandoc", f"{tmp}/cites.md", "--citeproc", "--csl", f"fixtures/csl/{style}.csl",
     "--bibliography", f"{tmp}/items.json", "-t", "html", "--wrap=none"],
    check=True, capture_output=True, text=True).stdout
def text(fragment):
    return norm(html.unescape(re.sub(r"<[^>]+>", "", fragment)))
def norm(s):
    # Styles capitalise a first letter, typeset `fᵒ` as a superscript and page ranges with
    # their own dash: compare without case, compatibility forms or dash kinds.
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub("[\u2010-\u2015-]", "-", s)
entries = {m.group(1): text(m.group(2)) for m in re.finditer(
    r'<div id="ref-([^"]+)" class="csl-entry"[^>]*>(.*?)</div>', out, re.S)}
citations = {m.group(1): text(m.group(2)) for m in re.finditer(r"<p>([^:<]+): (.*?)</p>", out, re.S)}
bad = 0
for item in items:
    entry, citation = entries.get(item["id"], ""), citations.get(item["id"], "")
    missing = []
    if "container-title" in item and norm(item["container-title"]) not in entry:
        missing.append("container")
    if "page" in item and norm(item["page"]) not in entry + citation:
        missing.append("pinpoint")
    for key in ("archive", "archive_location"):
        if key in item and norm(item[key]) not in entry:
            missing.append(key)
    if missing:
        bad += 1
        print(f"  {style} {item['id']}: missing {', '.join(missing)}\n    {citation}\n    {entry}")
print(f"{style}: {len(items) - bad} of {len(items)} documents print their container, pinpoint and archive")
sys.exit(1 if bad else 0)
PY
done

pandoc -f csljson -t biblatex "$tmp/items.json" > "$tmp/pandoc.bib"
python3 - "$tmp" <<'PY'
import json, re, sys
tmp = sys.argv[1]
items = json.load(open(f"{tmp}/items.json"))
bib = open(f"{tmp}/pandoc.bib").read()
entries = {m.group(1): m.group(2) for m in re.finditer(r"@\w+\{([^,]+),(.*?)\n\}", bib, re.S)}
def kept(field, biblatex):
    having = [i for i in items if field in i]
    return sum(1 for i in having if re.search(rf"^\s*{biblatex}\s*=", entries.get(i["id"], ""), re.M)), len(having)
for field, biblatex in [("container-title", "(booktitle|journal|journaltitle)"), ("archive", "archive"),
                        ("archive_location", "archive_?location"), ("original-date", "origdate")]:
    k, n = kept(field, biblatex)
    print(f"pandoc -t biblatex keeps {field} for {k} of {n} items")
PY
exit $status
