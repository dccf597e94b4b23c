/*
 * events.c -- coding events: a trigger, its source and target, its date and
 * place, the chain of sources that report it, and its modality.
 *
 * Each sentence is read in two passes over its tokens.
 *
 * 1. Frames. A reporting verb or phrase of data/events/frames.txt
 *    ("قال", "نقلت ... عن", "بحسب", "في مقابلة مع") names a source (the
 *    mention after it, or before it, or a source noun such as "مصادر") and
 *    opens a region: the rest of the sentence after its complementizer
 *    ("إن", "أن"), or the whole sentence for "بحسب X". A frame inside an
 *    earlier frame's region extends that frame's chain ("أوردت رويترز خبرا
 *    ذكرت فيه أن لوموند كشفت أن ..." gives [Reuters, Le Monde]); a frame with no subject of its own ("قالت فيه", "وأضاف
 *    الموقع أن") continues the chain before it, in this sentence or the one
 *    before. Denial verbs ("نفى") are frames too, and mark what they govern
 *    as denied.
 *
 * 2. Triggers. A form of data/events/triggers/ (with clitics stripped:
 *    "والتقاه", "بزيارة", "سيزور") gives a CAMEO code and a shape, and the
 *    shape says where the roles are:
 *      verb, light   subject before (SVO, within a few words) or after (VSO);
 *                    target in the slots: the object, or after a preposition
 *      passive       the subject is the target, the agent after "من قبل"
 *      noun          the genitive after it ("زيارة السيسي"), a preposition
 *      participle    the noun before it is the target, the agent after "من"
 *    Mentions joined by "و" fill a role together, one event per pair
 *    ("المدعومة من تركيا وقطر وإيطاليا" gives three).
 *
 * An event needs a source: a sentence with no actor yields nothing. Its date
 * is the time expression of the sentence nearest the trigger, else none (the
 * publication date is never put in silently); its place a place mention
 * after "في", "قرب", a glued "ب". Modality, first that applies: negated
 * ("لم" just before), denied (inside a denial frame), planned ("سوف",
 * "يعتزم", a future "س"), alleged ("يتردد" before it in the sentence),
 * reported (inside a frame), else asserted.
 *
 * This is a shallow reading, not a parse: it is right on the short clauses
 * of news prose and says nothing when unsure.
 */
#include "events.h"
#include "../core/error.h"

#include <string.h>

const char *const isn_modality_names[6] = {"asserted", "reported", "alleged", "denied", "negated", "planned"};

#define MAX_ROLE 8       /* mentions filling one role */
#define VSO_REACH 4      /* tokens after a verb where its subject may start */
#define SVO_REACH 3      /* tokens between a subject and its verb */
#define OBJ_REACH 10     /* tokens after a trigger where its target may be */

typedef struct frame {
    uint32_t first, last;        /* the frame's own tokens */
    uint32_t r0, r1;             /* its region */
    uint32_t chain, nchain;      /* in w->srcs: the whole chain, outermost first */
    uint8_t denial;
} frame;

struct fcache;

typedef struct ectx {
    const isn_event_lex *lex;
    struct fcache *fc;       /* the forms of the token last matched: c is const, its cache is not */
    const isn_entity_lex *elex;
    const char *text;        /* the original text: its vowel marks are gone from the normalised forms */
    const isn_token *t;
    const char *norm;
    const isn_ment *m;
    const isn_time_work *times;
    isn_event_work *w;
    uint32_t a, b, sentence;
    uint32_t pa, pb;         /* the sentence before: its tokens, empty for the first */
    frame frames[16];
    int nframes;
    uint32_t last_subject;   /* the subject last read in this sentence, for "وأعلن X ... واتهم Y" */
    int last_frame;          /* the frame whose source it is, or -1 when a trigger's */
} ectx;

/* ---- words ------------------------------------------------------------------- */

static const char *nrm(const ectx *c, uint32_t i) { return c->norm + c->t[i].norm; }

static int is(const ectx *c, uint32_t i, const char *s) {
    return i < c->b && c->t[i].norm_len == strlen(s) && !memcmp(nrm(c, i), s, strlen(s));
}

#define W_ "\xd9\x88"  /* و */
#define F_ "\xd9\x81"  /* ف */
#define B_ "\xd8\xa8"  /* ب */
#define L_ "\xd9\x84"  /* ل */
#define K_ "\xd9\x83"  /* ك */
#define S_ "\xd8\xb3"  /* س */
#define AL_ "\xd8\xa7\xd9\x84" /* ال */
#define MA_ "\xd9\x85\xd8\xa7" /* ما */
#define AN_ "\xd8\xb9\xd9\x86" /* عن */

/* Does s begin with the letter p (one Arabic letter, two bytes), with two
 * letters at least after it? */
static int starts(const char *s, size_t n, const char *p) { return n > 4 && s[0] == p[0] && s[1] == p[1]; }

/* A form of a word: a stripped copy, and what was taken off: FORM_FUTURE a
 * future س, FORM_PRONOUN an attached pronoun ("وأخبره": him). */
enum { FORM_FUTURE = 1, FORM_PRONOUN = 2 };
typedef struct form { char s[128]; size_t n; uint8_t future; } form;

/* The forms of the token last matched (match_forms). */
typedef struct fcache { uint32_t tok; int plain, k; form f[24]; } fcache;

static int add_form(form *f, int k, const char *s, size_t n, int future) {
    if (k >= 24 || n >= sizeof f[0].s) return k;
    memcpy(f[k].s, s, n);
    f[k].s[n] = 0;
    f[k].n = n;
    f[k].future = (uint8_t)future;
    return k + 1;
}

/* The word as written, then without proclitics (و ف, then ب ل ك or a future
 * س, then ال or the ل left of لل), then without a pronoun suffix (ه ها هم
 * هما هن ك كم نا ني; a noun's ت before it was its ة: "زيارته"). */
static int forms_of(const char *w, size_t n, form *out) {
    const char *pre[6];
    size_t pren[6];
    int fut[6], np = 0;
    for (int conj = 0; conj < 2; conj++) {
        const char *p = w;
        size_t m = n;
        if (conj) {
            if (!starts(p, m, W_) && !starts(p, m, F_)) continue;
            p += 2, m -= 2;
        }
        pre[np] = p, pren[np] = m, fut[np++] = 0;
        if (starts(p, m, B_) || starts(p, m, L_) || starts(p, m, K_)) {
            const char *q = p + 2;
            size_t r = m - 2;
            pre[np] = q, pren[np] = r, fut[np++] = 0;
            if (starts(q, r, L_) && np < 6) pre[np] = q + 2, pren[np] = r - 2, fut[np++] = 0; /* لل */
        } else if (starts(p, m, S_)) {
            pre[np] = p + 2, pren[np] = m - 2, fut[np++] = 1; /* سيزور */
        }
    }
    int k = 0;
    /* third-person pronouns only: news rarely says "you" or "us", and "هناك"
     * is not "هنأ" + ك */
    static const char *sufs[] = {"\xd9\x87\xd9\x85\xd8\xa7", "\xd9\x87\xd9\x85", "\xd9\x87\xd9\x86", "\xd9\x87\xd8\xa7",
                                 "\xd9\x87"};
    static const size_t sufl[] = {6, 4, 4, 4, 2}; /* their lengths in bytes */
    for (int i = 0; i < np; i++) {
        k = add_form(out, k, pre[i], pren[i], fut[i]);
        if (pren[i] > 4 && !memcmp(pre[i], AL_, 4)) k = add_form(out, k, pre[i] + 4, pren[i] - 4, fut[i]);
        if (pren[i] > 6 && !memcmp(pre[i] + pren[i] - 2, "\xd8\xa7", 2)) /* "هجوما", "دعما": the tanween alif */
            k = add_form(out, k, pre[i], pren[i] - 2, fut[i]);
        for (size_t s = 0; s < sizeof sufs / sizeof *sufs; s++) {
            size_t sl = sufl[s];
            if (pren[i] < sl + 4 || memcmp(pre[i] + pren[i] - sl, sufs[s], sl)) continue;
            size_t r = pren[i] - sl;
            k = add_form(out, k, pre[i], r, fut[i] | FORM_PRONOUN);
            if (r >= 4 && !memcmp(pre[i] + r - 2, "\xd8\xaa", 2)) { /* زيارت -> زياره */
                char buf[128];
                if (r < sizeof buf) {
                    memcpy(buf, pre[i], r - 2);
                    memcpy(buf + r - 2, "\xd9\x87", 2);
                    k = add_form(out, k, buf, r, fut[i] | FORM_PRONOUN);
                }
            }
            break;
        }
    }
    return k;
}

