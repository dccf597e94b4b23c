#!/usr/bin/env bash
# The real scraped articles in ../shared/corpus/seeds (not part of the repo,
# read in place; skipped when absent). Checks the structure isnad finds, not
# their text: the transcript's date and clause count, and that the reader
# comments, spam-trap note, ad markers, like widget and view counter are
# removed while no article sentence is.
# usage: seeds.sh ISNAD_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
seeds="$2/../shared/corpus/seeds"
if [ ! -d "$seeds" ]; then echo "seeds: $seeds not found, skipped"; echo "0 passed, 0 failed"; exit 0; fi
out=$(mktemp)
tmp=$(mktemp -d)
trap 'rm -rf "$out" "$tmp"' EXIT
"$bin" extract --json "$seeds" >"$out"
rc=$?
# the store's must-shows: the backers of Haftar, and the announcement of
# 14 February 2014 told by two articles as one story
"$bin" ingest --db "$tmp/seeds.db" "$seeds" 2>/dev/null
"$bin" query events --db "$tmp/seeds.db" --target حفتر --root 051,07 --format jsonl >"$tmp/backers.jsonl" 2>/dev/null
"$bin" query stories --db "$tmp/seeds.db" --from 2014-02-14 --to 2014-02-14 --format jsonl >"$tmp/stories.jsonl" 2>/dev/null
python3 - "$out" "$rc" "$tmp" <<'PY'
import json, sys
allrecs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
recs = [r for r in allrecs if r["kind"] == "document"]
passed = failed = 0
def check(cond, what):
    global passed, failed
    if cond: passed += 1
    else: failed += 1; print("FAIL", what)
check(sys.argv[2] == "0", "exit status 0")
check(len(recs) == 5 and all(r["kind"] == "document" and r["v"] == 1 for r in recs), "5 document records")
by = {r["doc"].rsplit("/", 1)[-1][:3]: r for r in recs}
def kinds(r): return r["removed_kinds"]
def text(r): return open(r["file"], "rb").read()
r = by["000"]
check(r["date"] == "2019-11-19" and r["date_origin"] == "text", "seed 000 dated 2019-11-19 from its dateline")
check(r["sentences"] >= 15, "seed 000 (no punctuation) split into >= 15 units, got %d" % r["sentences"])
spans = r["sentence_spans"]
words = [len(text(r)[s:e].split()) for s, e in spans]
check(max(words) <= 50, "seed 000: no unit over 50 words (max %d)" % max(words))
r = by["001"]
raw = text(r)
check("comments" in kinds(r), "seed 001: comment section removed")
cs, ce = r["removed"][kinds(r).index("comments")]
check(ce >= len(raw.rstrip()), "seed 001: comment section runs to the end")
check(cs <= 4351, "seed 001: the comment section starts at the comment policy paragraph (byte 4351), got %d" % cs)
check(b"spam" in raw[cs:ce], "seed 001: spam-trap note inside the removed comment section")
check(all(e <= cs for s, e in r["sentence_spans"]), "seed 001: no sentence inside the comments")
check(r["sentences"] >= 15, "seed 001: article sentences kept (%d)" % r["sentences"])
r = by["002"]
raw = text(r)
ads = [raw[s:e] for (s, e), k in zip(r["removed"], kinds(r)) if k == "ad"]
check(len(ads) == 2 and all(a.startswith(b"[ads") for a in ads), "seed 002: both [ads2] markers removed")
check(kinds(r)[-1] == "comments" and r["removed"][-1][1] >= len(raw.rstrip()), "seed 002: comment/like tail removed")
r = by["004"]
check(kinds(r)[-1] == "counter", "seed 004: view counter removed")
check("duplicate-title" in kinds(r), "seed 004: repeated headline removed")
# no removed span may hold a long run of prose outside the comment section
for r in recs:
    raw = text(r)
    for (s, e), k in zip(r["removed"], kinds(r)):
        if k != "comments":
            check(len(raw[s:e].split()) <= 15, "%s: %s span is short" % (r["doc"], k))
# entities: the actors and places a reader sees, with the right entity
ments = [r for r in allrecs if r["kind"] == "mention"]
ids = {m["entity"] for m in ments}
for want in ["lby.haftar", "rus.shoigu", "rus.lavrov", "rus.prigozhin", "rus.wagner", "isr.mossad",
             "med.middle-east-eye", "med.jpost", "lby.gna", "lby.tripoli", "mar.skhirat",
             "lby.benghazi", "lby.tobruk", "med.anadolu", "rus", "egy", "are", "isr", "usa.cia"]:
    check(want in ids, "entity %s found in the seeds" % want)
