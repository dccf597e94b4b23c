/*
 * json.h -- writing JSON into a buffer, fast and exact.
 */
#ifndef ISN_JSON_H
#define ISN_JSON_H

#include "../core/buf.h"

/* Appends s[0,n) as a JSON string (quotes included). The input is valid
 * UTF-8; it is written as is, except that quotes, backslashes and control
 * characters are escaped, and U+2028/U+2029 too (JavaScript reads them as
 * line breaks inside string literals). */
void isn_json_str(isn_buf *b, const char *s, size_t n);
/* A NUL-terminated string, or null for NULL. */
void isn_json_cstr(isn_buf *b, const char *s);

#endif
