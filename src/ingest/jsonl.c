/*
 * jsonl.c -- one JSON Lines record read in a single pass.
 *
 * A news feed line is one object with a few string members; building a
 * tree of it (as a general JSON library does) cost a fifth of isnad's run
 * time. This reader walks the line once: it checks the whole of it against
 * the JSON grammar (RFC 8259: objects, arrays, strings with their escapes
 * and surrogate pairs, numbers, literals), decodes the five members isnad
 * reads into one buffer, and copies every other member into `meta`,
 * compact (whitespace outside strings dropped, strings as written).
 *
 * Where it differs from a tree: a repeated key keeps its last value for the
 * fields isnad reads, and appears twice in meta; integers of any size are
 * accepted (an id is kept as the digits written). The input is valid UTF-8
 * already (the reader checks that first), so strings need no byte check
 * beyond control characters. tests/jsonl_oracle.sh compares accept and
 * reject with Python's json module on thousands of broken lines.
 */
#include "jsonl.h"
#include "../core/utf8.h"

#include <string.h>

#define MAX_DEPTH 512

typedef struct jp {
    const char *s;
    size_t n, i;
    int depth;
    isn_buf *copy;       /* where the value being read is copied (meta), or NULL */
    const char *why;
    isn_jsonl_rec *rec;
} jp;

static int fail(jp *p, const char *why) {
    if (!p->why) p->why = why;
    return -1;
}

static void skip_ws(jp *p) {
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\r' || p->s[p->i] == '\n')) p->i++;
}

static void emit(jp *p, const char *b, size_t k) {
    if (p->copy) isn_buf_add(p->copy, b, k);
}

static int hex4(const char *s, unsigned *out) {
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

static void put_utf8(isn_buf *b, unsigned c) {
    char u[4];
    isn_buf_add(b, u, (size_t)isn_utf8_put(c, u));
}

/* A string at p->i (its opening quote). Decoded into `out` when not NULL,
 * copied as written when p->copy is set. */
static int string(jp *p, isn_buf *out) {
    size_t start = p->i++;
    for (;;) {
        size_t run = p->i; /* plain bytes up to a quote, a backslash or a control character */
        while (p->i < p->n && p->s[p->i] != '"' && p->s[p->i] != '\\' && (unsigned char)p->s[p->i] >= 0x20) p->i++;
        if (out) isn_buf_add(out, p->s + run, p->i - run);
        if (p->i >= p->n) return fail(p, "unterminated string");
        char c = p->s[p->i];
        if (c == '"') break;
        if (c != '\\') return fail(p, "control character in a string (write it as an escape)");
        if (p->i + 1 >= p->n) return fail(p, "unterminated string");
        char e = p->s[p->i + 1];
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char dec[] = "\"\\/\b\f\n\r\t";
            if (out) isn_buf_addc(out, dec[simple - "\"\\/bfnrt"]);
            p->i += 2;
            continue;
        }
        if (e != 'u') return fail(p, "invalid escape in a string");
        unsigned cp, lo;
        if (p->i + 6 > p->n || hex4(p->s + p->i + 2, &cp)) return fail(p, "invalid \\u escape");
        p->i += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) { /* a high surrogate: its low half must follow */
            if (p->i + 6 > p->n || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u' || hex4(p->s + p->i + 2, &lo) ||
                lo < 0xDC00 || lo > 0xDFFF)
                return fail(p, "invalid \\u escape (a lone surrogate)");
            p->i += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(p, "invalid \\u escape (a lone surrogate)");
        }
        if (out) put_utf8(out, cp);
    }
    p->i++; /* the closing quote */
    emit(p, p->s + start, p->i - start);
    return 0;
}

static int digits(jp *p) {
    size_t a = p->i;
    while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9') p->i++;
    return p->i > a ? 0 : fail(p, "invalid number");
}

/* A number; *integer tells whether it has neither fraction nor exponent. */
static int number(jp *p, int *integer) {
    size_t start = p->i;
    *integer = 1;
    if (p->s[p->i] == '-') p->i++;
    if (p->i < p->n && p->s[p->i] == '0') p->i++;
    else if (digits(p)) return -1;
    if (p->i < p->n && p->s[p->i] == '.') {
        p->i++, *integer = 0;
        if (digits(p)) return -1;
    }
    if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
        p->i++, *integer = 0;
        if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-')) p->i++;
        if (digits(p)) return -1;
    }
    emit(p, p->s + start, p->i - start);
    return 0;
}

static int value(jp *p);

static int members(jp *p, int top);

static int array(jp *p) {
    emit(p, "[", 1);
    p->i++;
    skip_ws(p);
    if (p->i < p->n && p->s[p->i] == ']') { p->i++; emit(p, "]", 1); return 0; }
    for (;;) {
        if (value(p)) return -1;
        skip_ws(p);
        if (p->i >= p->n) return fail(p, "unexpected end of line in an array");
        if (p->s[p->i] == ']') { p->i++; emit(p, "]", 1); return 0; }
        if (p->s[p->i] != ',') return fail(p, "expected ',' or ']' in an array");
        emit(p, ",", 1);
        p->i++;
    }
}

static int literal(jp *p, const char *word) {
    size_t k = strlen(word);
    if (p->n - p->i < k || memcmp(p->s + p->i, word, k)) return fail(p, "unexpected character");
    emit(p, word, k);
    p->i += k;
    return 0;
}

