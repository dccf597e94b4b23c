/*
 * token.c -- the tokeniser: one left-to-right pass over the original bytes.
 *
 * Tokens are words in Arabic script, words in other scripts, numbers,
 * punctuation, URLs, e-mail addresses, hashtags and @handles. Each keeps its
 * span in the original text and gets its normalised form appended to a
 * shared buffer (no allocation per token).
 *
 * Arabic news glues things to numbers, and later stages (time) need them
 * whole: "2015م" (year + era letter), "و2019م" (conjunction + year + era),
 * "الـ60" (article + tatweel + number). A run of Arabic letters directly
 * followed by digits becomes one NUMBER token when the letters are a
 * proclitic (و ف ب ل ك ال and their combinations); a lone era letter
 * (م, هـ) right after the digits is taken into the number. Any other letters
 * after digits start a new token ("42سنة" -> "42" "سنة").
 *
 * Digits joined by . , / : (and the Arabic decimal separators) stay one
 * token -- "3.5", "24.04.2018", "19/11/2019", "14:52" -- so the segmenter
 * never mistakes a decimal point for a full stop.
 */
#include "chars.h"
#include "text.h"
#include "../core/utf8.h"

#include <string.h>

typedef struct scan {
    const unsigned char *s;
    size_t end;
    isn_tokvec *toks;
    isn_buf *norm;
} scan;

/* Class and length of the character at i (i < end). */
static const isn_char *peek(const scan *sc, size_t i, int *len, isn_char *tmp) {
    uint32_t cp = isn_utf8_next(sc->s + i, len);
    return isn_char_of(cp, tmp);
}

static int cls_at(const scan *sc, size_t i) {
    if (i >= sc->end) return -1;
    int k;
    isn_char tmp;
    return peek(sc, i, &k, &tmp)->cls;
}

/* Appends the normalised form of text[a,b) to the norm buffer. */
static void put_norm(scan *sc, size_t a, size_t b) {
    isn_char tmp;
    while (a < b) {
        int k;
        const isn_char *ci = peek(sc, a, &k, &tmp);
        if (ci->len) isn_buf_add(sc->norm, ci->out, ci->len);
        a += (size_t)k;
    }
}

/* Length of the normalised form of text[a,b), measured in the norm buffer's
 * spare room and discarded. Capped at 255: it is stored in a byte. */
static size_t norm_len_of(scan *sc, size_t a, size_t b) {
    size_t save = sc->norm->len;
    put_norm(sc, a, b);
    size_t n = sc->norm->len - save;
    sc->norm->len = save;
    if (sc->norm->data) sc->norm->data[save] = 0;
    return n < 255 ? n : 255;
}

static isn_token *emit(scan *sc, size_t a, size_t b, int kind, int *para) {
    isn_token *t = ISN_VEC_PUSH(*sc->toks);
    if (!t) return NULL;
    memset(t, 0, sizeof *t);
    t->start = (uint32_t)a;
    t->end = (uint32_t)b;
    t->kind = (uint8_t)kind;
    if (*para) t->flags |= ISN_TF_PARA;
    *para = 0;
    t->norm = (uint32_t)sc->norm->len;
    put_norm(sc, a, b);
    t->norm_len = (uint32_t)(sc->norm->len - t->norm);
    isn_buf_addc(sc->norm, 0);
    return t;
}

/* Is the normalised string a proclitic cluster that may be glued to a
 * number: (و|ف)? (ب|ل|ك)? (ال)? , or لل, non-empty. */
static int is_number_prefix(const char *p, size_t n) {
    static const char W[] = "\xd9\x88", F[] = "\xd9\x81", B[] = "\xd8\xa8", L[] = "\xd9\x84",
                      K[] = "\xd9\x83", AL[] = "\xd8\xa7\xd9\x84";
    size_t i = 0;
    if (n == 0) return 0;
    if (n - i >= 2 && (!memcmp(p + i, W, 2) || !memcmp(p + i, F, 2))) i += 2;
    if (n - i >= 4 && !memcmp(p + i, L, 2) && !memcmp(p + i + 2, L, 2)) return i + 4 == n; /* لل */
    if (n - i >= 2 && (!memcmp(p + i, B, 2) || !memcmp(p + i, L, 2) || !memcmp(p + i, K, 2))) i += 2;
    if (n - i >= 4 && !memcmp(p + i, AL, 4)) i += 4;
    return i == n;
}

