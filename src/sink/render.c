/*
 * render.c -- a processed document as JSON Lines records or as a summary.
 *
 * JSON Lines follows the records contract (docs/records.md): one "document"
 * record per input for now; later stages add mention, time and event
 * records after it. Fields beyond the contract are additions it allows:
 * sentence spans, the kind of each removed span, and where the input came
 * from.
 *
 * The summary is for a person at a terminal: what the document is, what was
 * cut and why, and (verbose) its sentences, numbered.
 */
#include "../pipeline/internal.h"
#include "../core/utf8.h"
#include "json.h"

#include <string.h>

static void span_array(isn_buf *b, uint32_t s, uint32_t e) { isn_buf_printf(b, "[%u,%u]", s, e); }

/* The fields every sentence-level record opens with. */
static void record_head(isn_buf *b, const isn_doc *d, const char *kind, uint32_t sentence, isn_span sp) {
    isn_buf_printf(b, "{\"kind\":\"%s\",\"doc\":", kind);
    isn_buf_add(b, d->id_json.data, d->id_json.len); /* escaped once: ids are long URLs */
    isn_buf_printf(b, ",\"sentence\":%u,\"span\":", sentence);
    span_array(b, sp.start, sp.end);
    isn_buf_adds(b, ",\"text\":");
    isn_json_str(b, d->in.text + sp.start, sp.end - sp.start);
}

static void render_mention(isn_buf *b, const isn_doc *d, const isn_mention *m) {
    record_head(b, d, "mention", m->sentence, m->span);
    isn_buf_adds(b, ",\"entity\":");
    isn_json_cstr(b, m->entity);
    isn_buf_adds(b, ",\"name\":");
    isn_json_cstr(b, m->name);
    isn_buf_printf(b, ",\"type\":\"%s\",\"code\":", isn_entity_type_name(m->type));
    isn_json_cstr(b, m->code);
    isn_buf_printf(b, ",\"rule\":\"%s\",\"nominal\":%s}\n", isn_mention_rule_name(m->rule),
                   m->nominal ? "true" : "false");
}

static void render_time(isn_buf *b, const isn_doc *d, const isn_time *t) {
    record_head(b, d, "time", t->sentence, t->span);
    isn_buf_adds(b, ",\"value\":");
    isn_json_cstr(b, t->value);
    isn_buf_printf(b, ",\"anchored\":%s", t->anchored ? "true" : "false");
    if (t->mod[0]) isn_buf_printf(b, ",\"mod\":\"%s\"", t->mod);
    if (t->hijri[0]) isn_buf_printf(b, ",\"calendar\":\"hijri\",\"hijri\":\"%s\"", t->hijri);
    if (t->mismatch) isn_buf_adds(b, ",\"note\":\"paired month names disagree; the first is used\"");
    isn_buf_adds(b, "}\n");
}

/* {"text", "span", "entity", "name", "code", "type"} of mention i. */
static void render_actor(isn_buf *b, const isn_doc *d, size_t i, int with_type) {
    isn_mention m;
    if (i == ISN_NO_INDEX || isn_doc_mention(d, i, &m)) { isn_buf_adds(b, "null"); return; }
    isn_buf_adds(b, "{\"text\":");
    isn_json_str(b, d->in.text + m.span.start, m.span.end - m.span.start);
    isn_buf_adds(b, ",\"span\":");
    span_array(b, m.span.start, m.span.end);
    isn_buf_adds(b, ",\"entity\":");
    isn_json_cstr(b, m.entity);
    isn_buf_adds(b, ",\"name\":");
    isn_json_cstr(b, m.name);
    isn_buf_adds(b, ",\"code\":");
    isn_json_cstr(b, m.code);
    if (with_type) isn_buf_printf(b, ",\"type\":\"%s\"", isn_entity_type_name(m.type));
    isn_buf_addc(b, '}');
}

