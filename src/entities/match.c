/*
 * match.c -- finding actor and place mentions in the sentences of a document.
 *
 * Within each sentence, left to right, the first rule that applies at a
 * token wins and consumes its tokens:
 *
 *   kinship      "نجل حفتر"          a relative: another person, entity null
 *   forces       "ميليشيات حفتر"     X's armed forces: X's `forces` entity,
 *                "قوات بريطانية"     or X's country + MIL
 *   title        "الصحفي الإسرائيلي يوسف ميلمان"   an unknown person, code
 *                from the nisba and the title's role (ISRMED); a title before
 *                a known name just leads to that name; a title alone
 *                ("المشير", "اللواء المتقاعد") is a description, linked to
 *                the most salient person of the document who bears it
 *   institution  "الجيش الأمريكي"   an institution + nisba: USAMIL
 *   generic      "مسلحون"            an actor by what it is: UAF (last of all)
 *   lexicon      "لحفتر"             a name of the lexicon, longest match
 *   description  "الرجل"             the most salient person so far
 *   surname      "ميلمان"            an unknown person named in full before
 *
 * Words are compared on their normalised forms, first as written, then with
 * proclitics stripped (و ف ب ل ك and their combinations; لل before a name
 * with ال), and a pronoun suffix is stripped only when what remains is a
 * name: so "لحفتر" and "وبالجزائر" match, "حفترها" would, "لندن" is never
 * read as ل + ندن unless "ندن" were a name.
 *
 * Salience is the number of mentions of a person so far, ties to the latest.
 */
#include "entities.h"
#include "../core/utf8.h"
#include "../text/chars.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct variant { const char *s; size_t n; char buf[256]; } variant;

/* The clitic variants of the last few tokens looked at: every rule asks
 * about token i and its neighbours, so each token's variants are computed
 * once. Direct-mapped on the token index. */
typedef struct vcache {
    uint32_t tok;
    int k;
    variant v[6];
    int ent_n;       /* entity_at() for this token: tokens matched, -1 not asked yet */
    uint32_t ent;
    uint32_t mask;   /* token_mask(), once mask_known */
    int mask_known;
} vcache;

typedef struct ctx {
    const isn_entity_lex *lex;
    const char *text, *norm;
    const isn_token *t;
    uint32_t a, b, sentence; /* the sentence: tokens [a, b) */
    isn_entity_work *w;
    vcache cache[4];
} ctx;

/* ---- words and their clitic variants -------------------------------------- */

#define W_ "\xd9\x88"  /* و */
#define F_ "\xd9\x81"  /* ف */
#define B_ "\xd8\xa8"  /* ب */
#define L_ "\xd9\x84"  /* ل */
#define K_ "\xd9\x83"  /* ك */
#define AL_ "\xd8\xa7\xd9\x84" /* ال */

static int starts(const char *s, size_t n, const char *p) {
    size_t k = strlen(p);
    return n >= k && !memcmp(s, p, k);
}

/* The word as written, and with proclitics stripped; a remainder keeps at
 * least two letters. Returns how many variants were written (at most 6). */
static int variants(const char *s, size_t n, variant *v) {
    int k = 0;
    v[k].s = s, v[k++].n = n;
    for (int conj = 0; conj < 2; conj++) {
        const char *p = s;
        size_t m = n;
        if (conj) {
            if (!(starts(p, m, W_) || starts(p, m, F_))) break;
            p += 2, m -= 2;
            if (m >= 4) v[k].s = p, v[k++].n = m;
        }
        if (starts(p, m, L_ L_) && m > 4 && m - 4 + 4 < sizeof v[k].buf) { /* لل + x = ل + الx */
            memcpy(v[k].buf, AL_, 4);
            memcpy(v[k].buf + 4, p + 4, m - 4);
            v[k].s = v[k].buf, v[k].n = m;
            k++;
        } else if ((starts(p, m, B_) || starts(p, m, L_) || starts(p, m, K_)) && m >= 6) {
            v[k].s = p + 2, v[k++].n = m - 2;
        }
    }
    return k;
}

static const char *nrm(const ctx *c, uint32_t i) { return c->norm + c->t[i].norm; }

static const variant *vars(ctx *c, uint32_t i, int *k) {
    vcache *e = &c->cache[i & 3];
    if (e->tok != i) {
        e->tok = i;
        e->ent_n = -1;
        e->mask_known = 0;
        e->k = variants(nrm(c, i), c->t[i].norm_len, e->v);
        for (int j = 0; j < e->k; j++) /* variants written into buf point at it */
            if (e->v[j].s < nrm(c, i) || e->v[j].s >= nrm(c, i) + c->t[i].norm_len) e->v[j].s = e->v[j].buf;
    }
    *k = e->k;
    return e->v;
}
static int is_word(const ctx *c, uint32_t i) {
    return i < c->b && (c->t[i].kind == ISN_TOK_WORD || c->t[i].kind == ISN_TOK_LATIN);
}