/* The word and, if it has one, without its glued و or ف: the only forms
 * a function word takes ("ولم", "فإن"; "كما" is not ك + "ما"). */
static int plain_forms(const char *w, size_t n, form *out) {
    int k = add_form(out, 0, w, n, 0);
    if (starts(w, n, W_) || starts(w, n, F_)) k = add_form(out, k, w + 2, n - 2, 0);
    return k;
}

/* The longest phrase of ps at token i, trying the forms of its first word
 * (only plain_forms when `plain`). Returns the tokens matched (0: none),
 * the phrase in *hit, *future. */
static uint32_t match_forms(const ectx *c, const isn_phrases *ps, uint32_t i, const isn_phrase **hit, int *future,
                            int plain) {
    if (i >= c->b || c->t[i].kind != ISN_TOK_WORD) return 0;
    fcache *fc = c->fc; /* frames, denials and triggers are matched at one token in turn: its forms once */
    if (fc->tok != i || fc->plain != plain) {
        fc->k = plain ? plain_forms(nrm(c, i), c->t[i].norm_len, fc->f) : forms_of(nrm(c, i), c->t[i].norm_len, fc->f);
        fc->tok = i, fc->plain = plain;
    }
    const form *f = fc->f;
    int k = fc->k;
    size_t best = 0;
    for (int j = 0; j < k; j++) {
        const isn_phrase *h = NULL;
        size_t got = isn_phrases_match_from(ps, f[j].s, f[j].n, c->t, i, c->b, c->norm, &h);
        if (got > best) {
            best = got, *hit = h;
            if (future) *future = f[j].future;
        }
    }
    return (uint32_t)best;
}

static uint32_t match_at(const ectx *c, const isn_phrases *ps, uint32_t i, const isn_phrase **hit, int *future) {
    return match_forms(c, ps, i, hit, future, 0);
}

/* Function words and cues: "إن", "في", "لم", "سوف", "يتردد", "عبر قناة".
 * Every token is looked up in the six sets at most once, the first time it is asked
 * about (the cue of a trigger is asked for again and again). */
enum { CUE_COMP, CUE_PLACE, CUE_NEG, CUE_PLAN, CUE_ALLEGED, CUE_CHANNEL, NCUES };

static uint32_t cue(const ectx *c, int which, uint32_t i) {
    if (i >= c->b) return 0;
    isn_cues *q = &c->w->cues.v[i];
    if (!q->done) {
        q->done = 1;
        form f[2];
        int k = plain_forms(nrm(c, i), c->t[i].norm_len, f), open = 0;
        for (int j = 0; j < k; j++) open |= isn_phrases_get(&c->lex->cue_openers, f[j].s, f[j].n) != NULL;
        const isn_phrases *sets[NCUES] = {&c->lex->complementizers, &c->lex->place_preps, &c->lex->negated,
                                          &c->lex->planned, &c->lex->alleged, &c->lex->channels};
        for (int s = 0; s < NCUES && open; s++) {
            const isn_phrase *h;
            q->len[s] = (uint8_t)match_forms(c, sets[s], i, &h, NULL, 1);
        }
    }
    return q->len[which];
}

static uint32_t subject_before(const ectx *c, uint32_t i, uint32_t floor);

/* A light-verb phrase with its subject inside it, as Arabic puts it:
 * "فرضت واشنطن عقوبات على", "قطعت ليبيا العلاقات مع": the verb at i, a
 * mention right after it, then the rest of the phrase. Returns the token
 * after the phrase (0: no such phrase), the phrase, and the subject. */
static uint32_t match_split(const ectx *c, uint32_t i, const isn_phrase **hit, int *future, uint32_t *subject) {
    uint32_t k = i + 1 < c->b ? c->w->ment_at.v[i + 1] : ISN_NONE;
    if (k == ISN_NONE || c->m[k].first != i + 1) return 0;
    if (subject_before(c, i, c->a) != ISN_NONE) return 0; /* "فاغنر زودت الدعم السريع بصواريخ": that is the object */
    uint32_t rest = c->m[k].last;
    isn_token seq[8]; /* the verb, then the words after the subject */
    size_t n = 1;
    seq[0] = c->t[i];
    for (uint32_t x = rest; x < c->b && n < 8; x++) seq[n++] = c->t[x];
    if (n < 2) return 0;
    form f[24];
    int nf = forms_of(nrm(c, i), c->t[i].norm_len, f);
    size_t best = 0;
    for (int j = 0; j < nf; j++) {
        const isn_phrase *h = NULL;
        size_t got = isn_phrases_match_from(&c->lex->forms, f[j].s, f[j].n, seq, 0, n, c->norm, &h);
        if (got > best && got >= 2) best = got, *hit = h, *future = f[j].future;
    }
    if (!best) return 0;
    *subject = k;
    return rest + (uint32_t)best - 1;
}

/* Can a trigger or a frame start at token i? Asked of every token, and
 * answered once per word (its forms are many lookups). */
static int may_open(const ectx *c, uint32_t i) {
    if (c->t[i].kind != ISN_TOK_WORD) return 0;
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    isn_wordmemo_key key;
    uint32_t open = 0;
    if (isn_wordmemo_get(&c->w->opens, w, n, &key, &open)) return (int)open;
    form f[24];
    int k = forms_of(w, n, f);
    for (int j = 0; j < k && !open; j++) open = isn_phrases_get(&c->lex->openers, f[j].s, f[j].n) != NULL;
    isn_wordmemo_put(&key, open);
    return (int)open;
}

/* Does the phrase set have a phrase ending right at token `end`, starting
 * at most `reach` tokens before it? ("لم" before a trigger.) */
static int cue_before(const ectx *c, int which, uint32_t end, uint32_t reach) {
    for (uint32_t k = 1; k <= reach && end >= c->a + k; k++) {
        uint32_t n = cue(c, which, end - k);
        if (n && end - k + n >= end - 1 && end - k + n <= end) return 1;
    }
    return 0;
}

/* ---- mentions ------------------------------------------------------------------ */

static uint32_t ment_at(const ectx *c, uint32_t i) { return i < c->b ? c->w->ment_at.v[i] : ISN_NONE; }

static int is_quote(const ectx *c, uint32_t i) {
    return c->t[i].kind == ISN_TOK_PUNCT && (is(c, i, "\"") || is(c, i, "'"));
}

