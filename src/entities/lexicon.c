/*
 * lexicon.c -- loading the actor and place lexicon (docs/lexicons.md).
 *
 * data/entities/ holds one file per area (countries, cities, people,
 * organisations, media, Libya ...), each a list of blocks:
 *
 *     [lby.haftar]
 *     type = PER
 *     ar = خليفة حفتر
 *     alias = حفتر
 *     ...
 *
 * and patterns.txt, the words around names (titles, institutions, forces,
 * kinship ...). Loading is two passes: the blocks are read into entity
 * records and name indexes, then references between entities (country,
 * forces, affiliation, capital) are resolved by id, since a block may name
 * an entity defined in a later file. Every problem is a warning with file
 * and line; the entity or line concerned is left out and the rest loads.
 *
 * Country blocks also generate their nisba forms: from "روسي" come روسي،
 * الروسي، روسية، الروسية، روسيون، الروسيين، روسيان ... (ة is ه once
 * normalised), all pointing at the country.
 */
#include "lexicon.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const isn_entity_kinds[] = {
    "other", "country", "city", "region", "base", "port", "oilfield", "armed-group", "military",
    "government", "ministry", "court", "parliament", "party", "intelligence", "igo", "ngo",
    "media", "company", "religious", "person", "event", "capital", NULL};

/* A reference to resolve after all files are read. */
typedef struct pending {
    uint32_t ent;     /* the entity that refers */
    uint32_t target;  /* pool offset of the id referred to */
    uint8_t what;     /* 'c' country, 'f' forces, 'a' affiliation, 'k' capital */
    uint32_t line;
    uint32_t file;    /* pool offset of the file name */
} pending;

typedef struct loader {
    isn_entity_lex *lex;
    isn_warnings *warn;
    const char *file;
    uint32_t file_off;
    uint64_t line;
    uint32_t cur;          /* entity being read, or ISN_NONE */
    int cur_bad;
    isn_buf titles;        /* titles of the current entity */
    long now_year;         /* the latest start year among them, -1: none yet */
    size_t now_at;         /* offset in titles of the current one */
    char skip[128];        /* a block being skipped (its id was bad) */
    ISN_VEC(pending) refs;
} loader;

static uint32_t pool_put(isn_entity_lex *lex, const char *s, size_t n) {
    uint32_t at = (uint32_t)lex->pool.len;
    isn_buf_add(&lex->pool, s, n);
    isn_buf_addc(&lex->pool, 0);
    return at;
}

/* ---- the id table: open addressing, grown at half load ------------------ */