/* The gated sets (lexicon.h) some clitic variant of token i begins a
 * phrase of, as a bit mask. Most tokens start no name, title or
 * institution, and then every rule's lookups are skipped. The mask is kept
 * for the token and, in the memo, for the word: frequent words cost one
 * hash and one slot read. */
static uint32_t token_mask_of(ctx *c, uint32_t i) {
    vcache *e = &c->cache[i & 3];
    int k;
    const variant *v = vars(c, i, &k);
    isn_wordmemo_key key;
    uint32_t mask = 0;
    if (!isn_wordmemo_get(&c->w->sets, nrm(c, i), c->t[i].norm_len, &key, &mask)) {
        for (int j = 0; j < k; j++) mask |= isn_phrases_or_values(&c->lex->firsts, v[j].s, v[j].n);
        isn_wordmemo_put(&key, mask);
    }
    e->mask = mask, e->mask_known = 1;
    return mask;
}

/* Every rule asks: the answer kept for the token is read inline. */
static inline uint32_t token_mask(ctx *c, uint32_t i) {
    const vcache *e = &c->cache[i & 3];
    return e->tok == i && e->mask_known ? e->mask : token_mask_of(c, i);
}

/* May token i start a phrase of ps? False only when ps is gated and no
 * variant of the token begins one of its phrases. */
static int may_start(ctx *c, const isn_phrases *ps, uint32_t i) {
    return !ps->gate || ((token_mask(c, i) >> (ps->gate - 1)) & 1);
}

/* Looks token i up in a single-word phrase set through its variants. */
static const isn_phrase *lookup1(ctx *c, const isn_phrases *ps, uint32_t i) {
    if (!is_word(c, i) || !may_start(c, ps, i)) return NULL;
    int k;
    const variant *v = vars(c, i, &k);
    for (int j = 0; j < k; j++) {
        const isn_phrase *p = isn_phrases_get(ps, v[j].s, v[j].n);
        if (p) return p;
    }
    return NULL;
}

/* Longest phrase of ps starting at token i (first word through its
 * variants). Returns the number of tokens, 0 when none. */
static uint32_t lookupn(ctx *c, const isn_phrases *ps, uint32_t i, const isn_phrase **hit) {
    if (!is_word(c, i) || !may_start(c, ps, i)) return 0;
    int k;
    const variant *v = vars(c, i, &k);
    size_t best = 0;
    for (int j = 0; j < k; j++) {
        const isn_phrase *p;
        size_t got = isn_phrases_match_from(ps, v[j].s, v[j].n, c->t, i, c->b, c->norm, &p);
        if (got > best) best = got, *hit = p;
    }
    return (uint32_t)best;
}

/* Pronoun suffixes, longest first; a remainder ending in ت was ة. */
static const char *const suffixes[] = {"\xd9\x87\xd9\x85\xd8\xa7", "\xd9\x87\xd9\x85", "\xd9\x87\xd8\xa7",
                                       "\xd9\x83\xd9\x85", "\xd9\x86\xd8\xa7", "\xd9\x87", NULL};
static const size_t suffix_len[] = {6, 4, 4, 4, 4, 2};

static const isn_phrase *lookup_suffixed(ctx *c, const isn_phrases *ps, uint32_t i) {
    if (!is_word(c, i) || c->t[i].norm_len < 8) return NULL; /* three letters and a suffix at least */
    /* every suffix ends in ه, ا or م: most words are passed over here */
    const unsigned char *end = (const unsigned char *)nrm(c, i) + c->t[i].norm_len - 2;
    if (!((end[0] == 0xD9 && (end[1] == 0x87 || end[1] == 0x85)) || (end[0] == 0xD8 && end[1] == 0xA7))) return NULL;
    int k;
    const variant *v = vars(c, i, &k);
    char buf[256];
    /* a final ة is not the pronoun ه, though both normalise to ه */
    int marbuta = c->t[i].end - c->t[i].start >= 2 && !memcmp(c->text + c->t[i].end - 2, "\xd8\xa9", 2);
    for (int j = 0; j < k; j++)
        for (int s = 0; suffixes[s]; s++) {
            if (marbuta && !suffixes[s + 1]) continue; /* the lone ه is the last suffix */
            size_t sl = suffix_len[s];
            if (v[j].n < sl + 4 || v[j].n - sl >= sizeof buf || memcmp(v[j].s + v[j].n - sl, suffixes[s], sl)) continue;
            size_t m = v[j].n - sl;
            memcpy(buf, v[j].s, m);
            const isn_phrase *p = isn_phrases_get(ps, buf, m);
            if (!p && m >= 2 && !memcmp(buf + m - 2, "\xd8\xaa", 2)) { /* ت -> ه (ة) */
                memcpy(buf + m - 2, "\xd9\x87", 2);
                p = isn_phrases_get(ps, buf, m);
            }
            if (p) return p;
        }
    return NULL;
}

