/*
 * clean.h -- boilerplate in plain text, and the metadata lines of an article.
 */
#ifndef ISN_CLEAN_H
#define ISN_CLEAN_H

#include "../core/buf.h"
#include "../core/lexfile.h"
#include "isnad.h"

/* What the cleaner reads from data/clean/boilerplate.txt, plus the month
 * and weekday names it borrows from the time stage's lexicon (one loader,
 * one copy of data/time/months.txt). */
typedef struct isn_clean_lex {
    isn_phrases comment_heading, comment_policy, spam_trap, widget, share_words, read_more,
        counters, ad_lines, source_prefix, source_suffix, dateline_words;
    const isn_phrases *months;   /* Gregorian month names, value 1..12 (borrowed) */
    const isn_phrases *weekdays; /* value 0..6 (borrowed) */
} isn_clean_lex;

int isn_clean_lex_load(isn_clean_lex *lex, const char *boilerplate_path, const isn_phrases *months,
                       const isn_phrases *weekdays, isn_warnings *warn, isn_error *err);
void isn_clean_lex_free(isn_clean_lex *lex);

typedef struct isn_removed {
    uint32_t start, end;
    uint8_t kind; /* isn_removed_kind */
} isn_removed;

typedef struct isn_clean_out {
    ISN_VEC(isn_removed) removed; /* sorted, not overlapping */
    isn_span title;               /* start == end: none */
    isn_span outlet;
    int year, month, day;         /* from a dateline; 0 when none */
} isn_clean_out;

/* Per-document scratch the cleaner reuses. */
typedef struct isn_clean_work {
    isn_buf line;                 /* a normalised line */
    ISN_VEC(struct isn_line) lines;
} isn_clean_work;

int isn_clean(const isn_clean_lex *lex, const char *text, size_t len, int want_title,
              isn_clean_out *out, isn_clean_work *work);
void isn_clean_out_free(isn_clean_out *out);
void isn_clean_work_free(isn_clean_work *w);

/* Parses a normalised line that is only a date ("19/11/2019", "الخميس 6
 * نوفمبر 2014", "2019-11-19 10:00"): 1 and y/m/d on success. */
int isn_parse_dateline(const isn_clean_lex *lex, const char *norm, size_t n, int *y, int *m, int *d);

/* Parses the start of a metadata date: "2019-11-19", "2019/11/19",
 * "19/11/2019", "2015-07-21 10:00:00". 1 on success. */
int isn_parse_iso_date(const char *s, int *y, int *m, int *d);

#endif