/* Scans digits and inner separators from i; returns the end. */
static size_t scan_digits(const scan *sc, size_t i, int *decimal) {
    for (;;) {
        while (cls_at(sc, i) == ISN_CC_DIGIT) {
            int k;
            isn_char tmp;
            peek(sc, i, &k, &tmp);
            i += (size_t)k;
        }
        if (i >= sc->end) return i;
        int k;
        isn_char tmp;
        const isn_char *ci = peek(sc, i, &k, &tmp);
        char c = ci->len == 1 ? ci->out[0] : 0;
        if ((c == '.' || c == ',' || c == '/' || c == ':') && cls_at(sc, i + (size_t)k) == ISN_CC_DIGIT) {
            *decimal = 1;
            i += (size_t)k;
            continue;
        }
        return i;
    }
}

/* After a number ending at i: the length of a glued era letter (م or هـ
 * standing alone before a non-letter), 0 if none; sets *era. */
static size_t era_suffix(const scan *sc, size_t i, int *era) {
    int k;
    isn_char tmp;
    if (i >= sc->end) return 0;
    const isn_char *ci = peek(sc, i, &k, &tmp);
    if (ci->cls != ISN_CC_ARABIC || ci->len != 2) return 0;
    int ad = !memcmp(ci->out, "\xd9\x85", 2), ah = !memcmp(ci->out, "\xd9\x87", 2); /* م ه */
    if (!ad && !ah) return 0;
    size_t j = i + (size_t)k;
    while (j < sc->end) { /* tatweel, marks, dots of هـ. */
        int c = cls_at(sc, j);
        if (c != ISN_CC_MARK && c != ISN_CC_INVISIBLE) break;
        peek(sc, j, &k, &tmp);
        j += (size_t)k;
    }
    int next = cls_at(sc, j);
    if (next == ISN_CC_ARABIC || next == ISN_CC_LETTER || next == ISN_CC_DIGIT) return 0;
    *era = ad ? ISN_TF_ERA_AD : ISN_TF_ERA_AH;
    return j - i;
}

static size_t emit_number(scan *sc, size_t a, size_t digits_at, int *para) {
    int decimal = 0, era = 0;
    size_t b = scan_digits(sc, digits_at, &decimal);
    size_t esz = era_suffix(sc, b, &era);
    isn_token *t = emit(sc, a, b + esz, ISN_TOK_NUMBER, para);
    if (!t) return sc->end;
    if (decimal) t->flags |= ISN_TF_DECIMAL;
    t->flags |= (uint8_t)era;
    if (digits_at > a) t->pre = (uint8_t)norm_len_of(sc, a, digits_at);
    if (esz) t->suf = (uint8_t)norm_len_of(sc, b, b + esz);
    return b + esz;
}

/* An Arabic word (letters, marks, tatweel, joiners); may turn into a number
 * with a glued proclitic. Trailing invisible characters are left out. */
static size_t scan_arabic(scan *sc, size_t a, int *para) {
    size_t i = a, last = a;
    isn_char tmp;
    while (i < sc->end) {
        int k;
        const isn_char *ci = peek(sc, i, &k, &tmp);
        if (ci->cls == ISN_CC_ARABIC || ci->cls == ISN_CC_MARK) { i += (size_t)k; last = i; continue; }
        if (ci->cls == ISN_CC_INVISIBLE) { i += (size_t)k; continue; }
        break;
    }
    if (cls_at(sc, i) == ISN_CC_DIGIT && last - a <= 16) { /* a short run may be a proclitic */
        size_t save = sc->norm->len;
        put_norm(sc, a, last);
        int pfx = !sc->norm->oom && is_number_prefix(sc->norm->data + save, sc->norm->len - save);
        sc->norm->len = save;
        if (sc->norm->data) sc->norm->data[save] = 0;
        if (pfx) return emit_number(sc, a, i, para);
    }
    emit(sc, a, last, ISN_TOK_WORD, para);
    return i;
}

static int ascii_prefix(const scan *sc, size_t i, const char *p) {
    size_t n = strlen(p);
    if (i + n > sc->end) return 0;
    for (size_t j = 0; j < n; j++) {
        char c = (char)sc->s[i + j];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != p[j]) return 0;
    }
    return 1;
}

static int url_char(unsigned char c) {
    return c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\'';
}

