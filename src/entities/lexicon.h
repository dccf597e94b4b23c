/*
 * lexicon.h -- the actor and place lexicon, compiled from data/entities/.
 */
#ifndef ISN_ENT_LEXICON_H
#define ISN_ENT_LEXICON_H

#include "../core/buf.h"
#include "../core/lexfile.h"
#include "isnad.h"

#define ISN_NONE UINT32_MAX

typedef struct isn_entity {
    uint32_t id, ar, en, code;  /* offsets into the pool; code ISN_NONE when none */
    uint32_t titles;            /* pool offset of NUL-separated normalised titles, "" ends */
    uint32_t title_now;         /* pool offset of the current title (latest start year), or ISN_NONE */
    uint32_t country, forces;   /* entity indexes, ISN_NONE when none */
    uint32_t aff, naff;         /* affiliations: indexes aff..aff+naff in lex->affs */
    uint8_t type;               /* isn_entity_type */
    uint8_t kind;               /* index into isn_entity_kinds */
} isn_entity;

typedef struct isn_role {
    char role[4];               /* "GOV", "MIL" ... or "" */
    uint8_t type;               /* for institutions: the mention type */
} isn_role;

typedef struct isn_entity_lex {
    isn_buf pool;
    ISN_VEC(isn_entity) ents;
    ISN_VEC(uint32_t) affs;
    uint32_t *id_slots;         /* open-addressing table: id -> entity index */
    size_t id_cap;
    isn_phrases aliases;        /* normalised name -> entity index */
    isn_phrases nisbas;         /* normalised adjective -> country entity index */
    /* patterns.txt */
    isn_phrases titles;         /* value: index into roles */
    isn_phrases institutions;   /* value: index into roles */
    isn_phrases generic;        /* actors named by what they are, "مسلحون": value: index into roles */
    isn_phrases forces_words, kinship, descriptions, modifiers, stop, given_names, name_starters;
    ISN_VEC(isn_role) roles;
    int max_words;              /* longest alias, in words */
    isn_phrases firsts;         /* the first words of the gated sets: value bit k for gated set k */
} isn_entity_lex;

/* match.c gates its lookups in ISN_GATED_SETS sets on a token's first-word
 * mask: `firsts` holds their first words, bit k for the set whose `gate` is
 * 1 + k (set at the end of isn_entity_lex_load). */
#define ISN_GATED_SETS 10

extern const char *const isn_entity_kinds[];
#define ISN_KIND_COUNTRY 1 /* isn_entity_kinds[1] == "country" */
#define ISN_KIND_MEDIA 17 /* isn_entity_kinds[17] == "media" */
#define ISN_KIND_CAPITAL 22 /* isn_entity_kinds[22] == "capital" */

/* Loads every .txt file of the entities folder (patterns.txt holds the patterns). */
int isn_entity_lex_load(isn_entity_lex *lex, const char *dir, isn_warnings *warn, isn_error *err);
void isn_entity_lex_free(isn_entity_lex *lex);

static inline const char *isn_ent_str(const isn_entity_lex *lex, uint32_t off) {
    return off == ISN_NONE ? NULL : lex->pool.data + off;
}

/* The entity with this id, or ISN_NONE. */
uint32_t isn_entity_find(const isn_entity_lex *lex, const char *id);

/* Does entity e carry the (normalised, without ال) title t? With `now`,
 * only as its current title: the one with the latest start year ("مشير
 * 2016-" for Haftar, so "العقيد" is someone else's title now). */
int isn_entity_has_title(const isn_entity_lex *lex, const isn_entity *e, const char *t, size_t n, int now);

#endif