/* A lexicon name at i: its length in tokens and entity index. Several rules
 * ask this of the same token, so the answer is kept with its variants. */
static uint32_t entity_at(ctx *c, uint32_t i, uint32_t *ent) {
    if (!is_word(c, i)) return 0;
    int k;
    vars(c, i, &k);
    vcache *e = &c->cache[i & 3];
    if (e->ent_n < 0) {
        const isn_phrase *hit = NULL;
        uint32_t n = lookupn(c, &c->lex->aliases, i, &hit);
        if (!n && (hit = lookup_suffixed(c, &c->lex->aliases, i))) n = 1;
        if (n && c->lex->ents.v[hit->value].type == 255) n = 0;
        e->ent_n = (int)n;
        e->ent = n ? (uint32_t)hit->value : ISN_NONE;
    }
    *ent = e->ent;
    return (uint32_t)e->ent_n;
}

/* ---- output ------------------------------------------------------------------ */

static uint32_t put(ctx *c, const char *s, size_t n) {
    uint32_t at = (uint32_t)c->w->pool.len;
    isn_buf_add(&c->w->pool, s, n);
    isn_buf_addc(&c->w->pool, 0);
    return at;
}

static uint32_t after_clitics(const ctx *c, uint32_t i, size_t stripped_bytes);

/* The name of a mention of tokens [i, end) whose first word was matched as
 * the normalised form `fw` (fwn bytes) of token i: its text without the
 * clitics the match went through. "بالمسؤولين الروس" is "المسؤولين الروس",
 * "والحكومة الليبية" "الحكومة الليبية", and "للحكومة" "الحكومة" (the alif
 * that لل swallowed comes back), so one actor's reports group together. */
static uint32_t name_past_clitics(ctx *c, uint32_t i, uint32_t end, const char *fw, size_t fwn) {
    size_t tn = c->t[i].norm_len, extra = tn > fwn ? tn - fwn : 0; /* و ف ب ل ك before the form */
    const char *w = nrm(c, i) + extra;
    uint32_t stop = c->t[end - 1].end, at = (uint32_t)c->w->pool.len;
    if (tn - extra == fwn && fwn > 4 && !memcmp(fw, AL_, 4) && !memcmp(w, L_ L_, 4)) { /* "للحكومة", "وللجيش" */
        uint32_t from = after_clitics(c, i, extra + 4);
        isn_buf_adds(&c->w->pool, AL_);
        isn_buf_add(&c->w->pool, c->text + from, stop - from);
        isn_buf_addc(&c->w->pool, 0);
        return at;
    }
    uint32_t from = extra ? after_clitics(c, i, extra) : c->t[i].start;
    return put(c, c->text + from, stop - from);
}

static uint32_t put_code(ctx *c, const char *country, const char *role) {
    char code[16];
    if (!country) return ISN_NONE;
    if (strlen(country) > 3 && !strncmp(country, "IGO", 3)) /* "المبعوث الأممي": the body's own code */
        snprintf(code, sizeof code, "%s", country);
    else
        snprintf(code, sizeof code, "%.3s%s", country, role ? role : "");
    return put(c, code, strlen(code));
}

static isn_ment *emit(ctx *c, uint32_t first, uint32_t last, int type, int rule, uint32_t ent) {
    isn_ment *m = ISN_VEC_PUSH(c->w->ments);
    if (!m) return NULL;
    m->start = c->t[first].start;
    m->end = c->t[last - 1].end;
    m->first = first;
    m->last = last;
    m->sentence = c->sentence;
    m->type = (uint8_t)type;
    m->rule = (uint8_t)rule;
    m->entity = ent;
    m->name = m->code = ISN_NONE;
    m->nominal = rule == ISN_MR_INSTITUTION || rule == ISN_MR_KINSHIP || (rule == ISN_MR_FORCES && ent == ISN_NONE);
    return m;
}

static void seen_person(ctx *c, uint32_t ent, uint32_t pos) {
    if (c->lex->ents.v[ent].type != ISN_ENT_PER) return;
    for (size_t i = 0; i < c->w->seen.n; i++)
        if (c->w->seen.v[i].entity == ent) { c->w->seen.v[i].count++; c->w->seen.v[i].last = pos; return; }
    isn_person_seen *s = ISN_VEC_PUSH(c->w->seen);
    if (s) s->entity = ent, s->count = 1, s->last = pos;
}

