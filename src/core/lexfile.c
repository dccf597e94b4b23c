/*
 * lexfile.c -- data file reader and phrase sets (see lexfile.h).
 */
#include "lexfile.h"
#include "error.h"
#include "wordmemo.h"

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

/* The phrase keys hash with the word memos' FNV-1a (core/wordmemo.h). */

/* A phrase's key: its first two words (or its one word). The hash of the
 * key, and its length in bytes, in one pass. Keying on two words keeps the
 * buckets short where many names share a first word ("الرئيس ...",
 * "وزير ..."): a lookup walks the phrases of its first two words only. */
static uint64_t hash_key(const char *s, size_t n, size_t *klen) {
    size_t i = 0;
    for (int spaces = 0; i < n && !(s[i] == ' ' && ++spaces == 2); i++) {}
    uint64_t h = isn_fnv1a(ISN_FNV_START, s, i);
    *klen = i;
    return h;
}

int isn_phrases_add_normalized(isn_phrases *ps, const char *s, size_t len, int value) {
    if (len == 0) return -1;
    isn_phrase *p = ISN_VEC_PUSH(ps->items);
    if (!p) return -1;
    p->text = (uint32_t)ps->pool.len;
    p->len = (uint32_t)len;
    p->value = value;
    p->nwords = 1;
    for (size_t i = 0; i < len; i++) p->nwords += s[i] == ' ';
    isn_buf_add(&ps->pool, s, len);
    isn_buf_addc(&ps->pool, 0); /* keep the NUL */
    return ps->pool.oom ? -1 : 0;
}

int isn_phrases_add(isn_phrases *ps, const char *phrase, int value) {
    size_t n = strlen(phrase);
    char stack[512], *tmp = 3 * n + 1 <= sizeof stack ? stack : malloc(3 * n + 1);
    if (!tmp) return -1;
    size_t len = isn_normalize_phrase(phrase, n, tmp);
    int rc = isn_phrases_add_normalized(ps, tmp, len, value);
    if (tmp != stack) free(tmp);
    return rc;
}

int isn_phrases_build(isn_phrases *ps) {
    free(ps->heads);
    free(ps->multi);
    size_t nh = 16, nm = 64;
    while (nh < ps->items.n * 2) nh *= 2;
    while (nm < ps->items.n * 8) nm *= 2;
    ps->heads = malloc(nh * sizeof *ps->heads);
    ps->multi = calloc(nm / 64, sizeof *ps->multi);
    if (!ps->heads || !ps->multi) return -1;
    ps->nmulti = nm;
    ps->nheads = nh;
    memset(ps->heads, 0xFF, nh * sizeof *ps->heads);
    /* Chains are built back to front, so longer phrases added later do not
     * matter: lookups compare every phrase of the chain and keep the longest. */
    for (size_t i = 0; i < ps->items.n; i++) {
        isn_phrase *p = &ps->items.v[i];
        size_t klen;
        uint64_t h = hash_key(ps->pool.data + p->text, p->len, &klen);
        if (klen > UINT16_MAX) return -1;
        p->khash = (uint32_t)(h >> 32), p->klen = (uint16_t)klen;
        if (p->nwords > 1) {
            const char *t = ps->pool.data + p->text;
            uint64_t f = isn_fnv1a(ISN_FNV_START, t, (size_t)((const char *)memchr(t, ' ', p->len) - t)) & (nm - 1);
            ps->multi[f / 64] |= 1ull << (f % 64);
        }
        p->next = ps->heads[h & (nh - 1)];
        ps->heads[h & (nh - 1)] = (uint32_t)i;
    }
    return 0;
}

void isn_phrases_free(isn_phrases *ps) {
    isn_buf_free(&ps->pool);
    ISN_VEC_FREE(ps->items);
    free(ps->heads);
    free(ps->multi);
    ps->heads = NULL;
    ps->multi = NULL;
    ps->nheads = ps->nmulti = 0;
}

