/*
 * lexfile.h -- reading isnad's data files, and phrase sets built from them.
 *
 * Every lexicon isnad uses is a human-editable text file under data/, in one
 * format (docs/lexicons.md):
 *
 *     # a comment
 *     [section]
 *     phrase
 *     phrase = value
 *
 * Phrases are written as a person would write them, with hamzas and
 * tashkeel if they like; they are normalised on load exactly as the text is,
 * so the file and the text always meet. A malformed line becomes a warning
 * naming the file and line, and loading goes on with the next line: one
 * typo in a researcher's addition must not take the whole lexicon down.
 */
#ifndef ISN_LEXFILE_H
#define ISN_LEXFILE_H

#include "buf.h"
#include "isnad.h"

typedef ISN_VEC(char *) isn_warnings;
void isn_warnings_add(isn_warnings *w, const char *file, uint64_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void isn_warnings_free(isn_warnings *w);

/* Called for each entry; `key` is the phrase as written (trimmed), `value`
 * the text after " = " or NULL. Returns NULL to accept the line or a message
 * to turn it into a warning. */
typedef const char *(*isn_lexfile_fn)(void *ctx, const char *section, const char *key,
                                      const char *value);

/* Reads a data file. Fails only when the file cannot be read at all. */
int isn_lexfile_read(const char *path, isn_lexfile_fn fn, void *ctx, isn_warnings *warn,
                     isn_error *err);
/* The same, storing the number of the line being handed to fn in *line
 * (for callers that report problems found later, at the end of a block). */
int isn_lexfile_read_lines(const char *path, isn_lexfile_fn fn, void *ctx, uint64_t *line,
                           isn_warnings *warn, isn_error *err);

/* The names of the *.txt files of a folder, in byte order (hidden files
 * left out), so that data split over several files loads the same way on
 * every machine. Returns 0, or -1 when the folder cannot be read or memory
 * ran out; free the list with isn_lexfile_names_free. */
typedef ISN_VEC(char *) isn_names;
int isn_lexfile_list(const char *dir, isn_names *out);
void isn_lexfile_names_free(isn_names *names);

/* A set of normalised phrases of one or more words, each with an int value.
 * Lookups: a whole string, or the longest phrase at a position in a token
 * sequence. Buckets are keyed by a phrase's first two words (its one word
 * when it has one), so a token lookup costs two hash probes: the word, and
 * the word with the next token. */
typedef struct isn_phrase {
    uint32_t text;    /* offset in pool: the normalised phrase, words joined by ' ' */
    uint32_t len;
    uint32_t next;    /* next phrase in its bucket, or UINT32_MAX */
    uint32_t khash;   /* the hash of its key (its first two words, or its one word) */
    uint16_t klen;    /* and the key's length: a bucket's other keys cost no memcmp */
    uint16_t nwords;
    int value;
} isn_phrase;

typedef struct isn_phrases {
    isn_buf pool;
    ISN_VEC(isn_phrase) items;
    uint32_t *heads;   /* hash of the key -> first phrase index */
    size_t nheads;
    uint64_t *multi;   /* a bit per hash of the first word of a longer phrase: */
    size_t nmulti;     /* no bit, no second probe (bits: a power of two) */
    int gate;          /* the user's: 1 + a bit of its first-word mask, 0 when ungated */
} isn_phrases;

/* Normalises `phrase` and adds it. Returns 0, or -1 when it is empty after
 * normalisation or memory ran out. */
int isn_phrases_add(isn_phrases *ps, const char *phrase, int value);
/* Must be called after the last add, before lookups. */
int isn_phrases_build(isn_phrases *ps);
void isn_phrases_free(isn_phrases *ps);

/* Adds the first word of every phrase of src to dst, with this value: a
 * gate that rejects, with one lookup, the tokens no phrase of src can start
 * at. */
void isn_phrases_add_first_words(isn_phrases *dst, const isn_phrases *src, int value);

/* Adds a phrase already normalised (n bytes, words joined by one space). */
int isn_phrases_add_normalized(isn_phrases *ps, const char *s, size_t n, int value);

/* The values of every phrase that is exactly w, or-ed together (a set may
 * hold one word several times, each with a bit of its own). */
uint32_t isn_phrases_or_values(const isn_phrases *ps, const char *w, size_t wl);

/* Exact lookup of a normalised string; returns the phrase or NULL. */
const isn_phrase *isn_phrases_get(const isn_phrases *ps, const char *s, size_t n);
static inline const char *isn_phrase_text(const isn_phrases *ps, const isn_phrase *p) {
    return ps->pool.data + p->text;
}

/* Longest phrase whose words equal the normalised forms of toks[i..].
 * With `conj`, the first token may carry a glued و or ف before the phrase's
 * first word ("وكما" matches "كما"). Returns the number of tokens matched
 * (0: none) and the phrase in *hit. */
#define ISN_MATCH_CONJ 1
size_t isn_phrases_match(const isn_phrases *ps, const isn_token *toks, size_t i, size_t n,
                         const char *norm, int flags, const isn_phrase **hit);

/* The same with the first word given explicitly (a clitic-stripped form of
 * toks[i]); the rest of the phrase must match toks[i+1..]. */
size_t isn_phrases_match_from(const isn_phrases *ps, const char *w, size_t wl, const isn_token *toks,
                              size_t i, size_t n, const char *norm, const isn_phrase **hit);

/* Normalises s into out (size >= 3*strlen(s)+1) with white space collapsed
 * to single spaces and trimmed. Returns the length. */
size_t isn_normalize_phrase(const char *s, size_t n, char *out);

#endif