static uint32_t most_salient(const ctx *c, const char *t, size_t tn, int now) {
    uint32_t best = ISN_NONE, bc = 0, bl = 0;
    for (size_t i = 0; i < c->w->seen.n; i++) {
        const isn_person_seen *s = &c->w->seen.v[i];
        if (t && !isn_entity_has_title(c->lex, &c->lex->ents.v[s->entity], t, tn, now)) continue;
        if (s->count > bc || (s->count == bc && s->last > bl)) best = s->entity, bc = s->count, bl = s->last;
    }
    return best;
}

/* The person a bare title or description stands for: the most salient so
 * far among those whose current title it is ("العقيد" is Gaddafi, not the
 * field marshal who was a colonel once), else among all who ever bore it,
 * else (t NULL: "الرجل") among everyone. */
static uint32_t salient(const ctx *c, const char *t, size_t tn) {
    uint32_t who = t ? most_salient(c, t, tn, 1) : ISN_NONE;
    return who != ISN_NONE ? who : most_salient(c, t, tn, 0);
}

static const char *ent_code(const ctx *c, uint32_t ent) {
    return ent == ISN_NONE ? NULL : isn_ent_str(c->lex, c->lex->ents.v[ent].code);
}

/* ---- the rules ------------------------------------------------------------------ */

/* "نجل حفتر": kinship word + a person. */
static uint32_t rule_kinship(ctx *c, uint32_t i) {
    if (!lookup1(c, &c->lex->kinship, i)) return 0;
    uint32_t ent, tmp, n = entity_at(c, i + 1, &ent), whole = entity_at(c, i, &tmp);
    if (!n || c->lex->ents.v[ent].type != ISN_ENT_PER || whole >= 1 + n) return 0;
    isn_ment *m = emit(c, i, i + 1 + n, ISN_ENT_PER, ISN_MR_KINSHIP, ISN_NONE);
    if (m) {
        m->name = put(c, c->text + c->t[i].start, c->t[i + n].end - c->t[i].start);
        const char *code = ent_code(c, ent);
        m->code = code ? put_code(c, code, NULL) : ISN_NONE;
    }
    return 1 + n;
}

/* "قوات حفتر", "ميليشيات خليفة حفتر", "قوات بريطانية وفرنسية". */
static uint32_t rule_forces(ctx *c, uint32_t i) {
    const isn_phrase *fwp = lookup1(c, &c->lex->forces_words, i);
    if (!fwp) return 0;
    const char *fw = isn_phrase_text(&c->lex->forces_words, fwp);
    uint32_t ent, tmp, n = entity_at(c, i + 1, &ent), whole = entity_at(c, i, &tmp);
    if (whole && whole >= 1 + n) return 0; /* "جيش تستانيا الوطني" is a name */
    if (n) {
        const isn_entity *e = &c->lex->ents.v[ent];
        if (e->type != ISN_ENT_PER && e->kind != ISN_KIND_COUNTRY && e->forces == ISN_NONE) return 0;
        uint32_t target = e->forces;
        isn_ment *m = emit(c, i, i + 1 + n, ISN_ENT_ORG, ISN_MR_FORCES, target);
        if (m && target == ISN_NONE) {
            m->name = put(c, c->text + c->t[i].start, c->t[i + n].end - c->t[i].start);
            const char *code = ent_code(c, ent);
            m->code = code ? put_code(c, code, "MIL") : ISN_NONE;
        }
        if (e->type == ISN_ENT_PER) seen_person(c, ent, i + 1);
        return 1 + n;
    }
    const isn_phrase *nis = lookup1(c, &c->lex->nisbas, i + 1);
    if (!nis) return 0;
    isn_ment *m = emit(c, i, i + 2, ISN_ENT_ORG, ISN_MR_FORCES, ISN_NONE);
    if (m) {
        m->name = name_past_clitics(c, i, i + 2, fw, strlen(fw));
        m->code = put_code(c, ent_code(c, (uint32_t)nis->value), "MIL");
    }
    uint32_t j = i + 2; /* "وفرنسية": more nisbas joined by و */
    while ((nis = lookup1(c, &c->lex->nisbas, j)) && starts(nrm(c, j), c->t[j].norm_len, W_)) {
        m = emit(c, j, j + 1, ISN_ENT_ORG, ISN_MR_FORCES, ISN_NONE);
        if (m) {
            const char *nw = isn_phrase_text(&c->lex->nisbas, nis);
            m->name = name_past_clitics(c, j, j + 1, nw, strlen(nw));
            m->code = put_code(c, ent_code(c, (uint32_t)nis->value), "MIL");
        }
        j++;
    }
    return j - i;
}

static int given_name(const ctx *c, uint32_t i) {
    return isn_phrases_get(&c->lex->given_names, nrm(c, i), c->t[i].norm_len) != NULL;
}

