#!/usr/bin/env bash
# The corpus database on a full disk and on read-only media, for real: a
# small tmpfs that fills up, and one remounted read-only (as root, chmod
# stops no write, so only a mount shows what a researcher's full or
# read-only disk does). A full disk fails the batch under way, keeps every
# batch before it, and a second run with room finishes the job; read-only
# media refuse ingest before anything is written and still answer queries.
#
# The mounts live in a private mount namespace that ends with the test:
# root's (unshare -m) or a user namespace's (unshare -rm). Where neither can
# be had the test says so and checks nothing.
# usage: store_media.sh ISNAD_BINARY SOURCE_DIR
if [ -z "${ISNAD_MOUNT_NS:-}" ]; then
    export ISNAD_MOUNT_NS=1
    if unshare -m --propagation private true 2>/dev/null; then
        exec unshare -m --propagation private bash "$0" "$@"
    elif unshare -rm --propagation private true 2>/dev/null; then
        exec unshare -rm --propagation private bash "$0" "$@"
    fi
    echo "store_media: no mount namespace can be made here (needs root or user namespaces): skipped"
    echo "0 passed, 0 failed"
    exit 0
fi
TEST_NAME=store_media
EXAMPLES=$(cd "${2:-.}/examples" && pwd) # before common.sh moves to its scratch folder
. "$(dirname "$0")/lib/common.sh"

ingest() { CMD="isnad ingest $*"; "$ISNAD" ingest "$@" >"$OUT" 2>"$ERR"; RC=$?; }
sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$@"; }
expect_same() { if [ "$2" = "$3" ]; then ok; else ko "$1: got '$2', expected '$3'"; fi; }
# record counts of extract --json, and of a database, as "document=N mention=N time=N event=N"
kinds() { "$ISNAD" extract --json "$@" | python3 -c "
import json, sys, collections
c = collections.Counter(json.loads(l)['kind'] for l in sys.stdin)
print(' '.join('%s=%d' % (k, c[k]) for k in ('document', 'mention', 'time', 'event')))"; }
tables() { echo "document=$(sql "$1" 'select count(*) from documents') mention=$(sql "$1" 'select count(*) from mentions') time=$(sql "$1" 'select count(*) from times') event=$(sql "$1" 'select count(*) from events')"; }

# 3000 articles made of the examples, each with a line of its own
python3 - "$EXAMPLES" big.jsonl <<'PY'
import json, os, sys
texts = [open(os.path.join(sys.argv[1], f), encoding="utf-8").read()
         for f in sorted(os.listdir(sys.argv[1])) if f.endswith(".txt")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(3000):
        out.write(json.dumps({"id": "m%d" % i, "text": texts[i % len(texts)] + "\nالرقم %d.\n" % i}, ensure_ascii=False) + "\n")
PY

group "a full disk"
mkdir full
if ! mount -t tmpfs -o size=16m tmpfs full; then
    echo "store_media: a tmpfs cannot be mounted here (no mount, or no right to): skipped"
    echo "0 passed, 0 failed"
    exit 0
fi
ingest --db full/a.db "$EXAMPLES"
expect_rc 0
first=$(sql full/a.db "select group_concat(doc || ':' || hash) from (select doc, hash from documents order by doc)")
ingest --db full/a.db big.jsonl
expect_rc 3
expect_err "database or disk is full"
expect_err "was rolled back"
expect_same "the database is whole" "$(sql full/a.db 'pragma integrity_check')" ok
stored=$(sql full/a.db 'select count(*) from documents')
expect_same "whole batches of 256 only" "$(( (stored - 7) % 256 ))" 0
if [ "$stored" -gt 7 ]; then ok; else ko "no batch was stored before the disk filled: the check above proves little"; fi
expect_same "the summary counts what was stored" "$(grep -o '[0-9]* added' "$ERR")" "$((stored - 7)) added"
expect_same "what was there before is kept" "$(sql full/a.db "select group_concat(doc || ':' || hash) from (select doc, hash from documents where doc not like 'm%' order by doc)")" "$first"
mount -o remount,size=200m full
ingest --db full/a.db big.jsonl
expect_rc 0
expect_err "$((3000 - stored + 7)) added, 0 replaced, $((stored - 7)) unchanged"
ingest --db full/a.db "$EXAMPLES" big.jsonl
expect_err "0 added, 0 replaced, 3007 unchanged"
expect_same "with room again, the records extract finds" "$(tables full/a.db)" "$(kinds "$EXAMPLES" big.jsonl)"
umount full

group "read-only media"
mkdir ro
mount -t tmpfs -o size=20m tmpfs ro
ingest --db ro/a.db "$EXAMPLES"
expect_rc 0
cp ro/a.db ref.db
"$ISNAD" query events --db ref.db --format jsonl >events.before 2>/dev/null
mount -o remount,ro ro
before=$(sha256sum ro/a.db)
cp -r "$EXAMPLES" ex
sed -i 's/المغرب/الجزائر/g' ex/04_counter.txt
ingest --db ro/a.db ex
expect_rc 3
expect_err "cannot write the database: Read-only file system; nothing was written"
expect_same "the database after a refused ingest" "$(sha256sum ro/a.db)" "$before"
expect_same "files on the medium" "$(ls ro)" "a.db"
ingest --db ro/new.db ex
expect_rc 3
expect_err "cannot create the database"
CMD="isnad query events --db ro/a.db (read-only)"
"$ISNAD" query events --db ro/a.db --format jsonl >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
if [ -s "$OUT" ] && cmp -s "$OUT" events.before; then ok; else ko "query on read-only media differs from before"; fi
for cmd in "search --db ro/a.db حفتر" "query stories --db ro/a.db" "export graph --db ro/a.db"; do
    CMD="isnad $cmd"
    # shellcheck disable=SC2086
    "$ISNAD" $cmd >"$OUT" 2>"$ERR"
    RC=$?
    expect_rc 0
done
expect_same "the database after the queries" "$(sha256sum ro/a.db)" "$before"
umount ro

group "queries never create a database"
CMD="isnad query events --db missing.db"
"$ISNAD" query events --db missing.db >"$OUT" 2>"$ERR"
RC=$?
expect_rc 3
expect_err "no such database"
if [ -e missing.db ]; then ko "query created missing.db"; else ok; fi

finish
