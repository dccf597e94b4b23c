/*
 * isnad.h -- the public interface of libisnad.
 *
 * libisnad turns news articles (Arabic first) into sourced records: the
 * document, its sentences, and -- in later stages -- entity mentions, time
 * expressions and coded events, each tied to a byte span of the ORIGINAL
 * text. The contract for the records is docs/records.md (mirrors the shared
 * spec, version ISN_RECORDS_VERSION).
 *
 * The pipeline is a straight line, and so is this API:
 *
 *     isn_engine   loaded once: data files (lexicons) compiled into fast,
 *                  read-only structures; safe to share between threads.
 *     isn_reader   walks the inputs (files, directories, stdin; plain text
 *                  or JSON Lines) and yields one isn_input at a time.
 *     isn_doc      a reusable per-thread workspace: isn_doc_process() runs
 *                  clean -> text -> entities -> time -> (later: events) on one
 *                  input; accessors and renderers read the result, which
 *                  stays valid until the next isn_doc_process().
 *
 * Conventions (after libuv): every public name starts with isn_; handles are
 * opaque, created by isn_X_new() and released by isn_X_free(); functions that
 * can fail return an isn_status (0 or a negative code) and fill an isn_error
 * with a message naming the file, line and byte offset. The library never
 * calls exit() and never prints.
 */
#ifndef ISNAD_H
#define ISNAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ISN_VERSION "0.1.0"
#define ISN_RECORDS_VERSION 1

/* ---- errors ------------------------------------------------------------ */

typedef enum isn_status {
    ISN_OK = 0,
    ISN_ENOMEM = -1,   /* out of memory */
    ISN_EIO = -2,      /* a file could not be opened or read */
    ISN_EUTF8 = -3,    /* the text is not valid UTF-8 */
    ISN_ENUL = -4,     /* the text contains a NUL byte */
    ISN_EJSON = -5,    /* a JSON Lines record is malformed */
    ISN_EFORMAT = -6,  /* an input format isnad does not read (yet) */
    ISN_EINVAL = -7,   /* a bad argument */
    ISN_EDATA = -8,    /* a data file (lexicon) has a bad line */
    ISN_ETOOBIG = -9,  /* a document larger than isnad can address (4 GiB) */
    ISN_EDB = -10      /* a database that is not isnad's, or of a newer schema: left untouched */
} isn_status;

#define ISN_NO_OFFSET UINT64_MAX

/* Where and why something failed. `line` is 0 when lines do not apply,
 * `offset` is ISN_NO_OFFSET when no byte position applies. */
typedef struct isn_error {
    int code;
    char file[512];
    uint64_t line;
    uint64_t offset;
    char msg[256];
} isn_error;

/* A short English description of a status code. */
const char *isn_strerror(int code);

/* Formats an error as "FILE:LINE: byte N: message" (parts that do not apply
 * are left out). Returns the length written, like snprintf. */
int isn_error_format(const isn_error *err, char *buf, size_t size);

/* ---- text normalisation (for matching; never changes what is reported) -- */

/* Normalises UTF-8 text for matching: tashkeel and tatweel removed,
 * zero-width and direction marks dropped, alef forms -> ا, ى -> ي, ة -> ه,
 * Arabic-Indic and Persian digits -> ASCII, Arabic punctuation and
 * typographic quotes unified, Latin letters lower-cased. Writes at most
 * 3*len+1 bytes to `out` (NUL-terminated). When `offsets` is not NULL it
 * receives, for every output byte, the offset in `text` of the character it
 * came from. Returns the output length. The input must be valid UTF-8. */
size_t isn_normalize(const char *text, size_t len, char *out, uint32_t *offsets);

/* ---- the engine: data files, loaded once -------------------------------- */

typedef struct isn_engine isn_engine;

typedef struct isn_config {
    const char *data_dir; /* folder with the data files; NULL: the built-in
                             default (ISNAD_DATA env var, else the install
                             location chosen at build time) */
} isn_config;

