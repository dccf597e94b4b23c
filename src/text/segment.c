/*
 * segment.c -- sentence segmentation, including text with no punctuation.
 *
 * Two passes:
 *
 * 1. Units (linear). A unit ends after a sentence-final mark (. .. ... ! ?
 *    ؟ ؛ …), taking along closing quotes and brackets glued to it, and
 *    before every line break (scraped articles put one paragraph on a
 *    line). A full stop glued to a single letter ("د." for doctor, "U.S.")
 *    or to a listed abbreviation does not end a unit; decimals and dotted
 *    dates never reach here as separate dots because the tokeniser keeps
 *    "3.5" and "24.04.2018" whole. An editorial note in brackets at the
 *    start of a line ("[هذا الفيديو مفرغ آليا] ...") is a unit of its own.
 *
 * 2. Clauses. A unit longer than soft_cap words is one of two things.
 *    A machine transcript of a video -- hundreds of words, no commas -- is
 *    cut before every discourse marker (كما، غير أن، بحسب، وفق، تقول، عندما
 *    ...), never leaving a piece under min_words, and what is still longer
 *    than hard_cap words is cut at the weak marker (ثم، بعد ...) nearest its
 *    middle, or at the middle. Punctuated prose is cut only where a comma
 *    and a marker meet (", كما"), and past prose_cap words after the comma
 *    nearest the middle: Arabic prose sentences are long by nature, and
 *    cutting "أكده فلان حيث صرح أن ..." apart would separate a claim from
 *    its source. Either way later stages see about one claim at a time.
 *    Balanced cuts keep this O(n log n) in the worst case (a 100 MB line
 *    with no marker at all) and linear in practice.
 *
 * The markers and caps are data (data/text/segment.txt), not code.
 */
#include "text.h"
#include "../core/error.h"

#include <stdlib.h>
#include <string.h>

static int is_word(const isn_token *t) { return t->kind != ISN_TOK_PUNCT; }

static int norm_is(const isn_token *t, const char *norm, const char *s) {
    size_t n = strlen(s);
    return t->norm_len == n && !memcmp(norm + t->norm, s, n);
}

/* One code point long (a single letter)? */
static int single_char(const isn_token *t, const char *norm) {
    const unsigned char *p = (const unsigned char *)norm + t->norm;
    if (t->norm_len == 0) return 0;
    int k = p[0] < 0x80 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
    return (size_t)k == t->norm_len;
}

static int is_full_stop(const isn_segment_lex *lex, const isn_token *t, size_t i,
                        const char *norm) {
    if (i > 0 && t[i - 1].end == t[i].start && is_word(&t[i - 1])) {
        const isn_token *p = &t[i - 1];
        if ((p->kind == ISN_TOK_WORD || p->kind == ISN_TOK_LATIN) && single_char(p, norm)) return 0;
        if (isn_phrases_get(&lex->abbreviations, norm + p->norm, p->norm_len)) return 0;
    }
    return 1;
}

static int is_terminator(const isn_segment_lex *lex, const isn_token *t, size_t i,
                         const char *norm) {
    if (t[i].kind != ISN_TOK_PUNCT) return 0;
    if (norm_is(&t[i], norm, ".")) return is_full_stop(lex, t, i, norm);
    return norm_is(&t[i], norm, "..") || norm_is(&t[i], norm, "...") || norm_is(&t[i], norm, "!") ||
           norm_is(&t[i], norm, "?") || norm_is(&t[i], norm, ";");
}

/* Closing marks that belong to the sentence they follow when glued to it. */
static int is_closer(const isn_token *t, const char *norm) {
    return t->kind == ISN_TOK_PUNCT &&
           (norm_is(t, norm, "\"") || norm_is(t, norm, "'") || norm_is(t, norm, ")") ||
            norm_is(t, norm, "]") || norm_is(t, norm, "!") || norm_is(t, norm, "?") ||
            norm_is(t, norm, "."));
}

static int push(isn_sentvec *out, const isn_token *t, size_t a, size_t b) {
    if (a >= b) return 0;
    isn_sent *s = ISN_VEC_PUSH(*out);
    if (!s) return -1;
    s->first = (uint32_t)a;
    s->last = (uint32_t)b;
    s->start = t[a].start;
    s->end = t[b - 1].end;
    return 0;
}

static int is_comma(const isn_token *t, const char *norm) {
    return t->kind == ISN_TOK_PUNCT && (norm_is(t, norm, ",") || norm_is(t, norm, ":"));
}