haftar = [m for m in ments if m["entity"] == "lby.haftar"]
forms = {m["rule"] for m in haftar}
check(len(haftar) >= 40, "Haftar named at least 40 times (%d)" % len(haftar))
check("coref" in forms, "Haftar also through descriptions (المشير، اللواء المتقاعد)")
clitic = [m for m in haftar if m["text"] != m["text"].lstrip("لوب") or m["text"].startswith("ل")]
check(len(clitic) >= 3, "Haftar with glued clitics (لحفتر، وحفتر)")
forces = [m for m in ments if m["rule"] == "forces" and m["entity"] == "lby.lna"]
check(len(forces) >= 2, "Haftar's forces/militias resolve to the LNA")
kin = [m for m in ments if m["rule"] == "kinship"]
check(kin and all(m["entity"] is None for m in kin), "a son of Haftar is another person")
check(all(m["entity"] != "lby.haftar" for m in kin), "kinship never resolves to Haftar himself")
usamil = [m for m in ments if m["code"] == "USAMIL"]
check(len(usamil) >= 1, "the US military as USAMIL")
isrmed = [m for m in ments if m["type"] == "PER" and m["code"] == "ISRMED" and not m["nominal"]]
check(len(isrmed) >= 1, "the Israeli journalist named by pattern, coded ISRMED")
# dates: the three month systems, pairs and a mismatched pair, numeric
# dates, ranges, decades, parts; every one of these is read in the seeds
times = [r for r in allrecs if r["kind"] == "time"]
def seed_of(r): return r["doc"].rsplit("/", 1)[-1][:3]
tv = {(seed_of(t), t["value"]) for t in times}
for seed, value in [("000", "2019-11-19"), ("000", "1987-03"), ("000", "1989-01"), ("000", "2011"),
                    ("001", "2018-04-02"), ("001", "2015-06"), ("001", "2016-12"), ("001", "1993-10"),
                    ("001", "2011-02-17"), ("001", "2014-02-14"), ("002", "2014-02-14"), ("002", "2014-05-27"),
                    ("002", "2014-08"), ("002", "2014-11-06"), ("002", "2015-12-17"), ("003", "197X"),
                    ("003", "199X"), ("003", "2015"), ("003", "1977/1978"), ("003", "XXXX-04-04"),
                    ("004", "2017/2019"), ("004", "2019-06-10"), ("004", "2019-08/2019-09"), ("004", "2011-11"),
                    # relative expressions in undated articles stay underspecified
                    ("002", "XXXX-WXX"), ("003", "XXXX-WXX-3")]:
    check((seed, value) in tv, "seed %s: a time with value %s" % (seed, value))
check(any(t.get("mod") == "END" and t["value"] == "2015" for t in times), "أواخر 2015 -> 2015, mod END")
check(any(t.get("note") and t["value"] == "2020-07" for t in times), "the mismatched pair is kept and noted")
check(all(t["anchored"] is False for t in times if t["value"].startswith("X")), "X values are never anchored")
check(not any(seed_of(t) != "000" and t["anchored"] for t in times), "only the dated seed anchors anything")
# events the issue names: who, what (CAMEO root), whom, when, by whose account
events = [r for r in allrecs if r["kind"] == "event"]
def ent(x): return x["entity"] if x else None
def chain(e): return [a["entity"] for a in e["attribution"]]
backers = {ent(e["source"]) for e in events if seed_of(e) == "001" and ent(e["target"]) == "lby.haftar"}
check({"egy", "rus", "are"} <= backers, "Egypt, Russia and the UAE each back Haftar (%s)" % sorted(b for b in backers if b))
check(any(seed_of(e) == "004" and ent(e["source"]) == "are" and ent(e["target"]) == "lby.haftar" and e["root"] == "07"
          for e in events), "the UAE supplies 'the retired general', resolved to Haftar")
meet = [e for e in events if seed_of(e) == "002" and ent(e["source"]) == "lby.haftar" and ent(e["target"]) == "rus.shoigu"]
check(any(e["root"] == "04" and ent(e["location"]) == "rus.moscow" and len(e["attribution"]) == 2 for e in meet),
      "Haftar meets Shoigu in Moscow, by the ambassador's account via the news agency")
check(any(seed_of(e) == "003" and e["root"] == "19" and ent(e["target"]) == "lby.tripoli" and e["date"]
          and e["date"]["value"] == "XXXX-04-04" for e in events), "the Tripoli offensive of 4 April")
check(any(seed_of(e) == "004" and e["root"] == "07" and ent(e["target"]) == "lby.haftar" and e["date"]
          and e["date"]["value"] == "2019-08/2019-09" and chain(e) == ["med.anadolu", "med.jpost"] for e in events),
      "Israeli officers train Haftar's militias in August-September 2019, [Anadolu, Jerusalem Post]")
check(any(seed_of(e) == "003" and ent(e["source"]) == "rus.prigozhin" and e["modality"] == "alleged" for e in events),
      "what is rumoured of Prigozhin is alleged")
check(any(seed_of(e) == "002" and e["modality"] == "denied" and ent(e["source"]) == "lby.haftar"
          and e["attribution"] for e in events), "the army's denial of what Haftar announced is denied")
check(all(e["source"] for e in events), "every event has a source")
# the database: who backs Haftar, with outlets and modality; the story
backers = [json.loads(l) for l in open(sys.argv[3] + "/backers.jsonl", encoding="utf-8")]
names = {b["source"] for b in backers}
check({"مصر", "روسيا", "الإمارات", "إسرائيل"} <= names, "query: the backers of Haftar (%s)" % sorted(names))
check(all(b["modality"] and "outlet" in b and b["doc"] for b in backers), "query: each backer with its document, outlet and modality")
check(any(b["source"] == "الإمارات" and b["code"].startswith("07") and b["modality"] == "reported" for b in backers),
      "query: the UAE's aid, as reported")
stories = [json.loads(l) for l in open(sys.argv[3] + "/stories.jsonl", encoding="utf-8")]
feb14 = [s for s in stories if s["source"] == "lby.haftar" and s["from"] == "2014-02-14" and s["to"] == "2014-02-14"]
check(len(feb14) == 1 and feb14[0]["reports"] == 2 and feb14[0]["documents"] == 2,
      "stories: Haftar's announcement of 14 February 2014, two reports in two articles (%s)" % feb14)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