int isn_engine_new(isn_engine **out, const isn_config *cfg, isn_error *err);
void isn_engine_free(isn_engine *eng);
/* The folder the engine loaded its data from. */
const char *isn_engine_data_dir(const isn_engine *eng);
/* The id of the entity that `name` names: an id ("lby.haftar") or any of its
 * names as written ("حفتر", "خليفة حفتر"); NULL when none does. */
const char *isn_engine_resolve(const isn_engine *eng, const char *name);
/* Data file lines that were skipped because they are malformed, as
 * "FILE:LINE: message" strings; the rest of each file still loaded. */
size_t isn_engine_warning_count(const isn_engine *eng);
const char *isn_engine_warning(const isn_engine *eng, size_t i);

/* ---- inputs -------------------------------------------------------------- */

/* One document to process. The strings are owned by whoever produced the
 * input (the reader keeps them valid until its next call). `text` is the
 * original article text; all offsets in the output refer to it. */
typedef struct isn_input {
    const char *id;        /* document id: JSONL `id`, else the path */
    const char *text;      /* original text, valid UTF-8, no NUL bytes */
    size_t len;
    const char *url;       /* metadata, or NULL */
    const char *title;
    const char *date;      /* publication date as given, or NULL */
    const char *meta_json; /* other JSONL fields as a JSON object, or NULL */
    const char *file;      /* where it came from ("-" for stdin) */
    uint64_t line;         /* JSONL line number, 0 for whole files */
} isn_input;

typedef enum isn_format {
    ISN_FORMAT_AUTO = 0, /* by file name: .jsonl/.ndjson, .html/.htm, else text;
                            standard input is sniffed */
    ISN_FORMAT_TEXT,
    ISN_FORMAT_JSONL
} isn_format;

typedef struct isn_reader isn_reader;

int isn_reader_new(isn_reader **out, isn_format format);
void isn_reader_free(isn_reader *r);

/* Adds a path: a file, a directory (read recursively, files in byte order
 * of their names, hidden entries skipped) or "-" for standard input.
 * Fails (ISN_EIO) only when the path itself cannot be examined. */
int isn_reader_add(isn_reader *r, const char *path, isn_error *err);

/* Yields the next document into *in. Returns 1 when a document was produced,
 * 0 at the end, or a negative status when one input was rejected (bad
 * UTF-8, NUL byte, unreadable file, malformed JSONL line, unsupported
 * format): `err` says which and where, and the next call goes on with the
 * following input. A file's bytes are validated before it is yielded. */
int isn_reader_next(isn_reader *r, isn_input *in, isn_error *err);

/* Validates that text is UTF-8 without NUL bytes. On failure fills err
 * (offset = first bad byte) and returns ISN_EUTF8 or ISN_ENUL. */
int isn_validate_text(const char *text, size_t len, isn_error *err);

/* ---- processing ------------------------------------------------------------ */

typedef struct isn_doc isn_doc;

/* Options for one run of the pipeline; zero-initialise for the defaults. */
typedef struct isn_options {
    const char *default_date; /* YYYY-MM-DD used when the input has none */
    int lexicon_only;         /* entities: names of the lexicon only, no patterns
                                 or coreference (the evaluation baseline) */
    int no_clean;             /* skip boilerplate, title and dateline detection
                                 (for evaluation corpora, which are clean text) */
    int until;                /* the last stage to run (isn_stage); 0: all of them */
} isn_options;

/* The stages, in pipeline order, for isn_options.until: what comes after
 * the one named is not run, and its records are empty. For measuring a
 * stage (make bench), or for mentions alone. */
typedef enum isn_stage {
    ISN_STAGE_ALL = 0,
    ISN_STAGE_READ,     /* the input only: nothing is processed */
    ISN_STAGE_CLEAN,    /* boilerplate, title, dateline */
    ISN_STAGE_TEXT,     /* normalise, tokenise, segment */
    ISN_STAGE_ENTITIES,
    ISN_STAGE_TIME,
    ISN_STAGE_EVENTS
} isn_stage;

int isn_doc_new(isn_doc **out, const isn_engine *eng);
void isn_doc_free(isn_doc *doc);