static void render_event(isn_buf *b, const isn_doc *d, size_t index, const isn_event *e) {
    isn_buf_printf(b, "{\"kind\":\"event\",\"doc\":");
    isn_buf_add(b, d->id_json.data, d->id_json.len);
    isn_buf_printf(b, ",\"sentence\":%u,\"span\":", e->sentence);
    span_array(b, e->span.start, e->span.end);
    isn_buf_printf(b, ",\"id\":\"%s\",\"trigger\":", e->id);
    isn_json_str(b, d->in.text + e->trigger.start, e->trigger.end - e->trigger.start);
    isn_buf_adds(b, ",\"trigger_span\":");
    span_array(b, e->trigger.start, e->trigger.end);
    isn_buf_printf(b, ",\"code\":\"%s\",\"root\":\"%.2s\",\"label\":", e->code, e->code);
    isn_json_cstr(b, e->label);
    isn_buf_printf(b, ",\"plover\":\"%s\",\"source\":", e->plover);
    render_actor(b, d, e->source, 1);
    isn_buf_adds(b, ",\"target\":");
    render_actor(b, d, e->target, 1);
    isn_buf_adds(b, ",\"date\":");
    isn_time t;
    if (e->time != ISN_NO_INDEX && isn_doc_time(d, e->time, &t) == 0) {
        isn_buf_adds(b, "{\"text\":");
        isn_json_str(b, d->in.text + t.span.start, t.span.end - t.span.start);
        isn_buf_adds(b, ",\"value\":");
        isn_json_cstr(b, t.value);
        isn_buf_addc(b, '}');
    } else {
        isn_buf_adds(b, "null");
    }
    isn_buf_adds(b, ",\"location\":");
    render_actor(b, d, e->place, 0);
    isn_buf_printf(b, ",\"modality\":\"%s\",\"attribution\":[", isn_modality_name(e->modality));
    for (size_t k = 0; k < e->nattribution; k++) {
        isn_claim_source cs;
        isn_mention m;
        if (isn_doc_event_source(d, index, k, &cs)) break;
        int named = cs.mention != ISN_NO_INDEX && isn_doc_mention(d, cs.mention, &m) == 0;
        isn_buf_adds(b, k ? ",{\"text\":" : "{\"text\":");
        isn_json_str(b, d->in.text + cs.span.start, cs.span.end - cs.span.start);
        isn_buf_adds(b, ",\"entity\":");
        isn_json_cstr(b, named ? m.entity : NULL);
        isn_buf_adds(b, ",\"name\":");
        isn_json_cstr(b, named ? m.name : NULL);
        isn_buf_addc(b, '}');
    }
    isn_buf_adds(b, "],\"evidence\":");
    isn_json_str(b, d->in.text + e->span.start, e->span.end - e->span.start);
    isn_buf_adds(b, "}\n");
}

#define FLUSH_AT (1u << 20)

/* Renders the records into d->out; with a writer, hands the buffer over
 * whenever it passes FLUSH_AT and at the end. */
static int render_json(isn_doc *d, isn_write_fn write, void *ctx) {
    isn_buf *b = &d->out;
    isn_buf_reset(b);
    isn_buf_reset(&d->id_json);
    isn_json_cstr(&d->id_json, d->in.id);
    if (d->id_json.oom) return ISN_ENOMEM;
    isn_buf_printf(b, "{\"kind\":\"document\",\"v\":%d,\"doc\":", ISN_RECORDS_VERSION);
    isn_json_cstr(b, d->in.id);
    isn_buf_adds(b, ",\"title\":");
    isn_json_cstr(b, isn_doc_title(d));
    isn_buf_adds(b, ",\"date\":");
    isn_json_cstr(b, isn_doc_date(d));
    isn_buf_adds(b, ",\"outlet\":");
    isn_json_cstr(b, isn_doc_outlet(d));
    isn_buf_printf(b, ",\"lang\":\"ar\",\"bytes\":%zu,\"sentences\":%zu,\"removed\":[", d->in.len,
                   d->sents.n);
    for (size_t i = 0; i < d->clean.removed.n; i++) {
        if (i) isn_buf_addc(b, ',');
        span_array(b, d->clean.removed.v[i].start, d->clean.removed.v[i].end);
    }
    isn_buf_adds(b, "],\"removed_kinds\":[");
    for (size_t i = 0; i < d->clean.removed.n; i++) {
        if (i) isn_buf_addc(b, ',');
        isn_json_cstr(b, isn_removed_kind_name((isn_removed_kind)d->clean.removed.v[i].kind));
    }
    isn_buf_adds(b, "],\"sentence_spans\":[");
    for (size_t i = 0; i < d->sents.n; i++) {
        if (i) isn_buf_addc(b, ',');
        span_array(b, d->sents.v[i].start, d->sents.v[i].end);
    }
    isn_buf_adds(b, "],\"date_origin\":");
    isn_json_cstr(b, d->date_origin);
    if (d->in.url) { isn_buf_adds(b, ",\"url\":"); isn_json_cstr(b, d->in.url); }
    if (d->in.file) { isn_buf_adds(b, ",\"file\":"); isn_json_cstr(b, d->in.file); }
    if (d->in.line) isn_buf_printf(b, ",\"line\":%llu", (unsigned long long)d->in.line);
    if (d->in.meta_json) { isn_buf_adds(b, ",\"meta\":"); isn_buf_adds(b, d->in.meta_json); }
    isn_buf_adds(b, "}\n");
    isn_mention m;
    for (size_t i = 0; isn_doc_mention(d, i, &m) == 0; i++) {
        render_mention(b, d, &m);
        if (b->oom) return ISN_ENOMEM;
        if (write && b->len >= FLUSH_AT) {
            int rc = write(ctx, b->data, b->len);
            if (rc) return rc;
            isn_buf_reset(b);
        }
    }
    isn_time t;
    for (size_t i = 0; isn_doc_time(d, i, &t) == 0; i++) render_time(b, d, &t);
    isn_event e;
    for (size_t i = 0; isn_doc_event(d, i, &e) == 0; i++) render_event(b, d, i, &e);
    if (b->oom) return ISN_ENOMEM;
    return write && b->len ? write(ctx, b->data, b->len) : 0;
}

