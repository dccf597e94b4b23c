/*
 * main.c -- the isnad command line, a thin front end over libisnad.
 *
 *     isnad extract [--json] [options] PATH...
 *     isnad ingest [--db FILE] [options] PATH...
 *
 * Documents are read, processed and written one at a time, so memory does
 * not grow with the corpus. Exit status: 0 all went well; 1 some input was
 * rejected (each one named on stderr, the rest processed); 2 usage error;
 * 3 isnad could not run (data files, memory, output).
 */
#include "isnad.h"
#include "output.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_REJECTED = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

static void usage(FILE *f) {
    fputs("usage: isnad extract [--json] [options] PATH...\n"
          "       isnad ingest [--db FILE] [options] PATH...\n"
          "       isnad query events [--db FILE] [--actor A] [--source A] [--target A] [--code C]\n"
          "                          [--from D] [--to D] [--modality M] [--outlet O] [--format table|jsonl|csv]\n"
          "       isnad query stories [the same options]\n"
          "       isnad export events [--db FILE] [the same filters] [--format gdelt|jsonl|csv]\n"
          "       isnad export graph [--db FILE] [the same filters] [--format graphml|dot|json]\n"
          "       isnad export timeline [--db FILE] [the same filters] [--format csv|jsonl]\n"
          "       isnad search [--db FILE] [--limit N] \"WORDS\"\n"
          "       isnad eval ner [--lexicon-only] [--data DIR] FILE\n"
          "       isnad version | help\n"
          "\n"
          "extract reads articles and prints what isnad finds in them; ingest stores\n"
          "them and their records in an SQLite database (default isnad.db, docs/schema.md),\n"
          "skipping documents already there and replacing changed ones.\n"
          "PATH is a file, a directory (read recursively, in name order) or - for stdin.\n"
          "Formats: plain UTF-8 text (one article per file) and JSON Lines (.jsonl,\n"
          "one article per line: id, url, title, date, text; other fields kept as meta).\n"
          "\n"
          "options:\n"
          "  --json            write JSON Lines records (see docs/records.md), not a summary\n"
          "  --format F        auto (by file name; stdin sniffed), text or jsonl\n"
          "  --doc-date DATE   publication date (YYYY-MM-DD) for documents that carry none\n"
          "  --no-clean        take the text as it is: no boilerplate, title or dateline\n"
          "                    detection (for clean sentences, as in bench/dates)\n"
          "  --data DIR        folder of data files (default: $ISNAD_DATA, else built in)\n"
          "  -j, --jobs N      run documents on N threads (default: one per core); the\n"
          "                    output is in input order, the same bytes as with -j 1\n"
          "  -v, --verbose     with the summary, list every sentence\n"
          "  --stats           print documents, MB/s and peak memory to stderr at the end\n"
          "  --until STAGE     stop after read, clean, text, entities, time or events\n"
          "                    (the records of later stages are empty; for make bench)\n"
          "\n"
          "exit status: 0 all went well, 1 some input was rejected (named on stderr),\n"
          "2 usage error, 3 isnad could not run (data files, memory, output).\n",
          f);
}

