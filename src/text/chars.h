/*
 * chars.h -- what isnad needs to know about a character, in one lookup.
 *
 * For every code point the text layer needs two facts: its class (is it part
 * of an Arabic word, a Latin word, a number, a space, a line break,
 * punctuation, or invisible) and its normalised form for matching. Both come
 * from utf8proc's Unicode tables plus the Arabic folding rules of
 * docs/text.md. They are computed once per process for the Basic
 * Multilingual Plane into a 64K-entry table (8 bytes each), so the hot loops
 * pay one array index per character; code points above U+FFFF (emoji,
 * historic scripts) are computed on the fly.
 */
#ifndef ISN_CHARS_H
#define ISN_CHARS_H

#include <stdint.h>

enum {
    ISN_CC_SPACE = 0, /* white space, control characters */
    ISN_CC_NEWLINE,   /* a line break: \n, U+2028, U+2029, U+0085 */
    ISN_CC_INVISIBLE, /* format characters (ZWNJ, ZWJ, LRM, RLM, BOM): dropped */
    ISN_CC_MARK,      /* combining marks, tashkeel, tatweel: part of a word, dropped */
    ISN_CC_ARABIC,    /* a letter of the Arabic script */
    ISN_CC_LETTER,    /* a letter of another script */
    ISN_CC_DIGIT,     /* a decimal digit of any script */
    ISN_CC_PUNCT      /* punctuation and symbols */
};

typedef struct isn_char {
    uint8_t cls;    /* ISN_CC_* */
    uint8_t len;    /* bytes of the normalised form (0: dropped) */
    char out[6];    /* the normalised form, UTF-8 */
} isn_char;

/* Builds the table (thread-safe, once per process). */
void isn_chars_init(void);

extern isn_char isn_chars_bmp[0x10000];
void isn_char_compute(uint32_t cp, isn_char *ci);

/* The facts for cp: from the table for the BMP, else computed into *tmp. */
static inline const isn_char *isn_char_of(uint32_t cp, isn_char *tmp) {
    if (cp < 0x10000) return &isn_chars_bmp[cp];
    isn_char_compute(cp, tmp);
    return tmp;
}

#endif
