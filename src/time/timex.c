/*
 * timex.c -- finding and normalising the dates of Arabic news text.
 *
 * Event data that dates every event by its article's day cannot place
 * "captured at Wadi Doum in March 1987" in a 2019 article, so isnad dates
 * what the text dates. Values follow TIMEX3 (docs/time.md): 2014-02-14,
 * 1987-03, 2015, 197X (a decade), 2017/2019 (a range), XXXX-04-04 (year
 * unknown); parts of a period ("أواخر 2015") keep the value and add a mod.
 *
 * Within each sentence, left to right, the longest pattern at a token wins:
 *
 *   numeric      19/11/2019, 24.04.2018, 02 / 04 / 2018, 2014-02-14
 *   day month    [weekday] 6 نوفمبر [/ تشرين الثاني] [2014] [الماضي]
 *   month year   مارس 1987, حزيران/يونيو 2015, شهري أغسطس/آب وسبتمبر/أيلول من سنة 2019
 *   year         عام 2016, في 2011, 2015م, 1977-1978, ما بين 2017 و2019
 *   decade       سبعينيات القرن الماضي -> 197X
 *   relative     أمس, اليوم, الأربعاء, الأسبوع الماضي, الشهر الماضي, العام الماضي
 *
 * with a part word before ("أواخر", "بداية", "منتصف") taken into the span.
 * Month names come in four systems (Egyptian/Gulf, Levantine, Maghrebi,
 * Moroccan; data/time/months.txt); a pair that disagrees keeps the first
 * and says so. Relative expressions need the publication date; without it
 * the year stays unknown (XXXX) and `anchored` is false.
 */
#include "timex.h"
#include "../core/error.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- calendar arithmetic (proleptic Gregorian; days since 1970-01-01) ---- */

static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday_of(long days) { return (int)(((days % 7) + 11) % 7); } /* 0 = Sunday */

/* ---- the scanner ---------------------------------------------------------------- */

typedef struct tctx {
    const isn_time_lex *lex;
    const isn_token *t;
    const char *norm;
    uint32_t a, b, sentence;
    int py, pm, pd;
    isn_time_work *w;
} tctx;

static const char *nrm(const tctx *c, uint32_t i) { return c->norm + c->t[i].norm; }

static int is(const tctx *c, uint32_t i, const char *s) {
    return i < c->b && c->t[i].norm_len == strlen(s) && !memcmp(nrm(c, i), s, strlen(s));
}

/* The same, also with a glued و or ف: "وما". */
static int is_w(const tctx *c, uint32_t i, const char *s) {
    if (is(c, i, s)) return 1;
    size_t n = strlen(s);
    const unsigned char *w = (const unsigned char *)nrm(c, i);
    return i < c->b && c->t[i].norm_len == n + 2 && w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81) &&
           !memcmp(w + 2, s, n);
}

/* The ISO 8601 week of a day: "2020-W02". */
static void iso_week(long days, char *out, size_t size) {
    int iso_wd = (weekday_of(days) + 6) % 7 + 1; /* Monday 1 .. Sunday 7 */
    long thursday = days - iso_wd + 4;
    int y, m, d;
    civil_from_days(thursday, &y, &m, &d);
    long week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
    snprintf(out, size, "%04d-W%02ld", y, week);
}

/* Strips one proclitic (و ف ب ل ك: two bytes each) from w, keeping two
 * letters at least; returns 0 when there is none to strip. */
static int strip_clitic(const char **w, size_t *n) {
    const unsigned char *p = (const unsigned char *)*w;
    int clitic = *n >= 6 && ((p[0] == 0xD9 && (p[1] == 0x88 || p[1] == 0x81 || p[1] == 0x84 || p[1] == 0x83)) ||
                             (p[0] == 0xD8 && p[1] == 0xA8));
    if (clitic) *w += 2, *n -= 2;
    return clitic;
}

