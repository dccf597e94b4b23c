/*
 * ner.c -- scoring entity mentions against a CoNLL-style corpus.
 *
 * The corpus gives tokens and gold BIO tags. isnad reads the tokens back as
 * text (tokens joined by spaces, sentences by line breaks, in chunks of a
 * few thousand tokens so that documents stay article-sized), runs its own
 * pipeline, and tags each gold token with the mention that overlaps it
 * (B- on the first token of a mention, I- after). Chunks are then compared
 * as conlleval does: a predicted chunk is correct when its first token, last
 * token and type all equal a gold chunk's.
 *
 * Corpora are messy: tag names vary (PERS/PER, MIS/MISC), lines carry stray
 * direction marks, some have no tag or a tag that is not BIO. Such lines are
 * counted as malformed and skipped; the rest is scored.
 */
#include "../core/buf.h"
#include "../core/error.h"
#include "isnad.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { T_O = -1 };

typedef struct gtok { uint32_t start, end; int8_t gold, pred; uint8_t gb, pb; } gtok; /* type, begins */

static int type_of(const char *s) {
    if (!strcmp(s, "PER") || !strcmp(s, "PERS")) return ISN_ENT_PER;
    if (!strcmp(s, "ORG")) return ISN_ENT_ORG;
    if (!strcmp(s, "LOC")) return ISN_ENT_LOC;
    if (!strcmp(s, "MISC") || !strcmp(s, "MIS")) return ISN_ENT_MISC;
    return -2;
}

/* Trims white space and invisible marks (LRM, RLM, ZWNJ, BOM) at both ends. */
static char *trim(char *s) {
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') { s++; continue; }
        if (!strncmp(s, "\xe2\x80\x8f", 3) || !strncmp(s, "\xe2\x80\x8e", 3) || !strncmp(s, "\xe2\x80\x8c", 3)) { s += 3; continue; }
        if (!strncmp(s, "\xef\xbb\xbf", 3)) { s += 3; continue; }
        break;
    }
    size_t n = strlen(s);
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) { n--; continue; }
        if (n >= 3 && (!strncmp(s + n - 3, "\xe2\x80\x8f", 3) || !strncmp(s + n - 3, "\xe2\x80\x8e", 3))) { n -= 3; continue; }
        break;
    }
    s[n] = 0;
    return s;
}

