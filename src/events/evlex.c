/*
 * evlex.c -- loading the event lexicon from data/events/.
 *
 *   cameo.txt        [codes]  042 = Make a visit | CONSULT
 *   triggers/\*.txt  [042]    زار / زارت / يزور = verb | target:obj
 *   frames.txt       [report] قال / قالت = verb, [denied] نفى / نفت ...
 *
 * Every surface form of every trigger goes into one phrase set whose value
 * is the trigger's index, so the events stage finds a trigger at a token
 * with one lookup, multi-word light verbs ("شن هجوما") included. A line
 * that does not parse, a code that is not in cameo.txt or a form given
 * twice is a warning with file and line; the rest loads.
 */
#include "evlex.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const isn_plover_types[16] = {"AGREE",  "CONSULT", "SUPPORT", "CONCEDE",   "COOPERATE", "AID",
                                          "RETREAT", "REQUEST", "ACCUSE",  "REJECT",    "THREATEN",  "PROTEST",
                                          "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

typedef struct loader {
    isn_event_lex *lex;
    isn_warnings *warn;
    const char *file;
    uint64_t line;
    char section[128];
    long code;                      /* index of the current [code] section, -1 if unknown */
    ISN_VEC(uint64_t) form_lines;   /* line of each form, for duplicate warnings */
    ISN_VEC(const char *) form_files;
} loader;

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) *--e = 0;
    return s;
}

static long find_code(const isn_event_lex *lex, const char *code) {
    for (size_t i = 0; i < lex->codes.n; i++)
        if (!strcmp(lex->codes.v[i].code, code)) return (long)i;
    return -1;
}

/* ---- cameo.txt ---- */

static const char *on_code(void *ctx, const char *section, const char *key, const char *value) {
    loader *L = ctx;
    isn_event_lex *lex = L->lex;
    if (strcmp(section, "codes")) return "cameo.txt has one section, [codes]";
    size_t n = strlen(key);
    if (n < 2 || n > 4 || strspn(key, "0123456789") != n) return "a CAMEO code is 2 to 4 digits";
    if (!value) return "expected: code = English label | PLOVER type";
    const char *bar = strstr(value, " | ");
    if (!bar || bar == value) return "expected: code = English label | PLOVER type";
    int plover = -1;
    for (int i = 0; i < 16; i++)
        if (!strcmp(bar + 3, isn_plover_types[i])) plover = i;
    if (plover < 0) return "unknown PLOVER type (AGREE, CONSULT, SUPPORT, ... ASSAULT)";
    if (find_code(lex, key) >= 0) return "code given twice";
    char root[3] = {key[0], key[1], 0};
    if (n > 2 && find_code(lex, root) < 0) return "code before its root (write the two-digit root first)";
    isn_ev_code *c = ISN_VEC_PUSH(lex->codes);
    if (!c) return "out of memory";
    memcpy(c->code, key, n + 1);
    c->label = (uint32_t)lex->pool.len;
    isn_buf_add(&lex->pool, value, (size_t)(bar - value));
    isn_buf_addc(&lex->pool, 0);
    c->plover = (uint8_t)plover;
    return isn_phrases_add(&lex->code_ids, key, (int)(lex->codes.n - 1)) ? "out of memory" : NULL;
}

/* ---- triggers ---- */

static int prep_index(isn_event_lex *lex, const char *word) {
    char norm[3 * 24 + 1];
    if (strlen(word) >= 24) return -1;
    size_t n = isn_normalize_phrase(word, strlen(word), norm);
    if (!n || n >= sizeof lex->preps[0]) return -1;
    for (size_t i = 0; i < lex->npreps; i++)
        if (!strcmp(lex->preps[i], norm)) return (int)i;
    if (lex->npreps == ISN_EV_MAX_PREPS) return -1;
    memcpy(lex->preps[lex->npreps], norm, n + 1);
    return (int)lex->npreps++;
}

