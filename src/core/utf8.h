/*
 * utf8.h -- decoding UTF-8 that has already been validated.
 *
 * Inputs are validated once, at the door (isn_validate_text), so every later
 * stage can decode without checks. The decoder is inline because it sits in
 * every inner loop.
 */
#ifndef ISN_UTF8_H
#define ISN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s (valid UTF-8, at least one byte) and stores
 * its length in *len. */
static inline uint32_t isn_utf8_next(const unsigned char *s, int *len) {
    unsigned c = s[0];
    if (c < 0x80) { *len = 1; return c; }
    if (c < 0xE0) { *len = 2; return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if (c < 0xF0) {
        *len = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *len = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* Start of the code point that ends right before `end` (s < end). */
static inline const unsigned char *isn_utf8_prev(const unsigned char *s, const unsigned char *end) {
    const unsigned char *p = end - 1;
    while (p > s && (*p & 0xC0) == 0x80) p--;
    return p;
}

/* Encodes cp into out (4 bytes room), returns its length. */
static inline int isn_utf8_put(uint32_t cp, char *out) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