static int valid_date(const char *s) {
    int y, m, d;
    char tail;
    return sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && strlen(s) == 10 && m >= 1 &&
           m <= 12 && d >= 1 && d <= 31;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report_error(const isn_error *err) {
    char msg[1024];
    isn_error_format(err, msg, sizeof msg);
    fprintf(stderr, "isnad: %s\n", msg);
}

static int write_stdout(void *ctx, const char *data, size_t len) {
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : 1;
}

/* The options extract and ingest share, and the ones of each. */
typedef struct run_opts {
    int json, verbose, stats, ingest, jobs;
    const char *db;
    isn_format format;
    isn_options opt;
    isn_config cfg;
} run_opts;

/* Parses the options; returns -1 to go on, else the exit status. */
static int parse_opts(int argc, char **argv, run_opts *o) {
    static const struct option longopts[] = {
        {"json", no_argument, 0, 'J'},           {"format", required_argument, 0, 'f'},
        {"jobs", required_argument, 0, 'j'},     {"until", required_argument, 0, 'u'},
        {"doc-date", required_argument, 0, 'd'}, {"data", required_argument, 0, 'D'},
        {"verbose", no_argument, 0, 'v'},        {"stats", no_argument, 0, 's'},
        {"no-clean", no_argument, 0, 'n'},       {"db", required_argument, 0, 'b'},
        {"help", no_argument, 0, 'h'},           {0, 0, 0, 0}};
    int c;
    const char *cmd = o->ingest ? "ingest" : "extract";
    optind = 1;
    opterr = 0; /* our own messages, with the isnad: prefix */
    while ((c = getopt_long(argc, argv, ":vhj:", longopts, NULL)) != -1) {
        switch (c) {
        case 'J': if (o->ingest) goto unknown; o->json = 1; break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256) { fprintf(stderr, "isnad: -j takes a number of threads from 1 to 256, not '%s'\n", optarg); return EXIT_USAGE; }
            o->jobs = (int)n;
            break;
        }
        case 'v': if (o->ingest) goto unknown; o->verbose = 1; break;
        case 'b': if (!o->ingest) goto unknown; o->db = optarg; break;
        case 's': o->stats = 1; break;
        case 'u': {
            static const char *const names[] = {"", "read", "clean", "text", "entities", "time", "events"};
            int k = 1;
            while (k < 7 && strcmp(optarg, names[k])) k++;
            if (k == 7) { fprintf(stderr, "isnad: --until takes read, clean, text, entities, time or events, not '%s'\n", optarg); return EXIT_USAGE; }
            o->opt.until = k;
            break;
        }
        case 'n': o->opt.no_clean = 1; break;
        case 'D': o->cfg.data_dir = optarg; break;
        case 'h': usage(stdout); return 0;
        case 'f':
            if (!strcmp(optarg, "auto")) o->format = ISN_FORMAT_AUTO;
            else if (!strcmp(optarg, "text")) o->format = ISN_FORMAT_TEXT;
            else if (!strcmp(optarg, "jsonl")) o->format = ISN_FORMAT_JSONL;
            else { fprintf(stderr, "isnad: --format takes auto, text or jsonl, not '%s'\n", optarg); return EXIT_USAGE; }
            break;
        case 'd':
            if (!valid_date(optarg)) { fprintf(stderr, "isnad: --doc-date takes YYYY-MM-DD, not '%s'\n", optarg); return EXIT_USAGE; }
            o->opt.default_date = optarg;
            break;
        case ':':
            fprintf(stderr, "isnad: option '%s' needs a value\n", argv[optind - 1]);
            return EXIT_USAGE;
        default:
        unknown:
            fprintf(stderr, "isnad: unknown option '%s' for %s (isnad help lists them)\n", argv[optind - 1], cmd);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "isnad: %s needs at least one PATH (a file, a directory or -)\n", cmd);
        usage(stderr);
        return EXIT_USAGE;
    }
    return -1;
}

/* What happens to each processed document, in input order: 0 to go on,
 * else an exit status. `prep` is what the worker prepared (isn_run). */
typedef int (*doc_sink)(void *ctx, isn_doc *doc, const isn_input *in, const isn_prepared *prep);

typedef struct run_totals { size_t docs, rejected, bytes; } run_totals;

typedef struct run_state {
    isn_prepare_fn prepare;
    doc_sink sink;
    void *ctx; /* of prepare and sink */
    run_totals *tot;
    int status;
} run_state;

static int prepare_doc(void *vst, isn_doc *doc, const isn_input *in, isn_prepared *out) {
    const run_state *st = vst;
    return st->prepare(st->ctx, doc, in, out);
}

static int each_doc(void *vst, isn_doc *doc, const isn_input *in, const isn_prepared *prep, int status,
                    const isn_error *err) {
    run_state *st = vst;
    if (status) { /* this document is lost, never the others */
        report_error(err);
        st->tot->rejected++;
        if (status == ISN_ENOMEM) st->status = EXIT_ENV;
        return status == ISN_ENOMEM;
    }
    if ((st->status = st->sink(st->ctx, doc, in, prep)) != 0) return 1;
    st->tot->docs++;
    st->tot->bytes += in->len;
    return 0;
}