/* Looks token i (and i+1 for two-word names) up in ps, with up to two
 * clitics stripped if need be ("وبمارس"); returns the tokens used (0: none). */
static uint32_t look(const tctx *c, const isn_phrases *ps, uint32_t i, int *value) {
    if (i >= c->b || c->t[i].kind != ISN_TOK_WORD) return 0;
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    for (int k = 0; k < 3; k++) {
        const isn_phrase *hit = NULL;
        size_t got = isn_phrases_match_from(ps, w, n, c->t, i, c->b, c->norm, &hit);
        if (got) { *value = hit->value; return (uint32_t)got; }
        if (!strip_clitic(&w, &n)) break;
    }
    return 0;
}

/* Can token i open a time expression at all? One lookup rejects most words
 * before the patterns try their phrase sets. */
static int may_open(const tctx *c, uint32_t i) {
    if (c->t[i].kind == ISN_TOK_NUMBER) return 1;
    if (c->t[i].kind != ISN_TOK_WORD) return 0;
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    for (int k = 0; k < 3; k++) {
        if (isn_phrases_get(&c->lex->openers, w, n)) return 1;
        if (!strip_clitic(&w, &n)) break;
    }
    return 0;
}

/* A number token's value (digits only, glued prefix and era letter left
 * out); -1 when it is not a plain number. */
static long number(const tctx *c, uint32_t i) {
    if (i >= c->b || c->t[i].kind != ISN_TOK_NUMBER || (c->t[i].flags & ISN_TF_DECIMAL)) return -1;
    const char *p = nrm(c, i) + c->t[i].pre, *e = nrm(c, i) + c->t[i].norm_len - c->t[i].suf;
    long v = 0;
    if (p >= e || e - p > 6) return -1;
    for (; p < e; p++) v = v * 10 + (*p - '0');
    return v;
}

static int is_year(long v) { return v >= 1000 && v <= 2100; }
static int is_punct(const tctx *c, uint32_t i, const char *s) { return i < c->b && c->t[i].kind == ISN_TOK_PUNCT && is(c, i, s); }

static isn_tx *emit(tctx *c, uint32_t first, uint32_t last, const char *value, int anchored) {
    isn_tx *x = ISN_VEC_PUSH(c->w->times);
    if (!x) return NULL;
    memset(x, 0, sizeof *x);
    x->start = c->t[first].start;
    x->end = c->t[last - 1].end;
    x->sentence = c->sentence;
    snprintf(x->value, sizeof x->value, "%s", value);
    x->anchored = (uint8_t)anchored;
    return x;
}

/* "19/11/2019", "24.04.2018", "2019/11/19" in one token. */
static uint32_t numeric_token(tctx *c, uint32_t i) {
    if (c->t[i].kind != ISN_TOK_NUMBER || !(c->t[i].flags & ISN_TF_DECIMAL)) return 0;
    const char *s = nrm(c, i) + c->t[i].pre;
    int a, b, d, n = 0;
    char s1, s2;
    if (sscanf(s, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &d, &n) != 5 || s1 != s2 || (s1 != '/' && s1 != '.' && s1 != '-'))
        return 0;
    int y = a > 31 ? a : d, dd = a > 31 ? d : a;
    if (!is_year(y) || b < 1 || b > 12 || dd < 1 || dd > 31) return 0;
    char v[24];
    snprintf(v, sizeof v, "%04d-%02d-%02d", y, b, dd);
    emit(c, i, i + 1, v, 0);
    return 1;
}

