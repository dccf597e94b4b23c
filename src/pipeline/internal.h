/*
 * internal.h -- the engine and document structures, shared by the pipeline
 * and the sinks. Front ends see only the opaque handles of isnad.h.
 */
#ifndef ISN_INTERNAL_H
#define ISN_INTERNAL_H

#include "../clean/clean.h"
#include "../core/buf.h"
#include "../core/lexfile.h"
#include "../entities/entities.h"
#include "../events/events.h"
#include "../time/timex.h"
#include "../text/text.h"
#include "isnad.h"

struct isn_engine {
    char *data_dir;
    isn_segment_lex seg;
    isn_clean_lex clean;
    isn_entity_lex entities;
    isn_time_lex time;
    isn_event_lex events;
    isn_warnings warnings;
};

struct isn_doc {
    const isn_engine *eng;
    isn_input in;           /* the current input (strings owned by the caller) */

    /* clean */
    isn_clean_out clean;
    isn_clean_work clean_work;

    /* text */
    isn_tokvec toks;
    isn_buf norm;
    isn_sentvec sents;

    /* entities */
    isn_entity_work ent_work;
    isn_time_work time_work;
    isn_event_work event_work;

    /* metadata resolved for this document, NUL-separated strings in meta */
    isn_buf meta;
    size_t title_at, date_at, outlet_at; /* offsets in meta, SIZE_MAX: none */
    const char *date_origin;

    isn_buf out;            /* rendered output */
    isn_buf id_json;        /* the document id as a JSON string, once per rendering */
};

#endif