/* Can token i be part of an unknown person's name? Without a dictionary of
 * names this is a guess, so it is a careful one: no function word, title,
 * nisba or known name; a name does not open with ال (عبد الله goes on with
 * it); and unless it is a known given name, a first word carries no glued
 * و/ف/ب/ل/ك and no pronoun suffix ("وحلفائه", "بيد" are not names). */
static int name_word(ctx *c, uint32_t i, int first) {
    uint32_t ent;
    if (!is_word(c, i) || c->t[i].kind != ISN_TOK_WORD || c->t[i].norm_len < 4) return 0;
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    if (isn_phrases_get(&c->lex->stop, w, n)) return 0;
    if (lookup1(c, &c->lex->nisbas, i) || lookup1(c, &c->lex->modifiers, i)) return 0;
    if (lookup1(c, &c->lex->forces_words, i) || lookup1(c, &c->lex->kinship, i)) return 0;
    const isn_phrase *hit;
    if (lookupn(c, &c->lex->titles, i, &hit) || lookupn(c, &c->lex->institutions, i, &hit)) return 0;
    if (entity_at(c, i, &ent)) return 0;
    if (!first || given_name(c, i)) return 1;
    if (starts(w, n, AL_)) return 0;
    if (starts(w, n, W_) || starts(w, n, F_) || starts(w, n, B_) || starts(w, n, L_) || starts(w, n, K_)) return 0;
    if (n > 6 && (!memcmp(w + n - 2, "\xd9\x87", 2) || !memcmp(w + n - 4, "\xd9\x87\xd8\xa7", 4) ||
                  !memcmp(w + n - 4, "\xd9\x87\xd9\x85", 4)))
        return 0; /* ه ها هم */
    return 1;
}

static int is_one_of(const ctx *c, uint32_t i, const char *const *words) {
    for (int k = 0; words[k]; k++)
        if (c->t[i].norm_len == strlen(words[k]) && !memcmp(nrm(c, i), words[k], strlen(words[k]))) return 1;
    return 0;
}

/* Where an unknown name starting at j ends (j itself: no name). Names in
 * news are short: a first name ("عبد السلام", "أبو بكر" count as one), then
 * at most two more words; a family name with ال ends the name; a word with a
 * glued و or ف starts something else; a third word follows only a given
 * name (father's name: "محمد حمدان دقلو"). */
static uint32_t name_end_from(ctx *c, uint32_t j, int first_ok) {
    static const char *const compound[] = {"عبد", "ابو", "ابي", "بن", NULL};
    if (!first_ok && !name_word(c, j, 1)) return j;
    uint32_t e = j + 1;
    if (e < c->b && is_one_of(c, j, compound) && starts(nrm(c, e), c->t[e].norm_len, AL_) && name_word(c, e, 0)) e++;
    static const char *const connector[] = {"بن", "ابن", "بنت", "ابو", "ولد", "ال", NULL};
    for (int more = 0; more < 2 && e < c->b; more++) {
        const char *w = nrm(c, e);
        size_t n = c->t[e].norm_len;
        if (is_one_of(c, e, connector)) { /* "محمد بن عمران": never ends a name */
            if (e + 1 >= c->b || !name_word(c, e + 1, 0)) break;
            e += 2;
            continue;
        }
        if (!name_word(c, e, 0) || starts(w, n, W_) || starts(w, n, F_)) break;
        if (more == 1 && !given_name(c, e - 1)) break;
        e++;
        if (starts(w, n, AL_)) break; /* a family name: the end */
    }
    /* a connector left at the end is not part of the name */
    while (e > j + 1 && is_one_of(c, e - 1, connector)) e--;
    return e;
}

static uint32_t name_end(ctx *c, uint32_t j) { return name_end_from(c, j, 0); }

/* ---- unknown persons by surname: a hash table per document, so a long
 * document with many names stays linear ------------------------------------ */

static uint64_t hash_str(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* The slot of surname s: where it is, or the empty slot where it would go. */
static size_t surname_slot(const isn_entity_work *w, const char *s, size_t n) {
    size_t i = hash_str(s, n) & (w->sn_cap - 1);
    for (;; i = (i + 1) & (w->sn_cap - 1)) {
        uint32_t k = w->sn_slots[i];
        if (k == ISN_NONE) return i;
        const char *t = w->pool.data + w->surnames.v[k].surname;
        if (strlen(t) == n && !memcmp(t, s, n)) return i;
    }
}

static int surnames_grow(isn_entity_work *w) {
    size_t cap = w->sn_cap ? w->sn_cap * 2 : 64;
    uint32_t *old = w->sn_slots;
    size_t oldcap = w->sn_cap;
    w->sn_slots = malloc(cap * sizeof *w->sn_slots);
    if (!w->sn_slots) { w->sn_slots = old; return -1; }
    memset(w->sn_slots, 0xFF, cap * sizeof *w->sn_slots);
    w->sn_cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i] != ISN_NONE) {
            const char *t = w->pool.data + w->surnames.v[old[i]].surname;
            w->sn_slots[surname_slot(w, t, strlen(t))] = old[i];
        }
    free(old);
    return 0;
}