/* "02 / 04 / 2018", "2014-02-14" in five tokens. */
static uint32_t numeric_spaced(tctx *c, uint32_t i) {
    long a = number(c, i), b = number(c, i + 2), d = number(c, i + 4);
    if (a < 0 || b < 0 || d < 0) return 0;
    int slash = is_punct(c, i + 1, "/") && is_punct(c, i + 3, "/");
    int dash = is_punct(c, i + 1, "-") && is_punct(c, i + 3, "-");
    if (!slash && !dash) return 0;
    long y = is_year(a) ? a : d, dd = is_year(a) ? d : a;
    if (!is_year(y) || b < 1 || b > 12 || dd < 1 || dd > 31) return 0;
    char v[24];
    snprintf(v, sizeof v, "%04ld-%02ld-%02ld", y, b, dd);
    emit(c, i, i + 5, v, 0);
    return 5;
}

/* A month name, and a paired one after "/" ("حزيران/يونيو"): the month of
 * the first, *mismatch when they differ. Returns the tokens used. */
static uint32_t month_at(tctx *c, uint32_t i, int *month, int *mismatch) {
    uint32_t n = look(c, &c->lex->months, i, month);
    if (!n) return 0;
    *mismatch = 0;
    int m2;
    uint32_t k;
    if (is_punct(c, i + n, "/") && (k = look(c, &c->lex->months, i + n + 1, &m2))) {
        *mismatch = m2 != *month;
        n += 1 + k;
    }
    return n;
}

/* An optional year after a date: "2014", "2015م", "من عام 2019", "من سنة 2019م". */
static uint32_t year_after(tctx *c, uint32_t j, long *year) {
    uint32_t k = j;
    int v;
    if (is(c, k, "من")) k++;
    if (look(c, &c->lex->year_words, k, &v)) k++;
    long y = number(c, k);
    if (!is_year(y)) return 0;
    *year = y;
    return k + 1 - j;
}

static int is_past(tctx *c, uint32_t i) { int v; return look(c, &c->lex->past, i, &v) > 0; }
static int is_next(tctx *c, uint32_t i) { int v; return look(c, &c->lex->next, i, &v) > 0; }

/* The last (month, day) on or before the publication date. */
static int anchor_year(const tctx *c, int month, int day) {
    if (!c->py) return 0;
    return (month < c->pm || (month == c->pm && day <= c->pd)) ? c->py : c->py - 1;
}

/* [weekday] day month [/ month] [year] [الماضي]. */
static uint32_t day_month(tctx *c, uint32_t i) {
    long day = number(c, i);
    if (day < 1 || day > 31) return 0;
    int month, mismatch;
    uint32_t n = month_at(c, i + 1, &month, &mismatch);
    if (!n) return 0;
    uint32_t j = i + 1 + n;
    long year = 0;
    uint32_t k = year_after(c, j, &year);
    char v[24];
    int anchored = 0;
    if (k) j += k;
    else if (is_past(c, j)) { /* "4 أبريل الماضي": the last 4 April, if the date is known */
        if (c->py) year = anchor_year(c, month, (int)day), anchored = 1;
        j++;
    }
    if (year) snprintf(v, sizeof v, "%04ld-%02d-%02ld", year, month, day);
    else snprintf(v, sizeof v, "XXXX-%02d-%02ld", month, day);
    uint32_t first = i;
    int wd;
    if (i > c->a && look(c, &c->lex->weekdays, i - 1, &wd)) first = i - 1; /* "الخميس 6 نوفمبر 2014" */
    isn_tx *x = emit(c, first, j, v, anchored);
    if (x) x->mismatch = (uint8_t)mismatch;
    return j - i;
}

