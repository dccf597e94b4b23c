/*
 * engine.c -- loading the data files into an isn_engine.
 *
 * The engine is everything that is the same for every document: the
 * compiled lexicons. It is built once and read-only afterwards, so any
 * number of isn_doc workspaces (one per thread) can share it.
 *
 * The data folder is, in order: the one the caller names, $ISNAD_DATA, or
 * the build-time default (the source tree's data/ for a build-tree binary,
 * the install prefix's share/isnad otherwise).
 */
#include "internal.h"
#include "../core/error.h"
#include "../text/chars.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef ISNAD_DATA_DIR
#define ISNAD_DATA_DIR "data"
#endif

static char *join(const char *dir, const char *file) {
    size_t n = strlen(dir) + strlen(file) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, file);
    return p;
}

int isn_engine_new(isn_engine **out, const isn_config *cfg, isn_error *err) {
    *out = NULL;
    isn_chars_init();
    isn_engine *e = calloc(1, sizeof *e);
    if (!e) return isn_set_error(err, ISN_ENOMEM, NULL, 0, ISN_NO_OFFSET, "out of memory");
    const char *dir = cfg && cfg->data_dir ? cfg->data_dir : getenv("ISNAD_DATA");
    if (!dir || !*dir) dir = ISNAD_DATA_DIR;
    e->data_dir = strdup(dir);
    char *seg = join(dir, "text/segment.txt"), *bp = join(dir, "clean/boilerplate.txt"),
         *mp = join(dir, "time/months.txt"), *ep = join(dir, "entities"),
         *xp = join(dir, "time/expressions.txt"), *vp = join(dir, "events");
    int rc = ISN_OK;
    if (!e->data_dir || !seg || !bp || !mp || !ep || !xp || !vp)
        rc = isn_set_error(err, ISN_ENOMEM, NULL, 0, ISN_NO_OFFSET, "out of memory");
    if (!rc) rc = isn_segment_lex_load(&e->seg, seg, &e->warnings, err);
    if (!rc) rc = isn_time_lex_load(&e->time, mp, xp, &e->warnings, err);
    if (!rc) rc = isn_clean_lex_load(&e->clean, bp, &e->time.months, &e->time.weekdays, &e->warnings, err);
    if (!rc) rc = isn_entity_lex_load(&e->entities, ep, &e->warnings, err);
    if (!rc) rc = isn_event_lex_load(&e->events, vp, &e->warnings, err);
    free(vp);
    free(ep);
    free(xp);
    free(seg);
    free(bp);
    free(mp);
    if (rc) {
        isn_engine_free(e);
        return rc;
    }
    *out = e;
    return ISN_OK;
}

void isn_engine_free(isn_engine *e) {
    if (!e) return;
    isn_segment_lex_free(&e->seg);
    isn_clean_lex_free(&e->clean);
    isn_entity_lex_free(&e->entities);
    isn_time_lex_free(&e->time);
    isn_event_lex_free(&e->events);
    isn_warnings_free(&e->warnings);
    free(e->data_dir);
    free(e);
}

const char *isn_engine_data_dir(const isn_engine *e) { return e->data_dir; }
size_t isn_engine_warning_count(const isn_engine *e) { return e->warnings.n; }
const char *isn_engine_warning(const isn_engine *e, size_t i) {
    return i < e->warnings.n ? e->warnings.v[i] : NULL;
}

const char *isn_engine_resolve(const isn_engine *e, const char *name) {
    const isn_entity_lex *lex = &e->entities;
    uint32_t k = isn_entity_find(lex, name);
    if (k == ISN_NONE) {
        size_t n = strlen(name);
        char *norm = malloc(3 * n + 1);
        if (!norm) return NULL;
        size_t m = isn_normalize_phrase(name, n, norm);
        const isn_phrase *p = m ? isn_phrases_get(&lex->aliases, norm, m) : NULL;
        free(norm);
        if (!p) return NULL;
        k = (uint32_t)p->value;
    }
    return isn_ent_str(lex, lex->ents.v[k].id);
}