const char *isn_doc_render_json(isn_doc *d, size_t *len) {
    int rc = render_json(d, NULL, NULL);
    if (len) *len = rc ? 0 : d->out.len;
    return rc ? NULL : d->out.data;
}

int isn_doc_write_json(isn_doc *d, isn_write_fn write, void *ctx) { return render_json(d, write, ctx); }

/* Appends at most `max` characters of text[a,b), line breaks as spaces,
 * with "…" when cut. */
static void excerpt(isn_buf *b, const char *text, size_t a, size_t e, size_t max) {
    const unsigned char *s = (const unsigned char *)text;
    size_t chars = 0;
    while (a < e && chars < max) {
        int k;
        uint32_t cp = isn_utf8_next(s + a, &k);
        if (cp == '\n' || cp == '\r' || cp == '\t') isn_buf_addc(b, ' ');
        else isn_buf_add(b, text + a, (size_t)k);
        a += (size_t)k;
        chars++;
    }
    if (a < e) isn_buf_adds(b, "…");
}

static const char *or_dash(const char *s) { return s ? s : "-"; }

/* "mentions ..." and the most named actors and places, with their codes.
 * Distinct names are counted in a small table (the first 256 met; a summary
 * is for reading, not for statistics). */
static void summary_entities(isn_buf *b, const isn_doc *d) {
    enum { SEEN = 256, TOP = 10 };
    const char *names[SEEN], *codes[SEEN];
    size_t counts[SEEN], k = 0, by_type[4] = {0};
    isn_mention m;
    for (size_t i = 0; isn_doc_mention(d, i, &m) == 0; i++) {
        by_type[m.type < 4 ? m.type : ISN_ENT_MISC]++;
        size_t j = 0;
        while (j < k && strcmp(names[j], m.name)) j++;
        if (j < k) counts[j]++;
        else if (k < SEEN) names[k] = m.name, codes[k] = m.code, counts[k++] = 1;
    }
    isn_buf_printf(b, "   mentions  %zu (%zu PER, %zu ORG, %zu LOC, %zu MISC)\n", isn_doc_mention_count(d),
                   by_type[ISN_ENT_PER], by_type[ISN_ENT_ORG], by_type[ISN_ENT_LOC], by_type[ISN_ENT_MISC]);
    for (size_t i = 0; i < k && i < TOP; i++) { /* selection of the most named, ties in text order */
        size_t best = i;
        for (size_t j = i + 1; j < k; j++)
            if (counts[j] > counts[best]) best = j;
        const char *bn = names[best], *bc = codes[best];
        size_t bk = counts[best];
        for (size_t j = best; j > i; j--) /* move it to i, the rest keep their order */
            names[j] = names[j - 1], codes[j] = codes[j - 1], counts[j] = counts[j - 1];
        names[i] = bn, codes[i] = bc, counts[i] = bk;
        isn_buf_printf(b, "     %-3zu %s%s%s%s\n", counts[i], names[i], codes[i] ? " (" : "", codes[i] ? codes[i] : "",
                       codes[i] ? ")" : "");
    }
}