static int value(jp *p) {
    skip_ws(p);
    if (p->i >= p->n) return fail(p, "unexpected end of line: a value is missing");
    char c = p->s[p->i];
    int integer, rc;
    if (++p->depth > MAX_DEPTH) return fail(p, "nested too deeply");
    if (c == '{') rc = members(p, 0);
    else if (c == '[') rc = array(p);
    else if (c == '"') rc = string(p, NULL);
    else if (c == '-' || (c >= '0' && c <= '9')) rc = number(p, &integer);
    else if (c == 't') rc = literal(p, "true");
    else if (c == 'f') rc = literal(p, "false");
    else if (c == 'n') rc = literal(p, "null");
    else rc = fail(p, "unexpected character");
    p->depth--;
    return rc;
}

/* Which field a member name is, or -1. */
static int field_of(const char *k, size_t n) {
    static const char *const names[ISN_JF_COUNT] = {"id", "url", "title", "date", "text"};
    for (int f = 0; f < ISN_JF_COUNT; f++)
        if (strlen(names[f]) == n && !memcmp(names[f], k, n)) return f;
    return -1;
}

/* A member of the record: a field isnad reads is decoded, any other
 * member copied into meta. */
static int top_member(jp *p) {
    isn_jsonl_rec *r = p->rec;
    isn_buf *key = &r->key;
    size_t kstart = p->i;
    isn_buf_reset(key);
    if (string(p, key)) return -1;
    size_t kend = p->i;
    skip_ws(p);
    if (p->i >= p->n || p->s[p->i] != ':') return fail(p, "expected ':' after a member name");
    p->i++;
    skip_ws(p);
    int f = key->oom ? -1 : field_of(key->data ? key->data : "", key->len);
    if (f >= 0 && p->i < p->n && p->s[p->i] == '"') { /* a field's string: decoded */
        size_t at = r->strings.len;
        if (string(p, &r->strings)) return -1;
        r->len[f] = r->strings.len - at;
        isn_buf_addc(&r->strings, 0);
        r->field[f] = at;
        return 0;
    }
    if (f >= 0) r->field[f] = SIZE_MAX; /* a later value replaces an earlier one */
    if (f == ISN_JF_ID && p->i < p->n && (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9'))) {
        size_t at = p->i;
        int integer;
        if (number(p, &integer)) return -1;
        if (integer) { /* the id as the digits written */
            size_t k = p->i - at;
            int zero = k == 2 && p->s[at] == '-' && p->s[at + 1] == '0';
            r->field[f] = r->strings.len;
            r->len[f] = zero ? 1 : k;
            isn_buf_add(&r->strings, zero ? "0" : p->s + at, zero ? 1 : k);
            isn_buf_addc(&r->strings, 0);
        }
        return 0;
    }
    if (f >= 0) return value(p); /* another kind of value: read, not kept */
    p->copy = &r->meta;
    isn_buf_addc(&r->meta, r->meta.len ? ',' : '{');
    emit(p, p->s + kstart, kend - kstart);
    emit(p, ":", 1);
    int rc = value(p);
    p->copy = NULL;
    return rc;
}

/* An object at p->i; `top`: the record itself, whose members are kept. */
static int members(jp *p, int top) {
    emit(p, "{", 1);
    p->i++;
    skip_ws(p);
    int rc = 0;
    if (p->i < p->n && p->s[p->i] == '}') {
        p->i++;
        emit(p, "}", 1);
        return 0;
    }
    for (;;) {
        skip_ws(p);
        if (p->i >= p->n || p->s[p->i] != '"') { rc = fail(p, "expected a member name in quotes"); break; }
        if (top) {
            rc = top_member(p);
        } else {
            rc = string(p, NULL);
            skip_ws(p);
            if (!rc && (p->i >= p->n || p->s[p->i] != ':')) rc = fail(p, "expected ':' after a member name");
            if (!rc) { emit(p, ":", 1); p->i++; rc = value(p); }
        }
        if (rc) break;
        skip_ws(p);
        if (p->i >= p->n) { rc = fail(p, "unexpected end of line in an object"); break; }
        if (p->s[p->i] == '}') { p->i++; emit(p, "}", 1); break; }
        if (p->s[p->i] != ',') { rc = fail(p, "expected ',' or '}' in an object"); break; }
        emit(p, ",", 1);
        p->i++;
    }
    return rc;
}

int isn_jsonl_parse(const char *line, size_t n, isn_jsonl_rec *rec, size_t *at, const char **why) {
    for (int f = 0; f < ISN_JF_COUNT; f++) rec->field[f] = SIZE_MAX, rec->len[f] = 0;
    isn_buf_reset(&rec->strings);
    isn_buf_reset(&rec->meta);
    rec->object = 0;
    jp p = {.s = line, .n = n, .rec = rec};
    skip_ws(&p);
    int rc;
    if (p.i < n && line[p.i] == '{') {
        rec->object = 1;
        rc = members(&p, 1);
    } else {
        rc = value(&p);
    }
    if (!rc) {
        skip_ws(&p);
        if (p.i < n) rc = fail(&p, "more after the record (one record a line)");
    }
    if (!rc && rec->meta.len) isn_buf_addc(&rec->meta, '}');
    if (!rc && (rec->strings.oom || rec->meta.oom)) rc = fail(&p, "out of memory");
    if (rc) {
        *at = p.i < n ? p.i : n;
        *why = p.why;
    }
    return rc;
}

void isn_jsonl_rec_free(isn_jsonl_rec *rec) {
    isn_buf_free(&rec->strings);
    isn_buf_free(&rec->meta);
    isn_buf_free(&rec->key);
}
