/*
 * wordmemo.h -- a per-word answer kept across tokens and documents.
 *
 * Several stages ask the same question of every token: can a date start
 * here, can an event trigger, which entity lists could hold this word?
 * Answering it means stripping clitics and probing a dozen phrase sets,
 * while news prose repeats a few thousand words. A memo keeps the answer
 * per normalised word: one hash of the word, one slot read.
 *
 * It is a direct-mapped table keyed by a 64-bit hash of the word and its
 * length; a new word takes its slot over. Two words of one length with the
 * same 64-bit hash would share an answer; at news vocabularies that is
 * about one chance in 10^12 per run, and the answer is only a gate before
 * the real lookup, never a result. The memo belongs to one isn_doc, so to
 * one thread, and holds answers that depend on the lexicon only.
 */
#ifndef ISN_WORDMEMO_H
#define ISN_WORDMEMO_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define ISN_WORDMEMO_SLOTS 32768 /* a power of two; 512 KB, the words of a few thousand articles */

typedef struct isn_wordmemo_slot {
    uint64_t hash;
    uint32_t len;   /* 0: empty */
    uint32_t value;
} isn_wordmemo_slot;

typedef struct isn_wordmemo { isn_wordmemo_slot *slots; } isn_wordmemo;

static inline uint64_t isn_wordmemo_hash(const char *w, size_t n) {
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 1099511628211ull;
    return h;
}

/* The slot of word w (hash h): *hit tells whether it holds w's answer.
 * NULL only when the table cannot be allocated: then compute every time. */
static inline isn_wordmemo_slot *isn_wordmemo_slot_of(isn_wordmemo *m, uint64_t h, size_t n, int *hit) {
    if (!m->slots && !(m->slots = calloc(ISN_WORDMEMO_SLOTS, sizeof *m->slots))) return *hit = 0, NULL;
    isn_wordmemo_slot *s = &m->slots[h & (ISN_WORDMEMO_SLOTS - 1)];
    *hit = s->len == n && s->hash == h && n;
    return s;
}

static inline void isn_wordmemo_free(isn_wordmemo *m) {
    free(m->slots);
    m->slots = NULL;
}

#endif