/* Remembers an unknown person under the last word of the name; a later
 * person with the same surname takes it over (the latest is meant). */
static void register_surname(ctx *c, uint32_t first, uint32_t last, uint32_t name, uint32_t code) {
    isn_entity_work *w = c->w;
    if (last - first < 2) return;
    if ((w->surnames.n + 1) * 2 > w->sn_cap && surnames_grow(w)) return;
    const char *sn = nrm(c, last - 1);
    size_t n = c->t[last - 1].norm_len;
    size_t slot = surname_slot(w, sn, n);
    if (w->sn_slots[slot] != ISN_NONE) {
        isn_surname *s = &w->surnames.v[w->sn_slots[slot]];
        s->name = name, s->code = code;
        return;
    }
    isn_surname *s = ISN_VEC_PUSH(w->surnames);
    if (!s) return;
    s->surname = put(c, sn, n);
    s->name = name;
    s->code = code;
    w->sn_slots[slot] = (uint32_t)(w->surnames.n - 1);
}

static const isn_surname *find_surname(const ctx *c, const char *s, size_t n) {
    if (!c->w->surnames.n) return NULL;
    uint32_t k = c->w->sn_slots[surname_slot(c->w, s, n)];
    return k == ISN_NONE ? NULL : &c->w->surnames.v[k];
}

/* Two name words right before a title + nisba, not part of an earlier
 * mention: the first token of that name, or i when there is none. */
static uint32_t name_before(ctx *c, uint32_t i) {
    if (i < c->a + 2 || !name_word(c, i - 2, 1) || !name_word(c, i - 1, 0)) return i;
    const isn_ment *last = c->w->ments.n ? &c->w->ments.v[c->w->ments.n - 1] : NULL;
    if (last && last->sentence == c->sentence && last->last > i - 2) return i;
    return i - 2;
}

/* A title, then modifiers and nisbas, then a known name, an unknown name or
 * nothing (a description). */
static uint32_t rule_title(ctx *c, uint32_t i) {
    const isn_phrase *hit = NULL;
    uint32_t n = lookupn(c, &c->lex->titles, i, &hit), tmp;
    if (!n || entity_at(c, i, &tmp) >= n) return 0; /* "الملك محمد السادس" may be a name */
    const isn_role *role = &c->lex->roles.v[hit->value];
    /* the title without ال, to match the persons' titles */
    const char *tt = isn_phrase_text(&c->lex->titles, hit);
    size_t tl = hit->len;
    if (starts(tt, tl, AL_)) tt += 4, tl -= 4;
    uint32_t j = i + n, country = ISN_NONE, ent;
    int modified = 0;
    for (;;) {
        const isn_phrase *p;
        if ((p = lookup1(c, &c->lex->nisbas, j))) {
            if (country == ISN_NONE) country = (uint32_t)p->value;
            j++;
        } else if (lookup1(c, &c->lex->modifiers, j)) {
            modified = 1;
            j++;
        } else {
            break;
        }
    }
    uint32_t k = entity_at(c, j, &ent);
    /* a known person follows: the lexicon rule takes him; a known place or
     * organisation is not the title's bearer ("وزار المشير موسكو") */
    if (k && c->lex->ents.v[ent].type == ISN_ENT_PER) return j - i;
    if (k && j == i + n) k = 0;
    if (k) return j - i;
    uint32_t e = name_end(c, j);
    const char *ccode = ent_code(c, country);
    if (e > j) { /* an unknown person: the name is the mention, the title its context */
        isn_ment *m = emit(c, j, e, ISN_ENT_PER, ISN_MR_TITLE, ISN_NONE);
        if (!m) return e - i;
        m->name = put(c, c->text + c->t[j].start, c->t[e - 1].end - c->t[j].start);
        m->code = ccode ? put_code(c, ccode, role->role[0] ? role->role : NULL) : ISN_NONE;
        register_surname(c, j, e, m->name, m->code);
        return e - i;
    }
    if (ccode) { /* "الرئيس التشادي": a person described by role and country */
        uint32_t from = name_before(c, i);
        isn_ment *m = emit(c, from, from < i ? i : j, ISN_ENT_PER, ISN_MR_TITLE, ISN_NONE);
        if (m && from == i) m->nominal = 1;
        if (m && from < i) { /* "يوسف ميلمان الصحفي الإسرائيلي": the name before the title */
            m->name = put(c, c->text + c->t[from].start, c->t[i - 1].end - c->t[from].start);
            m->code = put_code(c, ccode, role->role[0] ? role->role : NULL);
            register_surname(c, from, i, m->name, m->code);
            return j - i;
        }
        if (m) {
            m->name = put(c, c->text + c->t[i].start, c->t[j - 1].end - c->t[i].start);
            m->code = put_code(c, ccode, role->role[0] ? role->role : NULL);
        }
        return j - i;
    }
    if (role->role[0] && strcmp(role->role, "MIL") && !modified) return j - i;
    uint32_t who = salient(c, tt, tl); /* "المشير", "اللواء المتقاعد" */
    if (who != ISN_NONE) {
        isn_ment *m = emit(c, i, j, ISN_ENT_PER, ISN_MR_COREF, who);
        if (m) m->nominal = 1;
        seen_person(c, who, i);
    }
    return j - i;
}

