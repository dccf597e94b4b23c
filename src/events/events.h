/*
 * events.h -- the events stage: who did what to whom, when and where,
 * according to whom, and how sure.
 */
#ifndef ISN_EVENTS_H
#define ISN_EVENTS_H

#include "../entities/entities.h"
#include "../time/timex.h"
#include "evlex.h"
#include "../core/wordmemo.h"

enum { ISN_MOD_ASSERTED, ISN_MOD_REPORTED, ISN_MOD_ALLEGED, ISN_MOD_DENIED, ISN_MOD_NEGATED, ISN_MOD_PLANNED };
extern const char *const isn_modality_names[6];

/* One source of a chain: a mention, or words naming a source that is no
 * entity ("مصادر مطلعة"): then ment is ISN_NONE and the span is the text. */
typedef struct isn_src { uint32_t ment, start, end; } isn_src;

/* Lengths in tokens of the function words and cues starting at a token:
 * [0] complementizer, [1] place preposition, [2] negation, [3] plan,
 * [4] rumour, [5] channel; done is 1 once they are known. */
typedef struct isn_cues { uint8_t len[6], done; } isn_cues;

typedef struct isn_ev {
    uint32_t sentence;
    uint32_t trig_start, trig_end;   /* the trigger's bytes */
    uint32_t trigger;                /* index in the lexicon's triggers */
    uint32_t source, target;         /* mention indexes; target ISN_NONE when none */
    uint32_t time, place;            /* time index, mention index; ISN_NONE when none */
    uint32_t chain, nchain;          /* attribution: srcs[chain .. chain+nchain), outermost first */
    uint8_t modality;
} isn_ev;

typedef struct isn_event_work {
    ISN_VEC(isn_ev) events;
    ISN_VEC(isn_src) srcs;           /* the chains of every event */
    ISN_VEC(uint32_t) ment_at;       /* token -> mention covering it, ISN_NONE */
    ISN_VEC(uint8_t) in_time;        /* token -> inside a time expression */
    ISN_VEC(isn_cues) cues;          /* token -> the cue phrases starting there, computed on first use */
    ISN_VEC(isn_src) last_chain;     /* the previous sentence's frame, for "وأضاف الموقع أن" */
    isn_wordmemo opens;              /* word -> may a trigger or a frame start with it */
} isn_event_work;

/* Codes the events of every sentence but the headline (`title`, a byte
 * span of the text; empty when there is none). */
int isn_events_run(const isn_event_lex *lex, const isn_entity_lex *elex, const char *text, const isn_token *toks,
                   size_t ntoks, const isn_sent *sents, size_t nsents, isn_span title, const char *norm,
                   const isn_entity_work *ents, const isn_time_work *times, isn_event_work *w);
void isn_event_work_free(isn_event_work *w);

#endif