/* Runs the pipeline on one input. The results stay valid until the next
 * call on the same doc. The input's strings must stay valid as long. */
int isn_doc_process(isn_doc *doc, const isn_input *in, const isn_options *opt,
                    isn_error *err);

typedef struct isn_span {
    uint32_t start, end; /* byte offsets into the original text, [start,end) */
} isn_span;

/* Why a span was judged boilerplate. */
typedef enum isn_removed_kind {
    ISN_RM_AD = 0,       /* ad markers, "[ads2]" */
    ISN_RM_COMMENTS,     /* a reader-comment section to the end of the text */
    ISN_RM_WIDGET,       /* like/share widgets */
    ISN_RM_COUNTER,      /* view counters, "336 مشاهدة" */
    ISN_RM_READMORE,     /* "اقرأ أيضا" and related-article lines */
    ISN_RM_SPAMTRAP,     /* form spam-trap notes */
    ISN_RM_DUPTITLE,     /* the headline repeated right below itself */
    ISN_RM_KIND_COUNT
} isn_removed_kind;

const char *isn_removed_kind_name(isn_removed_kind k);

const char *isn_doc_id(const isn_doc *doc);
const char *isn_doc_title(const isn_doc *doc);  /* NULL when none */
const char *isn_doc_date(const isn_doc *doc);   /* YYYY-MM-DD or NULL */
/* Where the date came from: "metadata", "text", "default" or NULL. */
const char *isn_doc_date_origin(const isn_doc *doc);
const char *isn_doc_outlet(const isn_doc *doc); /* NULL when none */
size_t isn_doc_bytes(const isn_doc *doc);

size_t isn_doc_sentence_count(const isn_doc *doc);
isn_span isn_doc_sentence(const isn_doc *doc, size_t i);

size_t isn_doc_removed_count(const isn_doc *doc);
isn_span isn_doc_removed(const isn_doc *doc, size_t i, isn_removed_kind *kind);

/* Tokens of the kept text, in order (see docs/text.md). */
typedef enum isn_token_kind {
    ISN_TOK_WORD = 0, /* a word in Arabic script */
    ISN_TOK_LATIN,    /* a word in another script (Latin, ...) */
    ISN_TOK_NUMBER,   /* digits, with glued clitic / era letter, "و2019م" */
    ISN_TOK_PUNCT,
    ISN_TOK_URL,
    ISN_TOK_EMAIL,
    ISN_TOK_HASHTAG,
    ISN_TOK_HANDLE,   /* @name */
    ISN_TOK_KIND_COUNT
} isn_token_kind;

typedef struct isn_token {
    uint32_t start, end;   /* span in the original text */
    uint32_t norm;         /* offset of the normalised form in isn_doc_norm() */
    uint32_t norm_len;     /* its length in bytes (the form is also NUL-terminated) */
    uint8_t kind;          /* isn_token_kind */
    uint8_t flags;         /* ISN_TF_* */
    uint8_t pre;           /* NUMBER: bytes of a glued prefix ("و", "ال") in the normalised form */
    uint8_t suf;           /* NUMBER: bytes of a glued era letter ("م", "ه") in the normalised form */
} isn_token;

#define ISN_TF_PARA     0x01 /* the first token after a line break */
#define ISN_TF_ERA_AD   0x02 /* number with a Gregorian era letter: 2015م */
#define ISN_TF_ERA_AH   0x04 /* number with a Hijri era letter: 1441هـ */
#define ISN_TF_DECIMAL  0x08 /* number with a decimal or date separator inside */

size_t isn_doc_token_count(const isn_doc *doc);
const isn_token *isn_doc_tokens(const isn_doc *doc);
/* The buffer the tokens' normalised forms live in (NUL-separated). */
const char *isn_doc_norm(const isn_doc *doc);
/* First token of sentence i; tokens of i are [first(i), first(i+1)). */
size_t isn_doc_sentence_first_token(const isn_doc *doc, size_t i);

