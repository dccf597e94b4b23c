/*
 * timelex.c -- loading the words of the time stage from data/time/.
 *
 * months.txt holds month and weekday names ([gregorian], [hijri],
 * [weekdays]); expressions.txt the other words, one section per role
 * (docs/time.md lists them). Each section becomes one phrase set, so the
 * scanner asks "is this a past word?" with one hash probe. A bad line is a
 * warning with its file and line, and the rest loads.
 */
#include "timex.h"
#include "../core/error.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *on_months(void *ctx, const char *section, const char *key, const char *value) {
    isn_time_lex *lex = ctx;
    int weekday = !strcmp(section, "weekdays");
    isn_phrases *ps = !strcmp(section, "gregorian") ? &lex->months
                      : !strcmp(section, "hijri")   ? &lex->hijri
                      : weekday                     ? &lex->weekdays
                                                    : NULL;
    if (!ps) return "line outside a known section ([gregorian], [hijri], [weekdays])";
    char *end;
    long v = value ? strtol(value, &end, 10) : -1;
    if (!value || *end || (weekday ? v < 0 || v > 6 : v < 1 || v > 12))
        return "expected: name = number of the month (1-12) or weekday (0-6, Sunday 0)";
    return isn_phrases_add(ps, key, (int)v) ? "empty name after normalisation" : NULL;
}

#define SET(name, field) {name, offsetof(isn_time_lex, field)}
typedef struct { const char *name; size_t off; } section;

/* Sections of words without a value. */
static const section word_sections[] = {
    SET("past", past), SET("next", next), SET("current", current), SET("this", this_words),
    SET("year-words", year_words), SET("year-preps", year_preps), SET("ago", ago),
    SET("hijri-era", hijri_era), SET("gregorian-era", greg_era), SET("range-to", range_to),
    SET("not-dates", not_dates)};

/* Sections of "phrase = number", with the range the number must be in. */
static const struct { section s; int lo, hi; } number_sections[] = {
    {SET("relative-days", relative_days), -7, 7}, {SET("decades", decades), 0, 9},
    {SET("centuries", centuries), 10, 21}, {SET("ordinals", ordinals), 1, 31},
    {SET("counts", counts), 1, 100}};

static int word_index(const char *value, const char *const *words, int n) {
    for (int i = 0; i < n; i++)
        if (!strcmp(value, words[i])) return i + 1;
    return 0;
}

static const char *on_expr(void *ctx, const char *sec, const char *key, const char *value) {
    isn_time_lex *lex = ctx;
#define AT(off) ((isn_phrases *)((char *)lex + (off)))
    for (size_t i = 0; i < sizeof word_sections / sizeof *word_sections; i++)
        if (!strcmp(sec, word_sections[i].name)) {
            if (value) return "this section takes words without \" = value\"";
            return isn_phrases_add(AT(word_sections[i].off), key, 1) ? "empty phrase" : NULL;
        }
    if (!value) return "expected: phrase = value";
    for (size_t i = 0; i < sizeof number_sections / sizeof *number_sections; i++)
        if (!strcmp(sec, number_sections[i].s.name)) {
            char *end;
            long v = strtol(value, &end, 10);
            if (*end || end == value || v < number_sections[i].lo || v > number_sections[i].hi)
                return "expected a number in the range docs/time.md gives for this section";
            return isn_phrases_add(AT(number_sections[i].s.off), key, (int)v) ? "empty phrase" : NULL;
        }
    static const char *const periods[] = {"day", "week", "month", "year"};
    static const char *const parts[] = {"START", "MID", "END"};
    static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
    int v;
    if (!strcmp(sec, "periods")) {
        if (!(v = word_index(value, periods + 1, 3))) return "a period is week, month or year";
        return isn_phrases_add(&lex->periods, key, v + 1) ? "empty phrase" : NULL; /* ISN_UNIT_* */
    }
    if (!strcmp(sec, "parts")) {
        if (!(v = word_index(value, parts, 3))) return "a part is START, MID or END";
        return isn_phrases_add(&lex->parts, key, v) ? "empty phrase" : NULL;
    }
    if (!strcmp(sec, "seasons")) {
        if (!(v = word_index(value, seasons, 4))) return "a season is SP, SU, FA or WI";
        return isn_phrases_add(&lex->seasons, key, v) ? "empty phrase" : NULL;
    }
    if (!strcmp(sec, "units")) { /* "year", "year 2" */
        char unit[8];
        int count = 0, n = 0;
        if (sscanf(value, "%7s %d%n", unit, &count, &n) < 1 || !(v = word_index(unit, periods, 4)) || count < 0 ||
            count > 12)
            return "a unit is day, week, month or year, with an optional count (\"year 2\")";
        return isn_phrases_add(&lex->units, key, count * 8 + v) ? "empty phrase" : NULL;
    }
#undef AT
    return "unknown section (see docs/time.md)";
}

/* Every phrase set of the lexicon, for building and freeing. */
static const size_t all_sets[] = {
    offsetof(isn_time_lex, months),        offsetof(isn_time_lex, hijri),      offsetof(isn_time_lex, weekdays),
    offsetof(isn_time_lex, relative_days), offsetof(isn_time_lex, past),       offsetof(isn_time_lex, next),
    offsetof(isn_time_lex, current),       offsetof(isn_time_lex, this_words), offsetof(isn_time_lex, periods),
    offsetof(isn_time_lex, year_words),    offsetof(isn_time_lex, year_preps), offsetof(isn_time_lex, parts),
    offsetof(isn_time_lex, seasons),       offsetof(isn_time_lex, decades),    offsetof(isn_time_lex, centuries),
    offsetof(isn_time_lex, ordinals),      offsetof(isn_time_lex, units),      offsetof(isn_time_lex, counts),
    offsetof(isn_time_lex, ago),           offsetof(isn_time_lex, hijri_era),  offsetof(isn_time_lex, greg_era),
    offsetof(isn_time_lex, range_to),      offsetof(isn_time_lex, not_dates),  offsetof(isn_time_lex, openers)};
#define NSETS (sizeof all_sets / sizeof *all_sets)
#define SET_AT(lex, i) ((isn_phrases *)((char *)(lex) + all_sets[i]))


int isn_time_lex_load(isn_time_lex *lex, const char *mp, const char *ep, isn_warnings *warn, isn_error *err) {
    memset(lex, 0, sizeof *lex);
    int rc = isn_lexfile_read(mp, on_months, lex, warn, err);
    if (!rc) rc = isn_lexfile_read(ep, on_expr, lex, warn, err);
    if (rc) return rc;
    /* The openers: the words an expression can start with (numbers aside).
     * Year words open "مطلع العام 2018" only after a part word, so they are
     * not among them; a bare number finds its year word itself. */
    const isn_phrases *opening[] = {&lex->months,  &lex->hijri,     &lex->weekdays,   &lex->relative_days,
                                    &lex->periods, &lex->parts,     &lex->decades,    &lex->centuries,
                                    &lex->seasons, &lex->ordinals,  &lex->ago,        &lex->this_words};
    for (size_t i = 0; i < sizeof opening / sizeof *opening; i++) isn_phrases_add_first_words(&lex->openers, opening[i], 1);
    for (size_t i = 0; i < NSETS; i++)
        if (isn_phrases_build(SET_AT(lex, i))) return isn_set_error(err, ISN_ENOMEM, ep, 0, ISN_NO_OFFSET, "out of memory");
    return ISN_OK;
}

void isn_time_lex_free(isn_time_lex *lex) {
    for (size_t i = 0; i < NSETS; i++) isn_phrases_free(SET_AT(lex, i));
}
