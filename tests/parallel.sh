#!/usr/bin/env bash
# -j N: documents run on N threads and come out in input order, so the
# output is byte for byte that of -j 1, whatever N: records on stdout,
# rejections on stderr, the exit status, and a database from ingest. The
# corpus mixes good articles, broken lines in between (malformed JSON, a
# NUL, no text), plain-text files and one large document, so that slow and
# failed documents sit among fast ones. A reader that stops early (a closed
# pipe) must end the run, not hang it.
# usage: parallel.sh ISNAD_BINARY SOURCE_DIR
TEST_NAME=parallel
EXAMPLES=$(cd "${2:-.}/examples" && pwd) # before common.sh moves to its scratch folder
. "$(dirname "$0")/lib/common.sh"

expect_same() { if [ "$2" = "$3" ]; then ok; else ko "$1: got '$2', expected '$3'"; fi; }

mkdir corpus
python3 - "$EXAMPLES" corpus <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
texts = [open(os.path.join(src, f), encoding="utf-8").read() for f in sorted(os.listdir(src)) if f.endswith(".txt")]
with open(os.path.join(out, "a.jsonl"), "w", encoding="utf-8") as f:
    for i in range(600):
        if i % 97 == 13: f.write('{"id": "broken%d", "text": "نص\n' % i); continue          # malformed
        if i % 89 == 7: f.write('{"id": "nul%d", "text": "a\\u0000b"}\n' % i); continue   # a NUL
        if i % 83 == 5: f.write('{"id": "notext%d"}\n' % i); continue                      # no text
        t = texts[i % len(texts)]
        if i == 300: t = t * 400                                                           # one large document
        f.write(json.dumps({"id": "d%d" % i, "date": "2020-03-%02d" % (1 + i % 28), "text": t + "\n%d" % i},
                           ensure_ascii=False) + "\n")
for k, t in enumerate(texts):
    open(os.path.join(out, "p%d.txt" % k), "w", encoding="utf-8").write(t)
PY

group "extract --json: the same bytes on any number of threads"
"$ISNAD" extract --json -j 1 corpus >out.1 2>err.1
rc1=$?
expect_same "exit status with rejected lines" "$rc1" 1
if [ "$(grep -c '"kind":"document"' out.1)" -gt 550 ]; then ok; else ko "too few documents in the -j 1 run"; fi
if [ "$(wc -l <err.1)" -ge 15 ]; then ok; else ko "too few rejections in the -j 1 run: the test would prove little"; fi
for j in 2 3 4 8; do
    CMD="isnad extract --json -j $j corpus"
    "$ISNAD" extract --json -j $j corpus >out.$j 2>err.$j
    rc=$?
    expect_same "exit status at -j $j" "$rc" "$rc1"
    if cmp -s out.1 out.$j; then ok; else ko "stdout at -j $j differs from -j 1" "$(cmp out.1 out.$j 2>&1)"; fi
    if cmp -s err.1 err.$j; then ok; else ko "stderr at -j $j differs from -j 1"; fi
done

group "the summary and standard input"
"$ISNAD" extract -j 1 corpus >sum.1 2>/dev/null
"$ISNAD" extract -j 4 corpus >sum.4 2>/dev/null
if cmp -s sum.1 sum.4; then ok; else ko "the summary at -j 4 differs from -j 1"; fi
"$ISNAD" extract --json -j 4 - <corpus/a.jsonl >stdin.4 2>/dev/null
"$ISNAD" extract --json -j 1 - <corpus/a.jsonl >stdin.1 2>/dev/null
if [ -s stdin.1 ] && cmp -s stdin.1 stdin.4; then ok; else ko "stdin at -j 4 differs from -j 1"; fi

group "ingest: the same database"
"$ISNAD" ingest -j 1 --db j1.db corpus 2>/dev/null
"$ISNAD" ingest -j 4 --db j4.db corpus 2>/dev/null
dump() { python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for t, cols, order in [('documents', 'doc, hash, bytes', 'id'), ('events', '*', 'id'), ('mentions', '*', 'id'),
                       ('times', '*', 'id'), ('sources', '*', 'event_id, rank'), ('sentences', '*', 'doc_id, idx')]:
    for r in db.execute('select %s from %s order by %s' % (cols, t, order)): print(t, r)" "$1"; }
if dump j1.db >db.1 && dump j4.db >db.4; then ok; else ko "cannot read the databases"; fi
if [ "$(grep -c '^sources' db.1)" -gt 10 ] && [ "$(grep -c '^events' db.1)" -gt 100 ] && cmp -s db.1 db.4; then ok; else
    ko "the database of -j 4 differs from -j 1 (or holds too little to tell)"
fi

group "a closed pipe ends the run"
start=$(date +%s)
timeout 60 "$ISNAD" extract --json -j 4 corpus corpus corpus 2>/dev/null | head -c 1000 >/dev/null
rc=${PIPESTATUS[0]}
if [ "$rc" != 124 ]; then ok; else ko "isnad -j 4 still ran 60 s after its reader left"; fi

group "bad -j values"
for bad in 0 -2 x 1000; do
    CMD="isnad extract -j $bad"
    "$ISNAD" extract -j "$bad" corpus >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc 2
done
finish