/* The first mention that starts in [from, to). */
static uint32_t ment_from(const ectx *c, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to && i < c->b; i++) {
        uint32_t k = ment_at(c, i);
        if (k != ISN_NONE && c->m[k].first == i) return k;
        if (k != ISN_NONE) i = c->m[k].last - 1;
    }
    return ISN_NONE;
}

/* Is the one-letter preposition p glued to mention k ("لحفتر", "وبموسكو"),
 * rather than the name's own first letter ("بنغازي", "لبنان")? */
static int glued_letter(const ectx *c, uint32_t k, const char *p) {
    uint32_t f = c->m[k].first;
    const char *w = nrm(c, f);
    size_t n = c->t[f].norm_len;
    const isn_phrase *h;
    if (isn_phrases_match_from(&c->elex->aliases, w, n, c->t, f, c->b, c->norm, &h))
        return 0; /* "فلاديمير", "بنغازي": the word as written is the name */
    if (n > 4 && (!memcmp(w, W_, 2) || !memcmp(w, F_, 2))) w += 2, n -= 2; /* "وبموسكو" */
    if (n <= 6 || memcmp(w, p, 2)) return 0;
    return !isn_phrases_match_from(&c->elex->aliases, w, n, c->t, f, c->b, c->norm, &h);
}

/* Is mention k part of the medium something is said through, a few words
 * after "عبر قناة", "من خلال" ("من خلال قناة "العربية" السعودية": the
 * adjective names no actor)? */
static int in_channel(const ectx *c, uint32_t f) {
    for (uint32_t k = f, words = 0; k > c->a && words < 5;) {
        k--;
        if (ment_at(c, k) != ISN_NONE) return 0;
        if (c->t[k].kind == ISN_TOK_PUNCT && !is_quote(c, k)) return 0;
        if (cue(c, CUE_CHANNEL, k)) return 1; /* "عبر قناة العربية" may hold the name's first word */
        if (!is_quote(c, k)) words++;
    }
    return 0;
}

/* Is mention k the object of a preposition: one written before it ("في
 * موسكو"), or a one-letter one glued to it ("بروسيا", "لحفتر")? Such a
 * mention is never a subject. */
static int governed(const ectx *c, uint32_t k) {
    uint32_t f = c->m[k].first;
    if (f > c->a && ment_at(c, f - 1) == ISN_NONE) {
        for (size_t p = 0; p < c->lex->npreps; p++)
            if (is(c, f - 1, c->lex->preps[p])) return 1;
        if (cue(c, CUE_PLACE, f - 1)) return 1;
    }
    return glued_letter(c, k, B_) || glued_letter(c, k, L_) || glued_letter(c, k, K_) || in_channel(c, f);
}

/* The mention that ends closest before token i, within `reach` tokens. */
/* A preposition before a date: "في 4 أبريل", "منذ 2014". */
static int date_prep(const ectx *c, uint32_t t) {
    return t + 1 < c->b && c->w->in_time.v[t + 1] &&
           (cue(c, CUE_PLACE, t) || is(c, t, "\xd9\x85\xd9\x86\xd8\xb0"));
}

static uint32_t ment_before(const ectx *c, uint32_t i, uint32_t reach, uint32_t floor) {
    uint32_t words = 0;
    for (uint32_t t = i; t > floor && words <= reach;) {
        t--;
        uint32_t mi = ment_at(c, t);
        if (mi != ISN_NONE) return mi;
        /* "شنت قوات حفتر في 4 أبريل 2019 هجوما", "وتشن ميليشيات حفتر، منذ 4
         * أبريل، هجوما": a date, its preposition and its commas are passed over */
        if (c->w->in_time.v[t] || date_prep(c, t)) continue;
        if (is(c, t, ",") && ((t + 1 < i && (c->w->in_time.v[t + 1] || date_prep(c, t + 1))) ||
                              (t > floor && c->w->in_time.v[t - 1])))
            continue;
        if (is(c, t, "\"")) continue; /* "صحيفة “جيروزاليم بوست” العبرية كشفت" */
        if (c->t[t].kind == ISN_TOK_PUNCT) break; /* "بحسب X، زودت": not a subject */
        words++;
    }
    return ISN_NONE;
}

/* The subject before a verb: the closest mention within SVO_REACH tokens,
 * if no preposition governs it ("في موسكو وأجرى" has none). */
static uint32_t subject_before(const ectx *c, uint32_t i, uint32_t floor) {
    /* "حكومة الوفاق التي تعترف بها الأسرة الدولية": a relative clause whose
     * verb takes its antecedent back as a pronoun has a subject of its own */
    if (i > floor && c->lex->relatives.nheads && isn_phrases_get(&c->lex->relatives, nrm(c, i - 1), c->t[i - 1].norm_len) &&
        i + 1 < c->b && isn_phrases_get(&c->lex->resumptives, nrm(c, i + 1), c->t[i + 1].norm_len))
        return ISN_NONE;
    uint32_t k = ment_before(c, i, SVO_REACH, floor);
    return k != ISN_NONE && !governed(c, k) ? k : ISN_NONE;
}

/* The subject after a verb: the first mention within VSO_REACH tokens that
 * no preposition governs, before any complementizer. */
static uint32_t subject_after(const ectx *c, uint32_t j) {
    for (uint32_t i = j; i < j + VSO_REACH && i < c->b; i++) {
        if (cue(c, CUE_COMP, i)) return ISN_NONE;
        uint32_t k = ment_at(c, i);
        if (k == ISN_NONE) continue;
        /* "اشتبكت وحدات من الجيش": a group noun, then "من" and the actor */
        int partitive = i == j + 2 && is(c, i - 1, "\xd9\x85\xd9\x86") && ment_at(c, j) == ISN_NONE;
        if (c->m[k].first == i && (partitive || !governed(c, k))) return k;
        i = c->m[k].last - 1;
    }
    return ISN_NONE;
}

/* Mention k and those joined to it by "و" (or "،" ... "و"): "مصر وروسيا
 * والإمارات". Writes up to MAX_ROLE mention indexes; returns how many. */
static int with_conjuncts(const ectx *c, uint32_t k, uint32_t *out) {
    int n = 0;
    out[n++] = k;
    while (n < MAX_ROLE) {
        uint32_t j = c->m[k].last, next;
        if (is(c, j, W_) || is(c, j, ",")) { /* "و" or "،" written apart */
            next = ment_at(c, j + 1);
            if (next == ISN_NONE || c->m[next].first != j + 1) break;
        } else if (ment_at(c, j) == ISN_NONE && c->t[j].kind == ISN_TOK_WORD && c->t[j].norm_len > 4 &&
                   !memcmp(nrm(c, j), W_, 2) && (next = ment_at(c, j + 1)) != ISN_NONE && c->m[next].first == j + 1 &&
                   c->m[next].type == c->m[k].type) {
            /* "الرئيسان التركي رجب طيب أردوغان والروسي فلاديمير بوتين" */
        } else { /* a glued و: "وروسيا", not "واشنطن" */
            next = ment_at(c, j);
            if (next == ISN_NONE || c->m[next].first != j || c->t[j].norm_len <= 2 || memcmp(nrm(c, j), W_, 2)) break;
            const isn_phrase *h;
            if (isn_phrases_match_from(&c->elex->aliases, nrm(c, j), c->t[j].norm_len, c->t, j, c->b, c->norm, &h))
                break;
        }
        out[n++] = k = next;
    }
    return n;
}

