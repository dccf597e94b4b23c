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

/* FNV-1a, continued from h over n more bytes (start from ISN_FNV_START).
 * The phrase sets of lexfile.c hash with it too. */
#define ISN_FNV_START 1469598103934665603ull
static inline uint64_t isn_fnv1a(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Where word w's answer is or goes: the slot, and the word's hash and
 * length as they were looked up. */
typedef struct isn_wordmemo_key {
    isn_wordmemo_slot *slot; /* NULL: no table, compute every time */
    uint64_t hash;
    uint32_t len;
} isn_wordmemo_key;

/* Looks word w up: 1 with its answer in *value, else 0 and `key` says
 * where isn_wordmemo_put keeps the answer once computed. */
static inline int isn_wordmemo_get(isn_wordmemo *m, const char *w, size_t n, isn_wordmemo_key *key,
                                   uint32_t *value) {
    key->hash = isn_fnv1a(ISN_FNV_START, w, n), key->len = (uint32_t)n, key->slot = NULL;
    if (!n || (!m->slots && !(m->slots = calloc(ISN_WORDMEMO_SLOTS, sizeof *m->slots)))) return 0;
    key->slot = &m->slots[key->hash & (ISN_WORDMEMO_SLOTS - 1)];
    if (key->slot->len != key->len || key->slot->hash != key->hash) return 0;
    *value = key->slot->value;
    return 1;
}

/* Keeps the answer of the word looked up with `key` (the slot's word before goes). */
static inline void isn_wordmemo_put(const isn_wordmemo_key *key, uint32_t value) {
    if (key->slot) key->slot->hash = key->hash, key->slot->len = key->len, key->slot->value = value;
}

static inline void isn_wordmemo_free(isn_wordmemo *m) {
    free(m->slots);
    m->slots = NULL;
}

#endif
