/*
 * doc.c -- running the pipeline on one document, and reading the result.
 *
 * isn_doc_process is the whole pipeline as a straight line:
 *
 *     clean   -> removed spans, title, dateline, outlet   (clean/)
 *     text    -> tokens of the kept text, sentences       (text/)
 *     entities-> mentions of actors and places            (entities/)
 *     time    -> dates in the text, normalised            (time/)
 *     (events: a later stage)
 *
 * The doc is a workspace: its buffers are reset, not freed, between
 * documents, so steady-state processing allocates nothing.
 *
 * Invariants, checked by the tests: sentences are in order, do not overlap,
 * and never intersect a removed span; every token lies inside the text and
 * outside the removed spans.
 */
#include "internal.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int isn_doc_new(isn_doc **out, const isn_engine *eng) {
    *out = calloc(1, sizeof **out);
    if (!*out) return ISN_ENOMEM;
    (*out)->eng = eng;
    return ISN_OK;
}

void isn_doc_free(isn_doc *d) {
    if (!d) return;
    isn_clean_out_free(&d->clean);
    isn_clean_work_free(&d->clean_work);
    ISN_VEC_FREE(d->toks);
    isn_buf_free(&d->norm);
    ISN_VEC_FREE(d->sents);
    isn_entity_work_free(&d->ent_work);
    isn_time_work_free(&d->time_work);
    isn_event_work_free(&d->event_work);
    isn_buf_free(&d->meta);
    isn_buf_free(&d->out);
    isn_buf_free(&d->id_json);
    free(d);
}

static size_t meta_put(isn_doc *d, const char *s, size_t n) {
    size_t at = d->meta.len;
    isn_buf_add(&d->meta, s, n);
    isn_buf_addc(&d->meta, 0);
    return at;
}

static void resolve_metadata(isn_doc *d, const isn_options *opt) {
    const isn_input *in = &d->in;
    const isn_clean_out *c = &d->clean;
    char date[16];
    int y, m, dd;
    isn_buf_reset(&d->meta);
    d->title_at = d->date_at = d->outlet_at = SIZE_MAX;
    d->date_origin = NULL;
    if (in->title && *in->title) d->title_at = meta_put(d, in->title, strlen(in->title));
    else if (c->title.end > c->title.start)
        d->title_at = meta_put(d, in->text + c->title.start, c->title.end - c->title.start);
    if (isn_parse_iso_date(in->date, &y, &m, &dd)) {
        d->date_origin = "metadata";
    } else if (c->year) {
        y = c->year, m = c->month, dd = c->day;
        d->date_origin = "text";
    } else if (opt && isn_parse_iso_date(opt->default_date, &y, &m, &dd)) {
        d->date_origin = "default";
    }
    if (d->date_origin) {
        int k = snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, dd);
        d->date_at = meta_put(d, date, (size_t)k);
    }
    if (c->outlet.end > c->outlet.start)
        d->outlet_at = meta_put(d, in->text + c->outlet.start, c->outlet.end - c->outlet.start);
}

/* Tokenises the text between removed spans; each kept region starts a new
 * paragraph, so no sentence runs across removed text. */
static int tokenize_kept(isn_doc *d) {
    size_t at = 0;
    for (size_t i = 0; i <= d->clean.removed.n; i++) {
        size_t stop = i < d->clean.removed.n ? d->clean.removed.v[i].start : d->in.len;
        if (stop > at) {
            int rc = isn_tokenize(d->in.text, at, stop, 1, &d->toks, &d->norm);
            if (rc) return rc;
        }
        if (i < d->clean.removed.n) at = d->clean.removed.v[i].end;
    }
    return ISN_OK;
}

