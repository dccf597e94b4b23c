/*
 * timex.h -- the time stage: dates in the text, normalised TIMEX3-style.
 *
 * timelex.c loads the words (data/time/), calendar.c does the day
 * arithmetic, timex.c finds the expressions.
 */
#ifndef ISN_TIMEX_H
#define ISN_TIMEX_H

#include "../core/wordmemo.h"
#include "../core/lexfile.h"
#include "../text/text.h"

/* Units of a duration ("منذ عامين"), kept in a phrase's value as
 * count * 8 + unit; count 0 means the word needs a count before it. */
enum { ISN_UNIT_DAY = 1, ISN_UNIT_WEEK, ISN_UNIT_MONTH, ISN_UNIT_YEAR };

typedef struct isn_time_lex {
    isn_phrases months, hijri, weekdays;          /* data/time/months.txt */
    isn_phrases relative_days, past, next, current, this_words, periods, year_words, year_preps,
        parts, seasons, decades, centuries, ordinals, units, counts, ago, hijri_era, greg_era,
        range_to, not_dates;                      /* data/time/expressions.txt */
    isn_phrases openers;   /* first words of every phrase that can open an expression */
} isn_time_lex;

int isn_time_lex_load(isn_time_lex *lex, const char *months_path, const char *expr_path,
                      isn_warnings *warn, isn_error *err);
void isn_time_lex_free(isn_time_lex *lex);

typedef struct isn_tx {
    uint32_t start, end, sentence;
    uint32_t t0, t1;     /* its tokens [t0, t1) */
    char value[24];      /* "2014-02-14", "1987-03", "197X", "2017/2019", "XXXX-04-04" */
    char hijri[12];      /* the Hijri date as written, "1441-09-15", or "" */
    char mod[8];         /* "START", "MID", "END" or "" */
    uint8_t anchored;    /* resolved against the publication date */
    uint8_t mismatch;    /* a pair of month names that disagree; the first was used */
} isn_tx;

typedef struct isn_time_work {
    ISN_VEC(isn_tx) times;
    isn_wordmemo opens; /* word -> may a time expression start with it */
} isn_time_work;

/* Finds the time expressions of every sentence. `pub` is the publication
 * date (y, m, d; y == 0 when unknown) for relative expressions. */
int isn_time_run(const isn_time_lex *lex, const isn_token *toks, const isn_sent *sents, size_t nsents,
                 const char *norm, int pub_y, int pub_m, int pub_d, isn_time_work *w);
void isn_time_work_free(isn_time_work *w);

#endif