/* A discourse marker at i? In prose it must follow a comma or colon ("،
 * كما"); in a transcript anywhere. Markers with value 2 ("= exact") do not
 * take a glued و/ف: "وحتى" is "and up to", not a new clause. */
static int marker_at(const isn_segment_lex *lex, const isn_token *t, size_t a, size_t i, size_t b,
                     const char *norm, int prose) {
    const isn_phrase *hit = NULL;
    if (prose && (i == a || !is_comma(&t[i - 1], norm))) return 0;
    if (i > a && isn_phrases_get(&lex->no_split_after, norm + t[i - 1].norm, t[i - 1].norm_len)) return 0;
    if (!isn_phrases_match(&lex->discourse, t, i, b, norm, ISN_MATCH_CONJ, &hit)) return 0;
    if (hit->value == 2 && t[i].norm_len != hit->len) return 0; /* matched through a glued و */
    return 1;
}

/* Cuts piece [a,b) of `words` words until no part exceeds `cap`: at the
 * candidate nearest the middle (after a comma in prose, before a weak marker
 * in a transcript) if one lies in the middle half, else at the middle word.
 * Balanced cuts keep the recursion depth logarithmic. */
static int split_piece(const isn_segment_lex *lex, const isn_token *t, size_t a, size_t b,
                       size_t words, size_t cap, int prose, const char *norm, isn_sentvec *out) {
    if (words <= cap) return push(out, t, a, b);
    size_t half = words / 2, w = 0, best = 0, best_w = 0, mid = 0, mid_w = 0, best_d = SIZE_MAX;
    size_t min = (size_t)lex->min_words;
    const isn_phrase *hit;
    for (size_t i = a; i < b; i++) {
        if (i > a && w >= min && words - w >= min) {
            int cand = prose ? is_comma(&t[i - 1], norm)
                             : isn_phrases_match(&lex->weak, t, i, b, norm, ISN_MATCH_CONJ, &hit) > 0;
            size_t d = w > half ? w - half : half - w;
            if (cand && d < best_d) { best = i; best_w = w; best_d = d; }
        }
        if (!mid && w == half && i > a) { mid = i; mid_w = w; }
        w += is_word(&t[i]);
    }
    /* a candidate within the middle half of the piece, else the middle */
    if (!best || best_d > words / 4) { best = mid; best_w = mid_w; }
    if (!best) return push(out, t, a, b);
    if (split_piece(lex, t, a, best, best_w, cap, prose, norm, out)) return -1;
    return split_piece(lex, t, best, b, words - best_w, cap, prose, norm, out);
}

/* Pass 2 on one unit [a,b): clause splitting of long units. In prose, cut
 * only at ", marker" and, past prose_cap words, after the comma nearest the
 * middle; in a transcript, cut at every marker and under hard_cap. */
static int split_unit(const isn_segment_lex *lex, const isn_token *t, size_t a, size_t b,
                      const char *norm, int prose, isn_sentvec *out) {
    size_t total = 0;
    for (size_t i = a; i < b; i++) total += is_word(&t[i]);
    if ((int)total <= lex->soft_cap) return push(out, t, a, b);
    size_t cap = (size_t)(prose ? lex->prose_cap : lex->hard_cap);
    size_t piece = a, in_piece = 0, seen = 0, min = (size_t)lex->min_words;
    for (size_t i = a; i < b; i++) {
        if (i > piece && in_piece >= min && total - seen >= min &&
            marker_at(lex, t, a, i, b, norm, prose)) {
            if (split_piece(lex, t, piece, i, in_piece, cap, prose, norm, out)) return -1;
            piece = i;
            in_piece = 0;
        }
        if (is_word(&t[i])) { in_piece++; seen++; }
    }
    return split_piece(lex, t, piece, b, in_piece, cap, prose, norm, out);
}

/* An editorial note "[...]" opening a line: index just past its "]", or 0. */
static size_t bracket_note_end(const isn_token *t, size_t i, size_t n, const char *norm) {
    if (!norm_is(&t[i], norm, "[")) return 0;
    for (size_t j = i + 1; j < n && j < i + 40; j++) {
        if (t[j].flags & ISN_TF_PARA) return 0;
        if (norm_is(&t[j], norm, "]")) return j + 1;
    }
    return 0;
}

/* Is the paragraph starting at token i prose (has full stops) or a
 * transcript (fewer than one per transcript_words words)? Sets *end to the
 * paragraph's end. */
