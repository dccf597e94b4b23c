#!/usr/bin/env bash
# End-to-end golden test: the CLI on examples/ must print exactly
# tests/e2e/expected.jsonl (document records) and the summary in
# tests/e2e/expected.txt. After a deliberate change, regenerate with
#   UPDATE=1 bash tests/e2e.sh build/isnad .
# and read the diff before committing it.
# usage: e2e.sh ISNAD_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
cd "$2" || exit 1
pass=0 fail=0
check() { # name, command output file, expected file
    if [ "${UPDATE:-}" = 1 ]; then cp "$2" "$3"; echo "updated $3"; pass=$((pass + 1)); return; fi
    if diff -u "$3" "$2" >/tmp/isnad-e2e-diff.$$; then
        pass=$((pass + 1))
    else
        echo "FAIL $1: output differs from $3:"; head -50 /tmp/isnad-e2e-diff.$$
        fail=$((fail + 1))
    fi
    rm -f /tmp/isnad-e2e-diff.$$
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bin" extract --json examples/ >"$out/json" 2>"$out/err"
rc=$?
[ $rc -eq 0 ] && pass=$((pass + 1)) || { echo "FAIL: exit status $rc (want 0): $(cat "$out/err")"; fail=$((fail + 1)); }
[ ! -s "$out/err" ] && pass=$((pass + 1)) || { echo "FAIL: stderr not empty: $(cat "$out/err")"; fail=$((fail + 1)); }
check "json" "$out/json" tests/e2e/expected.jsonl

# every line is a JSON object whose spans are valid for its text
if python3 - "$out/json" <<'PY'
import json, sys, os
texts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["kind"] == "document":
        assert r["v"] == 1, r
        if r["file"].endswith(".jsonl"):
            texts[r["doc"]] = None
            continue
        raw = open(r["file"], "rb").read()
        texts[r["doc"]] = (raw, r["sentence_spans"])
        assert r["bytes"] == len(raw), (r["doc"], r["bytes"], len(raw))
        for s, e in r["sentence_spans"] + r["removed"]:
            assert 0 <= s < e <= len(raw), (r["doc"], s, e)
            raw[s:e].decode("utf-8")  # spans fall on character boundaries
        assert len(r["sentence_spans"]) == r["sentences"]
    elif r["kind"] in ("mention", "time"):
        assert r["doc"] in texts, ("record before its document", r)
        if r["kind"] == "mention":
            assert r["type"] in ("PER", "ORG", "LOC", "MISC") and r["name"], r
        else:
            assert r["value"] and isinstance(r["anchored"], bool), r
        if texts[r["doc"]] is None:
            continue
        raw, sents = texts[r["doc"]]
        s, e = r["span"]
        assert raw[s:e].decode("utf-8") == r["text"], r
        ss, se = sents[r["sentence"]]
        assert ss <= s < e <= se, ("record outside its sentence", r)
    elif r["kind"] == "event":
        assert r["doc"] in texts, ("record before its document", r)
        assert r["modality"] in ("asserted", "reported", "alleged", "denied", "negated", "planned"), r
        assert r["source"] and r["code"][:2] == r["root"] and r["label"] and r["plover"], r
        assert r["modality"] != "asserted" or not r["attribution"], ("asserted with sources", r)
        assert r["modality"] != "reported" or r["attribution"], ("reported with no source", r)
        if texts[r["doc"]] is None:
            continue
        raw, sents = texts[r["doc"]]
        ss, se = sents[r["sentence"]]
        assert [ss, se] == r["span"] and raw[ss:se].decode("utf-8") == r["evidence"], r
        for part in [r["trigger_span"], r["source"]["span"]] + ([r["target"]["span"]] if r["target"] else []):
            assert ss <= part[0] < part[1] <= se, ("event part outside its sentence", r)
        assert raw[r["trigger_span"][0]:r["trigger_span"][1]].decode("utf-8") == r["trigger"], r
    else:
        raise AssertionError(("unknown kind", r))
PY
then pass=$((pass + 1)); else echo "FAIL: records do not hold to the contract"; fail=$((fail + 1)); fi

"$bin" extract -v examples/ >"$out/txt" 2>&1
check "summary" "$out/txt" tests/e2e/expected.txt

# --no-clean: the same text read as it is, with no dateline taken as the date
printf 'محادثات جديدة في طرابلس\n14/01/2020\nقال الوزير أمس إن المحادثات مستمرة.\n' >"$out/dated.txt"
clean=$("$bin" extract --json "$out/dated.txt" | head -1)
raw=$("$bin" extract --json --no-clean "$out/dated.txt" | head -1)
case "$clean" in *'"date":"2020-01-14"'*) pass=$((pass + 1)) ;; *) echo "FAIL: dateline not read: $clean"; fail=$((fail + 1)) ;; esac
case "$raw" in *'"date":null'*'"removed":[]'*) pass=$((pass + 1)) ;; *) echo "FAIL: --no-clean still cleans: $raw"; fail=$((fail + 1)) ;; esac

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
