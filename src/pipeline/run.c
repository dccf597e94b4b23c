/*
 * run.c -- documents through the pipeline on several threads, handed back
 * in input order (isn_run).
 *
 * The calling thread reads: each document of the reader is copied into a
 * free slot of a ring (the reader's buffers are reused by the next read).
 * Worker threads take the slots in order, each running isn_doc_process on
 * the slot's own isn_doc, then the caller's `prepare` (say, rendering JSON)
 * while still on the worker. The calling thread hands the slots back to
 * `each` strictly in input order, a reader's error in its place among them,
 * then frees the slot for the next read. So the output of N threads is, byte
 * for byte, the output of one: documents are independent (docs/architecture.md),
 * and nothing but the order of handing back depends on the threads.
 *
 * Invariants: a slot goes FREE -> (the reader fills it) READY or FAILED ->
 * (a worker) DONE -> (each) FREE; only the calling thread moves a slot out
 * of FREE or DONE, only a worker out of READY. `next_emit <= next_work <=
 * next_read`, and slot seq % nslots holds document seq. One mutex guards
 * the states and counters; the slot's contents belong to whoever moved it
 * last.
 *
 * With one thread nothing is spawned: the same loop runs inline.
 */
#include "../core/buf.h"
#include "../core/error.h"
#include "isnad.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { FREE, READY, FAILED, DONE };

typedef struct slot {
    int state;
    isn_doc *doc;
    isn_input in;          /* its strings point into `data` */
    isn_buf data;
    int status;            /* 0, or the error of reading or processing it */
    isn_error err;
    isn_prepared prep;
} slot;

typedef struct runner {
    const isn_options *opt;
    isn_prepare_fn prepare;
    void *ctx;
    slot *slots;
    size_t nslots;
    uint64_t next_read, next_work, next_emit;
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
} runner;

/* Copies the reader's input into the slot's own buffer. */
static int copy_input(slot *s, const isn_input *in) {
    const char *strs[] = {in->id, in->url, in->title, in->date, in->meta_json, in->file};
    size_t at[6];
    isn_buf_reset(&s->data);
    isn_buf_add(&s->data, in->text, in->len);
    isn_buf_addc(&s->data, 0);
    for (int k = 0; k < 6; k++) {
        at[k] = strs[k] ? s->data.len : SIZE_MAX;
        if (strs[k]) isn_buf_add(&s->data, strs[k], strlen(strs[k]) + 1);
    }
    if (s->data.oom) return ISN_ENOMEM;
    const char *b = s->data.data;
    s->in = *in;
    s->in.text = b;
    const char **dst[] = {&s->in.id, &s->in.url, &s->in.title, &s->in.date, &s->in.meta_json, &s->in.file};
    for (int k = 0; k < 6; k++) *dst[k] = at[k] == SIZE_MAX ? NULL : b + at[k];
    return ISN_OK;
}

/* Processes one slot: the pipeline, then the caller's preparation. */
static void work_on(runner *r, slot *s) {
    memset(&s->prep, 0, sizeof s->prep);
    s->status = isn_doc_process(s->doc, &s->in, r->opt, &s->err);
    if (!s->status && r->prepare) {
        int rc = r->prepare(r->ctx, s->doc, &s->in, &s->prep);
        if (rc) s->status = rc, isn_set_error(&s->err, rc, s->in.file, s->in.line, ISN_NO_OFFSET, "%s", isn_strerror(rc));
    }
}

