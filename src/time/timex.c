/*
 * timex.c -- finding and normalising the dates of Arabic news text.
 *
 * Event data that dates every event by its article's day cannot place
 * "captured at Wadi Doum in March 1987" in a 2019 article, so isnad dates
 * what the text dates. Values follow TIMEX3 (docs/time.md): 2014-02-14,
 * 1987-03, 2015, 197X (a decade), 19XX (a century), 2019-SU (a season),
 * 2020-W02 (a week), 2017/2019 (a range), XXXX-04-04 (year unknown); parts
 * of a period ("أواخر 2015") keep the value and add a mod.
 *
 * Within each sentence, left to right, the first pattern that matches at a
 * token wins, in this order:
 *
 *   numeric      19/11/2019, 24.04.2018, 02 / 04 / 2018, 2014-02-14
 *   day month    6 نوفمبر [/ تشرين الثاني] [2014 | الماضي], التاسع عشر من يناير,
 *                5 إلى 9 مارس 2019, 15 رمضان 1441هـ
 *   month        مارس 1987, حزيران/يونيو 2015, شهري أغسطس/آب وسبتمبر/أيلول من سنة 2019
 *   season       صيف 2019, الصيف الماضي
 *   decade       سبعينيات القرن الماضي -> 197X; القرن العشرين -> 19XX
 *   year         عام 2016, في 2011, 2015م, 1977-1978, 1441هـ
 *   ago          منذ عامين, قبل ثلاثة أيام
 *   relative     أمس, اليوم, الأربعاء, الأسبوع الماضي, الشهر المقبل, هذا العام
 *
 * Around a match: a part word before it ("أواخر", "بداية") becomes its mod;
 * a weekday before a day joins it ("الخميس 6 نوفمبر 2014"); "من X إلى Y"
 * and "بين X و Y" join two matches into one range.
 *
 * Relative expressions need the publication date. Without it they keep
 * their unknown parts as X ("XXXX-04-04", "XXXX-WXX-3") and `anchored` is
 * false. A day and month with no year are read as the occurrence nearest
 * the publication date. Hijri dates are converted with the tabular
 * calendar (calendar.c) and keep the Hijri value as written.
 */
#include "timex.h"
#include "calendar.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tctx {
    const isn_time_lex *lex;
    const isn_token *t;
    const char *norm;
    uint32_t a, b, sentence;
    int py, pm, pd;      /* publication date; py == 0 when unknown */
    long today;          /* its day number */
    int cued;            /* a bare number here is a year: after a part word, in a range */
    isn_time_work *w;
} tctx;

enum { REL_NONE = 0, REL_PAST, REL_NEXT, REL_CURRENT };

/* ---- tokens ------------------------------------------------------------------ */

static const char *nrm(const tctx *c, uint32_t i) { return c->norm + c->t[i].norm; }

static int is(const tctx *c, uint32_t i, const char *s) {
    return i < c->b && c->t[i].norm_len == strlen(s) && !memcmp(nrm(c, i), s, strlen(s));
}

/* Does token i start with a glued و ("و2019", "وسبتمبر")? */
static int glued_w(const tctx *c, uint32_t i) {
    const unsigned char *w = (const unsigned char *)nrm(c, i);
    return i < c->b && c->t[i].norm_len > 2 && w[0] == 0xD9 && w[1] == 0x88;
}

/* Token i is s, also with a glued و or ف: "وما", "ومن". */
static int is_w(const tctx *c, uint32_t i, const char *s) {
    if (is(c, i, s)) return 1;
    size_t n = strlen(s);
    const unsigned char *w = (const unsigned char *)nrm(c, i);
    return i < c->b && c->t[i].norm_len == n + 2 && w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81) &&
           !memcmp(w + 2, s, n);
}