/* The threads to run on: -j, else one per core. */
static int jobs_of(const run_opts *o) {
    if (o->jobs) return o->jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* Reads every PATH, processes each document (on -j threads) and hands it
 * to the sink in input order. Returns the exit status. */
static int run_docs(const run_opts *o, int argc, char **argv, isn_prepare_fn prepare, doc_sink sink, void *ctx,
                    run_totals *tot) {
    isn_error err = {0};
    isn_engine *eng = NULL;
    double t0 = now();
    if (isn_engine_new(&eng, &o->cfg, &err)) {
        report_error(&err);
        return EXIT_ENV;
    }
    double t_load = now() - t0;
    for (size_t i = 0; i < isn_engine_warning_count(eng); i++)
        fprintf(stderr, "isnad: warning: %s\n", isn_engine_warning(eng, i));
    isn_reader *rd = NULL;
    run_state st = {prepare, sink, ctx, tot, 0};
    int jobs = jobs_of(o);
    if (isn_reader_new(&rd, o->format)) {
        fputs("isnad: out of memory\n", stderr);
        st.status = EXIT_ENV;
        goto done;
    }
    for (int i = optind; i < argc; i++)
        if (isn_reader_add(rd, argv[i], &err)) { report_error(&err); st.status = EXIT_ENV; goto done; }
    if (isn_run(eng, rd, &o->opt, jobs, prepare ? prepare_doc : NULL, each_doc, &st) == ISN_ENOMEM && !st.status) {
        fputs("isnad: out of memory\n", stderr);
        st.status = EXIT_ENV;
    }
    if (!st.status && tot->rejected) st.status = EXIT_REJECTED;
    if (o->stats) {
        double secs = now() - t0;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "isnad: %zu documents, %zu rejected, %.1f MB in %.3f s (%.1f MB/s) on %d thread%s, "
                "data loaded in %.1f ms, peak RSS %.1f MB\n",
                tot->docs, tot->rejected, tot->bytes / 1e6, secs, secs > 0 ? tot->bytes / 1e6 / secs : 0.0, jobs,
                jobs == 1 ? "" : "s", t_load * 1e3, ru.ru_maxrss / 1024.0);
    }
done:
    isn_reader_free(rd);
    isn_engine_free(eng);
    return st.status;
}

/* ---- extract ---- */

/* Documents up to this size are rendered on the worker thread; a larger
 * one is written in pieces by the writer, so it is never held whole. */
#define PRERENDER_MAX (4u << 20)

static int extract_prepare(void *ctx, isn_doc *doc, const isn_input *in, isn_prepared *out) {
    const run_opts *o = ctx;
    if (o->json && in->len > PRERENDER_MAX) return 0;
    size_t len;
    const char *p = o->json ? isn_doc_render_json(doc, &len) : isn_doc_render_summary(doc, o->verbose, &len);
    if (!p) return ISN_ENOMEM;
    out->data = p, out->len = len;
    return 0;
}

static int extract_doc(void *ctx, isn_doc *doc, const isn_input *in, const isn_prepared *prep) {
    (void)ctx, (void)in;
    if (prep->data) return fwrite(prep->data, 1, prep->len, stdout) == prep->len ? 0 : EXIT_ENV;
    int wrc = isn_doc_write_json(doc, write_stdout, NULL);
    if (wrc == ISN_ENOMEM) { fputs("isnad: out of memory\n", stderr); return EXIT_ENV; }
    return wrc ? EXIT_ENV : 0; /* a failed write is reported after the loop */
}

static int cmd_extract(int argc, char **argv) {
    run_opts o = {0};
    int rc = parse_opts(argc, argv, &o);
    if (rc >= 0) return rc;
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    run_totals tot = {0};
    int status = run_docs(&o, argc, argv, extract_prepare, extract_doc, &o, &tot);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "isnad: cannot write output: %s\n", strerror(errno));
        status = EXIT_ENV;
    }
    return status;
}

/* ---- ingest ---- */

#define INGEST_BATCH 256 /* documents per transaction: a crash loses at most one batch */

/* counts are of committed documents only: the summary never claims what a
 * failed batch (a full disk) took back */
typedef struct ingest_ctx {
    isn_store *store;
    size_t counts[3], batch[3], in_batch;
    double t0, last_progress;
    int progress, failed;
    const char *db;
    uint64_t total, done; /* bytes of the input files (0: unknown, stdin), bytes read */
} ingest_ctx;

static uint64_t tree_bytes;

static int add_size(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)path, (void)ftw;
    if (type == FTW_F) tree_bytes += (uint64_t)st->st_size;
    return 0;
}

/* The bytes of the input paths, for an ETA; 0 when one is stdin. */
static uint64_t input_bytes(int argc, char **argv) {
    tree_bytes = 0;
    for (int i = optind; i < argc; i++) {
        if (!strcmp(argv[i], "-")) return 0;
        if (nftw(argv[i], add_size, 16, FTW_PHYS)) return 0;
    }
    return tree_bytes;
}