/* month [/ month] year, "شهري أغسطس/آب وسبتمبر/أيلول من سنة 2019", "مارس الماضي". */
static uint32_t month_year(tctx *c, uint32_t i) {
    int month, mismatch, m2 = 0, mm2;
    uint32_t n = month_at(c, i, &month, &mismatch);
    if (!n) return 0;
    uint32_t j = i + n, k;
    if ((k = month_at(c, j, &m2, &mm2)) && c->t[j].norm_len > 2 && !memcmp(nrm(c, j), "\xd9\x88", 2)) j += k; /* "وسبتمبر" */
    else m2 = 0;
    long year = 0;
    int anchored = 0;
    if ((k = year_after(c, j, &year))) j += k;
    else if (is_past(c, j)) { /* "مارس الماضي" */
        if (c->py) year = anchor_year(c, month, 31), anchored = 1;
        j++;
    } else {
        return 0; /* a month alone is too often something else ("ماي", "آب") */
    }
    char v[24], y1[8];
    if (year) snprintf(y1, sizeof y1, "%04ld", year);
    else snprintf(y1, sizeof y1, "XXXX");
    if (m2) snprintf(v, sizeof v, "%s-%02d/%s-%02d", y1, month, y1, m2);
    else snprintf(v, sizeof v, "%s-%02d", y1, month);
    uint32_t first = i;
    if (i > c->a && (is(c, i - 1, "شهر") || is(c, i - 1, "شهري"))) first = i - 1;
    isn_tx *x = emit(c, first, j, v, anchored);
    if (x) x->mismatch = (uint8_t)mismatch;
    return j - i;
}

/* "1977-1978", "ما بين 2017 و2019", "عام 2016", "في 2011", "2015م". */
static uint32_t year_expr(tctx *c, uint32_t i) {
    int v;
    uint32_t j = i;
    int between = 0;
    if (is_w(c, j, "ما") && is(c, j + 1, "بين")) j += 2, between = 1;
    else if (is_w(c, j, "بين")) j += 1, between = 1;
    long y1 = number(c, j);
    if (!is_year(y1)) return 0;
    char val[24];
    if (between && c->t[j + 1 < c->b ? j + 1 : j].pre == 2 && is_year(number(c, j + 1))) { /* و2019 */
        snprintf(val, sizeof val, "%04ld/%04ld", y1, number(c, j + 1));
        emit(c, i, j + 2, val, 0);
        return j + 2 - i;
    }
    if (between) return 0;
    if (is_punct(c, j + 1, "-") && is_year(number(c, j + 2)) && number(c, j + 2) > y1) {
        snprintf(val, sizeof val, "%04ld/%04ld", y1, number(c, j + 2));
        emit(c, i, j + 3, val, 0);
        return 3;
    }
    /* a lone number is a year only with an era letter or after a year word
     * or a preposition: "5 بنود" and "ألفين" are not years */
    int era = c->t[j].flags & ISN_TF_ERA_AD;
    int cue = i > c->a && (look(c, &c->lex->year_words, i - 1, &v) || look(c, &c->lex->year_preps, i - 1, &v));
    if (c->t[j].flags & ISN_TF_ERA_AH) return 0; /* Hijri years: docs/time.md */
    if (!era && !cue) return 0;
    snprintf(val, sizeof val, "%04ld", y1);
    uint32_t first = i;
    if (i > c->a && look(c, &c->lex->year_words, i - 1, &v)) first = i - 1;
    emit(c, first, j + 1, val, 0);
    return 1;
}

/* "سبعينيات القرن الماضي" -> 197X. */
static uint32_t decade(tctx *c, uint32_t i) {
    int d, cent;
    uint32_t n = look(c, &c->lex->decades, i, &d);
    if (!n) return 0;
    uint32_t k = look(c, &c->lex->centuries, i + n, &cent);
    if (!k) return 0;
    char v[24];
    snprintf(v, sizeof v, "%02d%dX", cent, d);
    emit(c, i, i + n + k, v, 0);
    return n + k;
}

