/*
 * buf.h -- growable byte buffers and arrays, reused across documents.
 *
 * The pipeline never allocates per token: every stage appends into buffers
 * that belong to the isn_doc workspace and are reset (length set to 0,
 * memory kept) at the start of each document. So after the first few
 * documents a run reaches a steady state with no allocation at all, and
 * memory is bounded by the largest document seen.
 *
 * Growth doubles the capacity, so appending n bytes costs O(n) overall.
 * Allocation failure is sticky: `oom` is set, further appends are ignored,
 * and the caller checks the flag once at the end of a stage (SQLite's
 * "sticky error" idea: no error check on every append in hot loops).
 */
#ifndef ISN_BUF_H
#define ISN_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct isn_buf {
    char *data;
    size_t len, cap;
    int oom;
} isn_buf;

/* Ensures room for `extra` more bytes (plus a NUL). Returns 0 or -1 (oom). */
int isn_buf_reserve(isn_buf *b, size_t extra);
void isn_buf_free(isn_buf *b);

static inline void isn_buf_reset(isn_buf *b) { b->len = 0; b->oom = 0; if (b->data) b->data[0] = 0; }

static inline void isn_buf_add(isn_buf *b, const void *p, size_t n) {
    if (b->len + n + 1 > b->cap && isn_buf_reserve(b, n) != 0) return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

static inline void isn_buf_addc(isn_buf *b, char c) {
    if (b->len + 2 > b->cap && isn_buf_reserve(b, 1) != 0) return;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

static inline void isn_buf_adds(isn_buf *b, const char *s) { isn_buf_add(b, s, strlen(s)); }

void isn_buf_printf(isn_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A typed growable array: ISN_VEC(isn_token) toks; */
#define ISN_VEC(T) struct { T *v; size_t n, cap; int oom; }

/* Grows a vector so that one more element fits; returns a pointer to the new
 * (uninitialised) slot or NULL on failure (and sets oom). */
void *isn_vec_grow(void *vec_v, size_t *n, size_t *cap, int *oom, size_t elem);
/* The slot is handed out inline while there is room; isn_vec_grow grows. */
#define ISN_VEC_PUSH(vec)                                                                           \
    ((vec).n < (vec).cap && !(vec).oom                                                              \
         ? &(vec).v[(vec).n++]                                                                      \
         : (__typeof__((vec).v))isn_vec_grow(&(vec).v, &(vec).n, &(vec).cap, &(vec).oom, sizeof(*(vec).v)))
/* Sets the length to `want` (new elements uninitialised): one growth for a
 * per-token array, not a push per token. 0, or -1 when memory ran out. */
int isn_vec_resize(void *vec_v, size_t *n, size_t *cap, int *oom, size_t elem, size_t want);
#define ISN_VEC_RESIZE(vec, want) isn_vec_resize(&(vec).v, &(vec).n, &(vec).cap, &(vec).oom, sizeof(*(vec).v), (want))
#define ISN_VEC_RESET(vec) ((vec).n = 0, (vec).oom = 0)
#define ISN_VEC_FREE(vec) (free((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

#endif
