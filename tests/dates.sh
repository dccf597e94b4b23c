#!/usr/bin/env bash
# The dates benchmark's gold sentences as a regression test: isnad alone
# must keep normalising at least 95% of bench/dates/sentences.tsv and of
# bench/dates/heldout.tsv right
# (docs/evaluation.md gives the figures; bench/dates/run the scoring).
# usage: dates.sh ISNAD_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
cd "$2" || exit 1
python3 bench/dates/run --isnad "$bin" --isnad-only --min-correct 0.95 &&
    python3 bench/dates/run --isnad "$bin" --isnad-only --min-correct 0.95 --gold bench/dates/heldout.tsv