/* Entity mentions (docs/records.md, kind "mention"). */
typedef enum isn_entity_type { ISN_ENT_PER = 0, ISN_ENT_ORG, ISN_ENT_LOC, ISN_ENT_MISC } isn_entity_type;

/* How a mention was found. */
typedef enum isn_mention_rule {
    ISN_MR_LEXICON = 0, /* a name of the lexicon */
    ISN_MR_FORCES,      /* "قوات X", "ميليشيات X": X's armed forces */
    ISN_MR_INSTITUTION, /* "الجيش الأمريكي": an institution with a nisba */
    ISN_MR_TITLE,       /* a title or role with a name or a nisba: an unknown person */
    ISN_MR_KINSHIP,     /* "نجل حفتر": a relative, another person */
    ISN_MR_COREF,       /* "المشير", "الرجل", a surname: linked to a person named before */
    ISN_MR_NAME,        /* a given name and more name words: an unknown person */
    ISN_MR_GENERIC,     /* "مسلحون", "المتظاهرون": an actor named by what it is */
    ISN_MR_COUNT
} isn_mention_rule;

typedef struct isn_mention {
    isn_span span;          /* the surface text, clitics included */
    uint32_t sentence;
    uint8_t type;           /* isn_entity_type */
    uint8_t rule;           /* isn_mention_rule */
    uint8_t nominal;        /* a description, not a name: "الرئيس التشادي",
                               "المشير", "الجيش الأمريكي", "قوات روسية" */
    const char *entity;     /* lexicon id, or NULL */
    const char *name;       /* canonical Arabic name */
    const char *code;       /* CAMEO-style actor code, or NULL */
} isn_mention;

const char *isn_entity_type_name(int type);
const char *isn_mention_rule_name(int rule);
size_t isn_doc_mention_count(const isn_doc *doc);
/* Fills *out with mention i; its strings stay valid until the next process
 * call. Returns 0, or -1 when i is out of range. */
int isn_doc_mention(const isn_doc *doc, size_t i, isn_mention *out);

/* Time expressions (docs/records.md, kind "time"; values: docs/time.md). */
typedef struct isn_time {
    isn_span span;
    uint32_t sentence;
    const char *value;      /* TIMEX3-style: 2014-02-14, 1987-03, 2015, 197X, 2017/2019, XXXX-04-04 */
    const char *mod;        /* "START", "MID", "END" or "" */
    const char *hijri;      /* a Hijri date as written ("1441-09-15", "1441-09", "1441"), else "" */
    uint8_t anchored;       /* resolved against the publication date */
    uint8_t mismatch;       /* paired month names disagree; the first was used */
} isn_time;

size_t isn_doc_time_count(const isn_doc *doc);
int isn_doc_time(const isn_doc *doc, size_t i, isn_time *out);

/* Events (docs/records.md, kind "event"; docs/events.md). Roles, date and
 * place are indexes for isn_doc_mention and isn_doc_time, ISN_NO_INDEX when
 * there is none. */
#define ISN_NO_INDEX ((size_t)-1)

typedef enum isn_modality {
    ISN_ASSERTED, ISN_REPORTED, ISN_ALLEGED, ISN_DENIED, ISN_NEGATED, ISN_PLANNED
} isn_modality;

typedef struct isn_event {
    isn_span span;          /* the evidence sentence */
    uint32_t sentence;
    isn_span trigger;       /* the word(s) that signal it */
    const char *code;       /* CAMEO code, "043"; the root is its first two digits */
    const char *label;      /* the code's English label */
    const char *plover;     /* the PLOVER event type of the code */
    size_t source, target;  /* mention indexes; target ISN_NO_INDEX when none */
    size_t time, place;     /* a time index and a mention index, or ISN_NO_INDEX */
    isn_modality modality;
    size_t nattribution;    /* sources of the claim, outermost first: isn_doc_event_source */
    char id[48];            /* stable id: "e<sentence>.<trigger byte offset>.<rank among that trigger's events>" */
} isn_event;

/* A source in an event's attribution: a mention, or words that name no
 * entity ("مصادر مطلعة"): mention ISN_NO_INDEX and the span of the words. */