/* "target:obj, target:إلى, source:gen" */
static const char *parse_slots(isn_event_lex *lex, char *s, isn_trigger *t) {
    for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
        tok = trim(tok);
        if (!*tok) continue;
        if (t->nslots == ISN_EV_MAX_SLOTS) return "too many slots (6 at most)";
        char *colon = strchr(tok, ':');
        if (!colon) return "a slot is role:marker (target:obj, source:من)";
        *colon = 0;
        isn_ev_slot *sl = &t->slots[t->nslots];
        if (!strcmp(tok, "source")) sl->source = 1;
        else if (strcmp(tok, "target")) return "a slot's role is source or target";
        const char *m = trim(colon + 1);
        if (!strcmp(m, "obj")) sl->marker = ISN_SLOT_OBJ;
        else if (!strcmp(m, "gen")) sl->marker = ISN_SLOT_GEN;
        else if (!strcmp(m, "head")) sl->marker = ISN_SLOT_HEAD;
        else {
            int p = prep_index(lex, m);
            if (p < 0) return "a slot's marker is obj, gen, head or a preposition";
            sl->marker = ISN_SLOT_PREP, sl->prep = (uint8_t)p;
        }
        t->nslots++;
    }
    return NULL;
}

static const char *parse_trigger(loader *L, const char *value, isn_trigger *t) {
    static const char *shapes[] = {"", "verb", "passive", "noun", "participle", "light"};
    char buf[1024];
    if (!value || strlen(value) >= sizeof buf) return "expected: forms = shape | slots";
    strcpy(buf, value);
    char *shape = buf, *slots = strstr(buf, "|"), *tag = NULL;
    if (slots) {
        *slots++ = 0;
        if ((tag = strstr(slots, "|"))) *tag++ = 0;
    }
    shape = trim(shape);
    memset(t, 0, sizeof *t);
    for (uint8_t i = 1; i < 6; i++)
        if (!strcmp(shape, shapes[i])) t->shape = i;
    if (!t->shape) return "a shape is verb, passive, noun, participle or light";
    if (tag) {
        if (strcmp(trim(tag), "negative")) return "the only tag is negative";
        t->negative = 1;
    }
    return slots ? parse_slots(L->lex, slots, t) : NULL;
}

static const char *on_trigger(void *ctx, const char *section, const char *key, const char *value) {
    loader *L = ctx;
    isn_event_lex *lex = L->lex;
    if (strcmp(section, L->section)) {
        snprintf(L->section, sizeof L->section, "%s", section);
        L->code = find_code(lex, section);
    }
    if (L->code < 0) return "section is not a code of cameo.txt";
    isn_trigger t;
    const char *why = parse_trigger(L, value, &t);
    if (why) return why;
    t.code = (uint32_t)L->code;
    isn_trigger *slot = ISN_VEC_PUSH(lex->triggers);
    if (!slot) return "out of memory";
    *slot = t;
    char forms[1024];
    if (strlen(key) >= sizeof forms) return "line too long";
    strcpy(forms, key);
    for (char *f = forms, *next; f; f = next) { /* "زار / زارت / يزور" */
        next = strstr(f, " / ");
        if (next) *next = 0, next += 3;
        f = trim(f);
        if (!*f || isn_phrases_add(&lex->forms, f, (int)(lex->triggers.n - 1))) return "empty form";
        uint64_t *ln = ISN_VEC_PUSH(L->form_lines);
        const char **fl = ISN_VEC_PUSH(L->form_files);
        if (!ln || !fl) return "out of memory";
        *ln = L->line, *fl = L->file;
    }
    return NULL;
}

/* ---- frames.txt ---- */

static const char *add_forms(isn_phrases *ps, const char *key, int value) {
    char forms[1024];
    if (strlen(key) >= sizeof forms) return "line too long";
    strcpy(forms, key);
    for (char *f = forms, *next; f; f = next) {
        next = strstr(f, " / ");
        if (next) *next = 0, next += 3;
        f = trim(f);
        if (!*f || isn_phrases_add(ps, f, value)) return "empty form";
    }
    return NULL;
}

