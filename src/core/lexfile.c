/*
 * lexfile.c -- data file reader and phrase sets (see lexfile.h).
 */
#include "lexfile.h"
#include "error.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void isn_warnings_add(isn_warnings *w, const char *file, uint64_t line, const char *fmt, ...) {
    char msg[512];
    int n = snprintf(msg, sizeof msg, "%s:%llu: ", file, (unsigned long long)line);
    va_list ap;
    va_start(ap, fmt);
    if (n > 0 && (size_t)n < sizeof msg) vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    char **slot = ISN_VEC_PUSH(*w);
    if (slot && !(*slot = strdup(msg))) w->n--;
}

void isn_warnings_free(isn_warnings *w) {
    for (size_t i = 0; i < w->n; i++) free(w->v[i]);
    ISN_VEC_FREE(*w);
}

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t' || *s == '\r') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) *--e = 0;
    return s;
}

int isn_lexfile_read(const char *path, isn_lexfile_fn fn, void *ctx, isn_warnings *warn,
                     isn_error *err) {
    return isn_lexfile_read_lines(path, fn, ctx, NULL, warn, err);
}

int isn_lexfile_read_lines(const char *path, isn_lexfile_fn fn, void *ctx, uint64_t *line_out,
                           isn_warnings *warn, isn_error *err) {
    FILE *f = fopen(path, "r");
    if (!f) return isn_set_error(err, ISN_EIO, path, 0, ISN_NO_OFFSET, "cannot read data file: %s", strerror(errno));
    char *line = NULL, section[128] = "";
    size_t cap = 0;
    ssize_t n;
    uint64_t lineno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (line_out) *line_out = lineno;
        if ((size_t)n != strlen(line)) { isn_warnings_add(warn, path, lineno, "NUL byte in line"); continue; }
        if (isn_validate_text(line, (size_t)n, NULL) != ISN_OK) {
            isn_warnings_add(warn, path, lineno, "invalid UTF-8");
            continue;
        }
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        if (*s == '[') {
            char *e = strchr(s, ']');
            if (!e || e[1] || e - s - 1 >= (long)sizeof section) {
                isn_warnings_add(warn, path, lineno, "bad section header (write [name])");
                continue;
            }
            memcpy(section, s + 1, (size_t)(e - s - 1));
            section[e - s - 1] = 0;
            continue;
        }
        char *value = NULL, *eq = strstr(s, " = ");
        if (eq) {
            *eq = 0;
            value = trim(eq + 3);
            s = trim(s);
        }
        const char *why = fn(ctx, section, s, value);
        if (why) isn_warnings_add(warn, path, lineno, "%s", why);
    }
    int rerr = ferror(f);
    free(line);
    fclose(f);
    if (rerr) return isn_set_error(err, ISN_EIO, path, lineno, ISN_NO_OFFSET, "read error");
    return ISN_OK;
}

size_t isn_normalize_phrase(const char *s, size_t n, char *out) {
    size_t len = isn_normalize(s, n, out, NULL), o = 0;
    int space = 1; /* collapse runs, trim the front */
    for (size_t i = 0; i < len; i++) {
        if (out[i] == ' ') {
            if (!space) out[o++] = ' ';
            space = 1;
        } else {
            out[o++] = out[i];
            space = 0;
        }
    }
    if (o && out[o - 1] == ' ') o--;
    out[o] = 0;
    return o;
}

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static size_t first_word_len(const char *s, size_t n) {
    const char *sp = memchr(s, ' ', n);
    return sp ? (size_t)(sp - s) : n;
}

int isn_phrases_add(isn_phrases *ps, const char *phrase, int value) {
    size_t n = strlen(phrase);
    char *tmp = malloc(3 * n + 1);
    if (!tmp) return -1;
    size_t len = isn_normalize_phrase(phrase, n, tmp);
    if (len == 0) { free(tmp); return -1; }
    isn_phrase *p = ISN_VEC_PUSH(ps->items);
    if (!p) { free(tmp); return -1; }
    p->text = (uint32_t)ps->pool.len;
    p->len = (uint32_t)len;
    p->value = value;
    p->nwords = 1;
    for (size_t i = 0; i < len; i++) p->nwords += tmp[i] == ' ';
    isn_buf_add(&ps->pool, tmp, len + 1); /* keep the NUL */
    free(tmp);
    return ps->pool.oom ? -1 : 0;
}

int isn_phrases_build(isn_phrases *ps) {
    free(ps->heads);
    size_t nh = 16;
    while (nh < ps->items.n * 2) nh *= 2;
    ps->heads = malloc(nh * sizeof *ps->heads);
    if (!ps->heads) return -1;
    ps->nheads = nh;
    memset(ps->heads, 0xFF, nh * sizeof *ps->heads);
    /* Chains are built back to front, so longer phrases added later do not
     * matter: lookups compare every phrase of the chain and keep the longest. */
    for (size_t i = 0; i < ps->items.n; i++) {
        isn_phrase *p = &ps->items.v[i];
        const char *t = ps->pool.data + p->text;
        size_t h = hash_bytes(t, first_word_len(t, p->len)) & (nh - 1);
        p->next = ps->heads[h];
        ps->heads[h] = (uint32_t)i;
    }
    return 0;
}

