#!/usr/bin/env bash
# big_input.sh -- isnad extract at size: robustness, not speed.
#
#   bash tests/big_input.sh /path/to/isnad /path/to/source-dir
#
# 1. ~12 MB of Arabic words on one line, with no punctuation at all and the
#    discourse marker "كما" every ~40 words (a machine transcript at its
#    worst): one document, every byte counted, cut into clauses, and the
#    sentence spans well formed (in the text, increasing, not overlapping,
#    on character boundaries).
# 2. ~12 MB that is one single "word": one document, one sentence.
#
# No time is asserted (ctest has a timeout; under ASan isnad is ~3x slower),
# and inputs stay at or under 12 MB for that reason.
set -u

TEST_NAME=big-input
# shellcheck source=lib/common.sh
. "$(dirname "$0")/lib/common.sh"

# check_record LABEL SIZE WORDS CODE : runs python CODE with the single stdout
# record as `r` (and the file size as `size`, the word count as `words`);
# the code prints "ok" or what is wrong.
check_record() {
    local label=$1 size=$2 words=$3 code=$4 got
    got=$(python3 -c '
import json, sys
path, size, words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = [l for l in open(path, encoding="utf-8").read().splitlines() if "\"kind\":\"document\"" in l]
if len(lines) != 1:
    print("expected exactly 1 document record on stdout, got %d" % len(lines)); sys.exit()
try:
    r = json.loads(lines[0])
except ValueError as e:
    print("stdout is not JSON: %s" % e); sys.exit()
exec(sys.argv[4])
' "$OUT" "$size" "$words" "$code" 2>&1)
    if [ "$got" = ok ]; then ok; else ko "$label: $got"; fi
}

SPANS_OK='
spans = r.get("sentence_spans")
bad = None
if not isinstance(spans, list): bad = "sentence_spans is not a list"
else:
    prev_end = 0
    for i, s in enumerate(spans):
        if not (isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s)):
            bad = "span %d is not [start,end]: %r" % (i, s); break
        a, b = s
        if not (0 <= a < b <= size):
            bad = "span %d = [%d,%d] not with start < end inside [0,%d)" % (i, a, b, size); break
        if a < prev_end:
            bad = "span %d = [%d,%d] starts before the end %d of span %d (overlap or out of order)" % (i, a, b, prev_end, i - 1); break
        prev_end = b
    if bad is None:
        raw = open(r["file"], "rb").read()
        for i, (a, b) in enumerate(spans):
            try:
                raw[a:b].decode("utf-8")
            except UnicodeDecodeError:
                bad = "span %d = [%d,%d] does not fall on character boundaries" % (i, a, b); break
    if bad is None and len(spans) != r.get("sentences"):
        bad = "%d spans but \"sentences\" is %r" % (len(spans), r.get("sentences"))
print(bad or "ok")
'

# ---------------------------------------------------------------------------
group "12 MB transcript with no punctuation"
CMD="python3 (generate transcript.txt)"
words=$(python3 -c '
import random
rng = random.Random(20200114)
vocab = ("الحكومة الليبية المجلس الرئاسي طرابلس بنغازي الجيش الوطني قوات الوفاق "
         "المدينة الشرق الغرب الجنوب المؤتمر الدولي الأمم المتحدة المبعوث الخاص "
         "الاتفاق السياسي الانتخابات النفط الموانئ اجتماع رئيس وزير الخارجية").split()
out, size, since, gap = [], 0, 0, rng.randint(35, 45)
while size < 11_900_000:
    if since >= gap:
        w, since, gap = "كما", 0, rng.randint(35, 45)
    else:
        w, since = rng.choice(vocab), since + 1
    out.append(w)
    size += len(w.encode("utf-8")) + 1
text = " ".join(out)  # no newline, no punctuation
assert "\n" not in text
with open("transcript.txt", "w", encoding="utf-8") as f:
    f.write(text)
print(len(out))
')
size=$(wc -c <transcript.txt | tr -d ' ')
if [ -n "$words" ] && [ "$size" -gt 11000000 ] && [ "$size" -le 12000000 ]; then ok; else
    ko "could not generate the input (words=$words size=$size)"
fi
run --json --stats transcript.txt
expect_rc 0
expect_err "isnad: 1 documents, 0 rejected"
check_record "record" "$size" "$words" '
print("ok" if r.get("kind") == "document" and r.get("doc") == "transcript.txt" else "not the document record of transcript.txt: kind=%r doc=%r" % (r.get("kind"), r.get("doc")))'
check_record "bytes" "$size" "$words" '
print("ok" if r.get("bytes") == size else "\"bytes\" is %r, the file has %d" % (r.get("bytes"), size))'
check_record "sentences" "$size" "$words" '
n = r.get("sentences")
print("ok" if isinstance(n, int) and n >= words // 50 else "\"sentences\" is %r, expected >= %d (%d words / 50)" % (n, words // 50, words))'
check_record "sentence_spans" "$size" "$words" "$SPANS_OK"

# ---------------------------------------------------------------------------
group "12 MB single word"
CMD="python3 (generate word.txt)"
python3 -c "print('ب' * 6000000, end='')" >word.txt
size=$(wc -c <word.txt | tr -d ' ')
if [ "$size" = 12000000 ]; then ok; else ko "could not generate the input (size=$size)"; fi
run --json --stats word.txt
expect_rc 0
expect_err "isnad: 1 documents, 0 rejected"
check_record "bytes" "$size" 1 '
print("ok" if r.get("bytes") == size else "\"bytes\" is %r, the file has %d" % (r.get("bytes"), size))'
check_record "sentences" "$size" 1 '
print("ok" if r.get("sentences") == 1 else "\"sentences\" is %r, expected 1" % (r.get("sentences"),))'
check_record "sentence_spans" "$size" 1 '
s = r.get("sentence_spans")
print("ok" if s == [[0, size]] else "sentence_spans is %.200r, expected [[0, %d]]" % (s, size))'

finish