/* "dates     1987-03, 1989-01 (START), ...": the dates found, in text order. */
static void summary_times(isn_buf *b, const isn_doc *d) {
    isn_time t;
    if (!isn_doc_time_count(d)) return;
    isn_buf_printf(b, "   dates     %zu:", isn_doc_time_count(d));
    for (size_t i = 0; isn_doc_time(d, i, &t) == 0; i++) {
        if (i == 12) { isn_buf_adds(b, " ..."); break; }
        isn_buf_printf(b, "%s %s%s%s%s", i ? "," : "", t.value, t.mod[0] ? " (" : "", t.mod, t.mod[0] ? ")" : "");
    }
    isn_buf_addc(b, '\n');
}

/* A role in an event line: the canonical name and code, "-" when none. */
static void summary_actor(isn_buf *b, const isn_doc *d, size_t i) {
    isn_mention m;
    if (i == ISN_NO_INDEX || isn_doc_mention(d, i, &m)) { isn_buf_adds(b, "-"); return; }
    isn_buf_adds(b, m.name && *m.name ? m.name : "?");
    if (m.code) isn_buf_printf(b, " (%s)", m.code);
}

/* "events": each event as one line under its sentence, for auditing:
 * date  source -> code label -> target  modality  [sources]. */
static void summary_events(isn_buf *b, const isn_doc *d) {
    isn_event e;
    if (!isn_doc_event_count(d)) return;
    isn_buf_printf(b, "   events    %zu\n", isn_doc_event_count(d));
    uint32_t last_sentence = UINT32_MAX;
    for (size_t i = 0; isn_doc_event(d, i, &e) == 0; i++) {
        if (e.sentence != last_sentence) {
            isn_buf_printf(b, "     [%u] ", e.sentence);
            excerpt(b, d->in.text, e.span.start, e.span.end, 100);
            isn_buf_addc(b, '\n');
            last_sentence = e.sentence;
        }
        isn_time t;
        const char *date = e.time != ISN_NO_INDEX && isn_doc_time(d, e.time, &t) == 0 ? t.value : "-";
        isn_buf_printf(b, "         %-10s ", date);
        summary_actor(b, d, e.source);
        isn_buf_printf(b, " -> %s %s -> ", e.code, e.label);
        summary_actor(b, d, e.target);
        isn_buf_printf(b, "  %s", isn_modality_name(e.modality));
        for (size_t k = 0; k < e.nattribution; k++) {
            isn_claim_source cs;
            if (isn_doc_event_source(d, i, k, &cs)) break;
            isn_buf_adds(b, k ? " > " : "  [");
            excerpt(b, d->in.text, cs.span.start, cs.span.end, 40);
        }
        if (e.nattribution) isn_buf_addc(b, ']');
        isn_buf_addc(b, '\n');
    }
}

const char *isn_doc_render_summary(isn_doc *d, int verbose, size_t *len) {
    isn_buf *b = &d->out;
    isn_buf_reset(b);
    const char *date = isn_doc_date(d);
    isn_buf_printf(b, "== %s\n", or_dash(d->in.id));
    isn_buf_printf(b, "   title     %s\n", or_dash(isn_doc_title(d)));
    if (date) isn_buf_printf(b, "   date      %s (%s)\n", date, d->date_origin);
    else isn_buf_adds(b, "   date      -\n");
    isn_buf_printf(b, "   outlet    %s\n", or_dash(isn_doc_outlet(d)));
    size_t cut = 0;
    for (size_t i = 0; i < d->clean.removed.n; i++) cut += d->clean.removed.v[i].end - d->clean.removed.v[i].start;
    isn_buf_printf(b, "   text      %zu bytes, %zu sentences, %zu tokens\n", d->in.len, d->sents.n, d->toks.n);
    isn_buf_printf(b, "   removed   %zu spans, %zu bytes\n", d->clean.removed.n, cut);
    for (size_t i = 0; i < d->clean.removed.n; i++) {
        const isn_removed *r = &d->clean.removed.v[i];
        isn_buf_printf(b, "     %-15s [%u,%u) ", isn_removed_kind_name((isn_removed_kind)r->kind), r->start, r->end);
        excerpt(b, d->in.text, r->start, r->end, 60);
        isn_buf_addc(b, '\n');
    }
    summary_entities(b, d);
    summary_times(b, d);
    summary_events(b, d);
    if (verbose)
        for (size_t i = 0; i < d->sents.n; i++) {
            isn_buf_printf(b, "   %4zu [%u,%u) ", i, d->sents.v[i].start, d->sents.v[i].end);
            excerpt(b, d->in.text, d->sents.v[i].start, d->sents.v[i].end, 100);
            isn_buf_addc(b, '\n');
        }
    if (len) *len = b->oom ? 0 : b->len;
    return b->oom ? NULL : b->data;
}
