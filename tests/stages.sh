#!/usr/bin/env bash
# --until STAGE: the pipeline stops after the stage named, and the records
# of the stages after it are empty (make bench times each stage this way).
# usage: stages.sh ISNAD_BINARY SOURCE_DIR
TEST_NAME=stages
EXAMPLES=$(cd "${2:-.}/examples" && pwd)
. "$(dirname "$0")/lib/common.sh"

kinds() { python3 -c "
import json, sys, collections
docs = [json.loads(l) for l in sys.stdin]
c = collections.Counter(d['kind'] for d in docs)
sent = sum(d['sentences'] for d in docs if d['kind'] == 'document')
rem = sum(len(d['removed']) for d in docs if d['kind'] == 'document')
print('document=%d sentences=%s removed=%s mention=%d time=%d event=%d' % (c['document'], sent > 0, rem > 0, c['mention'], c['time'], c['event']))"; }

group "each stage adds its records"
"$ISNAD" extract --json "$EXAMPLES" | kinds >all.txt
read -r d s r m t e <all.txt
for stage in read clean text entities time events; do
    CMD="isnad extract --json --until $stage"
    "$ISNAD" extract --json --until $stage "$EXAMPLES" 2>"$ERR" | kinds >"$stage.txt"
    got=$(cat "$stage.txt")
    case $stage in
    read) want="$d sentences=False removed=False mention=0 time=0 event=0" ;;
    clean) want="$d sentences=False $r mention=0 time=0 event=0" ;;
    text) want="$d $s $r mention=0 time=0 event=0" ;;
    entities) want="$d $s $r $m time=0 event=0" ;;
    time) want="$d $s $r $m $t event=0" ;;
    events) want="$d $s $r $m $t $e" ;;
    esac
    if [ "$got" = "$want" ]; then ok; else ko "--until $stage: got '$got', expected '$want'"; fi
done
if [ "$e" != "event=0" ] && [ "$m" != "mention=0" ] && [ "$t" != "time=0" ]; then ok; else ko "the examples give no events, mentions or times: the checks above prove little"; fi

group "a stage that does not exist"
CMD="isnad extract --until parse"
"$ISNAD" extract --until parse "$EXAMPLES" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 2
expect_err "--until takes read, clean, text, entities, time or events"
finish