static uint64_t hash_id(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

uint32_t isn_entity_find(const isn_entity_lex *lex, const char *id) {
    if (!lex->id_cap) return ISN_NONE;
    for (size_t i = hash_id(id) & (lex->id_cap - 1);; i = (i + 1) & (lex->id_cap - 1)) {
        uint32_t e = lex->id_slots[i];
        if (e == ISN_NONE) return ISN_NONE;
        if (!strcmp(lex->pool.data + lex->ents.v[e].id, id)) return e;
    }
}

static int id_insert(isn_entity_lex *lex, uint32_t ent) {
    if ((lex->ents.n + 1) * 2 > lex->id_cap) {
        size_t cap = lex->id_cap ? lex->id_cap * 2 : 1024;
        uint32_t *slots = malloc(cap * sizeof *slots);
        if (!slots) return -1;
        memset(slots, 0xFF, cap * sizeof *slots);
        for (size_t i = 0; i < lex->id_cap; i++) {
            uint32_t e = lex->id_slots[i];
            if (e == ISN_NONE) continue;
            size_t j = hash_id(lex->pool.data + lex->ents.v[e].id) & (cap - 1);
            while (slots[j] != ISN_NONE) j = (j + 1) & (cap - 1);
            slots[j] = e;
        }
        free(lex->id_slots);
        lex->id_slots = slots;
        lex->id_cap = cap;
    }
    size_t j = hash_id(lex->pool.data + lex->ents.v[ent].id) & (lex->id_cap - 1);
    while (lex->id_slots[j] != ISN_NONE) j = (j + 1) & (lex->id_cap - 1);
    lex->id_slots[j] = ent;
    return 0;
}

static int valid_id(const char *s) {
    if (!*s) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

static int valid_code(const char *s) {
    size_t n = strlen(s);
    if (n < 3 || n > 15) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z')) return 0;
    return 1;
}

static int type_of(const char *s) {
    if (!strcmp(s, "PER")) return ISN_ENT_PER;
    if (!strcmp(s, "ORG")) return ISN_ENT_ORG;
    if (!strcmp(s, "LOC")) return ISN_ENT_LOC;
    if (!strcmp(s, "MISC")) return ISN_ENT_MISC;
    return -1;
}

static int add_alias(isn_entity_lex *lex, const char *name, uint32_t ent) {
    if (isn_phrases_add(&lex->aliases, name, (int)ent)) return -1;
    int w = lex->aliases.items.v[lex->aliases.items.n - 1].nwords;
    if (w > lex->max_words) lex->max_words = w;
    return 0;
}

/* Nisba forms of a masculine singular adjective ending in ي. */
static int add_nisba(isn_entity_lex *lex, const char *base, uint32_t country) {
    static const char *suffixes[] = {"", "ة", "ون", "ين", "ان", "تان", "تين", "ات", NULL};
    char norm[256], buf[512];
    size_t n = strlen(base);
    if (n * 3 + 1 > sizeof norm) return -1;
    size_t k = isn_normalize_phrase(base, n, norm);
    if (!k) return -1;
    int is_adj = k >= 2 && !memcmp(norm + k - 2, "\xd9\x8a", 2); /* ends in ي */
    int has_al = k > 4 && !memcmp(norm, "\xd8\xa7\xd9\x84", 4);
    const char *stem = has_al ? norm + 4 : norm;
    for (int i = 0; suffixes[i]; i++) {
        if (i > 0 && !is_adj) break; /* an irregular plural: only itself, with and without ال */
        snprintf(buf, sizeof buf, "%s%s", stem, suffixes[i]);
        if (isn_phrases_add(&lex->nisbas, buf, (int)country)) return -1;
        snprintf(buf, sizeof buf, "ال%s%s", stem, suffixes[i]);
        if (isn_phrases_add(&lex->nisbas, buf, (int)country)) return -1;
    }
    return 0;
}

static void end_entity(loader *L) {
    if (L->cur == ISN_NONE) return;
    isn_entity *e = &L->lex->ents.v[L->cur];
    isn_buf_addc(&L->titles, 0); /* the list ends with an empty string */
    e->titles = (uint32_t)L->lex->pool.len;
    e->title_now = L->now_year >= 0 ? e->titles + (uint32_t)L->now_at : ISN_NONE;
    isn_buf_add(&L->lex->pool, L->titles.data, L->titles.len);
    isn_buf_reset(&L->titles);
    L->now_year = -1;
    if (!L->cur_bad && (e->ar == ISN_NONE || e->en == ISN_NONE || e->type == 255)) {
        isn_warnings_add(L->warn, L->file, L->line, "entity [%s] needs type, ar and en; left out",
                         isn_ent_str(L->lex, e->id));
        L->cur_bad = 1;
    }
    if (L->cur_bad) e->type = 255; /* kept in the table (indexes are stable) but never matched */
    L->cur = ISN_NONE;
}

static const char *begin_entity(loader *L, const char *id) {
    end_entity(L);
    if (!valid_id(id)) return "entity id must be lower-case letters, digits, '.', '-', '_'";
    if (isn_entity_find(L->lex, id) != ISN_NONE) return "entity id defined twice; this block is left out";
    isn_entity *e = ISN_VEC_PUSH(L->lex->ents);
    if (!e) return "out of memory";
    memset(e, 0, sizeof *e);
    e->ar = e->en = e->code = ISN_NONE;
    e->country = e->forces = ISN_NONE;
    e->type = 255;
    e->id = pool_put(L->lex, id, strlen(id));
    L->cur = (uint32_t)(L->lex->ents.n - 1);
    L->cur_bad = 0;
    if (id_insert(L->lex, L->cur)) return "out of memory";
    return NULL;
}

static void defer(loader *L, char what, const char *target) {
    pending *p = ISN_VEC_PUSH(L->refs);
    if (!p) return;
    p->ent = L->cur;
    p->target = pool_put(L->lex, target, strlen(target));
    p->what = (uint8_t)what;
    p->line = (uint32_t)L->line;
    p->file = L->file_off;
}

/* Strips "ال" from a normalised title so "المشير" and "مشير" meet, and
 * keeps the one with the latest start year as the current title (an
 * undated title counts as year 0, so a dated one wins; among undated ones
 * the first listed). */
static void add_title(loader *L, const char *value) {
    char norm[512], *sp;
    size_t n = strlen(value);
    if (3 * n + 1 > sizeof norm) return;
    isn_normalize_phrase(value, n, norm);
    long year = 0;
    while ((sp = strrchr(norm, ' ')) && (sp[1] >= '0' && sp[1] <= '9')) { /* "مشير 2016-" -> "مشير" */
        year = strtol(sp + 1, NULL, 10);
        *sp = 0;
    }
    const char *t = norm;
    if (!strncmp(t, "ال", strlen("ال"))) t += strlen("ال");
    if (!*t) return;
    if (year > L->now_year) {
        L->now_year = year;
        L->now_at = L->titles.len;
    }
    isn_buf_add(&L->titles, t, strlen(t) + 1);
}

static const char *entity_line(loader *L, const char *key, const char *v) {
    if (L->cur == ISN_NONE) return "a key outside an entity block";
    if (L->cur_bad) return NULL;
    isn_entity_lex *lex = L->lex;
    isn_entity *e = &lex->ents.v[L->cur];
    if (!v || !*v) return "expected: key = value";
    if (!strcmp(key, "type")) {
        int t = type_of(v);
        if (t < 0) return "type must be PER, ORG, LOC or MISC";
        e->type = (uint8_t)t;
    } else if (!strcmp(key, "kind")) {
        int k = -1;
        for (int i = 0; isn_entity_kinds[i]; i++)
            if (!strcmp(v, isn_entity_kinds[i])) k = i;
        if (k < 0) return "unknown kind (see docs/lexicons.md)";
        e->kind = (uint8_t)k;
    } else if (!strcmp(key, "ar")) {
        e->ar = pool_put(lex, v, strlen(v));
        if (add_alias(lex, v, L->cur)) return "empty name after normalisation";
    } else if (!strcmp(key, "en")) {
        e->en = pool_put(lex, v, strlen(v));
    } else if (!strcmp(key, "alias")) {
        if (add_alias(lex, v, L->cur)) return "empty alias after normalisation";
    } else if (!strcmp(key, "code")) {
        if (!valid_code(v)) return "code must be upper-case letters (ISO3 + role), e.g. LBYMIL";
        e->code = pool_put(lex, v, strlen(v));
    } else if (!strcmp(key, "nisba")) {
        if (add_nisba(lex, v, L->cur)) return "bad nisba";
    } else if (!strcmp(key, "title") || !strcmp(key, "office")) {
        if (!strcmp(key, "title")) add_title(L, v);
    } else if (!strcmp(key, "country") || !strcmp(key, "forces") || !strcmp(key, "affiliation") ||
               !strcmp(key, "capital")) {
        if (!valid_id(v)) return "expected an entity id";
        defer(L, key[0] == 'c' ? (key[1] == 'o' ? 'c' : 'k') : key[0], v);
    } else {
        return "unknown key (see docs/lexicons.md)";
    }
    return NULL;
}

/* Section headers are the ids: the lexfile reader hands us the section
 * name with every line, so a change of section starts a new entity. */
static const char *on_entity_line(void *ctx, const char *section, const char *key, const char *value) {
    loader *L = ctx;
    if (!*section) return "a line before the first [entity-id]";
    if (!strcmp(section, L->skip)) return NULL;
    const char *cur = L->cur != ISN_NONE ? isn_ent_str(L->lex, L->lex->ents.v[L->cur].id) : NULL;
    if (!cur || strcmp(cur, section)) {
        const char *why = begin_entity(L, section);
        if (why) {
            snprintf(L->skip, sizeof L->skip, "%s", section);
            return why;
        }
    }
    return entity_line(L, key, value);
}

/* ---- patterns.txt -------------------------------------------------------- */

static const char *on_pattern(void *ctx, const char *section, const char *key, const char *value) {
    isn_entity_lex *lex = ctx;
    isn_phrases *set = !strcmp(section, "forces")         ? &lex->forces_words
                       : !strcmp(section, "kinship")      ? &lex->kinship
                       : !strcmp(section, "descriptions") ? &lex->descriptions
                       : !strcmp(section, "modifiers")    ? &lex->modifiers
                       : !strcmp(section, "stop")         ? &lex->stop
                       : !strcmp(section, "given-names")  ? &lex->given_names
                       : !strcmp(section, "name-starters") ? &lex->name_starters
                                                          : NULL;
    if (set) {
        if (value) return "this section takes words without \" = value\"";
        return isn_phrases_add(set, key, 1) ? "empty phrase after normalisation" : NULL;
    }
    int titles = !strcmp(section, "titles"), generic = !strcmp(section, "generic-actors");
    if (!titles && !generic && strcmp(section, "institutions"))
        return "unknown section ([titles], [institutions], [generic-actors], [forces], [kinship], [descriptions], "
               "[modifiers], [stop], [given-names], [name-starters])";
    isn_role r = {{0}, ISN_ENT_PER};
    char role[8] = "", type[8] = "";
    if (value && sscanf(value, "%7s %7s", role, type) < 1) return "expected: phrase = ROLE [TYPE]";
    if (value && (strlen(role) != 3 || !valid_code(role))) return "a role is three upper-case letters (GOV, MIL ...)";
    if (value) memcpy(r.role, role, 4);
    if (!titles) {
        int t = *type ? type_of(type) : ISN_ENT_ORG;
        if (t < 0) return "type must be PER, ORG, LOC or MISC";
        r.type = (uint8_t)t;
    }
    isn_role *slot = ISN_VEC_PUSH(lex->roles);
    if (!slot) return "out of memory";
    *slot = r;
    if (isn_phrases_add(titles ? &lex->titles : generic ? &lex->generic : &lex->institutions, key, (int)(lex->roles.n - 1)))
        return "empty phrase after normalisation";
    return NULL;
}

/* ---- loading ---------------------------------------------------------------- */


/* Resolves country, forces and affiliation ids. An entity's references
 * come in the order of its block, so its affiliations land contiguously. */
static void resolve(loader *L) {
    isn_entity_lex *lex = L->lex;
    for (size_t i = 0; i < L->refs.n; i++) {
        pending *p = &L->refs.v[i];
        const char *target = lex->pool.data + p->target;
        uint32_t t = isn_entity_find(lex, target);
        if (t == ISN_NONE) {
            isn_warnings_add(L->warn, lex->pool.data + p->file, p->line, "no entity [%s]", target);
            continue;
        }
        isn_entity *e = &lex->ents.v[p->ent];
        if (p->what == 'c') e->country = t;
        else if (p->what == 'f') e->forces = t;
        else if (p->what == 'a') {
            uint32_t *slot = ISN_VEC_PUSH(lex->affs);
            if (!slot) return;
            if (e->naff == 0) e->aff = (uint32_t)(lex->affs.n - 1);
            *slot = t;
            e->naff++;
        }
    }
}

int isn_entity_lex_load(isn_entity_lex *lex, const char *dir, isn_warnings *warn, isn_error *err) {
    memset(lex, 0, sizeof *lex);
    loader L = {0};
    L.lex = lex;
    L.warn = warn;
    L.cur = ISN_NONE;
    L.now_year = -1;
    isn_names names;
    if (isn_lexfile_list(dir, &names)) return isn_set_error(err, ISN_EIO, dir, 0, ISN_NO_OFFSET, "cannot read the entity folder");
    int rc = ISN_OK;
    char path[4096];
    for (size_t i = 0; i < names.n && !rc; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names.v[i]);
        if (!strcmp(names.v[i], "patterns.txt")) {
            rc = isn_lexfile_read(path, on_pattern, lex, warn, err);
            continue;
        }
        L.file = path;
        L.file_off = pool_put(lex, path, strlen(path));
        L.line = 0;
        L.skip[0] = 0;
        rc = isn_lexfile_read_lines(path, on_entity_line, &L, &L.line, warn, err);
        end_entity(&L);
    }
    isn_lexfile_names_free(&names);
    if (!rc) resolve(&L);
    isn_buf_free(&L.titles);
    ISN_VEC_FREE(L.refs);
    if (rc) return rc;
    isn_phrases *all[] = {&lex->aliases, &lex->nisbas, &lex->titles, &lex->institutions, &lex->generic,
                          &lex->forces_words, &lex->kinship, &lex->descriptions, &lex->modifiers, &lex->stop, &lex->given_names, &lex->name_starters};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (isn_phrases_build(all[i])) return isn_set_error(err, ISN_ENOMEM, dir, 0, ISN_NO_OFFSET, "out of memory");
    isn_phrases *gated[ISN_GATED_SETS] = {&lex->aliases, &lex->nisbas, &lex->titles, &lex->institutions,
                                          &lex->generic, &lex->forces_words, &lex->kinship, &lex->descriptions,
                                          &lex->modifiers, &lex->name_starters};
    for (int k = 0; k < ISN_GATED_SETS; k++) {
        isn_phrases_add_first_words(&lex->firsts, gated[k], 1 << k);
        gated[k]->gate = 1 + k;
    }
    if (lex->firsts.items.oom || lex->firsts.pool.oom || isn_phrases_build(&lex->firsts) || lex->pool.oom ||
        lex->ents.oom)
        return isn_set_error(err, ISN_ENOMEM, dir, 0, ISN_NO_OFFSET, "out of memory");
    return ISN_OK;
}

void isn_entity_lex_free(isn_entity_lex *lex) {
    isn_phrases *all[] = {&lex->aliases, &lex->nisbas, &lex->titles, &lex->institutions, &lex->generic,
                          &lex->forces_words, &lex->kinship, &lex->descriptions, &lex->modifiers, &lex->stop, &lex->given_names, &lex->name_starters};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) isn_phrases_free(all[i]);
    isn_phrases_free(&lex->firsts);
    free(lex->id_slots);
    isn_buf_free(&lex->pool);
    ISN_VEC_FREE(lex->ents);
    ISN_VEC_FREE(lex->affs);
    ISN_VEC_FREE(lex->roles);
}

int isn_entity_has_title(const isn_entity_lex *lex, const isn_entity *e, const char *t, size_t n, int now) {
    if (now) {
        const char *p = isn_ent_str(lex, e->title_now);
        return p && strlen(p) == n && !memcmp(p, t, n);
    }
    for (const char *p = lex->pool.data + e->titles; *p; p += strlen(p) + 1)
        if (strlen(p) == n && !memcmp(p, t, n)) return 1;
    return 0;
}