/* The first mention in [from, to) governed by the preposition p: written
 * apart before it ("مع حفتر", "ومع حفتر"), or glued to it when it is one
 * letter ("لحفتر", "بالسلاح"). */
static uint32_t prep_object(const ectx *c, const char *p, uint32_t from, uint32_t to) {
    size_t pl = strlen(p);
    for (uint32_t i = from; i < to && i < c->b; i++) {
        uint32_t k = ment_at(c, i);
        if (k == ISN_NONE) {
            const char *w = nrm(c, i);
            size_t n = c->t[i].norm_len;
            if (n > 4 && (!memcmp(w, W_, 2) || !memcmp(w, F_, 2)) && n != pl + 2) w += 2, n -= 2;
            /* the preposition apart ("مع ..."), or one letter glued to a noun
             * before the actor ("بتصريحات السيسي", "بسيطرة قوات الوفاق") */
            int apart = is(c, i, p) || (n == pl && !memcmp(w, p, pl));
            int glued = pl == 2 && n > 6 && !memcmp(w, p, 2) && c->t[i].kind == ISN_TOK_WORD;
            if (!apart && !glued) continue;
            for (uint32_t x = i + 1; x <= i + 4 && x < c->b; x++) { /* "مع وزير الدفاع الروسي سيرغي شويغو" */
                if ((k = ment_at(c, x)) != ISN_NONE) return c->m[k].first == x ? k : ISN_NONE;
                if (c->t[x].kind != ISN_TOK_WORD) break;
            }
            continue;
        }
        if (c->m[k].first == i && pl == 2 && glued_letter(c, k, p)) return k;
        i = c->m[k].last - 1;
    }
    return ISN_NONE;
}

/* ---- frames --------------------------------------------------------------------- */

static int push_src(ectx *c, uint32_t ment, uint32_t start, uint32_t end) {
    isn_src *s = ISN_VEC_PUSH(c->w->srcs);
    if (!s) return -1;
    s->ment = ment, s->start = start, s->end = end;
    return 0;
}

/* The innermost frame whose region holds token i, or -1. */
static int frame_of(const ectx *c, uint32_t i) {
    int best = -1;
    for (int f = 0; f < c->nframes; f++)
        if (c->frames[f].r0 <= i && i < c->frames[f].r1 && (best < 0 || c->frames[f].r0 >= c->frames[best].r0)) best = f;
    return best;
}

/* A source noun at token i ("مصادر مطلعة"): its span with one word after. */
static int source_noun(const ectx *c, uint32_t i, uint32_t *start, uint32_t *end) {
    const isn_phrase *h;
    uint32_t n = match_at(c, &c->lex->source_nouns, i, &h, NULL);
    if (!n) return 0;
    uint32_t last = i + n - 1;
    if (last + 1 < c->b && c->t[last + 1].kind == ISN_TOK_WORD && ment_at(c, last + 1) == ISN_NONE &&
        !cue(c, CUE_COMP, last + 1))
        last++; /* "مصادر مطلعة" */
    *start = c->t[i].start, *end = c->t[last].end;
    return (int)(last + 1 - i);
}

static int push_chain(ectx *c, uint32_t chain, uint32_t n) {
    for (uint32_t k = 0; k < n; k++) {
        isn_src s = c->w->srcs.v[chain + k]; /* a copy: the push may move the vector */
        if (push_src(c, s.ment, s.start, s.end)) return -1;
    }
    return 0;
}

/* The subject of a frame verb after it, before any complementizer: a
 * mention or a source noun. "قالت فيه إن" has none. Returns the token after
 * it, or 0. */
static uint32_t frame_subject(ectx *c, uint32_t after, uint32_t *ment, uint32_t *s0, uint32_t *s1) {
    uint32_t reach = after + VSO_REACH;
    for (uint32_t k = after; k < reach && k < c->b; k++) {
        if (is_quote(c, k)) { reach++; continue; } /* "وكالة “نوفوستي”" */
        if (is(c, k, MA_)) return 0; /* "كذب ما أعلنه X": X said it, the denier is before */
        if (cue(c, CUE_COMP, k)) return 0;
        uint32_t mi = ment_at(c, k);
        if (mi != ISN_NONE) {
            *ment = mi;
            return c->m[mi].last;
        }
        int n = source_noun(c, k, s0, s1);
        if (n) return k + (uint32_t)n;
        if (c->t[k].kind != ISN_TOK_WORD) return 0;
    }
    return 0;
}

static void emit_events(ectx *c, uint32_t i, uint32_t j, uint32_t trig, const uint32_t *src, int ns,
                        const uint32_t *tgt, int nt, int future);

/* "كذّب الجيش ما أعلنه حفتر": what is denied is Y's statement. It becomes
 * an event of its own (code 010, source Y) with the denial's modality and
 * chain, so the record says who said it and who denies it. */
static uint32_t denied_statement(ectx *c, const frame *f, uint32_t after) {
    const isn_phrase *h;
    uint32_t n;
    if (c->lex->statement == UINT32_MAX || !is(c, after, MA_) ||
        !(n = match_at(c, &c->lex->report, after + 1, &h, NULL)))
        return 0;
    uint32_t k = ment_at(c, after + 1 + n);
    if (k == ISN_NONE || c->m[k].first != after + 1 + n) return 0;
    size_t before = c->w->events.n;
    emit_events(c, after + 1, after + 1 + n, c->lex->statement, &k, 1, NULL, 0, 0);
    for (size_t e = before; e < c->w->events.n; e++) { /* the verb sits outside the denial's region */
        c->w->events.v[e].modality = ISN_MOD_DENIED;
        c->w->events.v[e].chain = f->chain, c->w->events.v[e].nchain = f->nchain;
    }
    return c->m[k].last - after; /* "ما أعلنه حفتر" is read: no frame of its own */
}

/* Where a frame's region starts: after its complementizer or a colon within
 * a few words of `end`; c->b when there is none. */
static uint32_t region_start(const ectx *c, uint32_t end) {
    for (uint32_t k = end; k < end + 8 && k < c->b; k++)
        if (cue(c, CUE_COMP, k) || is(c, k, ":")) return k + 1;
    return c->b;
}

/* The first actor of tokens [a, b) that no preposition governs, searching
 * backwards from b when `last`, else forwards. */
static uint32_t free_actor(const ectx *c, uint32_t a, uint32_t b, int last) {
    for (uint32_t n = 0; n < b - a; n++) {
        uint32_t t = last ? b - 1 - n : a + n, k = ment_at(c, t);
        if (k == ISN_NONE) continue;
        if ((c->m[k].type == ISN_ENT_PER || c->m[k].type == ISN_ENT_ORG) && !governed(c, k)) return k;
        n += (c->m[k].last - c->m[k].first) - 1; /* past the rest of it */
    }
    return ISN_NONE;
}

/* The subject a verb leaves unsaid, as Arabic does when the actor is known:
 * "أول ظهور حفتر كان ... ليعلن", "اُستبعد الجنرال حفتر ... حتى ظهر فجأة
 * ... يعلن". It is the nearest person or body before the verb in its
 * sentence that no preposition governs, else the first of the sentence
 * before. */
static uint32_t dropped_subject(const ectx *c, uint32_t i) {
    uint32_t k = free_actor(c, c->a, i, 1);
    if (k != ISN_NONE || c->pb <= c->pa) return k;
    ectx before = *c;
    before.a = c->pa, before.b = c->pb;
    return free_actor(&before, before.a, before.b, 0);
}

