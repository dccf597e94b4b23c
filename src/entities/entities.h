/*
 * entities.h -- the entities stage: mentions of actors and places.
 */
#ifndef ISN_ENTITIES_H
#define ISN_ENTITIES_H

#include "../text/text.h"
#include "lexicon.h"
#include "../core/wordmemo.h"

/* A mention as the stage keeps it: names and codes as offsets into either
 * the lexicon pool (entity set) or the document's own pool. */
typedef struct isn_ment {
    uint32_t start, end, sentence;
    uint32_t entity;       /* lexicon index or ISN_NONE */
    uint32_t name, code;   /* offsets in work->pool, ISN_NONE: the entity's own */
    uint8_t type, rule, nominal;
    uint32_t first, last;  /* tokens [first, last) */
} isn_ment;

typedef struct isn_person_seen { uint32_t entity, count, last; } isn_person_seen;
typedef struct isn_surname { uint32_t surname, name, code; } isn_surname;

typedef struct isn_entity_work {
    ISN_VEC(isn_ment) ments;
    isn_buf pool;                  /* names and codes made up for this document */
    ISN_VEC(isn_person_seen) seen; /* persons named so far, for coreference */
    ISN_VEC(isn_surname) surnames; /* unknown persons named so far, one per surname */
    uint32_t *sn_slots;            /* open addressing: surname -> index in surnames */
    size_t sn_cap;
    isn_wordmemo sets;             /* word -> mask of the gated sets some variant of it may start */
} isn_entity_work;

#define ISN_ENT_LEXICON_ONLY 1 /* the baseline: lexicon names, no patterns, no coreference */

int isn_entities_run(const isn_entity_lex *lex, const char *text, const isn_token *toks,
                     const isn_sent *sents, size_t nsents, const char *norm, int flags,
                     isn_entity_work *w);
void isn_entity_work_free(isn_entity_work *w);

#endif