static const char *on_frame(void *ctx, const char *section, const char *key, const char *value) {
    loader *L = ctx;
    isn_event_lex *lex = L->lex;
    if (!strcmp(section, "report")) {
        int v = !value ? 0 : !strcmp(value, "verb") ? ISN_FRAME_VERB : !strcmp(value, "verb-from") ? ISN_FRAME_FROM
                : !strcmp(value, "prep") ? ISN_FRAME_PREP : !strcmp(value, "interview") ? ISN_FRAME_INTERVIEW
                : !strcmp(value, "aside") ? ISN_FRAME_ASIDE : !strcmp(value, "noun") ? ISN_FRAME_NOUN : 0;
        if (!v) return "a reporting frame is verb, verb-from, prep, interview, noun or aside";
        return add_forms(&lex->report, key, v);
    }
    if (!strcmp(section, "source-nouns")) {
        int v = !value ? 0 : !strcmp(value, "unnamed") ? ISN_SRC_UNNAMED : !strcmp(value, "document") ? ISN_SRC_DOCUMENT
                : !strcmp(value, "expert") ? ISN_SRC_EXPERT : 0;
        if (!v) return "a source noun is unnamed, document or expert";
        return add_forms(&lex->source_nouns, key, v);
    }
    isn_phrases *ps = !strcmp(section, "alleged")           ? &lex->alleged
                      : !strcmp(section, "denied")          ? &lex->denied
                      : !strcmp(section, "negated")         ? &lex->negated
                      : !strcmp(section, "planned")         ? &lex->planned
                      : !strcmp(section, "complementizers") ? &lex->complementizers
                      : !strcmp(section, "place-preps")     ? &lex->place_preps
                      : !strcmp(section, "channels")        ? &lex->channels
                      : !strcmp(section, "relatives")       ? &lex->relatives
                      : !strcmp(section, "resumptives")     ? &lex->resumptives
                                                            : NULL;
    if (!ps)
        return "unknown section (report, source-nouns, alleged, denied, negated, planned, complementizers, "
               "place-preps, channels, relatives, resumptives)";
    if (value) return "this section takes words without \" = value\"";
    return add_forms(ps, key, 1);
}

/* ---- loading ---- */


static int read_file(loader *L, const char *path, isn_lexfile_fn fn, isn_error *err) {
    L->file = path;
    L->line = 0;
    L->section[0] = 0;
    L->code = -1;
    return isn_lexfile_read_lines(path, fn, L, &L->line, L->warn, err);
}

/* A form written twice means the later line (phrase sets find the last
 * one added), as a researcher's addition at the end of a file overrides;
 * each earlier line is a warning naming the one that wins. */
static void warn_duplicates(loader *L) {
    isn_phrases *ps = &L->lex->forms;
    for (size_t k = 0; k < ps->items.n && k < L->form_lines.n; k++) {
        const isn_phrase *p = &ps->items.v[k];
        const isn_phrase *kept = isn_phrases_get(ps, isn_phrase_text(ps, p), p->len);
        if (!kept || kept == p) continue;
        size_t w = (size_t)(kept - ps->items.v);
        isn_warnings_add(L->warn, L->form_files.v[k], L->form_lines.v[k],
                         "form \"%s\" is given again at %s:%llu, which is kept", isn_phrase_text(ps, p),
                         L->form_files.v[w], (unsigned long long)L->form_lines.v[w]);
    }
}

