/*
 * validate.c -- the door check: is this text UTF-8 without NUL bytes?
 *
 * Every document passes here once before any stage sees it, so the stages
 * can decode without checking (core/utf8.h). The check is strict (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF) because a byte
 * the decoder would misread shifts every later offset. ASCII runs, most of
 * a Latin-script page and all the spaces and digits of an Arabic one, are
 * checked eight bytes at a time.
 */
#include "../core/error.h"
#include "isnad.h"

#include <string.h>

static int has_zero_byte(uint64_t v) {
    return ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0;
}

/* Length of a valid multi-byte sequence at s[0..n), or 0 when invalid. */
static int valid_sequence(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    if (c >= 0xC2 && c <= 0xDF) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
        if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0; /* overlong */
        if (c == 0xF4 && s[1] >= 0x90) return 0; /* above U+10FFFF */
        return 4;
    }
    return 0;
}

int isn_validate_text(const char *text, size_t len, isn_error *err) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        /* Arabic letters are two bytes: the common case first */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) { i += 2; continue; }
        if (c < 0x80 && i + 8 <= len) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (!(v & 0x8080808080808080ull) && !has_zero_byte(v)) { i += 8; continue; }
        }
        if (c == 0)
            return isn_set_error(err, ISN_ENUL, NULL, 0, i, "NUL byte in text");
        if (c < 0x80) { i++; continue; }
        int k = valid_sequence(s + i, len - i);
        if (!k) return isn_set_error(err, ISN_EUTF8, NULL, 0, i, "invalid UTF-8 (byte 0x%02X)", c);
        i += (size_t)k;
    }
    return ISN_OK;
}