/* A write failed (a full disk, a lost file): the batch under way is rolled
 * back, and what earlier batches stored stays. */
static int ingest_fail(ingest_ctx *c, const isn_error *err) {
    report_error(err);
    isn_store_rollback(c->store);
    if (c->in_batch)
        fprintf(stderr, "isnad: %s: the batch under way (%zu documents) was rolled back; what was stored before it is "
                        "kept, and ingest run again skips it\n", c->db, c->in_batch);
    for (int k = 0; k < 3; k++) c->batch[k] = 0;
    c->in_batch = 0;
    c->failed = 1;
    return EXIT_ENV;
}

/* Commits the batch under way; on failure rolls it back and says so. */
static int ingest_commit(ingest_ctx *c) {
    isn_error err = {0};
    if (isn_store_commit(c->store, &err)) return ingest_fail(c, &err);
    for (int k = 0; k < 3; k++) c->counts[k] += c->batch[k], c->batch[k] = 0;
    c->in_batch = 0;
    return 0;
}

static int ingest_doc(void *vctx, isn_doc *doc, const isn_input *in, const isn_prepared *prep) {
    (void)prep;
    ingest_ctx *c = vctx;
    isn_error err = {0};
    isn_store_result res;
    if (!c->in_batch && isn_store_begin(c->store, &err)) return ingest_fail(c, &err);
    if (isn_store_put(c->store, doc, &res, &err)) return ingest_fail(c, &err);
    c->batch[res]++;
    if (++c->in_batch == INGEST_BATCH && ingest_commit(c)) return EXIT_ENV;
    c->done += in->len;
    /* every second, and once at the first commit so that short runs show it too */
    int first = c->in_batch == 0 && c->counts[0] + c->counts[1] + c->counts[2] == INGEST_BATCH;
    if (c->progress && (first || now() - c->last_progress >= 1.0)) {
        size_t n = c->counts[0] + c->counts[1] + c->counts[2];
        c->last_progress = now();
        double secs = c->last_progress - c->t0;
        fprintf(stderr, "\risnad: %zu documents, %.0f/s", n, n / secs);
        if (c->total && c->done && c->done <= c->total) { /* the rest at the rate so far */
            double eta = secs * (double)(c->total - c->done) / (double)c->done;
            fprintf(stderr, ", %.0f%%, ETA %d:%02d", 100.0 * c->done / c->total, (int)eta / 60, (int)eta % 60);
        }
        fputs("   ", stderr);
    }
    return 0;
}

static int cmd_ingest(int argc, char **argv) {
    run_opts o = {.ingest = 1, .db = "isnad.db"};
    int rc = parse_opts(argc, argv, &o);
    if (rc >= 0) return rc;
    ingest_ctx c = {.t0 = now(), .progress = isatty(2), .db = o.db};
    if (c.progress) c.total = input_bytes(argc, argv);
    c.last_progress = c.t0;
    isn_error err = {0};
    if (isn_store_open(&c.store, o.db, 0, &err)) {
        report_error(&err);
        return EXIT_ENV;
    }
    run_totals tot = {0};
    int status = run_docs(&o, argc, argv, NULL, ingest_doc, &c, &tot);
    if (c.in_batch && !c.failed && ingest_commit(&c)) status = EXIT_ENV;
    if (c.progress) fputc('\n', stderr);
    fprintf(stderr, "isnad: %s: %zu added, %zu replaced, %zu unchanged, %zu rejected\n", o.db,
            c.counts[ISN_STORE_ADDED], c.counts[ISN_STORE_REPLACED], c.counts[ISN_STORE_UNCHANGED], tot.rejected);
    isn_store_close(c.store);
    return status;
}

/* ---- query ---- */

