#!/usr/bin/env bash
# bad_input.sh -- isnad extract on bad input: every kind of rejected input is
# named on stderr (file, JSONL line, byte offset), the run carries on with the
# other inputs, and the exit status says what happened (0 fine, 1 some input
# rejected, 2 usage error).
#
#   bash tests/bad_input.sh /path/to/isnad /path/to/source-dir
#
# Each check group runs a bad input next to a good one and checks the exit
# status, the exact error line(s) and the documents printed, in order.
set -u

TEST_NAME=bad-input
# shellcheck source=lib/common.sh
. "$(dirname "$0")/lib/common.sh"

# stderr has exactly N lines (one per rejected input)
expect_err_lines() {
    local n
    n=$(wc -l <"$ERR")
    n=$((n + 0))
    if [ "$n" = "$1" ]; then ok; else
        ko "stderr has $n lines, expected $1" "stderr:"
        show_file "$ERR"
    fi
}

expect_no_stdout() {
    if [ ! -s "$OUT" ]; then ok; else
        ko "stdout should be empty" "stdout:"
        show_file "$OUT"
    fi
}

# Prints the "doc" of every stdout record, one a line; a line that is not a
# JSON document record shows as <...>.
docs_of() {
    python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    for i, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except ValueError as e:
            print("<stdout line %d is not JSON: %s>" % (i, e)); continue
        if not isinstance(r, dict) or r.get("kind") != "document":
            print("<stdout line %d is not a document record>" % i); continue
        print(r.get("doc"))
' "$OUT"
}