/* أمس, اليوم, الأربعاء, الأسبوع الماضي, الشهر الماضي, العام الماضي. */
static uint32_t relative(tctx *c, uint32_t i) {
    int v;
    char val[24];
    uint32_t n;
    if (!c->py) return 0;
    long today = days_from_civil(c->py, c->pm, c->pd);
    int y, m, d;
    if ((n = look(c, &c->lex->relative_days, i, &v))) {
        civil_from_days(today + v, &y, &m, &d);
        snprintf(val, sizeof val, "%04d-%02d-%02d", y, m, d);
        int wd;
        uint32_t k = look(c, &c->lex->weekdays, i + n, &wd); /* "أمس الجمعة": one expression */
        emit(c, i, i + n + k, val, 1);
        return n + k;
    }
    if ((n = look(c, &c->lex->weekdays, i, &v)) && number(c, i + n) < 0) {
        int ahead = is_next(c, i + n);
        long day;
        if (ahead) { /* "الأحد المقبل": the next such day */
            int fwd = (v - weekday_of(today) + 7) % 7;
            day = today + (fwd ? fwd : 7);
        } else { /* "الأربعاء", "الأحد الماضي": the last such day */
            int back = (weekday_of(today) - v + 7) % 7;
            if (is_past(c, i + n) && back == 0) back = 7;
            day = today - back;
        }
        civil_from_days(day, &y, &m, &d);
        snprintf(val, sizeof val, "%04d-%02d-%02d", y, m, d);
        uint32_t e = i + n + (is_past(c, i + n) || ahead ? 1 : 0);
        emit(c, i, e, val, 1);
        return e - i;
    }
    const isn_phrase *p = NULL;
    if (i < c->b && isn_phrases_match(&c->lex->periods, c->t, i, c->b, c->norm, ISN_MATCH_CONJ, &p) && is_past(c, i + 1)) {
        int kind = p->value; /* set at load: 1 week, 2 month, 3 year */
        if (kind == 1) {
            iso_week(today - 7, val, sizeof val);
        } else if (kind == 2) {
            y = c->pm == 1 ? c->py - 1 : c->py, m = c->pm == 1 ? 12 : c->pm - 1;
            snprintf(val, sizeof val, "%04d-%02d", y, m);
        } else {
            snprintf(val, sizeof val, "%04d", c->py - 1);
        }
        emit(c, i, i + 2, val, 1);
        return 2;
    }
    return 0;
}

int isn_time_run(const isn_time_lex *lex, const isn_token *toks, const isn_sent *sents, size_t nsents,
                 const char *norm, int py, int pm, int pd, isn_time_work *w) {
    ISN_VEC_RESET(w->times);
    tctx c = {lex, toks, norm, 0, 0, 0, py, pm, pd, w};
    for (size_t s = 0; s < nsents; s++) {
        c.a = sents[s].first, c.b = sents[s].last, c.sentence = (uint32_t)s;
        for (uint32_t i = c.a; i < c.b;) {
            if (!may_open(&c, i)) { i++; continue; }
            /* a part word before the expression: "أواخر 2015", "بداية يناير 1989" */
            int mod = 0;
            uint32_t part = look(&c, &lex->parts, i, &mod);
            uint32_t at = part ? i + part : i, n = 0;
            size_t before = w->times.n;
            n = numeric_token(&c, at);
            if (!n) n = numeric_spaced(&c, at);
            if (!n) n = day_month(&c, at);
            if (!n) n = month_year(&c, at);
            if (!n) n = decade(&c, at);
            if (!n) n = year_expr(&c, at);
            if (!n && !part) n = relative(&c, at);
            if (n && part && w->times.n > before) {
                isn_tx *x = &w->times.v[w->times.n - 1];
                static const char *mods[] = {"", "START", "MID", "END"};
                x->start = toks[i].start;
                snprintf(x->mod, sizeof x->mod, "%s", mods[mod >= 0 && mod < 4 ? mod : 0]);
                n += part;
            }
            i += n ? n : 1;
            if (w->times.oom) return ISN_ENOMEM;
        }
    }
    return ISN_OK;
}

void isn_time_work_free(isn_time_work *w) { ISN_VEC_FREE(w->times); }

/* ---- data files -------------------------------------------------------------- */

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

