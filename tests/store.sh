#!/usr/bin/env bash
# The corpus database (isnad ingest, docs/schema.md): what extract finds is
# what the database holds; ingest is idempotent; a changed document
# replaces its old records; a database that is not isnad's, of a newer
# schema, or no database at all is refused and left byte for byte as it was.
# usage: store.sh ISNAD_BINARY SOURCE_DIR
TEST_NAME=store
EXAMPLES=$(cd "${2:-.}/examples" && pwd) # before common.sh moves to its scratch folder
GRAPHML_XSD=$(cd "${2:-.}/tests/schema" && pwd)/graphml.xsd
. "$(dirname "$0")/lib/common.sh"

ingest() { # ingest ARGS... : like run, for isnad ingest
    CMD="isnad ingest $*"
    "$ISNAD" ingest "$@" >"$OUT" 2>"$ERR"
    RC=$?
}

# count DB TABLE [WHERE]: rows of a table
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from ' + sys.argv[2] + (' where ' + sys.argv[3] if len(sys.argv) > 3 else '')).fetchone()[0])" "$@"; }

# kinds PATH: record counts of isnad extract --json, as "mention=N time=N event=N document=N"
kinds() { "$ISNAD" extract --json "$@" | python3 -c "
import json, sys, collections
c = collections.Counter(json.loads(l)['kind'] for l in sys.stdin)
print(' '.join('%s=%d' % (k, c[k]) for k in ('document', 'mention', 'time', 'event')))"; }

tables() { echo "document=$(count "$1" documents) mention=$(count "$1" mentions) time=$(count "$1" times) event=$(count "$1" events)"; }

expect_same() { # what, got, want
    if [ "$2" = "$3" ]; then ok; else ko "$1: got '$2', expected '$3'"; fi
}

group "ingest holds what extract finds"
ingest --db a.db "$EXAMPLES"
expect_rc 0
expect_err "7 added, 0 replaced, 0 unchanged, 0 rejected"
want=$(kinds "$EXAMPLES")
expect_same "record counts" "$(tables a.db)" "$want"
expect_same "schema version" "$(python3 -c "import sqlite3; print(sqlite3.connect('a.db').execute('pragma user_version').fetchone()[0])")" 1
expect_same "WAL mode" "$(python3 -c "import sqlite3; print(sqlite3.connect('a.db').execute('pragma journal_mode').fetchone()[0])")" wal
# every event's source and sentence are rows of their own tables
expect_same "orphan event sources" "$(count a.db events 'source_mention not in (select id from mentions)')" 0
expect_same "events with a sentence" "$(count a.db events 'exists (select 1 from sentences s where s.doc_id = events.doc_id and s.idx = events.sentence)')" "$(count a.db events)"

group "ingest is idempotent"
ingest --db a.db "$EXAMPLES"
expect_rc 0
expect_err "0 added, 0 replaced, 7 unchanged, 0 rejected"
expect_same "record counts after a second ingest" "$(tables a.db)" "$want"

group "a changed document replaces its old records"
cp -r "$EXAMPLES" ex
ingest --db b.db ex
sed -i 's/المغرب/الجزائر/g' ex/04_counter.txt
ingest --db b.db ex
expect_rc 0
expect_err "0 added, 1 replaced, 6 unchanged, 0 rejected"
expect_same "record counts after the change" "$(tables b.db)" "$(kinds ex)"
expect_same "the new text is stored" "$(count b.db documents "text like '%الجزائر يجدد%'")" 1

group "databases that are not isnad's are refused and untouched"
python3 -c "import sqlite3; c = sqlite3.connect('other.db'); c.execute('create table t(x)'); c.commit()"
before=$(sha256sum other.db)
ingest --db other.db "$EXAMPLES"
expect_rc 3
expect_err "not an isnad database"
expect_same "foreign database unchanged" "$(sha256sum other.db)" "$before"
cp a.db newer.db
python3 -c "import sqlite3; c = sqlite3.connect('newer.db'); c.execute('pragma user_version = 99'); c.commit(); c.execute('pragma journal_mode = delete')"
before=$(sha256sum newer.db)
ingest --db newer.db "$EXAMPLES"
expect_rc 3
expect_err "made by a newer isnad (schema 99"
expect_same "newer database unchanged" "$(sha256sum newer.db)" "$before"
printf 'these are not the bytes of a database, just some text that is long enough to be read\n%.0s' 1 2 3 4 5 6 7 8 >junk.db
before=$(sha256sum junk.db)
ingest --db junk.db "$EXAMPLES"
expect_rc 3
expect_err "junk.db"
expect_same "junk file unchanged" "$(sha256sum junk.db)" "$before"

group "a killed ingest loses nothing and duplicates nothing"
# 4,000 documents (the examples again and again, each with an id of its
# own); kill -9 once the first batches are committed, then ingest again
python3 - "$EXAMPLES" big.jsonl <<'PY'
import json, os, sys
texts = [open(os.path.join(sys.argv[1], f), encoding="utf-8").read() for f in sorted(os.listdir(sys.argv[1])) if f.endswith(".txt")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(4000):
        out.write(json.dumps({"id": "d%d" % i, "date": "2020-01-15", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
PY
"$ISNAD" ingest --db k.db big.jsonl >/dev/null 2>&1 &
pid=$!
for _ in $(seq 200); do
    n=$(python3 -c "import sqlite3; print(sqlite3.connect('file:k.db?mode=ro', uri=True).execute('select count(*) from documents').fetchone()[0])" 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 512 ] && break
    sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
killed=$(count k.db documents)
if [ "$killed" -gt 0 ] && [ "$killed" -lt 4000 ]; then ok; else ko "the kill came at $killed documents, not in the middle"; fi
expect_same "whole batches only" "$((killed % 256))" 0
ingest --db k.db big.jsonl
expect_rc 0
expect_err "$((4000 - killed)) added, 0 replaced, $killed unchanged, 0 rejected"
expect_same "record counts after the rerun" "$(tables k.db)" "$(kinds big.jsonl)"
expect_same "no document twice" "$(python3 -c "import sqlite3; print(sqlite3.connect('k.db').execute('select count(distinct doc) from documents').fetchone()[0])")" 4000

group "progress on a terminal only"
if command -v script >/dev/null; then
    script -qec "'$ISNAD' ingest --db progress.db big.jsonl" /dev/null >progress.txt 2>&1
    if grep -q 'documents, [0-9]*/s, [0-9]*%, ETA [0-9]*:[0-9][0-9]' progress.txt; then ok; else
        ko "no progress line with an ETA on a terminal" "$(tr '\r' '\n' <progress.txt | head -3)"
    fi
fi
"$ISNAD" ingest --db progress2.db big.jsonl 2>"$ERR" >/dev/null
expect_same "silent but for the summary when stderr is no terminal" "$(wc -l <"$ERR")" 1

group "query events"
query() { CMD="isnad query events $*"; "$ISNAD" query events "$@" >"$OUT" 2>"$ERR"; RC=$?; }
query --db a.db --format jsonl
expect_rc 0
expect_same "every event, as JSON Lines" "$(python3 -c "import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)['code']))" "$OUT")" "$(count a.db events)"
query --db a.db --format csv --root 02
expect_rc 0
expect_same "root 02, as CSV" "$(python3 -c "import csv,sys; print(sum(1 for r in csv.DictReader(open(sys.argv[1])) if r['code'].startswith('02')))" "$OUT")" "$(count a.db events "root = '02'")"
# an actor by a name as written: its entity's events, as source or target
query --db a.db --format jsonl --actor "أردوغان"
expect_rc 0
expect_same "events of an actor named by one of its names" "$(wc -l <"$OUT")" "$(count a.db events "source_entity = 'tur.erdogan' or target_entity = 'tur.erdogan'")"
if [ "$(wc -l <"$OUT")" -gt 0 ]; then ok; else ko "no event of Erdogan in the examples: the check above proves nothing"; fi
query --db a.db --modality reported
expect_rc 0
expect_err "$(count a.db events "modality = 'reported'") events"
query --db other.db
expect_rc 3
expect_err "not an isnad database"

group "export events as GDELT 2.0"
CMD="isnad export events --db a.db"
"$ISNAD" export events --db a.db >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
expect_same "one line per event" "$(wc -l <"$OUT")" "$(count a.db events)"
expect_same "61 columns on every line" "$(awk -F'\t' '{print NF}' "$OUT" | sort -u)" 61
# QuadClass from the root: 1 (01-05), 2 (06-08), 3 (09-13), 4 (14-20);
# EventRootCode is the code's first two digits; dates are the event's own
bad=$(python3 - "$OUT" <<'PY'
import sys
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    c = line.rstrip("\n").split("\t")
    root = int(c[28])
    quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    bad += bool(c[28] != c[26][:2] or int(c[29]) != quad or (c[1] and not c[1].startswith(c[2])))
print(bad)
PY
)
expect_same "rows whose root, QuadClass or dates disagree" "$bad" 0
CMD="isnad export events --format table"
"$ISNAD" export events --db a.db --format table >"$OUT" 2>"$ERR"
RC=$?
expect_rc 2

group "search"
search() { CMD="isnad search $*"; "$ISNAD" search "$@" >"$OUT" 2>"$ERR"; RC=$?; }
printf 'رسالة إلى أنقرة\n\nوصلت رسالة لحفتر من أنقرة أمس، وردّ عليها أحمد بالشكر.\n' >s1.txt
ingest --db s.db s1.txt
search --db s.db "حفتر"
expect_rc 0
expect_same "a word found behind its clitic, and marked as written" "$(grep -c '«لحفتر»' "$OUT")" 1
search --db s.db "احمد انقره"
expect_same "hamzas folded, all words required" "$(wc -l <"$OUT")" 1
search --db s.db "حفتر موسكو"
expect_same "a word the sentence lacks" "$(wc -l <"$OUT")" 0
printf 'رسالة إلى أنقرة\n\nوصلت رسالة من أنقرة أمس.\n' >s1.txt
ingest --db s.db s1.txt
search --db s.db "حفتر"
expect_same "a replaced document leaves no stale hit" "$(wc -l <"$OUT")" 0
search --db s.db "،،"
expect_rc 2

group "stories"
mkdir st
printf 'حفتر في موسكو\n\nزار خليفة حفتر موسكو في 3 مارس 2019 والتقى مسؤولين روسا.\n' >st/a.txt
printf 'زيارة جديدة\n\nوفي 3 مارس 2019 زار حفتر العاصمة الروسية موسكو.\n' >st/b.txt
printf 'زيارة أخرى\n\nوزار حفتر موسكو في مايو 2020.\n' >st/d.txt
ingest --db st.db st
CMD="isnad query stories --db st.db --root 04 --format jsonl"
"$ISNAD" query stories --db st.db --root 04 --format jsonl >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
story() { python3 -c "
import json, sys
for l in open(sys.argv[1]):
    s = json.loads(l)
    if s['target_name'] == 'موسكو' and s['from'] == sys.argv[2]:
        print(s['reports'], s['documents'], s['outlets'], s['contested'], s['to'])" "$OUT" "$1"; }
expect_same "two articles telling one visit are one story" "$(story 2019-03-03)" "2 2 2 None 2019-03-03"
expect_same "a visit a year later is another" "$(story 2020-05-01)" "1 1 1 None 2020-05-31"
printf 'نفي روسي\n\nونفت وزارة الدفاع الروسية أن يكون حفتر قد زار موسكو في 3 مارس 2019.\n' >st/c.txt
ingest --db st.db st
"$ISNAD" query stories --db st.db --root 04 --format jsonl >"$OUT" 2>"$ERR"
expect_same "a denial makes the story contested" "$(story 2019-03-03)" "3 3 3 denied 2019-03-03"

group "export graph and timeline"
for fmt in graphml json dot; do
    "$ISNAD" export graph --db a.db --format $fmt >"graph.$fmt" 2>"$ERR" || ko "export graph --format $fmt failed"
done
# GraphML and JSON: well-formed, every node once, every edge between nodes,
# one edge per source, target and root, its count the events'
check=$(python3 - a.db <<'PY'
import json, sqlite3, sys, xml.dom.minidom as minidom
db = sqlite3.connect(sys.argv[1])
want = {(r[0], r[1], r[2]): r[3] for r in db.execute(
    "select coalesce(source_entity, source_name), coalesce(target_entity, target_name), root, count(*) "
    "from events where target_name is not null group by 1, 2, 3")}
doc = minidom.parse("graph.graphml")
ns = "http://graphml.graphdrawing.org/xmlns"
def data(el, key):
    return next(d.firstChild.data if d.firstChild else "" for d in el.getElementsByTagNameNS(ns, "data") if d.getAttribute("key") == key)
# a node's id is a name token; the actor as stored is its "actor" data
actor = {n.getAttribute("id"): data(n, "actor") for n in doc.getElementsByTagNameNS(ns, "node")}
nodes = list(actor.values())
edges = {(actor.get(e.getAttribute("source")), actor.get(e.getAttribute("target")), data(e, "root")): int(data(e, "count"))
         for e in doc.getElementsByTagNameNS(ns, "edge")}
g = json.load(open("graph.json"))
jedges = {(e["source"], e["target"], e["root"]): e["count"] for e in g["edges"]}
ok = (len(nodes) == len(set(nodes)) and all(a in nodes and b in nodes for a, b, _ in edges)
      and edges == want and jedges == want and sorted(n["id"] for n in g["nodes"]) == sorted(nodes))
print("ok" if ok and want else "bad")
PY
)
expect_same "GraphML and JSON graph agree with the events" "$check" ok
if [ "$(count a.db events "source_entity is null or target_entity is null")" -gt 0 ]; then ok; else
    ko "no actor without a lexicon id in the examples: the name-token check below proves little"
fi
CMD="xmllint --schema tests/schema/graphml.xsd graph.graphml"
xmllint --noout --schema "$GRAPHML_XSD" graph.graphml >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
# the schema bites: an edge to no node, a node id that is no name token
sed '0,/<edge id="e0" source="[^"]*"/s//<edge id="e0" source="nowhere"/' graph.graphml >bad1.graphml
sed '0,/<node id="[^"]*"/s//<node id="two words"/' graph.graphml >bad2.graphml
for bad in bad1 bad2; do
    if cmp -s graph.graphml $bad.graphml; then ko "$bad: the edit changed nothing"; continue; fi
    if xmllint --noout --schema "$GRAPHML_XSD" $bad.graphml >/dev/null 2>&1; then ko "$bad.graphml validates"; else ok; fi
done
expect_same "DOT: a digraph with one line per edge" "$(grep -c -- ' -> ' graph.dot)" "$(python3 -c "import json; print(len(json.load(open('graph.json'))['edges']))")"
"$ISNAD" export timeline --db a.db --format jsonl >"$OUT" 2>"$ERR"
expect_same "timeline: the dated events, in date order" "$(python3 -c "
import json, sys
d = [json.loads(l)['date'] for l in open(sys.argv[1])]
print(len(d), d == sorted(d), all(x and not x.startswith('X') for x in d))" "$OUT")" "$(count a.db events "date_value is not null and date_value not like 'X%'") True True"

group "options"
ingest --json --db c.db "$EXAMPLES"
expect_rc 2
expect_err "unknown option '--json' for ingest"
finish