/* "token TAG" -> tag type and B flag; returns 0 for a malformed line. */
static int parse_line(char *line, char **token, int *type, int *begins) {
    char *sp = strrchr(line, ' '), *tab = strrchr(line, '\t');
    if (tab > sp) sp = tab;
    if (!sp || sp == line) return 0;
    char *tag = trim(sp + 1);
    *sp = 0;
    *token = trim(line);
    if (!**token) return 0;
    if (!strcmp(tag, "O")) { *type = T_O; *begins = 0; return 1; }
    if ((tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return 0;
    *type = type_of(tag + 2);
    *begins = tag[0] == 'B';
    return *type >= 0;
}

/* Chunks of a tag sequence, conlleval style; calls fn(start, end, type). */
typedef void (*chunk_fn)(void *ctx, size_t a, size_t b, int type);
static void chunks(const gtok *t, size_t n, int pred, chunk_fn fn, void *ctx) {
    size_t start = 0;
    int cur = T_O;
    for (size_t i = 0; i <= n; i++) {
        int ty = i < n ? (pred ? t[i].pred : t[i].gold) : T_O;
        int b = i < n ? (pred ? t[i].pb : t[i].gb) : 0;
        if (cur != T_O && (ty != cur || b)) { fn(ctx, start, i, cur); cur = T_O; }
        if (ty != T_O && cur == T_O) { cur = ty; start = i; }
    }
}

typedef struct cset { ISN_VEC(size_t) v; } cset; /* triples start, end, type */
static void collect(void *ctx, size_t a, size_t b, int type) {
    cset *c = ctx;
    size_t *p;
    if ((p = ISN_VEC_PUSH(c->v))) *p = a;
    if ((p = ISN_VEC_PUSH(c->v))) *p = b;
    if ((p = ISN_VEC_PUSH(c->v))) *p = (size_t)type;
}

static int score_chunk(isn_doc *doc, const isn_options *opt, isn_buf *text, gtok *t, size_t n,
                       isn_ner_score *sc, isn_error *err) {
    isn_input in = {0};
    in.id = in.file = "eval";
    in.text = text->data ? text->data : "";
    in.len = text->len;
    int rc = isn_doc_process(doc, &in, opt, err);
    if (rc) return rc;
    for (size_t i = 0; i < n; i++) t[i].pred = T_O, t[i].pb = 0;
    size_t k = 0; /* mentions and tokens are both in text order */
    isn_mention me;
    for (size_t m = 0; isn_doc_mention(doc, m, &me) == 0; m++) {
        if (me.nominal) continue; /* descriptions are not names */
        while (k < n && t[k].end <= me.span.start) k++;
        int first = 1;
        for (size_t j = k; j < n && t[j].start < me.span.end; j++) {
            if (t[j].pred != T_O) break;
            t[j].pred = (int8_t)me.type;
            t[j].pb = (uint8_t)first;
            first = 0;
        }
    }
    cset g = {0}, p = {0};
    chunks(t, n, 0, collect, &g);
    chunks(t, n, 1, collect, &p);
    for (size_t i = 0; i < g.v.n; i += 3) sc->gold[g.v.v[i + 2]]++;
    for (size_t i = 0; i < p.v.n; i += 3) sc->pred[p.v.v[i + 2]]++;
    for (size_t i = 0, j = 0; i < g.v.n && j < p.v.n;) { /* both sorted by start */
        if (g.v.v[i] < p.v.v[j]) { i += 3; continue; }
        if (p.v.v[j] < g.v.v[i]) { j += 3; continue; }
        if (g.v.v[i + 1] == p.v.v[j + 1] && g.v.v[i + 2] == p.v.v[j + 2]) sc->correct[g.v.v[i + 2]]++;
        i += 3, j += 3;
    }
    int oom = g.v.oom || p.v.oom;
    ISN_VEC_FREE(g.v);
    ISN_VEC_FREE(p.v);
    isn_buf_reset(text);
    return oom ? ISN_ENOMEM : ISN_OK;
}

int isn_eval_ner(const isn_engine *eng, const char *path, const isn_options *opt_in,
                 isn_ner_score *sc, isn_error *err) {
    memset(sc, 0, sizeof *sc);
    FILE *f = fopen(path, "r");
    if (!f) return isn_set_error(err, ISN_EIO, path, 0, ISN_NO_OFFSET, "cannot read: %s", strerror(errno));
    isn_options opt = opt_in ? *opt_in : (isn_options){0};
    opt.no_clean = 1;
    isn_doc *doc = NULL;
    if (isn_doc_new(&doc, eng)) { fclose(f); return ISN_ENOMEM; }
    isn_buf text = {0};
    ISN_VEC(gtok) toks = {0};
    char *line = NULL;
    size_t cap = 0;
    int rc = ISN_OK, in_sentence = 0;
    while (!rc && getline(&line, &cap, f) >= 0) {
        char *token;
        int type, begins;
        if (isn_validate_text(line, strlen(line), NULL) != ISN_OK) { sc->malformed++; continue; }
        char *s = trim(line);
        if (!*s) { /* a sentence break: end the chunk when it is large enough */
            if (in_sentence) sc->sentences++, isn_buf_addc(&text, '\n');
            in_sentence = 0;
            if (toks.n >= 2000) {
                rc = score_chunk(doc, &opt, &text, toks.v, toks.n, sc, err);
                ISN_VEC_RESET(toks);
            }
            continue;
        }
        if (!parse_line(s, &token, &type, &begins)) { sc->malformed++; continue; }
        gtok *g = ISN_VEC_PUSH(toks);
        if (!g) { rc = ISN_ENOMEM; break; }
        if (text.len && text.data[text.len - 1] != '\n') isn_buf_addc(&text, ' ');
        g->start = (uint32_t)text.len;
        isn_buf_adds(&text, token);
        g->end = (uint32_t)text.len;
        g->gold = (int8_t)type;
        g->gb = (uint8_t)begins;
        sc->tokens++;
        in_sentence = 1;
        /* corpora without sentence breaks: cut after a full stop past 3000 tokens */
        if (toks.n >= 3000 && !strcmp(token, ".") ) {
            sc->sentences++;
            rc = score_chunk(doc, &opt, &text, toks.v, toks.n, sc, err);
            ISN_VEC_RESET(toks);
        }
    }
    if (!rc && toks.n) rc = score_chunk(doc, &opt, &text, toks.v, toks.n, sc, err);
    if (in_sentence) sc->sentences++;
    if (!rc && (text.oom || toks.oom)) rc = ISN_ENOMEM;
    free(line);
    fclose(f);
    isn_buf_free(&text);
    ISN_VEC_FREE(toks);
    isn_doc_free(doc);
    return rc;
}