static int is_punct(const tctx *c, uint32_t i, const char *s) {
    return i < c->b && c->t[i].kind == ISN_TOK_PUNCT && is(c, i, s);
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

/* Looks token i (and the next ones for phrases of several words) up in ps,
 * with up to two clitics stripped if need be ("وبمارس"); returns the
 * tokens used (0: none) and the phrase's value. */
static uint32_t look(const tctx *c, const isn_phrases *ps, uint32_t i, int *value) {
    if (i >= c->b || c->t[i].kind != ISN_TOK_WORD) return 0;
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    for (int k = 0; k < 3; k++) {
        const isn_phrase *hit = NULL;
        size_t got = isn_phrases_match_from(ps, w, n, c->t, i, c->b, c->norm, &hit);
        if (got) { if (value) *value = hit->value; return (uint32_t)got; }
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
    isn_wordmemo_key key;
    uint32_t open = 0;
    if (isn_wordmemo_get(&c->w->opens, w, n, &key, &open)) return (int)open; /* asked of every word */
    for (int k = 0; k < 3 && !open; k++) {
        open = isn_phrases_get(&c->lex->openers, w, n) != NULL;
        if (!open && !strip_clitic(&w, &n)) break;
    }
    isn_wordmemo_put(&key, open);
    return (int)open;
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
static int is_hijri_year(long v) { return v >= 1300 && v <= 1500; }
/* A year written with no era letter in 1350-1499 is Hijri (1931-2076): in
 * today's news, Gulf papers write "عام 1436" for 2015, and Gregorian years
 * of the fourteenth century are rare. An "م" makes it Gregorian. */
static int is_bare_hijri(long v) { return v >= 1350 && v < 1500; }

/* "الماضي", "المقبل", "الجاري" after a date or a period. */
static int rel_word(const tctx *c, uint32_t i) {
    return look(c, &c->lex->past, i, NULL)      ? REL_PAST
           : look(c, &c->lex->next, i, NULL)    ? REL_NEXT
           : look(c, &c->lex->current, i, NULL) ? REL_CURRENT
                                                : REL_NONE;
}

/* ---- values ------------------------------------------------------------------ */

static int is_day_value(const char *v) { return strlen(v) == 10 && v[4] == '-' && v[7] == '-'; }

static void fmt_year(char *v, size_t size, long y) {
    if (y) snprintf(v, size, "%04ld", y);
    else snprintf(v, size, "XXXX");
}

/* The day `off` days, weeks, months or years from the publication date, as
 * a value of that unit's precision; X for what is unknown. */
static void period_value(const tctx *c, int unit, long off, char *v, size_t size) {
    int y, m, d;
    if (!c->py) {
        static const char *unknown[] = {"", "XXXX-XX-XX", "XXXX-WXX", "XXXX-XX", "XXXX"};
        snprintf(v, size, "%s", unknown[unit >= 1 && unit <= 4 ? unit : 4]);
    } else if (unit == ISN_UNIT_DAY) {
        isn_civil_from_days(c->today + off, &y, &m, &d);
        snprintf(v, size, "%04d-%02d-%02d", y, m, d);
    } else if (unit == ISN_UNIT_WEEK) {
        isn_iso_week(c->today + 7 * off, &y, &m);
        snprintf(v, size, "%04d-W%02d", y, m);
    } else if (unit == ISN_UNIT_MONTH) {
        long idx = (long)c->py * 12 + c->pm - 1 + off;
        snprintf(v, size, "%04ld-%02ld", idx / 12, idx % 12 + 1);
    } else {
        snprintf(v, size, "%04ld", c->py + off);
    }
}

/* The year of a day and month said relative to the publication date:
 * "4 أبريل الماضي" (the last one on or before it), "المقبل" (the next one
 * after it), "الجاري" (its year), or with no word the nearest one. */
static int anchor_day_year(const tctx *c, int m, int d, int rel) {
    int before = m < c->pm || (m == c->pm && d <= c->pd);
    if (rel == REL_PAST) return before ? c->py : c->py - 1;
    if (rel == REL_NEXT) return before ? c->py + 1 : c->py;
    if (rel == REL_CURRENT) return c->py;
    long best = 0, here = c->today;
    int year = c->py;
    for (int y = c->py - 1; y <= c->py + 1; y++) {
        long dist = labs(isn_days_from_civil(y, m, d > isn_days_in_month(y, m) ? isn_days_in_month(y, m) : d) - here);
        if (y == c->py - 1 || dist < best) best = dist, year = y;
    }
    return year;
}

/* The year of a month said relative to the publication date: "مارس
 * الماضي" is the last March that has ended, "المقبل" the next to begin. */
static int anchor_month_year(const tctx *c, int m, int rel) {
    if (rel == REL_PAST) return m < c->pm ? c->py : c->py - 1;
    if (rel == REL_NEXT) return m > c->pm ? c->py : c->py + 1;
    return c->py;
}

/* ---- emitting ------------------------------------------------------------------ */

/* "الخميس 6 نوفمبر", "الخميس، 6 نوفمبر": the weekday's token before a day. */
static uint32_t weekday_before(const tctx *c, uint32_t first) {
    uint32_t k = first;
    if (k > c->a && (is_punct(c, k - 1, ",") || is(c, k - 1, "-"))) k--;
    if (k > c->a && look(c, &c->lex->weekdays, k - 1, NULL) == 1) return k - 1;
    return first;
}

static isn_tx *emit(tctx *c, uint32_t first, uint32_t last, const char *value, int anchored) {
    if (is_day_value(value)) first = weekday_before(c, first);
    isn_tx *x = ISN_VEC_PUSH(c->w->times);
    if (!x) return NULL;
    memset(x, 0, sizeof *x);
    x->start = c->t[first].start;
    x->end = c->t[last - 1].end;
    x->t0 = first, x->t1 = last;
    x->sentence = c->sentence;
    snprintf(x->value, sizeof x->value, "%s", value);
    x->anchored = (uint8_t)anchored;
    return x;
}

/* ---- patterns: each returns the tokens it used from i, 0 when it does not match ---- */

static int hijri_day(long hy, int hm, long hd, char *v, size_t size, char *orig, size_t osize);

/* Emits a numeric date: Gregorian, or Hijri when the year says so
 * ("3/8/1443هـ", or a year of 1350-1499 with no era letter). */
static uint32_t emit_numeric(tctx *c, uint32_t first, uint32_t last, long y, long m, long d, int hijri) {
    char v[24], orig[12] = "";
    if (hijri) {
        if (!hijri_day(y, (int)m, d, v, sizeof v, orig, sizeof orig)) return 0;
    } else {
        if (d > isn_days_in_month((int)y, (int)m)) return 0;
        snprintf(v, sizeof v, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    }
    isn_tx *x = emit(c, first, last, v, 0);
    if (x) snprintf(x->hijri, sizeof x->hijri, "%s", orig);
    return last - first;
}

/* "19/11/2019", "24.04.2018", "2019/11/19" in one token. */
static uint32_t numeric_token(tctx *c, uint32_t i) {
    if (c->t[i].kind != ISN_TOK_NUMBER || !(c->t[i].flags & ISN_TF_DECIMAL)) return 0;
    const char *s = nrm(c, i) + c->t[i].pre;
    int a, b, d, at = 0, n = 0;
    char s1, s2;
    if (sscanf(s, "%d%c%d%c%n%d%n", &a, &s1, &b, &s2, &at, &d, &n) != 5 || s1 != s2 ||
        (s1 != '/' && s1 != '.' && s1 != '-'))
        return 0;
    if (n - at == 2 && a <= 31 && s1 != '-') { /* "20/12/11": the century nearest the publication */
        int until = c->py ? c->py + 1 : 2030;
        d += 2000 + d <= until ? 2000 : 1900;
    }
    int y = a > 31 ? a : d, dd = a > 31 ? d : a;
    if (!is_year(y) || b < 1 || b > 12 || dd < 1 || dd > 31) return 0;
    int hijri = (c->t[i].flags & ISN_TF_ERA_AH) || (is_bare_hijri(y) && !(c->t[i].flags & ISN_TF_ERA_AD));
    return emit_numeric(c, i, i + 1, y, b, dd, hijri) ? 1 : 0;
}

/* "02 / 04 / 2018", "2014-02-14" in five tokens. */
static uint32_t numeric_spaced(tctx *c, uint32_t i) {
    long a = number(c, i), b = number(c, i + 2), d = number(c, i + 4);
    if (a < 0 || b < 0 || d < 0) return 0;
    int slash = is_punct(c, i + 1, "/") && is_punct(c, i + 3, "/");
    int dash = is_punct(c, i + 1, "-") && is_punct(c, i + 3, "-");
    if (!slash && !dash) return 0;
    uint32_t yi = is_year(a) ? i : i + 4;
    long y = is_year(a) ? a : d, dd = is_year(a) ? d : a;
    if (!is_year(y) || b < 1 || b > 12 || dd < 1 || dd > 31) return 0;
    int hijri = (c->t[yi].flags & ISN_TF_ERA_AH) || (is_bare_hijri(y) && !(c->t[yi].flags & ISN_TF_ERA_AD));
    return emit_numeric(c, i, i + 5, y, b, dd, hijri) ? 5 : 0;
}

/* A month name, Gregorian or Hijri, and a paired one after "/"
 * ("حزيران/يونيو"): the month of the first, *mismatch when they differ. */
static uint32_t month_at(tctx *c, uint32_t i, int *month, int *mismatch, int *hijri) {
    *hijri = 0;
    uint32_t n = look(c, &c->lex->months, i, month);
    if (!n && (n = look(c, &c->lex->hijri, i, month))) *hijri = 1;
    if (!n) return 0;
    *mismatch = 0;
    int m2;
    uint32_t k;
    if (is_punct(c, i + n, "/") && (k = look(c, *hijri ? &c->lex->hijri : &c->lex->months, i + n + 1, &m2))) {
        *mismatch = m2 != *month;
        n += 1 + k;
    }
    return n;
}

/* A year after a date: "2014", "2015م", "2015 م", "من عام 2019", "1441هـ". */
static uint32_t year_after(tctx *c, uint32_t j, long *year, int hijri) {
    uint32_t k = j;
    if (is(c, k, "من")) k++;
    if (look(c, &c->lex->year_words, k, NULL)) k++;
    long y = number(c, k);
    int ah = k < c->b && (c->t[k].flags & ISN_TF_ERA_AH);
    if (hijri ? !is_hijri_year(y) : !is_year(y) || ah) return 0;
    k++;
    if (look(c, hijri ? &c->lex->hijri_era : &c->lex->greg_era, k, NULL)) k++;
    *year = y;
    return k - j;
}

/* A Hijri day as a Gregorian value; 0 when the day does not exist. */
static int hijri_day(long hy, int hm, long hd, char *v, size_t size, char *orig, size_t osize) {
    if (hd < 1 || hd > isn_hijri_month_length((int)hy, hm)) return 0;
    int y, m, d;
    isn_civil_from_days(isn_days_from_hijri((int)hy, hm, (int)hd), &y, &m, &d);
    snprintf(v, size, "%04d-%02d-%02d", y, m, d);
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", (int)hy, hm, (int)hd);
    size_t n = strlen(tmp);
    if (n < osize) memcpy(orig, tmp, n + 1);
    return 1;
}

/* Hijri months m1..m2 of year hy as a range of Gregorian days. */
static void hijri_months(long hy, int m1, int m2, char *v, size_t size) {
    int y1, mo1, d1, y2, mo2, d2;
    isn_civil_from_days(isn_days_from_hijri((int)hy, m1, 1), &y1, &mo1, &d1);
    isn_civil_from_days(isn_days_from_hijri((int)hy, m2, isn_hijri_month_length((int)hy, m2)), &y2, &mo2, &d2);
    snprintf(v, size, "%04d-%02d-%02d/%04d-%02d-%02d", y1, mo1, d1, y2, mo2, d2);
}

/* The day a date starts with: "6", "التاسع عشر من", "5 إلى 9", "5 و6",
 * "19 من". Sets *day (and *day2 for a range of days); returns the tokens. */
static uint32_t day_words(tctx *c, uint32_t i, long *day, long *day2) {
    int ord;
    uint32_t n;
    *day2 = 0;
    if ((n = look(c, &c->lex->ordinals, i, &ord))) { /* "التاسع عشر من يناير", "غرة شوال" */
        *day = ord;
        return n + is(c, i + n, "من");
    }
    *day = number(c, i);
    if (*day < 1 || *day > 31) return 0;
    uint32_t j = i + 1;
    long d2;
    if ((is_punct(c, j, "-") || look(c, &c->lex->range_to, j, NULL)) && (d2 = number(c, j + 1)) > *day && d2 <= 31)
        *day2 = d2, j += 2; /* "5 إلى 9 مارس" */
    else if (glued_w(c, j) && (d2 = number(c, j)) > *day && d2 <= 31)
        *day2 = d2, j += 1; /* "5 و6 مارس" */
    if (is(c, j, "من")) j++; /* "19 من يناير" */
    return j - i;
}

/* [weekday] day [من] [شهر] month [/ month] [year | الماضي], Gregorian or Hijri. */
static uint32_t day_month(tctx *c, uint32_t i) {
    long day, day2;
    uint32_t j = i + day_words(c, i, &day, &day2);
    if (j == i) return 0;
    if (is(c, j, "شهر")) j++;
    int month, mismatch, hijri, rel = REL_NONE, anchored = 0;
    uint32_t n = month_at(c, j, &month, &mismatch, &hijri);
    if (!n) return 0;
    j += n;
    long year = 0;
    uint32_t k = year_after(c, j, &year, hijri);
    if (k) j += k;
    else if ((rel = rel_word(c, j))) j++;
    else if (hijri) return 0; /* "15 رمضان" alone: too often a name ("العاشر من رمضان") */
    char v[24], orig[12] = "";
    if (hijri) {
        if (!year && !c->py) return 0;
        if (!year) { /* "15 رمضان الماضي" */
            int hy, hm, hd;
            isn_hijri_from_days(c->today, &hy, &hm, &hd);
            int before = month < hm || (month == hm && day <= hd);
            year = rel == REL_NEXT ? hy + !before : rel == REL_PAST ? hy - !before : hy, anchored = 1;
        }
        if (!hijri_day(year, month, day, v, sizeof v, orig, sizeof orig)) return 0;
    } else {
        if (!year && c->py) year = anchor_day_year(c, month, (int)day, rel), anchored = 1;
        if (year && day > isn_days_in_month((int)year, month)) return 0;
        char y[8];
        fmt_year(y, sizeof y, year);
        if (day2) snprintf(v, sizeof v, "%.4s-%02d-%02d/%.4s-%02d-%02d", y, month, (int)day, y, month, (int)day2);
        else snprintf(v, sizeof v, "%.4s-%02d-%02d", y, month, (int)day);
    }
    isn_tx *x = emit(c, i, j, v, anchored);
    if (x) x->mismatch = (uint8_t)mismatch, snprintf(x->hijri, sizeof x->hijri, "%s", orig);
    return j - i;
}

/* [شهر|شهري] month [/ month] [و month] (year | الماضي): "مارس 1987",
 * "شهري أغسطس/آب وسبتمبر/أيلول من سنة 2019", "رمضان 1441هـ". */
static uint32_t month_year(tctx *c, uint32_t i) {
    uint32_t j = i;
    if (is(c, j, "شهر") || is(c, j, "شهري")) j++;
    int said_month = j > i; /* "شهر" was read here, not before */
    int month, mismatch, hijri, m2 = 0, mm2, h2, rel = REL_NONE, anchored = 0;
    uint32_t n = month_at(c, j, &month, &mismatch, &hijri), k;
    if (!n) return 0;
    j += n;
    if (glued_w(c, j) && (k = month_at(c, j, &m2, &mm2, &h2)) && h2 == hijri && m2 > month) {
        j += k; /* "أغسطس وسبتمبر 2019" */
    } else if ((look(c, &c->lex->range_to, j, NULL) || is_punct(c, j, "-")) &&
               (k = month_at(c, j + 1, &m2, &mm2, &h2)) && h2 == hijri && m2 > month) {
        j += 1 + k; /* "يناير إلى مارس 2017" */
    } else {
        m2 = 0;
    }
    long year = 0;
    if ((k = year_after(c, j, &year, hijri))) j += k;
    else if ((rel = rel_word(c, j))) j++;
    else return 0; /* a month alone is too often something else ("ماي", "آب", "رجب") */
    char v[48], orig[12] = "", y1[8]; /* months are 1-12; room for what the compiler cannot know */
    if (hijri) {
        if (!year) {
            if (!c->py) return 0;
            int hy, hm, hd;
            isn_hijri_from_days(c->today, &hy, &hm, &hd);
            year = rel == REL_PAST ? (month < hm ? hy : hy - 1) : rel == REL_NEXT ? (month > hm ? hy : hy + 1) : hy;
            anchored = 1;
        }
        hijri_months(year, month, m2 ? m2 : month, v, sizeof v);
        snprintf(orig, sizeof orig, "%04ld-%02d", year, month);
    } else {
        if (!year && c->py) year = anchor_month_year(c, month, rel), anchored = 1;
        fmt_year(y1, sizeof y1, year);
        if (m2) snprintf(v, sizeof v, "%s-%02d/%s-%02d", y1, month, y1, m2);
        else snprintf(v, sizeof v, "%s-%02d", y1, month);
    }
    uint32_t first = i;
    if (!said_month && i > c->a && (is(c, i - 1, "شهر") || is(c, i - 1, "شهري"))) first = i - 1;
    isn_tx *x = emit(c, first, j, v, anchored);
    if (x) x->mismatch = (uint8_t)mismatch, snprintf(x->hijri, sizeof x->hijri, "%s", orig);
    return j - i;
}

/* "صيف 2019" -> 2019-SU, "شتاء عام 2015", "الصيف الماضي". A season with
 * no year is not a date ("الربيع العربي"). */
static uint32_t season(tctx *c, uint32_t i) {
    static const char *names[] = {"", "SP", "SU", "FA", "WI"};
    static const int first_month[] = {0, 3, 6, 9, 12};
    int s, rel;
    uint32_t n = look(c, &c->lex->seasons, i, &s), k;
    if (!n || s < 1 || s > 4) return 0;
    long year = 0;
    int anchored = 0;
    if ((k = year_after(c, i + n, &year, 0)) && !is_bare_hijri(year)) n += k; /* not "صيف 1434" */
    else if ((rel = rel_word(c, i + n))) {
        n++;
        if (c->py) { /* the last season to have ended, the next to begin, or the one under way */
            long pub = (long)c->py * 12 + c->pm - 1;
            for (long y = c->py + 1; y >= c->py - 2 && !year; y--) {
                long start = y * 12 + first_month[s] - 1, end = start + 2;
                if (rel == REL_PAST ? end < pub : rel == REL_CURRENT ? start <= pub && pub <= end : 0) year = y;
            }
            for (long y = c->py - 1; rel == REL_NEXT && y <= c->py + 1 && !year; y++)
                if (y * 12 + first_month[s] - 1 > pub) year = y;
            anchored = year != 0;
        }
    } else {
        return 0;
    }
    char v[24], y[8];
    fmt_year(y, sizeof y, year);
    snprintf(v, sizeof v, "%s-%s", y, names[s]);
    emit(c, i, i + n, v, anchored);
    return n;
}

/* "سبعينيات القرن الماضي" -> 197X, "أوائل التسعينيات من القرن الماضي";
 * a century alone: "القرن العشرين" -> 19XX. */
static uint32_t decade(tctx *c, uint32_t i) {
    int d, cent;
    char v[24];
    uint32_t n = look(c, &c->lex->decades, i, &d), k;
    if (!n) {
        if (!(k = look(c, &c->lex->centuries, i, &cent))) return 0;
        snprintf(v, sizeof v, "%02dXX", cent);
        emit(c, i, i + k, v, 0);
        return k;
    }
    uint32_t j = i + n + is(c, i + n, "من");
    if (!(k = look(c, &c->lex->centuries, j, &cent))) return 0;
    snprintf(v, sizeof v, "%02d%dX", cent, d);
    emit(c, i, j + k, v, 0);
    return j + k - i;
}

/* Does a range's second end follow at j: "إلى 2014", "- 2014", "و2014"? */
static int year_range_follows(const tctx *c, uint32_t j) {
    if ((look(c, &c->lex->range_to, j, NULL) || is_punct(c, j, "-")) && is_year(number(c, j + 1))) return 1;
    if (look(c, &c->lex->range_to, j, NULL) && look(c, &c->lex->year_words, j + 1, NULL) && is_year(number(c, j + 2)))
        return 1;
    return glued_w(c, j) && is_year(number(c, j));
}

/* "عام 2016", "في 2011", "2015م", "1977-1978", "1441هـ", "عام 1441 هـ". A
 * number is a year only with a cue: an era letter or word, a year word or
 * a preposition before it, or a range ("من 2011 إلى 2014"); "1500 جندي" is
 * not a year. */
static uint32_t year_expr(tctx *c, uint32_t i) {
    uint32_t j = i;
    if (look(c, &c->lex->year_words, j, NULL)) j++; /* "العام 2018" after a part word */
    long y = number(c, j);
    if (y < 0) return 0;
    uint32_t first = j > i ? i : (i > c->a && look(c, &c->lex->year_words, i - 1, NULL) ? i - 1 : i);
    char v[24];
    int era_ah = (c->t[j].flags & ISN_TF_ERA_AH) || look(c, &c->lex->hijri_era, j + 1, NULL);
    int era_ad = (c->t[j].flags & ISN_TF_ERA_AD) || look(c, &c->lex->greg_era, j + 1, NULL);
    int bare_hijri = !era_ad && is_bare_hijri(y) && (first < j || (j > c->a && look(c, &c->lex->year_preps, j - 1, NULL)));
    if (era_ah || bare_hijri) { /* a Hijri year: the Gregorian days from 1 Muharram to the end of Dhu al-Hijja */
        if (!is_hijri_year(y)) return 0;
        uint32_t last = j + 1 + (era_ah && !(c->t[j].flags & ISN_TF_ERA_AH));
        hijri_months(y, 1, 12, v, sizeof v);
        isn_tx *x = emit(c, first, last, v, 0);
        if (x) snprintf(x->hijri, sizeof x->hijri, "%04d", (int)y);
        return last - i;
    }
    if (!is_year(y)) return 0;
    long y2 = number(c, j + 2);
    if (is_punct(c, j + 1, "-") && is_year(y2) && y2 > y) { /* "1977-1978" */
        snprintf(v, sizeof v, "%04d/%04d", (int)y, (int)y2);
        emit(c, first, j + 3, v, 0);
        return j + 3 - i;
    }
    int era = era_ad;
    int cue = c->cued || first < j || (j > c->a && look(c, &c->lex->year_preps, j - 1, NULL)) ||
              (j > c->a && (is_w(c, j - 1, "من") || is_w(c, j - 1, "بين")) && year_range_follows(c, j + 1));
    if (!era && !cue) return 0;
    uint32_t last = j + 1 + (era && !(c->t[j].flags & ISN_TF_ERA_AD));
    snprintf(v, sizeof v, "%04ld", y);
    emit(c, first, last, v, 0);
    return last - i;
}

/* "منذ عامين", "قبل ثلاثة أيام", "قبل 10 سنوات": a point counted back from
 * the publication date, at the unit's precision. Not "منذ عام 2016" (a
 * year), "قبل يومين من الانتخابات" (counted from another event) or "منذ
 * سنوات" (no count). */
static uint32_t ago(tctx *c, uint32_t i) {
    if (!look(c, &c->lex->ago, i, NULL)) return 0;
    uint32_t j = i + 1, n;
    long count = number(c, j);
    int cv, u;
    if (count > 0) j++;
    else if ((n = look(c, &c->lex->counts, j, &cv))) count = cv, j += n;
    else count = 0;
    if (!(n = look(c, &c->lex->units, j, &u))) return 0;
    int unit = u & 7, in_word = u >> 3;
    if (!count) count = in_word;
    else if (in_word > 1) return 0;
    if (!count || count > 100) return 0;
    j += n;
    if (number(c, j) >= 0 || is(c, j, "من") || is(c, j, "على")) return 0;
    char v[24];
    period_value(c, unit, -count, v, sizeof v);
    emit(c, i, j, v, c->py != 0);
    return j - i;
}

static uint32_t day_or_date(tctx *c, uint32_t i);

/* أمس, اليوم, الأربعاء, الأحد المقبل, الأسبوع الماضي, الشهر الجاري, هذا العام. */
static uint32_t relative(tctx *c, uint32_t i) {
    int v, rel;
    char val[24];
    uint32_t n;
    if ((n = look(c, &c->lex->relative_days, i, &v))) {
        period_value(c, ISN_UNIT_DAY, v, val, sizeof val);
        uint32_t k = look(c, &c->lex->weekdays, i + n, NULL); /* "أمس الجمعة": one expression */
        emit(c, i, i + n + k, val, c->py != 0);
        return n + k;
    }
    if ((n = look(c, &c->lex->weekdays, i, &v))) {
        uint32_t at = i + n + is_punct(c, i + n, ","), k;
        if ((k = day_or_date(c, at))) return at + k - i; /* "الخميس 6 نوفمبر 2014": the date takes the weekday */
        rel = rel_word(c, i + n);
        long day = c->today;
        if (rel == REL_NEXT) { /* "الأحد المقبل": the next such day */
            int fwd = (v - isn_weekday(c->today) + 7) % 7;
            day += fwd ? fwd : 7;
        } else { /* "الأربعاء", "الأحد الماضي": the last such day */
            int back = (isn_weekday(c->today) - v + 7) % 7;
            if (rel == REL_PAST && back == 0) back = 7;
            day -= back;
        }
        int y, m, d;
        isn_civil_from_days(day, &y, &m, &d);
        if (c->py) snprintf(val, sizeof val, "%04d-%02d-%02d", y, m, d);
        else snprintf(val, sizeof val, "XXXX-WXX-%d", (v + 6) % 7 + 1); /* ISO: Monday 1 .. Sunday 7 */
        uint32_t e = i + n + (rel != REL_NONE);
        emit(c, i, e, val, c->py != 0);
        return e - i;
    }
    uint32_t j = i + (look(c, &c->lex->this_words, i, NULL) ? 1 : 0); /* "هذا العام" */
    if (!(n = look(c, &c->lex->periods, j, &v))) return 0;
    rel = j > i ? REL_CURRENT : rel_word(c, j + n);
    if (rel == REL_NONE) return 0;
    period_value(c, v, rel == REL_PAST ? -1 : rel == REL_NEXT ? 1 : 0, val, sizeof val);
    uint32_t e = j + n + (j == i);
    emit(c, i, e, val, c->py != 0);
    return e - i;
}

/* The patterns that give a day, for a weekday to join. */
static uint32_t day_or_date(tctx *c, uint32_t i) {
    if (i >= c->b) return 0;
    uint32_t n = numeric_token(c, i);
    if (!n) n = numeric_spaced(c, i);
    if (!n) n = day_month(c, i);
    return n;
}

/* Every pattern at token i, in order. */
static uint32_t scan_at(tctx *c, uint32_t i) {
    if (i >= c->b) return 0;
    uint32_t n = day_or_date(c, i);
    if (!n) n = month_year(c, i);
    if (!n) n = season(c, i);
    if (!n) n = decade(c, i);
    if (!n) n = year_expr(c, i);
    if (!n) n = ago(c, i);
    if (!n) n = relative(c, i);
    return n;
}

/* "من X إلى Y", "بين X وY": joins the expression just found (x) with the
 * one after the connector into one range; the first end borrows the
 * second's year when it has none of its own ("من 5 مارس إلى 7 أبريل
 * 2019"). Returns the tokens added after x. */
static uint32_t join_range(tctx *c, size_t xi) {
    isn_tx *x = &c->w->times.v[xi];
    uint32_t t0 = x->t0, j = x->t1, y0;
    if (strchr(x->value, '/') || t0 == c->a || j >= c->b) return 0;
    int between = is_w(c, t0 - 1, "بين");
    if (!between && !is_w(c, t0 - 1, "من")) return 0;
    if (look(c, &c->lex->range_to, j, NULL) || is_punct(c, j, "-") || (between && is(c, j, "و"))) y0 = j + 1;
    else if (between && glued_w(c, j)) y0 = j;
    else return 0;
    size_t before = c->w->times.n;
    c->cued = 1;
    uint32_t n = scan_at(c, y0);
    c->cued = 0;
    if (!n || c->w->times.n != before + 1) { c->w->times.n = before; return 0; }
    x = &c->w->times.v[xi];
    isn_tx *y = &c->w->times.v[before];
    if (strchr(y->value, '/') || y->hijri[0] != x->hijri[0]) { c->w->times.n = before; return 0; }
    char a[24], b[24]; /* neither holds a '/': each is at most "2014-02-14" long */
    snprintf(a, sizeof a, "%s", x->value);
    snprintf(b, sizeof b, "%s", y->value);
    if (memcmp(y->value, "XXXX", 4) && (!memcmp(a, "XXXX", 4) || (x->anchored && !y->anchored)))
        memcpy(a, y->value, 4); /* the year written once, at the end */
    snprintf(x->value, sizeof x->value, "%.10s/%.10s", a, b);
    x->end = y->end, x->t1 = y->t1;
    x->anchored = y->anchored && x->anchored;
    c->w->times.n = before;
    return y0 + n - j;
}

int isn_time_run(const isn_time_lex *lex, const isn_token *toks, const isn_sent *sents, size_t nsents,
                 const char *norm, int py, int pm, int pd, isn_time_work *w) {
    ISN_VEC_RESET(w->times);
    tctx c = {lex, toks, norm, 0, 0, 0, py, pm, pd, py ? isn_days_from_civil(py, pm, pd) : 0, 0, w};
    static const char *mods[] = {"", "START", "MID", "END"};
    for (size_t s = 0; s < nsents; s++) {
        c.a = sents[s].first, c.b = sents[s].last, c.sentence = (uint32_t)s;
        for (uint32_t i = c.a; i < c.b;) {
            if (!may_open(&c, i)) { i++; continue; }
            uint32_t skip = look(&c, &lex->not_dates, i, NULL); /* "الأحد عشر" */
            if (skip) { i += skip; continue; }
            /* a part word before the expression: "أواخر 2015", "بداية يناير 1989";
             * not the first word of a relative day ("أول أمس") */
            int mod = 0;
            uint32_t part = look(&c, &lex->relative_days, i, NULL) ? 0 : look(&c, &lex->parts, i, &mod);
            size_t before = w->times.n;
            c.cued = part > 0;
            uint32_t n = scan_at(&c, i + part);
            c.cued = 0;
            if (!n) part = 0;
            if (n && w->times.n > before) {
                isn_tx *x = &w->times.v[before];
                if (part) {
                    x->start = toks[i].start, x->t0 = i;
                    snprintf(x->mod, sizeof x->mod, "%s", mods[mod >= 0 && mod < 4 ? mod : 0]);
                }
                n += join_range(&c, before);
            }
            i += n ? n + part : 1;
            if (w->times.oom) return ISN_ENOMEM;
        }
    }
    return ISN_OK;
}

void isn_time_work_free(isn_time_work *w) {
    ISN_VEC_FREE(w->times);
    isn_wordmemo_free(&w->opens);
}
