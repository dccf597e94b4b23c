/*
 * json.c -- JSON string escaping (see json.h).
 *
 * Runs of bytes that need no escape are copied with one memcpy; most of an
 * Arabic sentence is such a run.
 */
#include "json.h"

static const char hex[] = "0123456789abcdef";

/* Bytes that may need an escape: quote, backslash, controls, DEL, and
 * 0xE2 (the first byte of U+2028 and U+2029). */
static int special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == 0xE2; }

void isn_json_str(isn_buf *b, const char *s, size_t n) {
    isn_buf_reserve(b, n + 2);
    isn_buf_addc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        while (i < n && !special((unsigned char)s[i])) i++; /* a run to copy as it is */
        if (i == n) break;
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        if (c == '"') esc = "\\\"";
        else if (c == '\\') esc = "\\\\";
        else if (c == '\n') esc = "\\n";
        else if (c == '\r') esc = "\\r";
        else if (c == '\t') esc = "\\t";
        else if (c < 0x20 || c == 0x7F) {
            u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0'; u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = 0;
            esc = u;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            isn_buf_add(b, s + run, i - run);
            isn_buf_adds(b, esc);
            i += 2;
            run = i + 1;
            continue;
        }
        if (!esc) continue;
        isn_buf_add(b, s + run, i - run);
        isn_buf_adds(b, esc);
        run = i + 1;
    }
    isn_buf_add(b, s + run, n - run);
    isn_buf_addc(b, '"');
}

void isn_json_cstr(isn_buf *b, const char *s) {
    if (!s) isn_buf_adds(b, "null");
    else isn_json_str(b, s, strlen(s));
}