/* "الجيش الأمريكي", "الخارجية الأميركية", "وزير الدفاع الروسي". */
static uint32_t rule_institution(ctx *c, uint32_t i) {
    const isn_phrase *hit = NULL;
    uint32_t n = lookupn(c, &c->lex->institutions, i, &hit), tmp;
    if (!n || entity_at(c, i, &tmp) >= n) return 0;
    const isn_phrase *nis = lookup1(c, &c->lex->nisbas, i + n);
    if (!nis) return 0;
    const isn_role *role = &c->lex->roles.v[hit->value];
    isn_ment *m = emit(c, i, i + n + 1, role->type, ISN_MR_INSTITUTION, ISN_NONE);
    if (m) {
        const char *fw = isn_phrase_text(&c->lex->institutions, hit);
        m->name = name_past_clitics(c, i, i + n + 1, fw, strcspn(fw, " "));
        m->code = put_code(c, ent_code(c, (uint32_t)nis->value), role->role);
    }
    return n + 1;
}

/* "مسلحون", "المتظاهرون", "قوات الأمن": an actor named by what it is, with
 * its role as code (UAF, CVL, COP), or its country's before it when a nisba
 * follows ("مسلحون عراقيون" -> IRQUAF). Always nominal, entity null. */
static uint32_t rule_generic(ctx *c, uint32_t i) {
    const isn_phrase *hit = NULL;
    uint32_t n = lookupn(c, &c->lex->generic, i, &hit), tmp;
    if (!n || entity_at(c, i, &tmp) >= n) return 0;
    const isn_role *role = &c->lex->roles.v[hit->value];
    const isn_phrase *nis = lookup1(c, &c->lex->nisbas, i + n);
    uint32_t end = i + n + (nis ? 1 : 0);
    /* "جنود مرتزقة روس": another word of the kind in apposition, then the
     * nisba that says whose they are */
    if (!nis && (lookup1(c, &c->lex->forces_words, i + n) || lookup1(c, &c->lex->generic, i + n)) &&
        (nis = lookup1(c, &c->lex->nisbas, i + n + 1)))
        end = i + n + 2;
    isn_ment *m = emit(c, i, end, role->type, ISN_MR_GENERIC, ISN_NONE);
    if (m) {
        const char *fw = isn_phrase_text(&c->lex->generic, hit);
        m->name = name_past_clitics(c, i, end, fw, strcspn(fw, " "));
        m->code = nis ? put_code(c, ent_code(c, (uint32_t)nis->value), role->role) : put(c, role->role, 3);
        m->nominal = 1;
    }
    return end - i;
}

static uint32_t rule_lexicon(ctx *c, uint32_t i) {
    uint32_t ent, n = entity_at(c, i, &ent);
    if (!n) return 0;
    emit(c, i, i + n, c->lex->ents.v[ent].type, ISN_MR_LEXICON, ent);
    seen_person(c, ent, i);
    return n;
}

/* Where the word of token i starts once the clitics its normalised form lost
 * are skipped in the original: each stripped letter, with any marks after
 * it. "لحسين" -> the offset of "حسين". */
static uint32_t after_clitics(const ctx *c, uint32_t i, size_t stripped_bytes) {
    const unsigned char *s = (const unsigned char *)c->text;
    uint32_t p = c->t[i].start, end = c->t[i].end;
    for (size_t letters = stripped_bytes / 2; letters > 0 && p < end; letters--) {
        int k;
        isn_char tmp;
        p += (uint32_t)(isn_utf8_next(s + p, &k), k); /* the letter */
        while (p < end) { /* marks and tatweel after it */
            const isn_char *ci = isn_char_of(isn_utf8_next(s + p, &k), &tmp);
            if (ci->cls != ISN_CC_MARK && ci->cls != ISN_CC_INVISIBLE) break;
            p += (uint32_t)k;
        }
    }
    return p;
}

/* "ومحمد الحسيني": a given name of [name-starters] (clitics allowed) and at
 * least one more name word: a person the lexicon does not know. */
