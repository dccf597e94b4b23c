/*
 * buf.c -- growable buffers (see buf.h for the design).
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int isn_buf_reserve(isn_buf *b, size_t extra) {
    if (b->oom) return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) { b->oom = 1; return -1; }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->oom = 1; return -1; }
    b->data = p;
    b->cap = cap;
    return 0;
}

void isn_buf_free(isn_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void isn_buf_printf(isn_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) { isn_buf_add(b, small, (size_t)n); return; }
    if (isn_buf_reserve(b, (size_t)n) != 0) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

int isn_vec_resize(void *vec_v, size_t *n, size_t *cap, int *oom, size_t elem, size_t want) {
    void **v = (void **)vec_v;
    if (*oom) return -1;
    if (want > *cap) {
        size_t nc = *cap ? *cap : 64;
        while (nc < want) nc *= 2;
        if (nc > SIZE_MAX / elem) { *oom = 1; return -1; }
        void *p = realloc(*v, nc * elem);
        if (!p) { *oom = 1; return -1; }
        *v = p;
        *cap = nc;
    }
    *n = want;
    return 0;
}

void *isn_vec_grow(void *vec_v, size_t *n, size_t *cap, int *oom, size_t elem) {
    void **v = (void **)vec_v;
    if (*oom) return NULL;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        if (nc > SIZE_MAX / elem) { *oom = 1; return NULL; }
        void *p = realloc(*v, nc * elem);
        if (!p) { *oom = 1; return NULL; }
        *v = p;
        *cap = nc;
    }
    return (char *)*v + (*n)++ * elem;
}
