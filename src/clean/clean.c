/*
 * clean.c -- boilerplate in plain text, title, dateline and outlet.
 *
 * Scraped articles arrive with the page around them: ad shortcodes
 * ("[ads2]"), "read also" links, like and share widgets, view counters, a
 * comment form with its policy paragraph and spam trap, and the readers'
 * comments themselves. None of it is news, and a reader's comment quoted as
 * a claim would be a serious error, so these spans are reported as
 * `removed` and no later stage looks inside them.
 *
 * The cleaner works on lines, because that is how scrapers lay pages out:
 *
 *   1. each line is trimmed, normalised (lexfile's rules) and classified
 *      against the phrase lists of data/clean/boilerplate.txt;
 *   2. the first comment-form line (a comments heading, the comment policy,
 *      the spam-trap note) that follows real article text opens the comment
 *      section, which runs to the end of the text: the comments below it are
 *      free prose that no phrase list could recognise one by one;
 *   3. other boilerplate lines are removed one by one; ad shortcodes are
 *      removed where they stand, even inside a line;
 *   4. the title is the first line when it reads as a headline (a few words,
 *      no full stop), skipping one tag word above it; the same headline
 *      repeated below it is removed; a dateline near the top gives the
 *      date; a closing "المصدر: ..." line gives the outlet.
 *
 * The article text itself must never be removed: every rule is anchored on
 * phrases that do not occur in prose, and line-level rules apply only to
 * short lines.
 */
#include "clean.h"
#include "../core/error.h"
#include "../core/utf8.h"
#include "../text/chars.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum line_kind {
    L_BLANK, L_TEXT, L_AD, L_COMMENT_HEAD, L_COMMENT_POLICY, L_SPAMTRAP, L_WIDGET,
    L_READMORE, L_COUNTER, L_SOURCE, L_DATELINE, L_DUPTITLE
};

struct isn_line {
    uint32_t ts, te;   /* trimmed line */
    uint16_t nwords;
    uint8_t kind;
    uint8_t has_shortcode;
};

#define MAX_CLASSIFIED 4000 /* longer lines are article text, never boilerplate */

/* ---- helpers on normalised lines ----------------------------------------- */

static size_t count_words(const char *s, size_t n) {
    size_t w = n ? 1 : 0;
    for (size_t i = 0; i < n; i++) w += s[i] == ' ';
    return w;
}

/* Does the normalised line start with phrase p, ending at a word boundary? */
static int starts_with(const char *s, size_t n, const char *p, size_t pn) {
    if (pn > n || memcmp(s, p, pn)) return 0;
    if (pn == n) return 1;
    unsigned char c = (unsigned char)s[pn];
    return c == ' ' || c == ':' || c == '(' || c == '-' || c == ',' || c == '.';
}

static const isn_phrase *any_prefix(const isn_phrases *ps, const char *s, size_t n) {
    for (size_t i = 0; i < ps->items.n; i++) {
        const isn_phrase *p = &ps->items.v[i];
        if (starts_with(s, n, isn_phrase_text(ps, p), p->len)) return p;
    }
    return NULL;
}

static int any_contains(const isn_phrases *ps, const char *s, size_t n) {
    for (size_t i = 0; i < ps->items.n; i++) {
        const isn_phrase *p = &ps->items.v[i];
        if (memmem(s, n, isn_phrase_text(ps, p), p->len)) return 1;
    }
    return 0;
}

/* Is every word of the line in the set (punctuation and digits ignored)? */
static int all_words_in(const isn_phrases *ps, const char *s, size_t n) {
    size_t i = 0, seen = 0;
    while (i < n) {
        size_t a = i;
        while (i < n && s[i] != ' ') i++;
        size_t b = i;
        while (a < b && (unsigned char)s[a] < 0x80 && !((s[a] | 32) >= 'a' && (s[a] | 32) <= 'z')) a++;
        while (b > a && (unsigned char)s[b - 1] < 0x80 && !((s[b - 1] | 32) >= 'a' && (s[b - 1] | 32) <= 'z')) b--;
        if (b > a) {
            if (!isn_phrases_get(ps, s + a, b - a)) return 0;
            seen++;
        }
        i++;
    }
    return seen > 0;
}

static int is_digits(const char *s, size_t n) {
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.') return 0;
    return 1;
}

/* "336 مشاهدة", "المشاهدات: 1.2", "views 45": a number and a counter word,
 * nothing else but punctuation. */