/* "أعلن حفتر في بيان مسجل عن تجميد عمل البرلمان": a reporting verb with
 * no complementizer, whose "عن" within a few words brings what it
 * announces, is a statement of its own (code 010). The subject is the
 * frame's own (`own`: a mention, or a source noun that makes no event),
 * else the one the verb leaves unsaid. An outlet that reveals something
 * reports; it makes no statement. */
static void announcement(ectx *c, uint32_t i, uint32_t n, uint32_t end, int own, uint32_t src) {
    if (c->lex->statement == UINT32_MAX || region_start(c, end) != c->b || (own && src == ISN_NONE)) return;
    uint32_t k = end;
    while (k < end + 6 && k + 1 < c->b && c->t[k].kind == ISN_TOK_WORD && ment_at(c, k) == ISN_NONE &&
           !is(c, k, AN_))
        k++;
    if (!is(c, k, AN_) || c->t[k + 1].kind != ISN_TOK_WORD || ment_at(c, k + 1) != ISN_NONE) return;
    if (src == ISN_NONE) src = dropped_subject(c, i);
    if (src == ISN_NONE || (c->m[src].entity != ISN_NONE && c->elex->ents.v[c->m[src].entity].kind == ISN_KIND_MEDIA)) return;
    emit_events(c, i, i + n, c->lex->statement, &src, 1, NULL, 0, 0);
}

/* Reads the frame at tokens [i, i+n) of kind `kind`; returns the tokens the
 * scan may skip. */
static uint32_t read_frame(ectx *c, uint32_t i, uint32_t n, int kind, int denial) {
    if (c->nframes == (int)(sizeof c->frames / sizeof *c->frames)) return n;
    frame *f = &c->frames[c->nframes];
    memset(f, 0, sizeof *f);
    f->first = i, f->last = i + n, f->denial = (uint8_t)denial;
    uint32_t after = i + n, src = ISN_NONE, s0 = 0, s1 = 0;
    /* "تقارير عن", "أنباء حول": the noun is the (unnamed) source itself */
    uint32_t end = kind == ISN_FRAME_NOUN ? (s0 = c->t[i].start, s1 = c->t[i].end, after)
                                          : frame_subject(c, after, &src, &s0, &s1);
    int own = end != 0;
    if (!own && (kind == ISN_FRAME_VERB || kind == ISN_FRAME_FROM) && !is(c, after, "\xd9\x81\xd9\x8a\xd9\x87") &&
        (src = ment_before(c, i, SVO_REACH, c->a)) != ISN_NONE) {
        if (governed(c, src)) src = ISN_NONE; /* "عبر قناة العربية السعودية يعلن" */
        else own = 1; /* "صحيفة لوموند كشفت أن" */
    }
    if (!end) end = after;
    int outer = frame_of(c, i);
    size_t start = c->w->srcs.n;
    if (own && src != ISN_NONE) c->last_subject = src, c->last_frame = c->nframes;
    if (own) { /* the chain it sits in, then its own source(s) */
        if (outer >= 0) push_chain(c, c->frames[outer].chain, c->frames[outer].nchain);
        push_src(c, src, src != ISN_NONE ? c->t[c->m[src].first].start : s0,
                 src != ISN_NONE ? c->t[c->m[src].last - 1].end : s1);
        if (kind == ISN_FRAME_FROM && is(c, end, AN_)) { /* "... عن Y" */
            uint32_t y = ISN_NONE, y0 = 0, y1 = 0, e2 = frame_subject(c, end + 1, &y, &y0, &y1);
            if (e2) {
                push_src(c, y, y != ISN_NONE ? c->t[c->m[y].first].start : y0,
                         y != ISN_NONE ? c->t[c->m[y].last - 1].end : y1);
                end = e2;
            }
        }
    } else if (c->nframes) { /* "قالت فيه إن": the frame before goes on */
        const frame *prev = &c->frames[c->nframes - 1];
        push_chain(c, prev->chain, prev->nchain);
    } else if (c->w->last_chain.n) { /* "وأضاف الموقع أن": so does the last sentence's */
        for (size_t k = 0; k < c->w->last_chain.n; k++)
            push_src(c, c->w->last_chain.v[k].ment, c->w->last_chain.v[k].start, c->w->last_chain.v[k].end);
    }
    f->chain = (uint32_t)start, f->nchain = (uint32_t)(c->w->srcs.n - start);
    if (kind == ISN_FRAME_VERB && !denial) announcement(c, i, n, end, own, src);
    if (!f->nchain) return n; /* no source at all: not a frame */
    /* its region: after the complementizer ("قال X إن ..."), or the whole
     * sentence for "بحسب X"; with neither, the verb is an act ("أعلن السراج
     * النفير العام"), not a report, and the region is empty, though its
     * source may go on into the next sentence */
    f->r1 = c->b;
    f->r0 = kind == ISN_FRAME_PREP || kind == ISN_FRAME_INTERVIEW ? c->a : kind == ISN_FRAME_NOUN ? after : region_start(c, end);
    c->nframes++;
    uint32_t said = 0, at = after; /* "كذّب ما أعلنه X" or "كذّبت الوزارة ما أعلنه X" */
    if (denial && !(said = denied_statement(c, f, at = after)) && end > after) said = denied_statement(c, f, at = end);
    if (said) return at + said - i;
    return (kind == ISN_FRAME_PREP || kind == ISN_FRAME_INTERVIEW) ? end - i : n;
}

/* The noun a participle describes: the mention just before it, past a
 * comma or a parenthesis ("خليفة حفتر (يمين الصورة) المدعوم من مصر"). */
static uint32_t head_before(const ectx *c, uint32_t i, uint32_t floor) {
    uint32_t k = i;
    if (k > floor && is(c, k - 1, ",")) k--;
    if (k > floor && is(c, k - 1, ")"))
        for (uint32_t back = 1; back <= 12 && k - back > floor; back++)
            if (is(c, k - back - 1, "(")) { k -= back + 1; break; }
    return ment_before(c, k, 1, floor);
}

/* ---- roles ------------------------------------------------------------------------ */

/* The genitive after a trigger: the mention right after it, or after a
 * quantifier or two ("تدريب بعض ميليشيات حفتر", "دعم كل القوات"), not one
 * a preposition governs. */
static uint32_t genitive_after(const ectx *c, uint32_t j) {
    for (uint32_t x = j; x < j + 3 && x < c->b; x++) {
        uint32_t k = ment_at(c, x);
        if (k != ISN_NONE) return c->m[k].first == x && !governed(c, k) ? k : ISN_NONE;
        if (c->t[x].kind != ISN_TOK_WORD || cue(c, CUE_COMP, x) || cue(c, CUE_PLACE, x)) return ISN_NONE;
        int prep = 0;
        for (size_t p = 0; p < c->lex->npreps && !prep; p++) prep = is(c, x, c->lex->preps[p]);
        if (prep) return ISN_NONE;
    }
    return ISN_NONE;
}

/* Is token i inside a time expression of the sentence? */
static int in_time(const ectx *c, uint32_t i) { return c->w->in_time.v[i]; }

/* The direct object after a verb: the first mention no preposition governs,
 * past commas, a date and prepositional phrases ("التقى، الأسبوع الماضي، في
 * موسكو وزير الدفاع سيرغي شويغو"), up to OBJ_REACH words of them, and
 * never past a complementizer. */