int isn_doc_process(isn_doc *d, const isn_input *in, const isn_options *opt, isn_error *err) {
    const char *where = in->file ? in->file : in->id;
    if (in->len >= UINT32_MAX)
        return isn_set_error(err, ISN_ETOOBIG, where, in->line, ISN_NO_OFFSET,
                             "document of %zu bytes is larger than 4 GiB", in->len);
    d->in = *in;
    ISN_VEC_RESET(d->toks);
    ISN_VEC_RESET(d->sents);
    isn_buf_reset(&d->norm);
    isn_buf_reset(&d->out);
    ISN_VEC_RESET(d->ent_work.ments); /* a stage left out (opt->until) has no records */
    ISN_VEC_RESET(d->time_work.times);
    ISN_VEC_RESET(d->event_work.events);
    ISN_VEC_RESET(d->event_work.srcs);
    int until = opt && opt->until ? opt->until : ISN_STAGE_EVENTS, rc = ISN_OK;
    if ((opt && opt->no_clean) || until < ISN_STAGE_CLEAN) {
        ISN_VEC_RESET(d->clean.removed);
        d->clean.title = d->clean.outlet = (isn_span){0, 0};
        d->clean.year = 0;
    } else {
        rc = isn_clean(&d->eng->clean, in->text, in->len, !(in->title && *in->title), &d->clean,
                       &d->clean_work);
    }
    if (!rc && until >= ISN_STAGE_TEXT) rc = tokenize_kept(d);
    if (!rc && until >= ISN_STAGE_TEXT) rc = isn_segment(&d->eng->seg, d->toks.v, d->toks.n, d->norm.data, &d->sents);
    if (!rc && until >= ISN_STAGE_ENTITIES) rc = isn_entities_run(&d->eng->entities, in->text, d->toks.v, d->sents.v, d->sents.n,
                                   d->norm.data, opt && opt->lexicon_only ? ISN_ENT_LEXICON_ONLY : 0,
                                   &d->ent_work);
    if (!rc) resolve_metadata(d, opt); /* the publication date anchors the time stage */
    if (!rc && d->meta.oom) rc = ISN_ENOMEM;
    if (!rc && until >= ISN_STAGE_TIME) {
        int y = 0, m = 0, dd = 0;
        isn_parse_iso_date(isn_doc_date(d), &y, &m, &dd);
        rc = isn_time_run(&d->eng->time, d->toks.v, d->sents.v, d->sents.n, d->norm.data, y, m, dd, &d->time_work);
    }
    if (!rc && until >= ISN_STAGE_EVENTS) rc = isn_events_run(&d->eng->events, &d->eng->entities, in->text, d->toks.v, d->toks.n, d->sents.v, d->sents.n,
                                 (isn_span){d->clean.title.start, d->clean.title.end}, d->norm.data, &d->ent_work,
                                 &d->time_work, &d->event_work);
    if (rc) return isn_set_error(err, rc, where, in->line, ISN_NO_OFFSET, "%s", isn_strerror(rc));
    return ISN_OK;
}

/* ---- accessors ------------------------------------------------------------ */

static const char *meta_at(const isn_doc *d, size_t at) { return at == SIZE_MAX ? NULL : d->meta.data + at; }

const char *isn_doc_id(const isn_doc *d) { return d->in.id; }
const char *isn_doc_title(const isn_doc *d) { return meta_at(d, d->title_at); }
const char *isn_doc_date(const isn_doc *d) { return meta_at(d, d->date_at); }
const char *isn_doc_date_origin(const isn_doc *d) { return d->date_origin; }
const char *isn_doc_outlet(const isn_doc *d) { return meta_at(d, d->outlet_at); }
size_t isn_doc_bytes(const isn_doc *d) { return d->in.len; }
size_t isn_doc_sentence_count(const isn_doc *d) { return d->sents.n; }

isn_span isn_doc_sentence(const isn_doc *d, size_t i) {
    if (i >= d->sents.n) return (isn_span){0, 0};
    return (isn_span){d->sents.v[i].start, d->sents.v[i].end};
}

size_t isn_doc_sentence_first_token(const isn_doc *d, size_t i) {
    return i < d->sents.n ? d->sents.v[i].first : d->toks.n;
}

size_t isn_doc_removed_count(const isn_doc *d) { return d->clean.removed.n; }

isn_span isn_doc_removed(const isn_doc *d, size_t i, isn_removed_kind *kind) {
    if (i >= d->clean.removed.n) return (isn_span){0, 0};
    const isn_removed *r = &d->clean.removed.v[i];
    if (kind) *kind = (isn_removed_kind)r->kind;
    return (isn_span){r->start, r->end};
}

const char *isn_removed_kind_name(isn_removed_kind k) {
    static const char *names[ISN_RM_KIND_COUNT] = {"ad", "comments", "widget", "counter",
                                                   "read-more", "spam-trap", "duplicate-title"};
    return (unsigned)k < ISN_RM_KIND_COUNT ? names[k] : "unknown";
}

size_t isn_doc_mention_count(const isn_doc *d) { return d->ent_work.ments.n; }

/* The stage keeps names and codes as offsets into the lexicon's pool or its
 * own; the public view turns them into pointers, one mention at a time. */