static int is_counter(const isn_phrases *counters, const char *s, size_t n) {
    int num = 0, word = 0;
    size_t i = 0;
    while (i < n) {
        size_t a = i;
        while (i < n && s[i] != ' ') i++;
        size_t b = i;
        while (b > a && (s[b - 1] == ':' || s[b - 1] == '|')) b--;
        if (b > a) {
            if (is_digits(s + a, b - a)) num++;
            else if (isn_phrases_get(counters, s + a, b - a)) word++;
            else return 0;
        }
        i++;
    }
    return num == 1 && word >= 1;
}

/* "[ads2]", "[caption]": a shortcode, ASCII letters first, at s[i] == '['.
 * Returns its length or 0. */
static size_t shortcode_at(const char *s, size_t i, size_t end) {
    size_t j = i + 1;
    if (j >= end || !((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z')) return 0;
    while (j < end && j - i < 40) {
        char c = s[j];
        if (c == ']') return j + 1 - i;
        if (!((c | 32) >= 'a' && (c | 32) <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '/')
            return 0;
        j++;
    }
    return 0;
}

static int add_removed(isn_clean_out *out, size_t a, size_t b, int kind) {
    if (a >= b) return 0;
    isn_removed *r = ISN_VEC_PUSH(out->removed);
    if (!r) return -1;
    r->start = (uint32_t)a;
    r->end = (uint32_t)b;
    r->kind = (uint8_t)kind;
    return 0;
}

/* ---- pass 1: lines ----------------------------------------------------------- */

static int is_blank_char(const unsigned char *s, size_t i, int *k) {
    isn_char tmp;
    const isn_char *ci = isn_char_of(isn_utf8_next(s + i, k), &tmp);
    return ci->cls == ISN_CC_SPACE || ci->cls == ISN_CC_INVISIBLE || ci->cls == ISN_CC_NEWLINE;
}

static void trim_line(const char *text, size_t a, size_t b, uint32_t *ts, uint32_t *te) {
    const unsigned char *s = (const unsigned char *)text;
    int k;
    while (a < b && is_blank_char(s, a, &k)) a += (size_t)k;
    while (b > a) {
        const unsigned char *p = isn_utf8_prev(s + a, s + b);
        if (!is_blank_char(s, (size_t)(p - s), &k)) break;
        b = (size_t)(p - s);
    }
    *ts = (uint32_t)a;
    *te = (uint32_t)b;
}

static int only_shortcodes(const char *s, size_t a, size_t b) {
    size_t i = a;
    int seen = 0;
    while (i < b) {
        if (s[i] == ' ' || s[i] == '\t') { i++; continue; }
        size_t k = s[i] == '[' ? shortcode_at(s, i, b) : 0;
        if (!k) return 0;
        i += k;
        seen = 1;
    }
    return seen;
}

#define SHORT_WORDS 40      /* more words: a paragraph, read by its opening only */
#define OPENING_BYTES 256   /* a paragraph's opening: its first twenty-odd Arabic words */

static int classify(const isn_clean_lex *lex, const char *text, struct isn_line *ln, isn_buf *nb) {
    if (ln->ts == ln->te) return L_BLANK;
    if (memchr(text + ln->ts, '[', ln->te - ln->ts)) {
        ln->has_shortcode = 1;
        if (only_shortcodes(text, ln->ts, ln->te)) return L_AD;
    }
    size_t len = ln->te - ln->ts;
    if (len > MAX_CLASSIFIED) { ln->nwords = UINT16_MAX; return L_TEXT; }
    /* A paragraph longer than any short boilerplate line (counted on its
     * words as written) is read by its opening only: a comment heading or a
     * comment policy says what it is in its first twenty words or so. An
     * article's long paragraphs are then not normalised twice nor searched
     * for every policy phrase. */
    size_t raw_words = 1;
    for (size_t i = ln->ts + 1; i < ln->te; i++) raw_words += text[i] == ' ' && text[i - 1] != ' ';
    int paragraph = raw_words > SHORT_WORDS;
    if (paragraph) {
        size_t cut = OPENING_BYTES;
        while (cut < len && text[ln->ts + cut] != ' ') cut++;
        if (cut < len) len = cut;
    }
    isn_buf_reset(nb);
    if (isn_buf_reserve(nb, 3 * len + 1)) return L_TEXT;
    size_t n = isn_normalize_phrase(text + ln->ts, len, nb->data);
    const char *s = nb->data;
    size_t nw = paragraph ? raw_words : count_words(s, n);
    ln->nwords = (uint16_t)(nw < UINT16_MAX ? nw : UINT16_MAX);
    int y, m, d;
    const isn_phrase *hp;

    if (isn_phrases_get(&lex->ad_lines, s, n)) return L_AD;
    if ((hp = any_prefix(&lex->comment_heading, s, n)) &&
        (hp->len == n || s[hp->len] == ':' || s[hp->len + 1] == ':' || s[hp->len + 1] == '(' ||
         (hp->nwords >= 2 && nw <= 15)))
        return L_COMMENT_HEAD;
    if (any_contains(&lex->comment_policy, s, n)) return L_COMMENT_POLICY;
    if (any_contains(&lex->spam_trap, s, n)) return L_SPAMTRAP;
    if (paragraph) return L_TEXT;
    if (nw <= 12 && any_contains(&lex->widget, s, n)) return L_WIDGET;
    if (nw <= 8 && all_words_in(&lex->share_words, s, n)) return L_WIDGET;
    if (nw <= 30 && any_prefix(&lex->read_more, s, n)) return L_READMORE;
    if (nw <= 5 && is_counter(&lex->counters, s, n)) return L_COUNTER;
    if (nw <= 12 && any_prefix(&lex->source_prefix, s, n)) return L_SOURCE;
    if (nw <= 12 && isn_parse_dateline(lex, s, n, &y, &m, &d)) return L_DATELINE;
    return L_TEXT;
}

/* ---- pass 2: decisions ---------------------------------------------------- */

static int is_comment_form(int kind) {
    return kind == L_COMMENT_HEAD || kind == L_COMMENT_POLICY || kind == L_SPAMTRAP;
}

static int removed_kind(int kind) {
    switch (kind) {
    case L_AD: return ISN_RM_AD;
    case L_WIDGET: return ISN_RM_WIDGET;
    case L_READMORE: return ISN_RM_READMORE;
    case L_COUNTER: return ISN_RM_COUNTER;
    case L_SPAMTRAP: return ISN_RM_SPAMTRAP;
    case L_COMMENT_HEAD: case L_COMMENT_POLICY: return ISN_RM_COMMENTS;
    case L_DUPTITLE: return ISN_RM_DUPTITLE;
    }
    return -1;
}

/* A headline: a few words on one line, no sentence-final full stop. */
static int headline_like(const char *text, const struct isn_line *ln) {
    if (ln->kind != L_TEXT || ln->nwords < 2 || ln->nwords > 25 || ln->te - ln->ts > 400) return 0;
    const char *s = text + ln->ts;
    size_t n = ln->te - ln->ts;
    if (s[n - 1] == ':' || (s[n - 1] == '.' && !(n >= 2 && s[n - 2] == '.'))) return 0;
    for (size_t i = 1; i + 1 < n; i++) /* ". " inside, other than ".. " */
        if (s[i] == '.' && s[i + 1] == ' ' && s[i - 1] != '.') return 0;
    return 1;
}

static size_t next_nonblank(const struct isn_line *L, size_t n, size_t i) {
    while (i < n && L[i].kind == L_BLANK) i++;
    return i;
}

static int same_line(const isn_clean_lex *lex, const char *text, const struct isn_line *a,
                     const struct isn_line *b, isn_buf *nb) {
    (void)lex;
    size_t la = a->te - a->ts, lb = b->te - b->ts;
    if (la > MAX_CLASSIFIED || lb > MAX_CLASSIFIED) return 0;
    isn_buf_reset(nb);
    if (isn_buf_reserve(nb, 3 * (la + lb) + 2)) return 0;
    size_t na = isn_normalize_phrase(text + a->ts, la, nb->data);
    char *sb = nb->data + na + 1;
    size_t nbl = isn_normalize_phrase(text + b->ts, lb, sb);
    return na == nbl && !memcmp(nb->data, sb, na);
}

static void find_title(const isn_clean_lex *lex, const char *text, struct isn_line *L, size_t n,
                       isn_clean_out *out, isn_buf *nb) {
    size_t i = next_nonblank(L, n, 0);
    if (i >= n) return;
    if (L[i].kind == L_TEXT && L[i].nwords == 1) { /* a tag word above the headline */
        size_t j = next_nonblank(L, n, i + 1);
        if (j < n && headline_like(text, &L[j])) i = j;
    }
    if (!headline_like(text, &L[i]) || next_nonblank(L, n, i + 1) >= n) return;
    out->title = (isn_span){L[i].ts, L[i].te};
    size_t j = next_nonblank(L, n, i + 1);
    if (j < n && L[j].kind == L_TEXT && same_line(lex, text, &L[i], &L[j], nb)) L[j].kind = L_DUPTITLE;
}

static void find_dateline(const isn_clean_lex *lex, const char *text, const struct isn_line *L,
                          size_t n, isn_clean_out *out, isn_buf *nb) {
    for (size_t i = 0, seen = 0; i < n && seen < 6; i++) {
        if (L[i].kind == L_BLANK) continue;
        seen++;
        if (L[i].kind != L_DATELINE) continue;
        size_t len = L[i].te - L[i].ts;
        isn_buf_reset(nb);
        if (isn_buf_reserve(nb, 3 * len + 1)) return;
        size_t k = isn_normalize_phrase(text + L[i].ts, len, nb->data);
        isn_parse_dateline(lex, nb->data, k, &out->year, &out->month, &out->day);
        return;
    }
}

/* "المصدر: الأناضول ووكالات" -> the span of "الأناضول". */
static void find_outlet(const isn_clean_lex *lex, const char *text, const struct isn_line *L,
                        size_t n, isn_clean_out *out, isn_buf *nb) {
    size_t seen = 0;
    for (size_t i = n; i-- > 0 && seen < 3;) {
        if (L[i].kind == L_BLANK || removed_kind(L[i].kind) >= 0) continue;
        seen++;
        if (L[i].kind != L_SOURCE) continue;
        /* skip the prefix words and the separator in the original text */
        size_t len = L[i].te - L[i].ts;
        isn_buf_reset(nb);
        if (isn_buf_reserve(nb, 3 * len + 1)) return;
        isn_normalize_phrase(text + L[i].ts, len, nb->data);
        const isn_phrase *p = any_prefix(&lex->source_prefix, nb->data, strlen(nb->data));
        if (!p) return;
        /* walk the original past as many words as the prefix has, then ":-" */
        size_t a = L[i].ts, b = L[i].te;
        for (unsigned w = 0; w < p->nwords; w++) {
            while (a < b && text[a] != ' ' && text[a] != ':') a++;
            while (a < b && text[a] == ' ') a++;
        }
        while (a < b && (text[a] == ':' || text[a] == '-' || text[a] == ' ')) a++;
        /* drop trailing "ووكالات", "وكالات", "+" ... */
        for (;;) {
            size_t e = b;
            while (e > a && text[e - 1] == ' ') e--;
            size_t ws = e;
            while (ws > a && text[ws - 1] != ' ') ws--;
            if (ws == a) { b = e; break; }
            char tmp[256];
            if (e - ws >= sizeof tmp / 3) { b = e; break; }
            size_t tn = isn_normalize_phrase(text + ws, e - ws, tmp);
            if (!isn_phrases_get(&lex->source_suffix, tmp, tn)) { b = e; break; }
            b = ws;
        }
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '.' || text[b - 1] == ',')) b--;
        if (b > a) out->outlet = (isn_span){(uint32_t)a, (uint32_t)b};
        return;
    }
}

static int remove_lines(const char *text, size_t len, struct isn_line *L, size_t n, isn_clean_out *out) {
    size_t zone = n;
    int body = 0;
    for (size_t i = 0; i < n; i++) {
        if (L[i].kind == L_TEXT && L[i].nwords >= 8) body = 1;
        if (body && is_comment_form(L[i].kind)) { zone = i; break; }
    }
    for (size_t i = 0; i < zone; i++) {
        int rk = removed_kind(L[i].kind);
        if (rk >= 0) {
            if (add_removed(out, L[i].ts, L[i].te, rk)) return -1;
        } else if (L[i].has_shortcode) {
            for (size_t j = L[i].ts; j < L[i].te; j++) {
                size_t k = text[j] == '[' ? shortcode_at(text, j, L[i].te) : 0;
                if (k && add_removed(out, j, j + k, ISN_RM_AD)) return -1;
                if (k) j += k - 1;
            }
        }
    }
    if (zone < n) {
        size_t end = len;
        for (size_t i = n; i-- > zone;)
            if (L[i].kind != L_BLANK) { end = L[i].te; break; }
        if (add_removed(out, L[zone].ts, end, ISN_RM_COMMENTS)) return -1;
    }
    return 0;
}

int isn_clean(const isn_clean_lex *lex, const char *text, size_t len, int want_title,
              isn_clean_out *out, isn_clean_work *w) {
    isn_chars_init();
    ISN_VEC_RESET(out->removed);
    out->title = out->outlet = (isn_span){0, 0};
    out->year = out->month = out->day = 0;
    ISN_VEC_RESET(w->lines);
    size_t a = 0;
    while (a <= len) {
        const char *nl = a < len ? memchr(text + a, '\n', len - a) : NULL;
        size_t b = nl ? (size_t)(nl - text) : len;
        struct isn_line *ln = ISN_VEC_PUSH(w->lines);
        if (!ln) return ISN_ENOMEM;
        memset(ln, 0, sizeof *ln);
        trim_line(text, a, b, &ln->ts, &ln->te);
        ln->kind = (uint8_t)classify(lex, text, ln, &w->line);
        if (!nl) break;
        a = b + 1;
    }
    struct isn_line *L = w->lines.v;
    size_t n = w->lines.n;
    if (want_title) find_title(lex, text, L, n, out, &w->line);
    find_dateline(lex, text, L, n, out, &w->line);
    if (remove_lines(text, len, L, n, out)) return ISN_ENOMEM;
    find_outlet(lex, text, L, n, out, &w->line);
    return w->line.oom ? ISN_ENOMEM : ISN_OK;
}

void isn_clean_out_free(isn_clean_out *out) { ISN_VEC_FREE(out->removed); }

void isn_clean_work_free(isn_clean_work *w) {
    isn_buf_free(&w->line);
    ISN_VEC_FREE(w->lines);
}

/* ---- data files ------------------------------------------------------------- */

static const char *on_boilerplate(void *ctx, const char *section, const char *key, const char *value) {
    isn_clean_lex *lex = ctx;
    static const struct { const char *name; size_t off; } sections[] = {
        {"comments-heading", offsetof(isn_clean_lex, comment_heading)},
        {"comments-policy", offsetof(isn_clean_lex, comment_policy)},
        {"spam-trap", offsetof(isn_clean_lex, spam_trap)},
        {"widget", offsetof(isn_clean_lex, widget)},
        {"share-words", offsetof(isn_clean_lex, share_words)},
        {"read-more", offsetof(isn_clean_lex, read_more)},
        {"counters", offsetof(isn_clean_lex, counters)},
        {"ad-lines", offsetof(isn_clean_lex, ad_lines)},
        {"source-prefix", offsetof(isn_clean_lex, source_prefix)},
        {"source-suffix", offsetof(isn_clean_lex, source_suffix)},
        {"dateline-words", offsetof(isn_clean_lex, dateline_words)},
    };
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
        if (strcmp(section, sections[i].name)) continue;
        if (value) return "this section takes phrases without \" = value\"";
        if (isn_phrases_add((isn_phrases *)((char *)lex + sections[i].off), key, 1))
            return "empty phrase after normalisation";
        return NULL;
    }
    return "line outside a known section (see docs/lexicons.md)";
}

int isn_clean_lex_load(isn_clean_lex *lex, const char *bp, const isn_phrases *months,
                       const isn_phrases *weekdays, isn_warnings *warn, isn_error *err) {
    memset(lex, 0, sizeof *lex);
    lex->months = months;
    lex->weekdays = weekdays;
    int rc = isn_lexfile_read(bp, on_boilerplate, lex, warn, err);
    if (rc) return rc;
    isn_phrases *all[] = {&lex->comment_heading, &lex->comment_policy, &lex->spam_trap, &lex->widget,
                          &lex->share_words, &lex->read_more, &lex->counters, &lex->ad_lines,
                          &lex->source_prefix, &lex->source_suffix, &lex->dateline_words};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (isn_phrases_build(all[i])) return isn_set_error(err, ISN_ENOMEM, bp, 0, ISN_NO_OFFSET, "out of memory");
    return ISN_OK;
}

void isn_clean_lex_free(isn_clean_lex *lex) {
    isn_phrases *all[] = {&lex->comment_heading, &lex->comment_policy, &lex->spam_trap, &lex->widget,
                          &lex->share_words, &lex->read_more, &lex->counters, &lex->ad_lines,
                          &lex->source_prefix, &lex->source_suffix, &lex->dateline_words};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) isn_phrases_free(all[i]);
}