typedef struct isn_claim_source {
    isn_span span;
    size_t mention;
} isn_claim_source;

size_t isn_doc_event_count(const isn_doc *doc);
int isn_doc_event(const isn_doc *doc, size_t i, isn_event *out);
int isn_doc_event_source(const isn_doc *doc, size_t i, size_t k, isn_claim_source *out);
const char *isn_modality_name(isn_modality m);

/* ---- the corpus database (docs/schema.md) ------------------------------------ */

/* An SQLite database of documents and their records. Opening creates it, or
 * checks that it is isnad's and of a schema this isnad knows (ISN_EDB if not,
 * and then it is left untouched). Writes go inside begin/commit. Opened
 * ISN_STORE_READONLY (for queries), it must exist, is never written, and
 * may sit on read-only media; otherwise a database that cannot be written
 * (a read-only file or file system) fails with ISN_EIO before anything is
 * done. A write that fails (a full disk) fails its transaction: roll it
 * back, and what was committed before stays. */
typedef struct isn_store isn_store;

#define ISN_STORE_READONLY 1

typedef enum isn_store_result {
    ISN_STORE_ADDED,      /* a new document */
    ISN_STORE_REPLACED,   /* a document of that id with other content: its old records are gone */
    ISN_STORE_UNCHANGED   /* the same document again: nothing written */
} isn_store_result;

int isn_store_open(isn_store **out, const char *path, int flags, isn_error *err);
void isn_store_close(isn_store *s);
int isn_store_begin(isn_store *s, isn_error *err);
int isn_store_commit(isn_store *s, isn_error *err);
void isn_store_rollback(isn_store *s);
/* Stores a processed document and all its records. */
int isn_store_put(isn_store *s, const isn_doc *doc, isn_store_result *result, isn_error *err);

/* Events of the database, filtered; a NULL field does not filter. Actors
 * are entity ids (isn_engine_resolve) or canonical names. `code` is a code
 * or its prefix ("07", "072"); `from` and `to` compare with the event's
 * date value, "2019" taking in all of 2019. `outlet` is the document's
 * outlet or any source of the claim. */
typedef struct isn_event_filter {
    const char *actor, *source, *target, *code, *from, *to, *modality, *outlet;
} isn_event_filter;

typedef struct isn_event_row {
    long long id;
    const char *doc, *outlet, *date, *source, *source_code, *code, *label, *target, *target_code, *modality;
    const char *sources;    /* the attribution, outermost first, joined by " > "; NULL when asserted */
    const char *evidence;   /* the sentence */
    const char *place, *url, *ingested;
    int sentence;
} isn_event_row;

typedef int (*isn_event_row_fn)(void *ctx, const isn_event_row *row);
/* Calls fn for each event, in date order; stops when fn returns non-zero. */
int isn_store_query_events(isn_store *s, const isn_event_filter *f, isn_event_row_fn fn, void *ctx, isn_error *err);

/* Stories: events with the same source, target and CAMEO root whose dates
 * overlap, told by one report or many (the same filters as events). */
typedef struct isn_story {
    const char *source, *source_name, *target, *target_name; /* ids (or names), and names; target may be NULL */
    const char *root, *label;        /* the root, and the label of its first report's code */
    const char *from, *to;           /* the dates the reports cover, ISO days; NULL when undated */
    int reports, documents, outlets; /* outlets: distinct, a document with none counting as its own */
    const char *contested;           /* "denied" (one report denies what another states), "dates" (days differ), or NULL */
} isn_story;

typedef int (*isn_story_fn)(void *ctx, const isn_story *story);
int isn_store_query_stories(isn_store *s, const isn_event_filter *f, isn_story_fn fn, void *ctx, isn_error *err);

/* The actor network: one edge per source, target and root, with its number
 * of events and its outlets (comma-separated, distinct). */
typedef struct isn_edge {
    const char *source, *source_name, *source_code, *target, *target_name, *target_code, *root;
    int count;
    const char *outlets;
} isn_edge;