int isn_doc_mention(const isn_doc *d, size_t i, isn_mention *p) {
    const isn_entity_lex *lex = &d->eng->entities;
    const isn_entity_work *w = &d->ent_work;
    if (i >= w->ments.n) return -1;
    const isn_ment *m = &w->ments.v[i];
    const isn_entity *e = m->entity == ISN_NONE ? NULL : &lex->ents.v[m->entity];
    p->span = (isn_span){m->start, m->end};
    p->sentence = m->sentence;
    p->type = m->type;
    p->rule = m->rule;
    p->nominal = m->nominal;
    p->entity = e ? isn_ent_str(lex, e->id) : NULL;
    p->name = m->name != ISN_NONE ? w->pool.data + m->name : e ? isn_ent_str(lex, e->ar) : "";
    p->code = m->code != ISN_NONE ? w->pool.data + m->code : e ? isn_ent_str(lex, e->code) : NULL;
    return 0;
}

const char *isn_entity_type_name(int type) {
    static const char *names[] = {"PER", "ORG", "LOC", "MISC"};
    return type >= 0 && type < 4 ? names[type] : "MISC";
}

const char *isn_mention_rule_name(int rule) {
    static const char *names[ISN_MR_COUNT] = {"lexicon", "forces", "institution", "title", "kinship", "coref", "name", "generic"};
    return rule >= 0 && rule < ISN_MR_COUNT ? names[rule] : "unknown";
}

size_t isn_doc_time_count(const isn_doc *d) { return d->time_work.times.n; }

int isn_doc_time(const isn_doc *d, size_t i, isn_time *out) {
    if (i >= d->time_work.times.n) return -1;
    const isn_tx *x = &d->time_work.times.v[i];
    out->span = (isn_span){x->start, x->end};
    out->sentence = x->sentence;
    out->value = x->value;
    out->mod = x->mod;
    out->hijri = x->hijri;
    out->anchored = x->anchored;
    out->mismatch = x->mismatch;
    return 0;
}

size_t isn_doc_event_count(const isn_doc *d) { return d->event_work.events.n; }

static size_t index_or_none(uint32_t v) { return v == ISN_NONE ? ISN_NO_INDEX : v; }

int isn_doc_event(const isn_doc *d, size_t i, isn_event *out) {
    if (i >= d->event_work.events.n) return -1;
    const isn_ev *e = &d->event_work.events.v[i];
    const isn_event_lex *lex = &d->eng->events;
    const isn_ev_code *code = &lex->codes.v[lex->triggers.v[e->trigger].code];
    out->span = (isn_span){d->sents.v[e->sentence].start, d->sents.v[e->sentence].end};
    out->sentence = e->sentence;
    out->trigger = (isn_span){e->trig_start, e->trig_end};
    out->code = code->code;
    out->label = lex->pool.data + code->label;
    out->plover = isn_plover_types[code->plover];
    out->source = index_or_none(e->source);
    out->target = index_or_none(e->target);
    out->time = index_or_none(e->time);
    out->place = index_or_none(e->place);
    out->modality = (isn_modality)e->modality;
    out->nattribution = e->nchain;
    size_t rank = 0; /* the events of one trigger are consecutive */
    while (rank < i && d->event_work.events.v[i - rank - 1].trig_start == e->trig_start) rank++;
    snprintf(out->id, sizeof out->id, "e%u.%u.%zu", e->sentence, e->trig_start, rank);
    return 0;
}

int isn_doc_event_source(const isn_doc *d, size_t i, size_t k, isn_claim_source *out) {
    if (i >= d->event_work.events.n || k >= d->event_work.events.v[i].nchain) return -1;
    const isn_src *s = &d->event_work.srcs.v[d->event_work.events.v[i].chain + k];
    out->span = (isn_span){s->start, s->end};
    out->mention = index_or_none(s->ment);
    return 0;
}

const char *isn_modality_name(isn_modality m) { return (unsigned)m < 6 ? isn_modality_names[m] : "asserted"; }

size_t isn_engine_entity_count(const isn_engine *e) { return e->entities.ents.n; }
size_t isn_engine_name_count(const isn_engine *e) { return e->entities.aliases.items.n; }

size_t isn_doc_token_count(const isn_doc *d) { return d->toks.n; }
const isn_token *isn_doc_tokens(const isn_doc *d) { return d->toks.v; }
const char *isn_doc_norm(const isn_doc *d) { return d->norm.data ? d->norm.data : ""; }
