/*
 * dateline.c -- recognising a line that is only a publication date.
 *
 * Scraped articles carry their date as a line of its own near the top:
 * "19/11/2019", "الخميس 6 نوفمبر 2014 - 10:32", "نشر في 2019-04-04". Such a
 * line is the document's date when the input has no metadata. A line counts
 * only when every word is a number, a month or weekday name, or one of the
 * filler words of the [dateline-words] section; anything else means it is
 * prose that happens to hold a date, which is the time stage's business.
 *
 * Numeric dates are read day-month-year (the Arab world's order), or
 * year-month-day when the first number has four digits.
 */
#include "clean.h"

#include <stdlib.h>
#include <string.h>

static int valid(int y, int m, int d) {
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int isn_parse_iso_date(const char *s, int *y, int *m, int *d) {
    if (!s) return 0;
    int a = 0, b = 0, c = 0, na = 0, nb = 0, nc = 0;
    const char *p = s;
    while (*p >= '0' && *p <= '9') { a = a * 10 + (*p++ - '0'); if (++na > 4) return 0; }
    char sep = *p;
    if (sep != '-' && sep != '/' && sep != '.') return 0;
    p++;
    while (*p >= '0' && *p <= '9') { b = b * 10 + (*p++ - '0'); if (++nb > 2) return 0; }
    if (*p++ != sep) return 0;
    while (*p >= '0' && *p <= '9') { c = c * 10 + (*p++ - '0'); if (++nc > 4) return 0; }
    if (*p && *p != ' ' && *p != 'T') return 0;
    if (na == 4 && nc <= 2 && valid(a, b, c)) { *y = a; *m = b; *d = c; return 1; }
    if (nc == 4 && na <= 2 && valid(c, b, a)) { *y = c; *m = b; *d = a; return 1; }
    return 0;
}

/* A word of the line: [p, p+n). Words are split at spaces and at date
 * punctuation; a time "14:52" is one word. */
typedef struct word { const char *p; size_t n; } word;

static int is_sep(char c) {
    return c == ' ' || c == '/' || c == '-' || c == '.' || c == ',' || c == '|' || c == '(' ||
           c == ')' || c == '"' || c == '\'';
}

static size_t split_words(const char *s, size_t n, word *w, size_t max) {
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && is_sep(s[i])) i++;
        size_t a = i;
        while (i < n && !is_sep(s[i])) i++;
        if (i > a) w[k++] = (word){s + a, i - a};
    }
    return i < n ? max + 1 : k; /* too many words: not a dateline */
}

static int number(const word *w, int *v) {
    if (w->n == 0 || w->n > 4) return 0;
    int x = 0;
    for (size_t i = 0; i < w->n; i++) {
        if (w->p[i] < '0' || w->p[i] > '9') return 0;
        x = x * 10 + (w->p[i] - '0');
    }
    *v = x;
    return 1;
}

static int is_time(const word *w) {
    const char *c = memchr(w->p, ':', w->n);
    if (!c) return 0;
    for (size_t i = 0; i < w->n; i++)
        if (w->p[i] != ':' && (w->p[i] < '0' || w->p[i] > '9')) return 0;
    return 1;
}

/* Looks a word (or two words) up in a phrase set, also without a leading
 * "ال" or glued "و"/"ب"/"في". Returns the number of words used (0: none). */
static int lookup(const isn_phrases *ps, const word *w, size_t k, size_t i, int *value) {
    char buf[256];
    if (i + 1 < k && w[i].n + w[i + 1].n + 1 < sizeof buf) {
        memcpy(buf, w[i].p, w[i].n);
        buf[w[i].n] = ' ';
        memcpy(buf + w[i].n + 1, w[i + 1].p, w[i + 1].n);
        const isn_phrase *p = isn_phrases_get(ps, buf, w[i].n + 1 + w[i + 1].n);
        if (p) { *value = p->value; return 2; }
    }
    const isn_phrase *p = isn_phrases_get(ps, w[i].p, w[i].n);
    static const char *strip[] = {"\xd8\xa7\xd9\x84", "\xd9\x88", "\xd8\xa8", NULL}; /* ال و ب */
    for (int s = 0; !p && strip[s]; s++) {
        size_t sl = strlen(strip[s]);
        if (w[i].n > sl + 2 && !memcmp(w[i].p, strip[s], sl)) p = isn_phrases_get(ps, w[i].p + sl, w[i].n - sl);
    }
    if (p) { *value = p->value; return 1; }
    return 0;
}

int isn_parse_dateline(const isn_clean_lex *lex, const char *norm, size_t n, int *y, int *m, int *d) {
    word w[16];
    size_t k = split_words(norm, n, w, 16);
    if (k == 0 || k > 16) return 0;
    int nums[3], nn = 0, month = 0, v;
    for (size_t i = 0; i < k; i++) {
        int used;
        if (is_time(&w[i])) continue;
        if (number(&w[i], &v)) {
            if (nn == 3) return 0;
            nums[nn++] = v;
        } else if ((used = lookup(lex->months, w, k, i, &v))) {
            if (month) return 0;
            month = v;
            i += (size_t)used - 1;
        } else if (lookup(lex->weekdays, w, k, i, &v) ||
                   isn_phrases_get(&lex->dateline_words, w[i].p, w[i].n)) {
            continue;
        } else {
            return 0;
        }
    }
    if (month && nn == 2) { /* "6 نوفمبر 2014" or "November 6, 2014" */
        int dd = nums[0] > 31 ? nums[1] : nums[0], yy = nums[0] > 31 ? nums[0] : nums[1];
        if (!valid(yy, month, dd)) return 0;
        *y = yy; *m = month; *d = dd;
        return 1;
    }
    if (!month && nn == 3) {
        if (nums[0] >= 1000 && valid(nums[0], nums[1], nums[2])) { *y = nums[0]; *m = nums[1]; *d = nums[2]; return 1; }
        if (valid(nums[2], nums[1], nums[0])) { *y = nums[2]; *m = nums[1]; *d = nums[0]; return 1; }
    }
    return 0;
}