static uint32_t object_after(const ectx *c, uint32_t from) {
    for (uint32_t i = from, words = 0; i < c->b && words < OBJ_REACH; i++) {
        if (c->t[i].kind == ISN_TOK_PUNCT) {
            if (is(c, i, ",") || is(c, i, "\"")) continue;
            return ISN_NONE;
        }
        if (cue(c, CUE_COMP, i)) return ISN_NONE;
        uint32_t k = ment_at(c, i);
        if (k != ISN_NONE) { /* right after the trigger, a preposition is the trigger's own ("اتصل ب") */
            if (c->m[k].first == i && (i == from || !governed(c, k) || (i > from && glued_letter(c, k, L_)))) return k;
            i = c->m[k].last - 1;
            continue;
        }
        if (!in_time(c, i)) words++;
    }
    return ISN_NONE;
}

/* The target of a trigger at [i, j) through its slots; the subject, when
 * already found after the trigger, is skipped for the object slot. */
static uint32_t slot_target(const ectx *c, const isn_trigger *tr, uint32_t j, uint32_t subj_end, int want_source) {
    uint32_t reach = j + OBJ_REACH;
    for (int s = 0; s < tr->nslots; s++) {
        const isn_ev_slot *sl = &tr->slots[s];
        if (sl->source != want_source) continue;
        uint32_t k = ISN_NONE;
        if (sl->marker == ISN_SLOT_OBJ) {
            k = object_after(c, subj_end > j ? subj_end : j);
        } else if (sl->marker == ISN_SLOT_GEN) {
            k = genitive_after(c, j);
        } else if (sl->marker == ISN_SLOT_HEAD) {
            continue; /* read by the caller: the noun before a participle */
        } else {
            const char *p = c->lex->preps[sl->prep];
            if (!strcmp(p, "\xd9\x85\xd9\x86") && is(c, j, "\xd9\x85\xd9\x86") && is(c, j + 1, "\xd9\x82\xd8\xa8\xd9\x84"))
                k = ment_from(c, j + 2, j + 3); /* "من قبل" */
            else
                k = prep_object(c, p, j, reach);
        }
        if (k != ISN_NONE) return k;
    }
    return ISN_NONE;
}

static int has_slot(const isn_trigger *tr, int marker, int source) {
    for (int s = 0; s < tr->nslots; s++)
        if (tr->slots[s].marker == marker && tr->slots[s].source == source) return 1;
    return 0;
}

/* ---- emitting ---------------------------------------------------------------------- */

static uint32_t nearest_time(const ectx *c, uint32_t i) {
    uint32_t best = ISN_NONE, dist = UINT32_MAX;
    for (size_t k = 0; k < c->times->times.n; k++) {
        const isn_tx *x = &c->times->times.v[k];
        if (x->sentence != c->sentence) continue;
        uint32_t d = x->t0 > i ? x->t0 - i : i - x->t1;
        if (d < dist) dist = d, best = (uint32_t)k;
    }
    return best;
}

static uint32_t nearest_place(const ectx *c, uint32_t i, uint32_t not1, uint32_t not2) {
    uint32_t best = ISN_NONE, dist = UINT32_MAX;
    for (uint32_t k = c->a; k < c->b; k++) {
        uint32_t mi = ment_at(c, k);
        if (mi == ISN_NONE || c->m[mi].first != k || mi == not1 || mi == not2 || c->m[mi].type != ISN_ENT_LOC) continue;
        int glued_b = c->t[k].norm_len > 4 && !memcmp(nrm(c, k), B_, 2);
        int before = k > c->a && ment_at(c, k - 1) == ISN_NONE && cue_before(c, CUE_PLACE, k, 2);
        if (!glued_b && !before) continue;
        uint32_t d = k > i ? k - i : i - k;
        if (d < dist) dist = d, best = mi;
    }
    return best;
}

#define RUMOUR_REACH 12 /* "يتردد أن X ... زود" governs a clause, not the whole sentence */

static int modality(const ectx *c, uint32_t i, int future, int fr) {
    if (cue_before(c, CUE_NEG, i, 3)) return ISN_MOD_NEGATED;
    if (fr >= 0 && c->frames[fr].denial) return ISN_MOD_DENIED;
    if ((future & FORM_FUTURE) || cue_before(c, CUE_PLAN, i, 3)) return ISN_MOD_PLANNED;
    uint32_t from = i > c->a + RUMOUR_REACH ? i - RUMOUR_REACH : c->a;
    for (uint32_t k = from; k < i; k++)
        if (cue(c, CUE_ALLEGED, k)) return ISN_MOD_ALLEGED;
    return fr >= 0 ? ISN_MOD_REPORTED : ISN_MOD_ASSERTED;
}

static int same_entity(const ectx *c, uint32_t a, uint32_t b) {
    return a == b || (c->m[a].entity != ISN_NONE && c->m[a].entity == c->m[b].entity);
}

/* Can mention k be an event's source? Persons and organisations can, and
 * of places only states and the capitals that stand for them ("مصر" and
 * "أنقرة" act, "صلالة" hosts nothing). */
static int can_act(const ectx *c, uint32_t k) {
    const isn_ment *m = &c->m[k];
    if (m->type == ISN_ENT_PER || m->type == ISN_ENT_ORG) return 1;
    if (m->type != ISN_ENT_LOC || m->entity == ISN_NONE) return 0;
    int kind = c->elex->ents.v[m->entity].kind;
    return kind == ISN_KIND_COUNTRY || kind == ISN_KIND_CAPITAL;
}

static void emit_events(ectx *c, uint32_t i, uint32_t j, uint32_t trig, const uint32_t *src, int ns,
                        const uint32_t *tgt, int nt, int future) {
    int fr = frame_of(c, i);
    int mod = modality(c, i, future, fr);
    uint32_t time = nearest_time(c, i);
    for (int s = 0; s < ns; s++)
        for (int t = 0; t < (nt ? nt : 1) && can_act(c, src[s]); t++) {
            uint32_t target = nt ? tgt[t] : ISN_NONE;
            if (target != ISN_NONE && same_entity(c, src[s], target)) continue;
            isn_ev *e = ISN_VEC_PUSH(c->w->events);
            if (!e) return;
            e->sentence = c->sentence;
            e->trig_start = c->t[i].start, e->trig_end = c->t[j - 1].end;
            e->trigger = trig;
            e->source = src[s], e->target = target;
            e->time = time;
            e->place = nearest_place(c, i, src[s], target);
            e->modality = (uint8_t)mod;
            e->chain = fr >= 0 ? c->frames[fr].chain : 0;
            e->nchain = fr >= 0 ? c->frames[fr].nchain : 0;
        }
}

/* Does a noun or a light phrase at token i follow a glued preposition of
 * its own ("طالبت ... بفتح تحقيق", "ونددت ... بتصريحات السيسي")? Then it
 * completes another predicate (the demand, the condemnation) and is no
 * event of its own. The letter may belong to the form ("بحث"): not then. */
static int complement(const ectx *c, uint32_t i) {
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    if (n > 4 && (!memcmp(w, W_, 2) || !memcmp(w, F_, 2))) w += 2, n -= 2;
    if (n <= 6 || (memcmp(w, B_, 2) && memcmp(w, L_, 2))) return 0;
    return !isn_phrases_get(&c->lex->openers, w, n);
}

/* "بين X وY" within a few words after a trigger: both are its targets. */
static int between_targets(const ectx *c, uint32_t j, uint32_t *out) {
    for (uint32_t x = j; x < j + 4 && x + 1 < c->b; x++) {
        if (is(c, x, "\xd8\xa8\xd9\x8a\xd9\x86")) { /* بين */
            uint32_t k = ment_at(c, x + 1);
            return k != ISN_NONE && c->m[k].first == x + 1 ? with_conjuncts(c, k, out) : 0;
        }
        if (c->t[x].kind != ISN_TOK_WORD || ment_at(c, x) != ISN_NONE) return 0;
    }
    return 0;
}