static uint32_t rule_name_start(ctx *c, uint32_t i) {
    const isn_phrase *starter = lookup1(c, &c->lex->name_starters, i);
    if (!starter || !name_word(c, i + 1, 0)) return 0;
    const char *w = nrm(c, i + 1);
    if (starts(w, c->t[i + 1].norm_len, W_) || starts(w, c->t[i + 1].norm_len, F_)) return 0;
    uint32_t e = name_end_from(c, i, 1);
    if (e < i + 2) return 0;
    /* a title and nisba right after the name give its code: "يوسف ميلمان
     * الصحفي الإسرائيلي" */
    uint32_t after = e, code = ISN_NONE;
    const isn_phrase *hit = NULL;
    uint32_t tn = lookupn(c, &c->lex->titles, e, &hit);
    const isn_phrase *nis = tn ? lookup1(c, &c->lex->nisbas, e + tn) : NULL;
    if (nis) {
        const isn_role *role = &c->lex->roles.v[hit->value];
        code = put_code(c, ent_code(c, (uint32_t)nis->value), role->role[0] ? role->role : NULL);
        after = e + tn + 1;
    }
    isn_ment *m = emit(c, i, e, ISN_ENT_PER, ISN_MR_NAME, ISN_NONE);
    if (m) {
        uint32_t from = after_clitics(c, i, c->t[i].norm_len - starter->len);
        m->name = put(c, c->text + from, c->t[e - 1].end - from);
        m->code = code;
        register_surname(c, i, e, m->name, code);
    }
    return after - i;
}

static uint32_t rule_description(ctx *c, uint32_t i) {
    if (!lookup1(c, &c->lex->descriptions, i) || name_word(c, i + 1, 1)) return 0;
    uint32_t who = salient(c, NULL, 0);
    if (who == ISN_NONE) return 0;
    isn_ment *m = emit(c, i, i + 1, ISN_ENT_PER, ISN_MR_COREF, who);
    if (m) m->nominal = 1;
    seen_person(c, who, i);
    return 1;
}

static uint32_t rule_surname(ctx *c, uint32_t i) {
    if (!is_word(c, i) || !c->w->surnames.n) return 0;
    int k;
    const variant *v = vars(c, i, &k);
    for (int j = 0; j < k; j++) {
        const isn_surname *s = find_surname(c, v[j].s, v[j].n);
        if (!s) continue;
        isn_ment *m = emit(c, i, i + 1, ISN_ENT_PER, ISN_MR_COREF, ISN_NONE);
        if (m) m->name = s->name, m->code = s->code;
        return 1;
    }
    return 0;
}

int isn_entities_run(const isn_entity_lex *lex, const char *text, const isn_token *toks,
                     const isn_sent *sents, size_t nsents, const char *norm, int flags,
                     isn_entity_work *w) {
    ISN_VEC_RESET(w->ments);
    ISN_VEC_RESET(w->seen);
    ISN_VEC_RESET(w->surnames);
    if (w->sn_cap > 4096) { /* one huge document must not slow the next small ones */
        free(w->sn_slots);
        w->sn_slots = NULL;
        w->sn_cap = 0;
    } else if (w->sn_cap) {
        memset(w->sn_slots, 0xFF, w->sn_cap * sizeof *w->sn_slots);
    }
    isn_buf_reset(&w->pool);
    ctx c = {lex, text, norm, toks, 0, 0, 0, w, {{0}}};
    for (int k = 0; k < 4; k++) c.cache[k].tok = UINT32_MAX;
    int full = !(flags & ISN_ENT_LEXICON_ONLY);
    for (size_t s = 0; s < nsents; s++) {
        c.a = sents[s].first;
        c.b = sents[s].last;
        c.sentence = (uint32_t)s;
        for (uint32_t i = c.a; i < c.b;) {
            uint32_t n = 0;
            if (is_word(&c, i)) {
                if (full) n = rule_kinship(&c, i);
                if (!n && full) n = rule_forces(&c, i);
                if (!n && full) n = rule_title(&c, i);
                if (!n && full) n = rule_institution(&c, i);
                if (!n) n = rule_lexicon(&c, i);
                if (!n && full) n = rule_name_start(&c, i);
                if (!n && full) n = rule_description(&c, i);
                if (!n && full) n = rule_generic(&c, i);
                if (!n && full) n = rule_surname(&c, i);
            }
            i += n ? n : 1;
            if (w->ments.oom || w->pool.oom) return ISN_ENOMEM;
        }
    }
    return ISN_OK;
}

void isn_entity_work_free(isn_entity_work *w) {
    ISN_VEC_FREE(w->ments);
    isn_buf_free(&w->pool);
    ISN_VEC_FREE(w->seen);
    ISN_VEC_FREE(w->surnames);
    free(w->sn_slots);
    isn_wordmemo_free(&w->sets);
}