static int trailing_punct(unsigned char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

static size_t scan_url(const scan *sc, size_t i) {
    size_t j = i;
    while (j < sc->end && url_char(sc->s[j])) j++;
    while (j > i && trailing_punct(sc->s[j - 1])) j--;
    return j;
}

static int email_local(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* An e-mail address starting at i, or 0: local@domain.tld */
static size_t scan_email(const scan *sc, size_t i) {
    size_t j = i;
    while (j < sc->end && email_local(sc->s[j])) j++;
    if (j == i || j >= sc->end || sc->s[j] != '@') return 0;
    size_t d = ++j, dot = 0;
    while (j < sc->end && (email_local(sc->s[j]) && sc->s[j] != '%' && sc->s[j] != '+')) {
        if (sc->s[j] == '.') dot = j;
        j++;
    }
    while (j > d && sc->s[j - 1] == '.') j--;
    if (!dot || dot >= j || j == d) return 0;
    return j;
}

static size_t scan_latin(scan *sc, size_t a, int *para) {
    size_t e;
    if (ascii_prefix(sc, a, "http://") || ascii_prefix(sc, a, "https://") || ascii_prefix(sc, a, "www.")) {
        e = scan_url(sc, a);
        emit(sc, a, e, ISN_TOK_URL, para);
        return e;
    }
    if ((e = scan_email(sc, a)) != 0) {
        emit(sc, a, e, ISN_TOK_EMAIL, para);
        return e;
    }
    size_t i = a, last = a;
    isn_char tmp;
    while (i < sc->end) {
        int k;
        const isn_char *ci = peek(sc, i, &k, &tmp);
        if (ci->cls == ISN_CC_LETTER || ci->cls == ISN_CC_DIGIT || ci->cls == ISN_CC_MARK) {
            i += (size_t)k;
            last = i;
            continue;
        }
        /* an apostrophe inside a word: "don't", "Qur'an" */
        if (ci->len == 1 && ci->out[0] == '\'' && cls_at(sc, i + (size_t)k) == ISN_CC_LETTER) {
            i += (size_t)k;
            continue;
        }
        if (ci->cls == ISN_CC_INVISIBLE) { i += (size_t)k; continue; }
        break;
    }
    emit(sc, a, last, ISN_TOK_LATIN, para);
    return i;
}

/* #tag or @handle: the sign followed by word characters and underscores. */
static size_t scan_tag(scan *sc, size_t a, int kind, int *para) {
    size_t i = a + 1, last = i;
    isn_char tmp;
    while (i < sc->end) {
        int k;
        const isn_char *ci = peek(sc, i, &k, &tmp);
        int ok = ci->cls == ISN_CC_ARABIC || ci->cls == ISN_CC_LETTER || ci->cls == ISN_CC_DIGIT ||
                 ci->cls == ISN_CC_MARK || sc->s[i] == '_';
        if (kind == ISN_TOK_HANDLE && ci->cls == ISN_CC_ARABIC) ok = 0;
        if (!ok) break;
        i += (size_t)k;
        last = i;
    }
    if (last == a + 1) return 0;
    emit(sc, a, last, kind, para);
    return last;
}

static size_t scan_punct(scan *sc, size_t a, const isn_char *ci, int k, int *para) {
    size_t b = a + (size_t)k;
    char c = ci->len == 1 ? ci->out[0] : 0;
    if (c == '#' && b < sc->end) {
        size_t e = scan_tag(sc, a, ISN_TOK_HASHTAG, para);
        if (e) return e;
    }
    if (c == '@' && b < sc->end) {
        size_t e = scan_tag(sc, a, ISN_TOK_HANDLE, para);
        if (e) return e;
    }
    if (c == '.') /* a run of dots is one token: "..", "..." */
        while (b < sc->end && sc->s[b] == '.') b++;
    emit(sc, a, b, ISN_TOK_PUNCT, para);
    return b;
}

int isn_tokenize(const char *text, size_t start, size_t end, int para, isn_tokvec *toks,
                 isn_buf *norm) {
    isn_chars_init();
    scan sc = {(const unsigned char *)text, end, toks, norm};
    size_t i = start;
    isn_char tmp;
    while (i < end) {
        int k;
        const isn_char *ci = peek(&sc, i, &k, &tmp);
        switch (ci->cls) {
        case ISN_CC_NEWLINE: para = 1; /* fall through */
        case ISN_CC_SPACE:
        case ISN_CC_INVISIBLE:
        case ISN_CC_MARK: /* a mark with no letter before it */
            i += (size_t)k;
            break;
        case ISN_CC_DIGIT: i = emit_number(&sc, i, i, &para); break;
        case ISN_CC_ARABIC: i = scan_arabic(&sc, i, &para); break;
        case ISN_CC_LETTER: i = scan_latin(&sc, i, &para); break;
        default: i = scan_punct(&sc, i, ci, k, &para); break;
        }
        if (toks->oom || norm->oom) return ISN_ENOMEM;
    }
    return ISN_OK;
}