const isn_phrase *isn_phrases_get(const isn_phrases *ps, const char *s, size_t n) {
    if (!ps->nheads) return NULL;
    size_t klen;
    uint64_t h = hash_key(s, n, &klen);
    uint32_t h32 = (uint32_t)(h >> 32);
    for (uint32_t i = ps->heads[h & (ps->nheads - 1)]; i != UINT32_MAX; i = ps->items.v[i].next) {
        const isn_phrase *p = &ps->items.v[i];
        if (p->len == n && p->khash == h32 && !memcmp(ps->pool.data + p->text, s, n)) return p;
    }
    return NULL;
}

uint32_t isn_phrases_or_values(const isn_phrases *ps, const char *w, size_t wl) {
    if (!ps->nheads) return 0;
    uint64_t h = isn_fnv1a(ISN_FNV_START, w, wl);
    uint32_t h32 = (uint32_t)(h >> 32), v = 0;
    for (uint32_t k = ps->heads[h & (ps->nheads - 1)]; k != UINT32_MAX; k = ps->items.v[k].next) {
        const isn_phrase *p = &ps->items.v[k];
        if (p->khash == h32 && p->len == wl && !memcmp(ps->pool.data + p->text, w, wl)) v |= (uint32_t)p->value;
    }
    return v;
}

/* Do the words of phrase p after its key (its first two) equal toks[j..]? */
static int rest_matches(const isn_phrases *ps, const isn_phrase *p, const isn_token *toks, size_t j, size_t n,
                        const char *norm) {
    const char *t = ps->pool.data + p->text + p->klen, *end = ps->pool.data + p->text + p->len;
    while (t < end) {
        t++; /* the space */
        const char *sp = memchr(t, ' ', (size_t)(end - t));
        size_t wl = sp ? (size_t)(sp - t) : (size_t)(end - t);
        if (j >= n || toks[j].norm_len != wl || memcmp(norm + toks[j].norm, t, wl)) return 0;
        t += wl;
        j++;
    }
    return 1;
}

/* The longest phrase that is the word w (standing for token i) followed by
 * tokens i+1...: one probe for the one-word phrases, one for the longer
 * ones, keyed on w and the next token. */
static size_t match_word(const isn_phrases *ps, const char *w, size_t wl, const isn_token *toks,
                         size_t i, size_t n, const char *norm, const isn_phrase **hit) {
    size_t best = 0;
    uint64_t h = isn_fnv1a(ISN_FNV_START, w, wl);
    uint32_t h32 = (uint32_t)(h >> 32);
    for (uint32_t k = ps->heads[h & (ps->nheads - 1)]; k != UINT32_MAX; k = ps->items.v[k].next) {
        const isn_phrase *p = &ps->items.v[k];
        if (p->khash == h32 && p->len == wl && !memcmp(ps->pool.data + p->text, w, wl)) {
            best = 1, *hit = p;
            break;
        }
    }
    uint64_t f = h & (ps->nmulti - 1);
    if (i + 1 >= n || !(ps->multi[f / 64] >> (f % 64) & 1)) return best; /* no longer phrase starts so */
    const char *nx = norm + toks[i + 1].norm;
    size_t nl = toks[i + 1].norm_len, klen = wl + 1 + nl;
    h = isn_fnv1a(isn_fnv1a(h, " ", 1), nx, nl);
    h32 = (uint32_t)(h >> 32);
    for (uint32_t k = ps->heads[h & (ps->nheads - 1)]; k != UINT32_MAX; k = ps->items.v[k].next) {
        const isn_phrase *p = &ps->items.v[k];
        if (p->khash != h32 || p->klen != klen || p->nwords <= best) continue;
        const char *t = ps->pool.data + p->text;
        if (memcmp(t, w, wl) || t[wl] != ' ' || memcmp(t + wl + 1, nx, nl)) continue;
        if (rest_matches(ps, p, toks, i + 2, n, norm)) best = p->nwords, *hit = p;
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

void isn_phrases_add_first_words(isn_phrases *dst, const isn_phrases *src, int value) {
    for (size_t k = 0; k < src->items.n; k++) {
        const char *p = isn_phrase_text(src, &src->items.v[k]);
        isn_phrases_add_normalized(dst, p, strcspn(p, " "), value);
    }
}