/* Does the writer mark token i as a passive perfect with a damma on its
 * stem ("استُقبل", "قُتل")? Unvocalised, it reads as the active verb. An
 * imperfect's damma ("يُدرب") marks no passive. */
static int marked_passive(const ectx *c, uint32_t i) {
    const char *w = nrm(c, i);
    size_t n = c->t[i].norm_len;
    if (n > 4 && (!memcmp(w, W_, 2) || !memcmp(w, F_, 2))) w += 2, n -= 2;
    if (n < 2 || !memcmp(w, "\xd9\x8a", 2) || !memcmp(w, "\xd8\xaa", 2) || !memcmp(w, "\xd9\x86", 2))
        return 0; /* ي ت ن: an imperfect */
    const unsigned char *p = (const unsigned char *)c->text + c->t[i].start, *e = (const unsigned char *)c->text + c->t[i].end;
    for (int letters = 0; p + 1 < e && letters < 5; p += 2) { /* a glued و and four letters */
        if (p[0] == 0xD9 && p[1] == 0x8F) return 1; /* U+064F damma */
        if (!(p[0] == 0xD9 && p[1] >= 0x8B && p[1] <= 0x92)) letters++;
    }
    return 0;
}

/* The roles of the trigger at tokens [i, j), then its events. */
static void read_trigger(ectx *c, uint32_t i, uint32_t j, uint32_t trig, int future, size_t first_event,
                         uint32_t subject) {
    const isn_trigger *tr = &c->lex->triggers.v[trig];
    if (tr->shape != ISN_SHAPE_VERB && tr->shape != ISN_SHAPE_PASSIVE && complement(c, i)) return;
    uint32_t src[MAX_ROLE], tgt[MAX_ROLE];
    int ns = 0, nt = 0;
    uint32_t k = ISN_NONE, subj_end = j;
    int fr = frame_of(c, i);
    uint32_t floor = fr >= 0 ? c->frames[fr].r0 : c->a;
    /* a verb glued to "و" after an event of the same sentence shares its
     * subject: what follows it is its object */
    int conjoined = (c->t[i].norm_len > 2 && (!memcmp(nrm(c, i), W_, 2) || !memcmp(nrm(c, i), F_, 2))) ||
                    (i > c->a && is(c, i - 1, "\xd8\xab\xd9\x85")); /* "ثم التقى" */
    if (tr->shape == ISN_SHAPE_VERB || tr->shape == ISN_SHAPE_LIGHT || tr->shape == ISN_SHAPE_PASSIVE) {
        int passive = tr->shape == ISN_SHAPE_PASSIVE || (tr->shape == ISN_SHAPE_VERB && marked_passive(c, i));
        if (subject != ISN_NONE) {
            k = subject; /* inside the phrase: "فرضت واشنطن عقوبات" */
        } else if (conjoined && c->w->events.n > first_event && c->w->events.v[c->w->events.n - 1].sentence == c->sentence) {
            k = c->w->events.v[c->w->events.n - 1].source; /* "زار حفتر موسكو والتقى شويغو": the same subject */
        } else if (conjoined && c->last_subject != ISN_NONE && c->m[c->last_subject].last <= i &&
                   !(c->last_frame >= 0 && c->last_frame < c->nframes && c->frames[c->last_frame].r0 <= i &&
                     i < c->frames[c->last_frame].r1)) {
            /* (not inside what that subject's frame reports: "تقول الوكالة إن ظهور حفتر ... وسيطرته") */
            k = c->last_subject; /* "أعلن السراج النفير العام واتهم حفتر": the subject of the verb before */
        } else if ((k = subject_before(c, i, floor)) == ISN_NONE && (k = subject_after(c, j)) != ISN_NONE) {
            subj_end = c->m[k].last;
            /* "حاول حفتر ... وزار موسكو": a verb joined by "و" with a place
             * right after it and an actor before it in the sentence goes
             * to that place; the actor is the subject it leaves unsaid */
            uint32_t actor;
            if (conjoined && !passive && c->m[k].first == j && c->m[k].type == ISN_ENT_LOC && has_slot(tr, ISN_SLOT_OBJ, 0) &&
                (actor = free_actor(c, floor, i, 1)) != ISN_NONE)
                k = actor, subj_end = j;
        }
        if (k != ISN_NONE) {
            int n = with_conjuncts(c, k, passive ? tgt : src);
            if (passive) nt = n;
            else ns = n;
            uint32_t last = c->m[(passive ? tgt : src)[n - 1]].last; /* the object comes after them all */
            if (subj_end > j && last > subj_end) subj_end = last;
        }
        uint32_t o = slot_target(c, tr, j, subj_end, passive);
        if (o != ISN_NONE && passive) ns = with_conjuncts(c, o, src);
        else if (o != ISN_NONE) nt = with_conjuncts(c, o, tgt);
    } else if (tr->shape == ISN_SHAPE_PARTICIPLE) {
        if (has_slot(tr, ISN_SLOT_HEAD, 0) && (k = head_before(c, i, floor)) != ISN_NONE) tgt[nt++] = k;
        uint32_t s = slot_target(c, tr, j, j, 1);
        if (s != ISN_NONE) ns = with_conjuncts(c, s, src);
        if (!nt && (k = slot_target(c, tr, j, j, 0)) != ISN_NONE) nt = with_conjuncts(c, k, tgt);
    } else { /* a noun: "زيارة السيسي لموسكو", "هجوم قوات حفتر على طرابلس" */
        uint32_t gen = ment_from(c, j, j + 1), t = ISN_NONE;
        if (gen != ISN_NONE && governed(c, gen)) gen = ISN_NONE; /* "دعم عسكري لقوات حفتر": not a genitive */
        for (int s = 0; s < tr->nslots; s++)
            if (!tr->slots[s].source && tr->slots[s].marker == ISN_SLOT_PREP &&
                (t = prep_object(c, c->lex->preps[tr->slots[s].prep], gen != ISN_NONE ? c->m[gen].last : j, j + OBJ_REACH)) != ISN_NONE)
                break;
        if (gen != ISN_NONE && has_slot(tr, ISN_SLOT_GEN, 1) && (t != ISN_NONE || !has_slot(tr, ISN_SLOT_GEN, 0))) {
            ns = with_conjuncts(c, gen, src);
        } else if (gen != ISN_NONE && has_slot(tr, ISN_SLOT_GEN, 0)) {
            t = gen;
        }
        if (t != ISN_NONE) nt = with_conjuncts(c, t, tgt);
        /* "شنت قوات حفتر هجوما": an indefinite accusative noun (its tanween
         * alif) is the object of a verb whose subject is just before it */
        const char *w = nrm(c, i);
        size_t wl = c->t[i].norm_len;
        int accusative = wl > 6 && !memcmp(w + wl - 2, "\xd8\xa7", 2);
        if (!ns && accusative && (k = subject_before(c, i, floor)) != ISN_NONE && (nt == 0 || !same_entity(c, k, tgt[0])))
            ns = with_conjuncts(c, k, src);
    }
    if (ns && !nt) nt = between_targets(c, j, tgt); /* "توسطت أنقرة بين الدبيبة وباشاغا" */
    /* "وأخبره": a verb's attached pronoun is its object; when nothing else
     * is, it is the one the event before in the sentence was done to */
    if (ns && !nt && (future & FORM_PRONOUN) && tr->shape == ISN_SHAPE_VERB && has_slot(tr, ISN_SLOT_OBJ, 0) &&
        c->w->events.n > first_event && c->w->events.v[c->w->events.n - 1].sentence == c->sentence) {
        const isn_ev *prev = &c->w->events.v[c->w->events.n - 1];
        uint32_t him = prev->target != ISN_NONE && !same_entity(c, prev->target, src[0]) ? prev->target
                       : !same_entity(c, prev->source, src[0])                          ? prev->source
                                                                                         : ISN_NONE;
        if (him != ISN_NONE) tgt[nt++] = him;
    }
    if (ns) c->last_subject = src[0], c->last_frame = -1;
    if (ns) emit_events(c, i, j, trig, src, ns, tgt, nt, future);
}