typedef int (*isn_edge_fn)(void *ctx, const isn_edge *edge);
int isn_store_query_edges(isn_store *s, const isn_event_filter *f, isn_edge_fn fn, void *ctx, isn_error *err);

/* Full-text search over the stored sentences, normalised as the text layer
 * normalises and with proclitics set aside ("حفتر" finds "لحفتر"); all the
 * query's words must be in a sentence. Best first; `marked` is the
 * sentence as written with each hit between `open` and `close`. */
typedef struct isn_search_hit {
    const char *doc;
    int sentence;
    const char *marked;
    double rank;            /* FTS5 bm25: lower is better */
} isn_search_hit;

typedef int (*isn_search_fn)(void *ctx, const isn_search_hit *hit);
int isn_store_search(isn_store *s, const char *query, int limit, const char *open, const char *close,
                     isn_search_fn fn, void *ctx, isn_error *err);

/* ---- evaluation ------------------------------------------------------------ */

/* Named-entity scores against a CoNLL-style file ("token TAG" per line,
 * BIO tags, blank lines between sentences or none): exact-span chunks as
 * conlleval counts them, per type (PER, ORG, LOC, MISC) and overall. Only
 * named mentions are scored; nominal ones (descriptions) are not names. */
typedef struct isn_ner_score {
    size_t gold[4], pred[4], correct[4];
    size_t tokens, sentences, malformed;
} isn_ner_score;

int isn_eval_ner(const isn_engine *eng, const char *path, const isn_options *opt,
                 isn_ner_score *score, isn_error *err);

/* ---- output ---------------------------------------------------------------- */

/* Renders the document's records as JSON Lines (one "document" record for
 * now) or as a human-readable summary. The returned text is owned by the doc
 * and valid until the next process or render call. `verbose` adds the
 * sentences to the summary. */
const char *isn_doc_render_json(isn_doc *doc, size_t *len);

/* The same records, handed to `write` in pieces of about 1 MiB, so that a
 * huge document's output is never held whole in memory. `write` returns 0
 * or a nonzero value that stops the rendering and is returned. */
typedef int (*isn_write_fn)(void *ctx, const char *data, size_t len);
int isn_doc_write_json(isn_doc *doc, isn_write_fn write, void *ctx);
/* ---- many documents, in parallel ------------------------------------------- */

/* What a worker thread made of a document for the in-order callback, such
 * as its rendering: data (owned by the doc, or NULL) and its length. */
typedef struct isn_prepared { const char *data; size_t len; } isn_prepared;

/* Runs on a worker thread after the document is processed; may touch only
 * the doc, the input and `out`. Returns 0 or an error status. */
typedef int (*isn_prepare_fn)(void *ctx, isn_doc *doc, const isn_input *in, isn_prepared *out);

/* Runs on the calling thread, once per document, in input order. status 0:
 * doc and in are the processed document; else err says why it was rejected
 * (unreadable, malformed, not processed) and doc and in are NULL. Returns 0
 * to go on; any other value stops the run. */
typedef int (*isn_each_fn)(void *ctx, isn_doc *doc, const isn_input *in, const isn_prepared *prep, int status,
                           const isn_error *err);

/* Processes every document of the reader on `threads` threads (1: on the
 * calling thread alone), calling `prepare` (may be NULL) on the worker and
 * `each` in input order, so that the result does not depend on the number
 * of threads. Returns 0 once every document was handed to `each`, the
 * value `each` returned to stop, or ISN_ENOMEM. */
int isn_run(const isn_engine *eng, isn_reader *rd, const isn_options *opt, int threads, isn_prepare_fn prepare,
            isn_each_fn each, void *ctx);

/* The lexicon's size, for reports: number of entities and of names. */
size_t isn_engine_entity_count(const isn_engine *eng);
size_t isn_engine_name_count(const isn_engine *eng);
const char *isn_doc_render_summary(isn_doc *doc, int verbose, size_t *len);

#ifdef __cplusplus
}
#endif
#endif /* ISNAD_H */