static const char *on_expr(void *ctx, const char *section, const char *key, const char *value) {
    isn_time_lex *lex = ctx;
    static const struct { const char *name; size_t off; } plain[] = {
        {"past", offsetof(isn_time_lex, past)}, {"next", offsetof(isn_time_lex, next)},
        {"year-words", offsetof(isn_time_lex, year_words)}, {"year-preps", offsetof(isn_time_lex, year_preps)}};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        if (!strcmp(section, plain[i].name)) {
            if (value) return "this section takes words without \" = value\"";
            return isn_phrases_add((isn_phrases *)((char *)lex + plain[i].off), key, 1) ? "empty phrase" : NULL;
        }
    if (!value) return "expected: phrase = value";
    int v;
    isn_phrases *ps;
    char *end;
    if (!strcmp(section, "periods")) {
        ps = &lex->periods;
        v = !strcmp(value, "week") ? 1 : !strcmp(value, "month") ? 2 : !strcmp(value, "year") ? 3 : 0;
        if (!v) return "a period is week, month or year";
    } else if (!strcmp(section, "parts")) {
        ps = &lex->parts;
        v = !strcmp(value, "START") ? 1 : !strcmp(value, "MID") ? 2 : !strcmp(value, "END") ? 3 : 0;
        if (!v) return "a part is START, MID or END";
    } else if (!strcmp(section, "seasons")) {
        ps = &lex->seasons;
        v = 1;
    } else {
        ps = !strcmp(section, "relative-days") ? &lex->relative_days
             : !strcmp(section, "decades")     ? &lex->decades
             : !strcmp(section, "centuries")   ? &lex->centuries
                                               : NULL;
        if (!ps) return "unknown section (see docs/time.md)";
        v = (int)strtol(value, &end, 10);
        if (*end) return "expected a number";
    }
    return isn_phrases_add(ps, key, v) ? "empty phrase after normalisation" : NULL;
}

int isn_time_lex_load(isn_time_lex *lex, const char *mp, const char *ep, isn_warnings *warn, isn_error *err) {
    memset(lex, 0, sizeof *lex);
    int rc = isn_lexfile_read(mp, on_months, lex, warn, err);
    if (!rc) rc = isn_lexfile_read(ep, on_expr, lex, warn, err);
    if (rc) return rc;
    /* the openers: first words of what a pattern starts with (numbers aside) */
    isn_phrases *opening[] = {&lex->months, &lex->weekdays, &lex->relative_days, &lex->periods, &lex->parts,
                              &lex->decades};
    for (size_t i = 0; i < sizeof opening / sizeof *opening; i++)
        for (size_t k = 0; k < opening[i]->items.n; k++) {
            char first[256];
            const char *p = isn_phrase_text(opening[i], &opening[i]->items.v[k]);
            size_t n = strcspn(p, " ");
            if (n >= sizeof first) continue;
            memcpy(first, p, n);
            first[n] = 0;
            isn_phrases_add(&lex->openers, first, 1);
        }
    isn_phrases_add(&lex->openers, "ما", 1); /* "ما بين 2017 و2019" */
    isn_phrases_add(&lex->openers, "بين", 1);
    isn_phrases *all[] = {&lex->months, &lex->hijri, &lex->weekdays, &lex->relative_days, &lex->past, &lex->next,
                          &lex->periods, &lex->year_words, &lex->year_preps, &lex->parts, &lex->seasons,
                          &lex->decades, &lex->centuries, &lex->openers};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (isn_phrases_build(all[i])) return isn_set_error(err, ISN_ENOMEM, ep, 0, ISN_NO_OFFSET, "out of memory");
    return ISN_OK;
}

void isn_time_lex_free(isn_time_lex *lex) {
    isn_phrases *all[] = {&lex->months, &lex->hijri, &lex->weekdays, &lex->relative_days, &lex->past, &lex->next,
                          &lex->periods, &lex->year_words, &lex->year_preps, &lex->parts, &lex->seasons,
                          &lex->decades, &lex->centuries, &lex->openers};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) isn_phrases_free(all[i]);
}