static int paragraph_is_prose(const isn_segment_lex *lex, const isn_token *t, size_t i, size_t n,
                              const char *norm, size_t *end) {
    size_t words = 0, stops = 0, j = i;
    for (; j < n && (j == i || !(t[j].flags & ISN_TF_PARA)); j++) {
        words += is_word(&t[j]);
        stops += is_terminator(lex, t, j, norm);
    }
    *end = j;
    return stops * (size_t)lex->transcript_words >= words;
}

int isn_segment(const isn_segment_lex *lex, const isn_token *t, size_t n, const char *norm,
                isn_sentvec *out) {
    size_t u = 0, note_end = 0, para_end = 0;
    int prose = 1;
    for (size_t i = 0; i < n; i++) {
        if (i > u && (t[i].flags & ISN_TF_PARA)) {
            if (split_unit(lex, t, u, i, norm, prose, out)) return ISN_ENOMEM;
            u = i;
        }
        if (i >= para_end) prose = paragraph_is_prose(lex, t, i, n, norm, &para_end);
        if (i == u && (t[i].flags & ISN_TF_PARA || i == 0)) note_end = bracket_note_end(t, i, n, norm);
        if (note_end && i + 1 == note_end) {
            if (split_unit(lex, t, u, i + 1, norm, prose, out)) return ISN_ENOMEM;
            u = i + 1;
            note_end = 0;
            continue;
        }
        if (is_terminator(lex, t, i, norm)) {
            size_t j = i + 1;
            while (j < n && !(t[j].flags & ISN_TF_PARA) && t[j].start == t[j - 1].end &&
                   is_closer(&t[j], norm))
                j++;
            if (split_unit(lex, t, u, j, norm, prose, out)) return ISN_ENOMEM;
            u = j;
            i = j - 1;
        }
    }
    if (u < n && split_unit(lex, t, u, n, norm, prose, out)) return ISN_ENOMEM;
    return ISN_OK;
}

/* ---- the segmenter's data file ------------------------------------------ */

static const char *on_entry(void *ctx, const char *section, const char *key, const char *value) {
    isn_segment_lex *lex = ctx;
    if (!strcmp(section, "settings")) {
        char *end;
        long v = value ? strtol(value, &end, 10) : -1;
        if (!value || *end || v < 1 || v > 10000) return "expected: name = positive number";
        if (!strcmp(key, "soft_cap")) lex->soft_cap = (int)v;
        else if (!strcmp(key, "hard_cap")) lex->hard_cap = (int)v;
        else if (!strcmp(key, "min_words")) lex->min_words = (int)v;
        else if (!strcmp(key, "prose_cap")) lex->prose_cap = (int)v;
        else if (!strcmp(key, "transcript_words")) lex->transcript_words = (int)v;
        else return "unknown setting (soft_cap, hard_cap, prose_cap, transcript_words, min_words)";
        return NULL;
    }
    isn_phrases *ps = !strcmp(section, "discourse")       ? &lex->discourse
                      : !strcmp(section, "weak")          ? &lex->weak
                      : !strcmp(section, "abbreviations") ? &lex->abbreviations
                      : !strcmp(section, "no-split-after") ? &lex->no_split_after
                                                          : NULL;
    if (!ps) return "line outside a known section ([discourse], [weak], [no-split-after], [abbreviations], [settings])";
    int v = 1;
    if (value && ps == &lex->discourse && !strcmp(value, "exact")) v = 2;
    else if (value) return "the only value a phrase here takes is \" = exact\" (in [discourse])";
    if (isn_phrases_add(ps, key, v)) return "empty phrase after normalisation";
    return NULL;
}

int isn_segment_lex_load(isn_segment_lex *lex, const char *path, isn_warnings *warn,
                         isn_error *err) {
    memset(lex, 0, sizeof *lex);
    lex->soft_cap = 30;
    lex->hard_cap = 50;
    lex->min_words = 5;
    lex->prose_cap = 80;
    lex->transcript_words = 80;
    int rc = isn_lexfile_read(path, on_entry, lex, warn, err);
    if (rc) return rc;
    if (lex->hard_cap < lex->soft_cap) lex->hard_cap = lex->soft_cap;
    if (isn_phrases_build(&lex->discourse) || isn_phrases_build(&lex->weak) ||
        isn_phrases_build(&lex->abbreviations) || isn_phrases_build(&lex->no_split_after))
        return isn_set_error(err, ISN_ENOMEM, path, 0, ISN_NO_OFFSET, "out of memory");
    return ISN_OK;
}

void isn_segment_lex_free(isn_segment_lex *lex) {
    isn_phrases_free(&lex->discourse);
    isn_phrases_free(&lex->weak);
    isn_phrases_free(&lex->abbreviations);
    isn_phrases_free(&lex->no_split_after);
}
