/*
 * evlex.h -- the event lexicon: CAMEO codes, their triggers, and the words
 * of reporting frames and modality (data/events/, docs/lexicons.md).
 */
#ifndef ISN_EVLEX_H
#define ISN_EVLEX_H

#include "../core/lexfile.h"

/* The shape of a trigger decides where its source and target are. */
enum { ISN_SHAPE_VERB = 1, ISN_SHAPE_PASSIVE, ISN_SHAPE_NOUN, ISN_SHAPE_PARTICIPLE, ISN_SHAPE_LIGHT };

/* Where a role is found: the direct object, the genitive after a noun, the
 * noun a participle describes, or the object of a preposition. */
enum { ISN_SLOT_OBJ = 1, ISN_SLOT_GEN, ISN_SLOT_HEAD, ISN_SLOT_PREP };

#define ISN_EV_MAX_SLOTS 6
#define ISN_EV_MAX_PREPS 24

typedef struct isn_ev_slot {
    uint8_t source;  /* 1: this slot holds the source; 0: the target */
    uint8_t marker;  /* ISN_SLOT_* */
    uint8_t prep;    /* ISN_SLOT_PREP: index in isn_event_lex.preps */
} isn_ev_slot;

typedef struct isn_trigger {
    uint32_t code;   /* index in isn_event_lex.codes */
    uint8_t shape, nslots, negative;
    isn_ev_slot slots[ISN_EV_MAX_SLOTS];
} isn_trigger;

typedef struct isn_ev_code {
    char code[6];    /* "042", "1823" */
    uint32_t label;  /* offset of the English label in the pool */
    uint8_t plover;  /* index in isn_plover_types */
} isn_ev_code;

/* Kinds of reporting frame ([report] values). */
enum { ISN_FRAME_VERB = 1, ISN_FRAME_FROM, ISN_FRAME_PREP, ISN_FRAME_INTERVIEW, ISN_FRAME_ASIDE, ISN_FRAME_NOUN };
/* Kinds of source that is no entity ([source-nouns] values). */
enum { ISN_SRC_UNNAMED = 1, ISN_SRC_DOCUMENT, ISN_SRC_EXPERT };

typedef struct isn_event_lex {
    ISN_VEC(isn_ev_code) codes;
    isn_phrases code_ids;        /* "042" -> index in codes */
    isn_buf pool;                /* labels */
    ISN_VEC(isn_trigger) triggers;
    isn_phrases forms;           /* a trigger's surface forms -> index in triggers */
    char preps[ISN_EV_MAX_PREPS][24]; /* normalised prepositions named by slots */
    size_t npreps;
    /* data/events/frames.txt */
    isn_phrases report, source_nouns, alleged, denied, negated, planned, complementizers, place_preps, channels,
        relatives, resumptives;
    uint32_t statement;          /* a trigger of code 010 for "نفى X ما أعلنه Y": Y's statement, denied;
                                    UINT32_MAX when cameo.txt has no 010 */
    isn_phrases openers;         /* first words of triggers and frames: one lookup rejects most tokens */
    isn_phrases cue_openers;     /* first words of the function words and cues */
} isn_event_lex;

extern const char *const isn_plover_types[16];

/* Loads dir/cameo.txt, every dir/triggers/\*.txt and dir/frames.txt. */
int isn_event_lex_load(isn_event_lex *lex, const char *dir, isn_warnings *warn, isn_error *err);
void isn_event_lex_free(isn_event_lex *lex);

static inline const char *isn_ev_label(const isn_event_lex *lex, uint32_t code) {
    return lex->pool.data + lex->codes.v[code].label;
}

#endif