# the documents printed, exactly and in this order
expect_docs() {
    local got want
    got=$(docs_of)
    if [ $# -eq 0 ]; then want=""; else want=$(printf '%s\n' "$@"); fi
    if [ "$got" = "$want" ]; then ok; else
        ko "documents printed differ" "expected: $(printf '%s ' "$@")" "got:      $(echo "$got" | tr '\n' ' ')"
    fi
}

# expect_field N KEY JSON : record N (1-based) of stdout has KEY equal to the
# JSON value given (compared as parsed JSON).
expect_field() {
    local got
    got=$(python3 -c '
import json, sys
n, key, want = int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
if len(lines) < n: print("no record %d (%d records)" % (n, len(lines))); sys.exit()
try: r = json.loads(lines[n - 1])
except ValueError as e: print("record %d is not JSON: %s" % (n, e)); sys.exit()
if key not in r: print("record %d has no %r" % (n, key)); sys.exit()
print("ok" if r[key] == want and type(r[key]) == type(want) else "record %d: %s = %s" % (n, key, json.dumps(r[key], ensure_ascii=False)))
' "$OUT" "$1" "$2" "$3")
    if [ "$got" = ok ]; then ok; else
        ko "expected record $1 \"$2\" = $3" "$got"
    fi
}

# expect_err_at FILE LINE LO HI MSG : stderr has a line
#   isnad: FILE[:LINE]: byte N: ...MSG...
# with LO <= N <= HI (LINE empty: no line part).
expect_err_at() {
    local file=$1 line=$2 lo=$3 hi=$4 msg=$5 got
    got=$(python3 -c '
import re, sys
file, line, lo, hi, msg = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
prefix = "isnad: " + file + (":" + line if line else "") + ": byte "
found = []
for l in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines():
    if not l.startswith(prefix): continue
    m = re.match(r"(\d+): (.*)$", l[len(prefix):])
    if not m: continue
    found.append(l)
    if lo <= int(m.group(1)) <= hi and msg in m.group(2):
        print("ok"); sys.exit()
print("no line \"%s<N>: ...%s...\" with %d <= N <= %d; lines for it: %s" % (prefix, msg, lo, hi, found or "none"))
' "$ERR" "$file" "$line" "$lo" "$hi" "$msg")
    if [ "$got" = ok ]; then ok; else
        ko "$got" "stderr:"
        show_file "$ERR"
    fi
}

nbytes() { wc -c <"$1" | tr -d ' '; }

# line_span FILE N : "START END" of line N (1-based) in FILE, as absolute byte
# offsets; END is the offset of its newline (or of the end of the file).
line_span() {
    python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
n = int(sys.argv[2]); start = 0
for _ in range(n - 1): start = data.index(b"\n", start) + 1
end = data.find(b"\n", start)
print(start, end if end >= 0 else len(data))
' "$1" "$2"
}

# A good document to run next to every bad one.
printf 'هذه جملة سليمة. وهذه جملة ثانية.\n' >good.txt

# ---------------------------------------------------------------------------
group "invalid UTF-8 in a text file"
printf 'نص سليم\n\xff\xfe باقي' >bad_utf8.txt
off=$(printf 'نص سليم\n' | wc -c | tr -d ' ')  # offset of the 0xFF byte
run --json bad_utf8.txt good.txt
expect_rc 1
expect_err "isnad: bad_utf8.txt: byte $off: invalid UTF-8"
expect_err_lines 1
expect_docs good.txt
# the bad byte far in, past the eight-bytes-at-a-time ASCII path
{ printf 'abcdefghijklmnopqrstuvwxyz 0123456789 '; printf 'نص\xc3\x28 x'; } >bad_utf8_late.txt
off=$(( $(printf 'abcdefghijklmnopqrstuvwxyz 0123456789 نص' | wc -c) ))
run --json good.txt bad_utf8_late.txt
expect_rc 1
expect_err "isnad: bad_utf8_late.txt: byte $off: invalid UTF-8"
expect_docs good.txt
# a truncated sequence at the very end of the file
printf 'كلمة \xd8' >bad_utf8_end.txt
off=$(printf 'كلمة ' | wc -c | tr -d ' ')
run --json bad_utf8_end.txt good.txt
expect_rc 1
expect_err "isnad: bad_utf8_end.txt: byte $off: invalid UTF-8"
expect_docs good.txt

# ---------------------------------------------------------------------------
group "NUL byte in a text file"
printf 'نص قبل\0بعد.' >nul.txt
off=$(printf 'نص قبل' | wc -c | tr -d ' ')
run --json good.txt nul.txt
expect_rc 1
expect_err "isnad: nul.txt: byte $off: NUL"
expect_err_lines 1
expect_docs good.txt

# ---------------------------------------------------------------------------
group "path that does not exist"
run --json does-not-exist.txt good.txt
expect_rc 1
expect_err "isnad: does-not-exist.txt: cannot read"
expect_err_lines 1
expect_docs good.txt

group "dangling symlink inside a directory"
mkdir -p linkdir
cp good.txt linkdir/a.txt
cp good.txt linkdir/c.txt
ln -s "$T/in/nowhere.txt" linkdir/b_dangling.txt
run --json linkdir
expect_rc 1
expect_err "isnad: linkdir/b_dangling.txt: cannot read"
expect_err_lines 1
expect_docs linkdir/a.txt linkdir/c.txt

# ---------------------------------------------------------------------------
group "JSONL: malformed JSON on line 2"
printf '%s\n' '{"id":"a","text":"الجملة الأولى."}' '{"id":"b","text": "x"' '{"id":"c","text":"الجملة الثالثة."}' >malformed.jsonl
read -r s e < <(line_span malformed.jsonl 2)
run --json malformed.jsonl good.txt
expect_rc 1
expect_err "isnad: malformed.jsonl:2: byte "
expect_err_at malformed.jsonl 2 "$s" "$e" "malformed JSON"
expect_err_lines 1
expect_docs a c good.txt
expect_field 1 file '"malformed.jsonl"'
expect_field 2 line 3

# ---------------------------------------------------------------------------
group "JSONL: records isnad must reject"
{
    printf '%s\n' '{"id":"ok1","text":"خبر أول."}'             # 1 good
    printf '%s\n' '{"id":"notext","title":"بلا نص"}'           # 2 no "text"
    printf '%s\n' '{"id":"numtext","text":42}'                 # 3 "text" not a string
    printf '%s\n' '["an","array"]'                             # 4 not an object
    printf '{"id":"badutf8","text":"كلمة \xff"}\n'             # 5 invalid UTF-8 in a string
    printf '%s\n' '{"id":"nul","text":"قبل\u0000بعد"}'         # 6 \u0000 in the text
    printf '%s\n' '{"id":"ok2","text":"خبر ثان.","lang":"ar"}' # 7 good, with meta
    printf '%s\n' '"just a string"'                            # 8 not an object
    printf '%s\n' '{"id":"ok3","text":"خبر ثالث."}'            # 9 good
} >reject.jsonl
run --json reject.jsonl good.txt
expect_rc 1
expect_err_lines 6
read -r s e < <(line_span reject.jsonl 2)
expect_err_at reject.jsonl 2 "$s" "$e" 'no "text" string field'
read -r s e < <(line_span reject.jsonl 3)
expect_err_at reject.jsonl 3 "$s" "$e" 'no "text" string field'
read -r s e < <(line_span reject.jsonl 4)
expect_err_at reject.jsonl 4 "$s" "$e" "must be an object"
# the invalid byte: exact absolute offset in the file
off=$(python3 -c 'import sys; print(open(sys.argv[1],"rb").read().index(b"\xff"))' reject.jsonl)
expect_err_at reject.jsonl 5 "$off" "$off" "invalid UTF-8"
read -r s e < <(line_span reject.jsonl 6)
expect_err_at reject.jsonl 6 "$s" "$e" "NUL"
# (a bare string is not even a JSON Lines record: any JSON message will do)
read -r s e < <(line_span reject.jsonl 8)
expect_err_at reject.jsonl 8 "$s" "$e" "JSON"
expect_docs ok1 ok2 ok3 good.txt
expect_field 2 line 7
expect_field 2 meta '{"lang":"ar"}'

# ---------------------------------------------------------------------------
group "JSONL: blank lines are skipped"
printf '%s\n' '{"id":"x1","text":"أ ب ج."}' '' '   ' '{"id":"x2","text":"د ه و."}' '' >blank.jsonl
printf '\t\r\n{"id":"x3","text":"ز ح."}\r\n' >>blank.jsonl
run --json blank.jsonl
expect_rc 0
expect_err_lines 0
expect_docs x1 x2 x3
expect_field 2 line 4
expect_field 3 line 7
# line numbers and offsets after blank lines are still those of the file
printf '%s\n' '' '{"id":"y1","text":"أ."}' '' '' '{"id":"y5"' '' '{"id":"y7","text":"ب."}' >blank_bad.jsonl
read -r s e < <(line_span blank_bad.jsonl 5)
run --json blank_bad.jsonl
expect_rc 1
expect_err_at blank_bad.jsonl 5 "$s" "$e" "malformed JSON"
expect_err_lines 1
expect_docs y1 y7

# ---------------------------------------------------------------------------
group "HTML and .json input"
printf '<html><body><p>نص.</p></body></html>\n' >page.html
printf '<p>نص.</p>\n' >page.htm
run --json page.html good.txt page.htm
expect_rc 1
expect_err "isnad: page.html: HTML input is not supported yet"
expect_err "isnad: page.htm: HTML input is not supported yet"
expect_err_lines 2
expect_docs good.txt
printf '[{"id":"j","text":"نص."}]\n' >array.json
run --json array.json good.txt
expect_rc 1
expect_err "isnad: array.json: a .json file is not read"
expect_err_lines 1
expect_docs good.txt

# ---------------------------------------------------------------------------
group "empty text file"
: >empty.txt
run --json empty.txt good.txt
expect_rc 0
expect_err_lines 0
expect_docs empty.txt good.txt
expect_field 1 bytes 0
expect_field 1 sentences 0
expect_field 1 sentence_spans '[]'

# ---------------------------------------------------------------------------
group "usage errors"
run --json
expect_rc 2
expect_no_stdout
expect_err "needs at least one PATH"
run --json --doc-date 2019-13-45 good.txt
expect_rc 2
expect_no_stdout
expect_err "2019-13-45"
run --json --format xml good.txt
expect_rc 2
expect_no_stdout
expect_err "xml"
run --json --nope good.txt
expect_rc 2
expect_no_stdout
expect_err "nope"

# ---------------------------------------------------------------------------
group "standard input"
CMD="printf 'جملة أولى. جملة ثانية.' | isnad extract --json -"
printf 'جملة أولى. جملة ثانية.' | "$ISNAD" extract --json - >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
expect_docs -
expect_field 1 sentences 2
expect_field 1 bytes "$(printf 'جملة أولى. جملة ثانية.' | wc -c | tr -d ' ')"
CMD="printf JSONL | isnad extract --json -"
printf '%s\n' '{"id":"s1","text":"أول."}' '{"id":"s2","text":"ثان."}' '{"id":"s3","text":"ثالث."}' |
    "$ISNAD" extract --json - >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0
expect_docs s1 s2 s3
CMD="printf JSONL with a bad line 2 | isnad extract --json - good.txt"
printf '%s\n' '{"id":"t1","text":"أول."}' '{"id":"t2","text":' '{"id":"t3","text":"ثالث."}' >stdin_bad.jsonl
read -r s e < <(line_span stdin_bad.jsonl 2)
"$ISNAD" extract --json - good.txt <stdin_bad.jsonl >"$OUT" 2>"$ERR"
RC=$?
expect_rc 1
expect_err_at - 2 "$s" "$e" "malformed JSON"
expect_docs t1 t3 good.txt

# ---------------------------------------------------------------------------
group "--doc-date"
printf 'خبر بلا تاريخ.\n' >nodate.txt
printf '%s\n' '{"id":"dated","date":"2019-04-06","text":"خبر له تاريخ."}' >dated.jsonl
run --json --doc-date 2020-01-02 nodate.txt dated.jsonl
expect_rc 0
expect_docs nodate.txt dated
expect_field 1 date '"2020-01-02"'
expect_field 1 date_origin '"default"'
expect_field 2 date '"2019-04-06"'
expect_field 2 date_origin '"metadata"'

# ---------------------------------------------------------------------------
group "directory walk"
mkdir -p walk/sub
printf 'ب.\n' >walk/b.txt
printf 'أ.\n' >walk/a.txt
printf 'ج.\n' >walk/sub/c.txt
printf 'مخفي.\n' >walk/.hidden.txt
run --json walk
expect_rc 0
expect_err_lines 0
expect_docs walk/a.txt walk/b.txt walk/sub/c.txt

finish