/* ---- the stage ------------------------------------------------------------------- */

static int mark_mentions(isn_event_work *w, const isn_entity_work *ents, size_t ntoks) {
    ISN_VEC_RESET(w->ment_at);
    if (ISN_VEC_RESIZE(w->ment_at, ntoks)) return ISN_ENOMEM;
    for (size_t i = 0; i < ntoks; i++) w->ment_at.v[i] = ISN_NONE;
    for (size_t k = 0; k < ents->ments.n; k++)
        for (uint32_t i = ents->ments.v[k].first; i < ents->ments.v[k].last && i < ntoks; i++)
            w->ment_at.v[i] = (uint32_t)k;
    return ISN_OK;
}

/* Tokens of time expressions are no triggers: "أوت" is August, not "آوت"
 * (gave shelter). */
static int mark_times(isn_event_work *w, const isn_time_work *times, size_t ntoks) {
    ISN_VEC_RESET(w->in_time);
    if (ISN_VEC_RESIZE(w->in_time, ntoks)) return ISN_ENOMEM;
    if (ntoks) memset(w->in_time.v, 0, ntoks); /* an empty document may have no array at all */
    for (size_t k = 0; k < times->times.n; k++)
        for (uint32_t i = times->times.v[k].t0; i < times->times.v[k].t1 && i < ntoks; i++) w->in_time.v[i] = 1;
    return ISN_OK;
}

/* Puts src at the head of the chain of every event of sentence `prev`
 * (events [.., upto) of the document). */
static void prepend_source(ectx *c, isn_src src, uint32_t prev, size_t upto) {
    for (size_t e = upto; e-- > 0 && c->w->events.v[e].sentence == prev;) {
        isn_ev *ev = &c->w->events.v[e];
        uint32_t start = (uint32_t)c->w->srcs.n;
        if (push_src(c, src.ment, src.start, src.end) || push_chain(c, ev->chain, ev->nchain)) return;
        ev = &c->w->events.v[e];
        ev->chain = start, ev->nchain++;
        if (ev->modality == ISN_MOD_ASSERTED) ev->modality = ISN_MOD_REPORTED;
    }
}

static void read_sentence(ectx *c) {
    c->nframes = 0;
    c->last_subject = ISN_NONE;
    c->last_frame = -1;
    size_t sentence_first_event = c->w->events.n;
    for (uint32_t i = c->a; i < c->b;) {
        uint32_t mk = ment_at(c, i);
        if (mk != ISN_NONE) { i = c->m[mk].last; continue; }
        if (c->w->in_time.v[i] || !may_open(c, i)) { i++; continue; }
        const isn_phrase *h = NULL;
        int future = 0;
        uint32_t n;
        if ((n = match_at(c, &c->lex->report, i, &h, NULL))) {
            i += h->value == ISN_FRAME_ASIDE ? n : read_frame(c, i, n, h->value, 0); /* "ويذكر أن": the writer's */
            continue;
        }
        if ((n = match_at(c, &c->lex->denied, i, &h, NULL))) { i += read_frame(c, i, n, ISN_FRAME_VERB, 1); continue; }
        n = match_at(c, &c->lex->forms, i, &h, &future);
        const isn_phrase *h2 = NULL;
        int future2 = 0;
        uint32_t subj = ISN_NONE, end = i + n, split = match_split(c, i, &h2, &future2, &subj);
        if (split > end) end = split, h = h2, future = future2; /* "قطعت ليبيا العلاقات" */
        else subj = ISN_NONE;
        if (end > i) read_trigger(c, i, end, (uint32_t)h->value, future, sentence_first_event, subj);
        i = end > i ? end : i + 1;
    }
    /* "حسب وكالة نوفستي." alone after a sentence: the events before are
     * told by it, so it becomes the outermost source of their chains */
    if (c->nframes == 1 && c->w->events.n == sentence_first_event && c->frames[0].r0 == c->a &&
        c->frames[0].nchain == 1 && c->sentence > 0)
        prepend_source(c, c->w->srcs.v[c->frames[0].chain], c->sentence - 1, sentence_first_event);
    /* the last frame's chain goes on into the next sentence ("وأضاف الموقع أن") */
    ISN_VEC_RESET(c->w->last_chain);
    if (c->nframes) {
        const frame *f = &c->frames[c->nframes - 1];
        for (uint32_t k = 0; k < f->nchain; k++) {
            isn_src *s = ISN_VEC_PUSH(c->w->last_chain);
            if (s) *s = c->w->srcs.v[f->chain + k];
        }
    }
}

int isn_events_run(const isn_event_lex *lex, const isn_entity_lex *elex, const char *text, const isn_token *toks,
                   size_t ntoks, const isn_sent *sents, size_t nsents, isn_span title, const char *norm,
                   const isn_entity_work *ents, const isn_time_work *times, isn_event_work *w) {
    ISN_VEC_RESET(w->events);
    ISN_VEC_RESET(w->srcs);
    ISN_VEC_RESET(w->last_chain);
    if (!lex->triggers.n) return ISN_OK;
    if (mark_mentions(w, ents, ntoks) || mark_times(w, times, ntoks)) return ISN_ENOMEM;
    ISN_VEC_RESET(w->cues);
    if (ISN_VEC_RESIZE(w->cues, ntoks)) return ISN_ENOMEM;
    if (ntoks) memset(w->cues.v, 0, ntoks * sizeof *w->cues.v);
    fcache fc = {.tok = UINT32_MAX};
    ectx c = {.lex = lex, .fc = &fc, .elex = elex, .text = text, .t = toks, .norm = norm, .m = ents->ments.v,
              .times = times, .w = w};
    for (size_t s = 0; s < nsents; s++) {
        c.a = sents[s].first, c.b = sents[s].last, c.sentence = (uint32_t)s;
        c.pa = s ? sents[s - 1].first : 0, c.pb = s ? sents[s - 1].last : 0;
        if (title.end > title.start && sents[s].start >= title.start && sents[s].end <= title.end)
            continue; /* the headline restates the story the body tells */
        read_sentence(&c);
        if (w->events.oom || w->srcs.oom || w->last_chain.oom) return ISN_ENOMEM;
    }
    return ISN_OK;
}

void isn_event_work_free(isn_event_work *w) {
    ISN_VEC_FREE(w->events);
    ISN_VEC_FREE(w->srcs);
    ISN_VEC_FREE(w->ment_at);
    ISN_VEC_FREE(w->in_time);
    ISN_VEC_FREE(w->cues);
    ISN_VEC_FREE(w->last_chain);
    isn_wordmemo_free(&w->opens);
}