void isn_phrases_free(isn_phrases *ps) {
    isn_buf_free(&ps->pool);
    ISN_VEC_FREE(ps->items);
    free(ps->heads);
    ps->heads = NULL;
    ps->nheads = 0;
}

const isn_phrase *isn_phrases_get(const isn_phrases *ps, const char *s, size_t n) {
    if (!ps->nheads) return NULL;
    size_t h = hash_bytes(s, first_word_len(s, n)) & (ps->nheads - 1);
    for (uint32_t i = ps->heads[h]; i != UINT32_MAX; i = ps->items.v[i].next) {
        const isn_phrase *p = &ps->items.v[i];
        if (p->len == n && !memcmp(ps->pool.data + p->text, s, n)) return p;
    }
    return NULL;
}

/* Do the words of phrase p, from its second word on, equal toks[i+1..]? */
static int rest_matches(const isn_phrases *ps, const isn_phrase *p, size_t fw, const isn_token *toks,
                        size_t i, size_t n, const char *norm) {
    const char *t = ps->pool.data + p->text + fw, *end = ps->pool.data + p->text + p->len;
    size_t j = i + 1;
    while (t < end) {
        t++; /* the space */
        size_t wl = first_word_len(t, (size_t)(end - t));
        if (j >= n || toks[j].norm_len != wl || memcmp(norm + toks[j].norm, t, wl)) return 0;
        t += wl;
        j++;
    }
    return 1;
}

static size_t match_word(const isn_phrases *ps, const char *w, size_t wl, const isn_token *toks,
                         size_t i, size_t n, const char *norm, const isn_phrase **hit) {
    size_t h = hash_bytes(w, wl) & (ps->nheads - 1), best = 0;
    for (uint32_t k = ps->heads[h]; k != UINT32_MAX; k = ps->items.v[k].next) {
        const isn_phrase *p = &ps->items.v[k];
        const char *t = ps->pool.data + p->text;
        size_t fw = first_word_len(t, p->len);
        if (fw != wl || memcmp(t, w, wl) || p->nwords <= best) continue;
        if (p->nwords == 1 || rest_matches(ps, p, fw, toks, i, n, norm)) {
            best = p->nwords;
            *hit = p;
        }
    }
    return best;
}

size_t isn_phrases_match_from(const isn_phrases *ps, const char *w, size_t wl, const isn_token *toks,
                              size_t i, size_t n, const char *norm, const isn_phrase **hit) {
    if (!ps->nheads || i >= n) return 0;
    return match_word(ps, w, wl, toks, i, n, norm, hit);
}

size_t isn_phrases_match(const isn_phrases *ps, const isn_token *toks, size_t i, size_t n,
                         const char *norm, int flags, const isn_phrase **hit) {
    if (!ps->nheads || i >= n) return 0;
    const char *w = norm + toks[i].norm;
    size_t wl = toks[i].norm_len;
    size_t got = match_word(ps, w, wl, toks, i, n, norm, hit);
    /* و (d9 88) or ف (d9 81) glued in front */
    if (!got && (flags & ISN_MATCH_CONJ) && wl > 2 && (unsigned char)w[0] == 0xD9 &&
        ((unsigned char)w[1] == 0x88 || (unsigned char)w[1] == 0x81))
        got = match_word(ps, w + 2, wl - 2, toks, i, n, norm, hit);
    return got;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int isn_lexfile_list(const char *dir, isn_names *out) {
    memset(out, 0, sizeof *out);
    DIR *dp = opendir(dir);
    if (!dp) return -1;
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(dp))) {
        size_t n = strlen(de->d_name);
        if (de->d_name[0] == '.' || n < 5 || strcmp(de->d_name + n - 4, ".txt")) continue;
        char **slot = ISN_VEC_PUSH(*out);
        if (!slot || !(*slot = strdup(de->d_name))) { if (slot) out->n--; rc = -1; break; }
    }
    closedir(dp);
    if (out->n) qsort(out->v, out->n, sizeof *out->v, cmp_name);
    if (rc) isn_lexfile_names_free(out);
    return rc;
}

void isn_lexfile_names_free(isn_names *names) {
    for (size_t i = 0; i < names->n; i++) free(names->v[i]);
    ISN_VEC_FREE(*names);
}

void isn_phrases_add_first_words(isn_phrases *dst, const isn_phrases *src) {
    for (size_t k = 0; k < src->items.n; k++) {
        const char *p = isn_phrase_text(src, &src->items.v[k]);
        size_t n = strcspn(p, " ");
        char first[256];
        if (n >= sizeof first) continue;
        memcpy(first, p, n);
        first[n] = 0;
        isn_phrases_add(dst, first, 1);
    }
}
