#!/usr/bin/env python3
"""List the public API of a crate from rustdoc JSON: every item reachable from the root,
with struct fields, enum variants and inherent methods, one path per line, sorted.
Usage: cargo +nightly rustdoc -p ibid-parse --lib -- -Z unstable-options --output-format json
       python3 scripts/public-api.py target/doc/ibid_parse.json | grep -v ^impl"""
import json, sys
d = json.load(open(sys.argv[1]))
idx = d['index']
root = idx[str(d['root'])]
crate = root['name']
out = set()
def item(i):
    return idx.get(str(i))
def kind(it):
    return next(iter(it['inner']))
def walk(it, path, seen):
    if it is None or it['id'] in seen: return
    seen = seen | {it['id']}
    k = kind(it); inner = it['inner'][k]
    if k == 'module':
        if path != crate: out.add(('mod', path))
        for c in inner['items']:
            ci = item(c)
            if ci is None or ci['visibility'] != 'public': continue
            ck = kind(ci)
            if ck == 'use':
                u = ci['inner']['use']
                tgt = item(u['id']) if u['id'] is not None else None
                if u['is_glob']:
                    if tgt: 
                        for g in tgt['inner']['module']['items']:
                            gi = item(g)
                            if gi and gi['visibility']=='public': walk(gi, path+'::'+gi['name'], seen)
                else:
                    walk(tgt, path + '::' + u['name'], seen)
            else:
                walk(ci, path + '::' + (ci['name'] or '?'), seen)
        return
    out.add((k, path))
    if k == 'struct':
        sk = inner['kind']
        fields = []
        if 'plain' in sk: fields = sk['plain']['fields']
        elif 'tuple' in sk: fields = [f for f in sk['tuple'] if f is not None]
        for f in fields:
            fi = item(f)
            if fi and fi['visibility'] == 'public': out.add(('field', path + '::' + fi['name']))
    if k == 'enum':
        for v in inner['variants']:
            out.add(('variant', path + '::' + item(v)['name']))
    if k in ('struct', 'enum'):
        for imp in inner['impls']:
            ii = item(imp)['inner']['impl']
            if ii['trait'] is None:
                for m in ii['items']:
                    mi = item(m)
                    if mi and mi['visibility'] == 'public': out.add((kind(mi), path + '::' + mi['name']))
            elif not ii.get('is_synthetic') and not ii.get('blanket_impl'):
                out.add(('impl', 'impl ' + ii['trait']['path'] + ' for ' + path))
walk(root, crate, frozenset())
mode = sys.argv[2] if len(sys.argv) > 2 else 'all'
rows = sorted(out, key=lambda r: r[1])
if mode == 'items':
    rows = [r for r in rows if r[0] not in ('field','variant','function','impl','constant','assoc_const','assoc_type') or r[1].count('::')==1]
for k, p in rows:
    if mode != 'counts': print(f'{k:9} {p}')
from collections import Counter
c = Counter(k for k, _ in out)
print('#', dict(sorted(c.items())), 'total', len(out), file=sys.stderr)