static int cmd_query(int argc, char **argv) {
    int export = !strcmp(argv[0], "export");
    int stories = argc >= 2 && !export && !strcmp(argv[1], "stories");
    int graphs = argc >= 2 && export && !strcmp(argv[1], "graph");
    int timeline = argc >= 2 && export && !strcmp(argv[1], "timeline");
    if (argc < 2 || (strcmp(argv[1], "events") && !stories && !graphs && !timeline)) {
        fprintf(stderr, "isnad: %s takes: %s (isnad help lists the options)\n", argv[0],
                export ? "events, graph or timeline" : "events or stories");
        return EXIT_USAGE;
    }
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'b'},     {"data", required_argument, 0, 'D'},
        {"actor", required_argument, 0, 'a'},  {"source", required_argument, 0, 's'},
        {"target", required_argument, 0, 't'}, {"code", required_argument, 0, 'c'},
        {"root", required_argument, 0, 'c'},   {"from", required_argument, 0, 'F'},
        {"to", required_argument, 0, 'T'},     {"modality", required_argument, 0, 'm'},
        {"outlet", required_argument, 0, 'o'}, {"format", required_argument, 0, 'f'},
        {0, 0, 0, 0}};
    const char *db = "isnad.db", *names[3] = {0};
    isn_config cfg = {0};
    isn_event_filter f = {0};
    query_ctx q = {graphs ? FMT_GRAPHML : timeline ? FMT_CSV : export ? FMT_GDELT : FMT_TABLE, 0};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc - 1, argv + 1, ":", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': db = optarg; break;
        case 'D': cfg.data_dir = optarg; break;
        case 'a': names[0] = optarg; break;
        case 's': names[1] = optarg; break;
        case 't': names[2] = optarg; break;
        case 'c': f.code = optarg; break;
        case 'F': f.from = optarg; break;
        case 'T': f.to = optarg; break;
        case 'm': f.modality = optarg; break;
        case 'o': f.outlet = optarg; break;
        case 'f':
            if (graphs) {
                if (!strcmp(optarg, "graphml")) q.format = FMT_GRAPHML;
                else if (!strcmp(optarg, "dot")) q.format = FMT_DOT;
                else if (!strcmp(optarg, "json")) q.format = FMT_JSON;
                else { fprintf(stderr, "isnad: --format takes graphml, dot or json, not '%s'\n", optarg); return EXIT_USAGE; }
            } else if (!strcmp(optarg, "table") && !export) q.format = FMT_TABLE;
            else if (!strcmp(optarg, "gdelt") && export && !timeline) q.format = FMT_GDELT;
            else if (!strcmp(optarg, "jsonl")) q.format = FMT_JSONL;
            else if (!strcmp(optarg, "csv")) q.format = FMT_CSV;
            else {
                fprintf(stderr, "isnad: --format takes %s, jsonl or csv, not '%s'\n",
                        timeline ? "csv" : export ? "gdelt" : "table", optarg);
                return EXIT_USAGE;
            }
            break;
        case ':': fprintf(stderr, "isnad: option '%s' needs a value\n", argv[optind]); return EXIT_USAGE;
        default: fprintf(stderr, "isnad: unknown option '%s' for %s %s\n", argv[optind], argv[0], argv[1]); return EXIT_USAGE;
        }
    }
    isn_error err = {0};
    isn_engine *eng = NULL;
    if ((names[0] || names[1] || names[2]) && isn_engine_new(&eng, &cfg, &err)) {
        report_error(&err);
        return EXIT_ENV;
    }
    /* names as written lead to their entity; others are matched as names */
    const char **slots[3] = {&f.actor, &f.source, &f.target};
    for (int i = 0; i < 3; i++)
        if (names[i]) {
            const char *id = isn_engine_resolve(eng, names[i]);
            *slots[i] = id ? id : names[i];
        }
    isn_store *st = NULL;
    int status = 0;
    graph g = {0};
    if (timeline && !f.to) f.to = "9999"; /* dated events only: no date, or "XXXX-..", is not below it */
    if (isn_store_open(&st, db, ISN_STORE_READONLY, &err) ||
        (graphs    ? isn_store_query_edges(st, &f, keep_edge, &g, &err)
         : stories ? isn_store_query_stories(st, &f, print_story, &q, &err)
                   : isn_store_query_events(st, &f, print_event, &q, &err))) {
        report_error(&err);
        status = EXIT_ENV;
    } else if (graphs) {
        print_graph(&g, q.format);
    }
    graph_free(&g);
    if (!status && q.format == FMT_TABLE) fprintf(stderr, "isnad: %zu %s\n", q.rows, stories ? "stories" : "events");
    if (fflush(stdout) != 0) status = EXIT_ENV;
    isn_store_close(st);
    isn_engine_free(eng);
    return status;
}

/* ---- search ---- */

static int print_hit(void *ctx, const isn_search_hit *h) {
    (void)ctx;
    printf("%s [%d] %s\n", h->doc, h->sentence, h->marked);
    return ferror(stdout) != 0;
}

