#!/usr/bin/env bash
# isnad eval ner on a small CoNLL file written here: tag variants (PERS,
# MIS), stray direction marks, malformed lines and blank lines are read as
# documented, and the figures are conlleval's. Gold: Macron (PER) and Paris
# (LOC), which isnad finds; a company (ORG) it cannot know; "مصر" left O in
# the gold, which isnad calls LOC. So 3 gold chunks, 3 found, 2 correct:
# P = R = F1 = 0.667; PER 1/1/1, LOC 2 found 1 correct, ORG 1 gold 0 found.
TEST_NAME=eval-ner
# shellcheck source=lib/common.sh
. "$(dirname "$0")/lib/common.sh"

printf '%s\n' \
    'قال O' 'الرئيس O' 'الفرنسي O' 'إيمانويل B-PERS' 'ماكرون I-PERS' 'في O' $'باريس\u200f B-LOC' 'إن O' \
    'شركة B-ORG' 'النور I-ORG' 'للتجارة I-ORG' 'ستعمل O' 'في O' 'مصر O' '. O' '' \
    'سطر_بلا_وسم' 'كلمة X-FOO' 'كلمة B-' '' \
    'وصل O' 'الوفد O' 'ظهرا O' '. O' >gold.conll

CMD="isnad eval ner gold.conll"
"$ISNAD" eval ner gold.conll >"$OUT" 2>"$ERR"
RC=$?
GROUP="scores"
expect_rc 0
line() { grep -E "^$1 " "$OUT" | tr -s ' '; }
[ "$(tail -1 "$OUT")" = "overall: P=0.667 R=0.667 F1=0.667" ] && ok || ko "last line: $(tail -1 "$OUT")"
[ "$(line PER)" = "PER 1 1 1 1.000 1.000 1.000" ] && ok || ko "PER: $(line PER)"
[ "$(line LOC)" = "LOC 1 2 1 0.500 1.000 0.667" ] && ok || ko "LOC: $(line LOC)"
[ "$(line ORG)" = "ORG 1 0 0 0.000 0.000 0.000" ] && ok || ko "ORG: $(line ORG)"
grep -q "^19 tokens, 2 sentences, 3 malformed lines skipped" "$OUT" && ok || ko "counts: $(sed -n 2p "$OUT")"

GROUP="errors"
"$ISNAD" eval ner missing.conll >"$OUT" 2>"$ERR"
RC=$?
expect_rc 1
expect_err "missing.conll: cannot read"
"$ISNAD" eval nre gold.conll >"$OUT" 2>"$ERR"
RC=$?
expect_rc 2
finish