static void *worker(void *arg) {
    runner *r = arg;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (!r->stop && r->next_work == r->next_read) pthread_cond_wait(&r->work_cv, &r->mu);
        if (r->stop && r->next_work == r->next_read) break;
        slot *s = &r->slots[r->next_work++ % r->nslots];
        if (s->state == FAILED) { /* a reading error: nothing to run */
            s->state = DONE;
            pthread_cond_broadcast(&r->done_cv);
            continue;
        }
        pthread_mutex_unlock(&r->mu);
        work_on(r, s);
        pthread_mutex_lock(&r->mu);
        s->state = DONE;
        pthread_cond_broadcast(&r->done_cv);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Reads the next document into slot s: 1 read (READY or FAILED), 0 end.
 * Run inline, the reader's own buffers serve until the next read; a ring
 * needs copies (and a 100 MB document is not held twice when inline). */
static int fill(isn_reader *rd, slot *s, int copy) {
    isn_input in;
    int rc = isn_reader_next(rd, &in, &s->err);
    if (rc == 0) return 0;
    if (rc < 0) {
        s->status = rc;
        s->state = FAILED;
        return 1;
    }
    if (!copy) {
        s->in = in, s->status = 0, s->state = READY;
        return 1;
    }
    s->status = copy_input(s, &in);
    if (s->status) isn_set_error(&s->err, s->status, in.file, in.line, ISN_NO_OFFSET, "out of memory");
    s->state = s->status ? FAILED : READY;
    return 1;
}

static int emit(slot *s, isn_each_fn each, void *ctx) {
    int live = s->status == 0;
    return each(ctx, live ? s->doc : NULL, live ? &s->in : NULL, &s->prep, s->status, s->status ? &s->err : NULL);
}

static int run_inline(runner *r, isn_reader *rd, isn_each_fn each) {
    slot *s = &r->slots[0];
    int stop = 0;
    while (!stop && fill(rd, s, 0)) {
        if (s->state == READY) work_on(r, s);
        stop = emit(s, each, r->ctx);
    }
    return stop;
}

static int run_threads(runner *r, isn_reader *rd, isn_each_fn each, int nthreads) {
    pthread_t *tids = calloc((size_t)nthreads, sizeof *tids);
    int started = 0, stop = 0, eof = 0;
    if (!tids) return ISN_ENOMEM;
    for (; started < nthreads; started++)
        if (pthread_create(&tids[started], NULL, worker, r)) break;
    if (!started) { free(tids); return ISN_ENOMEM; }
    pthread_mutex_lock(&r->mu);
    while (!stop && (!eof || r->next_emit < r->next_read)) {
        /* read while a slot is free: the reader runs without the lock */
        slot *s = &r->slots[r->next_read % r->nslots];
        if (!eof && s->state == FREE) {
            pthread_mutex_unlock(&r->mu);
            int got = fill(rd, s, 1);
            pthread_mutex_lock(&r->mu);
            if (got) {
                r->next_read++;
                pthread_cond_signal(&r->work_cv);
            } else {
                eof = 1;
            }
            continue;
        }
        /* hand back the oldest when it is done, else wait for a worker */
        slot *e = &r->slots[r->next_emit % r->nslots];
        if (r->next_emit < r->next_read && e->state == DONE) {
            pthread_mutex_unlock(&r->mu);
            stop = emit(e, each, r->ctx);
            pthread_mutex_lock(&r->mu);
            e->state = FREE;
            r->next_emit++;
            continue;
        }
        pthread_cond_wait(&r->done_cv, &r->mu);
    }
    r->stop = 1;
    /* a stop leaves documents read and never run: mark them done so the
     * workers drain the ring without running them */
    for (uint64_t k = r->next_work; k < r->next_read; k++) r->slots[k % r->nslots].state = FAILED;
    pthread_cond_broadcast(&r->work_cv);
    pthread_mutex_unlock(&r->mu);
    for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
    free(tids);
    return stop;
}

int isn_run(const isn_engine *eng, isn_reader *rd, const isn_options *opt, int nthreads, isn_prepare_fn prepare,
            isn_each_fn each, void *ctx) {
    if (nthreads < 1) nthreads = 1;
    runner r = {.opt = opt, .prepare = prepare, .ctx = ctx};
    r.nslots = nthreads == 1 ? 1 : 2 * (size_t)nthreads + 2;
    r.slots = calloc(r.nslots, sizeof *r.slots);
    int rc = r.slots ? ISN_OK : ISN_ENOMEM;
    for (size_t k = 0; k < r.nslots && !rc; k++) rc = isn_doc_new(&r.slots[k].doc, eng);
    if (!rc) {
        if (nthreads == 1) {
            rc = run_inline(&r, rd, each);
        } else {
            pthread_mutex_init(&r.mu, NULL);
            pthread_cond_init(&r.work_cv, NULL);
            pthread_cond_init(&r.done_cv, NULL);
            rc = run_threads(&r, rd, each, nthreads);
            pthread_cond_destroy(&r.done_cv);
            pthread_cond_destroy(&r.work_cv);
            pthread_mutex_destroy(&r.mu);
        }
    }
    for (size_t k = 0; r.slots && k < r.nslots; k++) {
        isn_doc_free(r.slots[k].doc);
        isn_buf_free(&r.slots[k].data);
    }
    free(r.slots);
    return rc;
}