static int cmd_search(int argc, char **argv) {
    static const struct option longopts[] = {
        {"db", required_argument, 0, 'b'}, {"limit", required_argument, 0, 'l'}, {0, 0, 0, 0}};
    const char *db = "isnad.db";
    int limit = 20, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': db = optarg; break;
        case 'l': limit = atoi(optarg); break;
        case ':': fprintf(stderr, "isnad: option '%s' needs a value\n", argv[optind - 1]); return EXIT_USAGE;
        default: fprintf(stderr, "isnad: unknown option '%s' for search\n", argv[optind - 1]); return EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fputs("isnad: search takes one query (quote it: isnad search \"حفتر موسكو\")\n", stderr);
        return EXIT_USAGE;
    }
    /* hits in bold on a terminal, between « » otherwise */
    int tty = isatty(1);
    isn_store *st = NULL;
    isn_error err = {0};
    int status = 0;
    if (isn_store_open(&st, db, ISN_STORE_READONLY, &err) ||
        isn_store_search(st, argv[optind], limit, tty ? "\x1b[1m" : "\xc2\xab", tty ? "\x1b[0m" : "\xc2\xbb", print_hit,
                         NULL, &err)) {
        report_error(&err);
        status = err.code == ISN_EINVAL ? EXIT_USAGE : EXIT_ENV;
    }
    if (fflush(stdout) != 0) status = EXIT_ENV;
    isn_store_close(st);
    return status;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

/* isnad eval ner FILE: precision, recall and F1 per type and overall. */
static int cmd_eval(int argc, char **argv) {
    static const struct option longopts[] = {{"lexicon-only", no_argument, 0, 'l'},
                                              {"data", required_argument, 0, 'D'},
                                              {0, 0, 0, 0}};
    isn_options opt = {0};
    isn_config cfg = {0};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
        if (c == 'l') opt.lexicon_only = 1;
        else if (c == 'D') cfg.data_dir = optarg;
        else {
            fprintf(stderr, "isnad: unknown option '%s' (isnad help lists them)\n", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind + 2 != argc || strcmp(argv[optind], "ner")) {
        fputs("usage: isnad eval ner [--lexicon-only] [--data DIR] FILE\n", stderr);
        return EXIT_USAGE;
    }
    const char *path = argv[optind + 1];
    isn_error err = {0};
    isn_engine *eng = NULL;
    if (isn_engine_new(&eng, &cfg, &err)) { report_error(&err); return EXIT_ENV; }
    for (size_t i = 0; i < isn_engine_warning_count(eng); i++)
        fprintf(stderr, "isnad: warning: %s\n", isn_engine_warning(eng, i));
    isn_ner_score s;
    int rc = isn_eval_ner(eng, path, &opt, &s, &err);
    if (rc) {
        report_error(&err);
        isn_engine_free(eng);
        return rc == ISN_EIO ? EXIT_REJECTED : EXIT_ENV;
    }
    printf("ner: %s (%s)\n", path, opt.lexicon_only ? "lexicon only" : "lexicon, patterns and coreference");
    printf("%zu tokens, %zu sentences, %zu malformed lines skipped; lexicon %zu entities, %zu names\n",
           s.tokens, s.sentences, s.malformed, isn_engine_entity_count(eng), isn_engine_name_count(eng));
    printf("%-6s %7s %7s %7s %9s %7s %7s\n", "type", "gold", "found", "correct", "precision", "recall", "F1");
    size_t G = 0, P = 0, C = 0;
    for (int t = 0; t < 4; t++) {
        double p = ratio(s.correct[t], s.pred[t]), r = ratio(s.correct[t], s.gold[t]);
        printf("%-6s %7zu %7zu %7zu %9.3f %7.3f %7.3f\n", isn_entity_type_name(t), s.gold[t], s.pred[t],
               s.correct[t], p, r, f1(p, r));
        G += s.gold[t], P += s.pred[t], C += s.correct[t];
    }
    double p = ratio(C, P), r = ratio(C, G);
    printf("overall: P=%.3f R=%.3f F1=%.3f\n", p, r, f1(p, r));
    isn_engine_free(eng);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    if (!strcmp(argv[1], "extract")) return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(argv[1], "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(argv[1], "query") || !strcmp(argv[1], "export")) return cmd_query(argc - 1, argv + 1);
    if (!strcmp(argv[1], "search")) return cmd_search(argc - 1, argv + 1);
    if (!strcmp(argv[1], "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(argv[1], "version") || !strcmp(argv[1], "--version")) {
        printf("isnad %s (records v%d)\n", ISN_VERSION, ISN_RECORDS_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "isnad: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
