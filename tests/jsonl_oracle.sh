#!/usr/bin/env bash
# isnad's JSON Lines reader (src/ingest/jsonl.c) against Python's json
# module as the oracle: thousands of records, most of them broken on
# purpose (a character dropped, doubled or swapped, a JSON-significant
# character put in, the line cut short), each read by both. Every line must
# be accepted or rejected alike; an accepted one must give the same id, the
# same text length and the same other members ("meta"), and a rejected one
# an error naming its line.
#
# The oracle is strict JSON: Python's NaN and Infinity extensions and its
# lone surrogates in \u escapes count as errors, as RFC 8259 has them.
# usage: jsonl_oracle.sh ISNAD_BINARY SOURCE_DIR
TEST_NAME=jsonl_oracle
. "$(dirname "$0")/lib/common.sh"

python3 - oracle.jsonl expected.json <<'PY'
import json, random, sys
random.seed(20261123)
base = [
    {"id": "a1", "url": "https://example.org/a", "title": "عنوان الخبر", "date": "2020-01-15",
     "text": "قال المتحدث إن الوفد وصل إلى القاهرة.\nوأضاف أن المحادثات ستستمر."},
    {"id": 42, "text": "نص قصير \"مقتبس\" مع شرطة / وعلامات \\ خاصة\t وجدولة.", "section": "سياسة",
     "tags": [1, 2.5, -3e2, True, False, None, {"k": "v"}]},
    {"text": "Latin text, 🌍 an emoji, and \u00e9.", "source": {"name": "وكالة", "nested": [[], {}, [[1]]]}},
    {"id": "b\u0000c", "title": None, "text": "سطر\u2028فاصل", "score": 0.5},
    {"id": -7, "date": 20200115, "text": "", "extra": ""},
]
def variants(rec):
    yield json.dumps(rec, ensure_ascii=False)
    yield json.dumps(rec, ensure_ascii=True)
    yield json.dumps(rec, ensure_ascii=False, indent=None, separators=(" , ", " : "))
lines = [v for r in base for v in variants(r)]
noise = list('{}[]:,"\\ -+.0123456789eEtrufalsn') + ["\\u", "\\ud83c", "\\udc00", "\u0001", "\t", "ي", "NaN"]
out = []
for i in range(3000):
    s = random.choice(lines)
    for _ in range(random.choice([0, 1, 1, 2, 3])):
        k = random.randrange(len(s) + 1)
        op = random.randrange(5)
        if op == 0 and s: s = s[:k] + s[k + 1:]                     # drop
        elif op == 1: s = s[:k] + random.choice(noise) + s[k:]        # insert
        elif op == 2 and k < len(s): s = s[:k] + s[k] + s[k:]         # double
        elif op == 3 and k + 1 < len(s): s = s[:k] + s[k + 1] + s[k] + s[k + 2:]  # swap
        else: s = s[:k]                                               # cut
    if not s.strip(" \t") or "\n" in s or "\r" in s:
        continue
    out.append(s)

def strict(s):
    def bad_constant(c): raise ValueError(c)
    dup = []
    def pairs(p):
        keys = [k for k, _ in p]
        if len(set(keys)) != len(keys): dup.append(1)
        return dict(p)
    v = json.loads(s, parse_constant=bad_constant, object_pairs_hook=pairs)
    def walk(x):  # a lone surrogate: Python takes it, RFC 8259 text cannot hold it
        if isinstance(x, str):
            if any(0xD800 <= ord(c) <= 0xDFFF for c in x): raise ValueError("surrogate")
        elif isinstance(x, dict):
            for k, y in x.items(): walk(k); walk(y)
        elif isinstance(x, list):
            for y in x: walk(y)
    walk(v)
    return v, bool(dup)

expected = {}
for n, s in enumerate(out, 1):
    try:
        v, dup = strict(s)
    except (ValueError, RecursionError):
        expected[n] = None
        continue
    if (not isinstance(v, dict) or not isinstance(v.get("text"), str)
            or any(isinstance(v.get(k), str) and "\x00" in v[k] for k in ("id", "url", "title", "date", "text"))):
        expected[n] = None
        continue
    i = v.get("id")
    ident = i if isinstance(i, str) else str(i) if type(i) is int else "line-%d" % n
    meta = {k: x for k, x in v.items() if k not in ("id", "url", "title", "date", "text")}
    expected[n] = {"id": ident, "bytes": len(v["text"].encode()), "meta": None if dup else meta}
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("".join(s + "\n" for s in out))
json.dump(expected, open(sys.argv[2], "w"))
PY

CMD="isnad extract --json oracle.jsonl"
"$ISNAD" extract --json oracle.jsonl >"$OUT" 2>"$ERR"
RC=$?
python3 - expected.json "$OUT" "$ERR" <<'PY' >verdict.txt
import json, re, sys
expected = {int(k): v for k, v in json.load(open(sys.argv[1])).items()}
docs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if '"kind":"document"' in l]
rejected = {int(m.group(1)) for m in re.finditer(r"^isnad: oracle\.jsonl:(\d+): ", open(sys.argv[3], encoding="utf-8").read(), re.M)}
accepted_lines = sorted(n for n, v in expected.items() if v is not None)
problems = []
for n in sorted(expected):
    if expected[n] is None and n not in rejected: problems.append("line %d: isnad accepts what the oracle rejects" % n)
    if expected[n] is not None and n in rejected: problems.append("line %d: isnad rejects what the oracle accepts" % n)
if len(docs) != len(accepted_lines):
    problems.append("%d documents for %d accepted lines" % (len(docs), len(accepted_lines)))
else:
    for n, d in zip(accepted_lines, docs):
        e = expected[n]
        if d["doc"] != e["id"] or d["bytes"] != e["bytes"]:
            problems.append("line %d: id/bytes %r/%r, oracle %r/%r" % (n, d["doc"], d["bytes"], e["id"], e["bytes"]))
        elif e["meta"] is not None and d.get("meta", {}) != e["meta"]:
            problems.append("line %d: meta %r, oracle %r" % (n, d.get("meta"), e["meta"]))
print(len(expected), len(accepted_lines), len(rejected))
for p in problems[:10]: print(p)
print(len(problems))
PY
read -r total good bad <verdict.txt
group "the oracle's lines"
if [ "$good" -gt 200 ] && [ "$((total - good))" -gt 500 ]; then ok; else
    ko "too few accepted ($good) or rejected ($((total - good))) lines of $total: the test would prove little"
fi
group "isnad agrees with the oracle"
expect_rc 1
nprob=$(tail -1 verdict.txt)
if [ "$nprob" = 0 ]; then ok; else ko "$nprob disagreements" "$(sed -n '2,11p' verdict.txt)"; fi
finish