int isn_event_lex_load(isn_event_lex *lex, const char *dir, isn_warnings *warn, isn_error *err) {
    memset(lex, 0, sizeof *lex);
    loader L = {.lex = lex, .warn = warn};
    char path[4096], tdir[4096];
    ISN_VEC(char *) paths = {0}; /* kept until the duplicate check names them */
    snprintf(path, sizeof path, "%s/cameo.txt", dir);
    int rc = read_file(&L, path, on_code, err);
    snprintf(tdir, sizeof tdir, "%s/triggers", dir);
    isn_names names = {0};
    if (!rc && isn_lexfile_list(tdir, &names))
        rc = isn_set_error(err, ISN_EIO, tdir, 0, ISN_NO_OFFSET, "cannot read the trigger folder");
    for (size_t i = 0; i < names.n && !rc; i++) {
        char **slot = ISN_VEC_PUSH(paths);
        size_t n = strlen(tdir) + strlen(names.v[i]) + 2;
        if (!slot || !(*slot = malloc(n))) { rc = isn_set_error(err, ISN_ENOMEM, NULL, 0, ISN_NO_OFFSET, "out of memory"); break; }
        snprintf(*slot, n, "%s/%s", tdir, names.v[i]);
        rc = read_file(&L, *slot, on_trigger, err);
    }
    isn_lexfile_names_free(&names);
    snprintf(path, sizeof path, "%s/frames.txt", dir);
    if (!rc) rc = read_file(&L, path, on_frame, err);
    isn_phrases *opening[] = {&lex->forms, &lex->report, &lex->denied};
    for (size_t i = 0; i < 3 && !rc; i++) isn_phrases_add_first_words(&lex->openers, opening[i], 1);
    isn_phrases *cues[] = {&lex->complementizers, &lex->place_preps, &lex->negated, &lex->planned, &lex->alleged,
                           &lex->channels};
    for (size_t i = 0; i < 6 && !rc; i++) isn_phrases_add_first_words(&lex->cue_openers, cues[i], 1);
    isn_phrases *all[] = {&lex->code_ids, &lex->forms, &lex->report, &lex->source_nouns, &lex->alleged,
                          &lex->denied, &lex->negated, &lex->planned, &lex->complementizers, &lex->place_preps, &lex->channels,
                          &lex->relatives, &lex->resumptives, &lex->openers, &lex->cue_openers};
    for (size_t i = 0; i < sizeof all / sizeof *all && !rc; i++)
        if (isn_phrases_build(all[i])) rc = isn_set_error(err, ISN_ENOMEM, dir, 0, ISN_NO_OFFSET, "out of memory");
    if (!rc) warn_duplicates(&L);
    lex->statement = UINT32_MAX;
    long said = find_code(lex, "010");
    isn_trigger *st = !rc && said >= 0 ? ISN_VEC_PUSH(lex->triggers) : NULL;
    if (st) {
        memset(st, 0, sizeof *st);
        st->code = (uint32_t)said, st->shape = ISN_SHAPE_VERB;
        lex->statement = (uint32_t)(lex->triggers.n - 1);
    }
    if (lex->codes.oom || lex->triggers.oom || L.form_lines.oom || L.form_files.oom)
        rc = rc ? rc : isn_set_error(err, ISN_ENOMEM, dir, 0, ISN_NO_OFFSET, "out of memory");
    for (size_t i = 0; i < paths.n; i++) free(paths.v[i]);
    ISN_VEC_FREE(paths);
    ISN_VEC_FREE(L.form_lines);
    ISN_VEC_FREE(L.form_files);
    if (rc) isn_event_lex_free(lex);
    return rc;
}

void isn_event_lex_free(isn_event_lex *lex) {
    isn_phrases *all[] = {&lex->code_ids, &lex->forms, &lex->report, &lex->source_nouns, &lex->alleged,
                          &lex->denied, &lex->negated, &lex->planned, &lex->complementizers, &lex->place_preps, &lex->channels,
                          &lex->relatives, &lex->resumptives, &lex->openers, &lex->cue_openers};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) isn_phrases_free(all[i]);
    ISN_VEC_FREE(lex->codes);
    ISN_VEC_FREE(lex->triggers);
    isn_buf_free(&lex->pool);
}
