/*
 * main.c -- the isnad command line, a thin front end over libisnad.
 *
 *     isnad extract [--json] [options] PATH...
 *
 * Documents are read, processed and written one at a time, so memory does
 * not grow with the corpus. Exit status: 0 all went well; 1 some input was
 * rejected (each one named on stderr, the rest processed); 2 usage error;
 * 3 isnad could not run (data files, memory, output).
 */
#include "isnad.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

enum { EXIT_REJECTED = 1, EXIT_USAGE = 2, EXIT_ENV = 3 };

static void usage(FILE *f) {
    fputs("usage: isnad extract [--json] [options] PATH...\n"
          "       isnad eval ner [--lexicon-only] [--data DIR] FILE\n"
          "       isnad version | help\n"
          "\n"
          "extract reads articles and prints what isnad finds in them.\n"
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
          "  -v, --verbose     with the summary, list every sentence\n"
          "  --stats           print documents, MB/s and peak memory to stderr at the end\n"
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

static int cmd_extract(int argc, char **argv) {
    static const struct option longopts[] = {
        {"json", no_argument, 0, 'j'},         {"format", required_argument, 0, 'f'},
        {"doc-date", required_argument, 0, 'd'}, {"data", required_argument, 0, 'D'},
        {"verbose", no_argument, 0, 'v'},      {"stats", no_argument, 0, 's'},
        {"no-clean", no_argument, 0, 'n'},     {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int json = 0, verbose = 0, stats = 0, c;
    isn_format format = ISN_FORMAT_AUTO;
    isn_options opt = {0};
    isn_config cfg = {0};
    optind = 1;
    opterr = 0; /* our own messages, with the isnad: prefix */
    while ((c = getopt_long(argc, argv, ":vh", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': json = 1; break;
        case 'v': verbose = 1; break;
        case 's': stats = 1; break;
        case 'n': opt.no_clean = 1; break;
        case 'D': cfg.data_dir = optarg; break;
        case 'h': usage(stdout); return 0;
        case 'f':
            if (!strcmp(optarg, "auto")) format = ISN_FORMAT_AUTO;
            else if (!strcmp(optarg, "text")) format = ISN_FORMAT_TEXT;
            else if (!strcmp(optarg, "jsonl")) format = ISN_FORMAT_JSONL;
            else { fprintf(stderr, "isnad: --format takes auto, text or jsonl, not '%s'\n", optarg); return EXIT_USAGE; }
            break;
        case 'd':
            if (!valid_date(optarg)) { fprintf(stderr, "isnad: --doc-date takes YYYY-MM-DD, not '%s'\n", optarg); return EXIT_USAGE; }
            opt.default_date = optarg;
            break;
        case ':':
            fprintf(stderr, "isnad: option '%s' needs a value\n", argv[optind - 1]);
            return EXIT_USAGE;
        default:
            fprintf(stderr, "isnad: unknown option '%s' (isnad help lists them)\n", argv[optind - 1]);
            return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs("isnad: extract needs at least one PATH (a file, a directory or -)\n", stderr);
        usage(stderr);
        return EXIT_USAGE;
    }

    isn_error err = {0};
    isn_engine *eng = NULL;
    double t0 = now();
    if (isn_engine_new(&eng, &cfg, &err)) {
        report_error(&err);
        return EXIT_ENV;
    }
    double t_load = now() - t0;
    for (size_t i = 0; i < isn_engine_warning_count(eng); i++)
        fprintf(stderr, "isnad: warning: %s\n", isn_engine_warning(eng, i));

    isn_reader *rd = NULL;
    isn_doc *doc = NULL;
    int status = 0;
    if (isn_reader_new(&rd, format) || isn_doc_new(&doc, eng)) {
        fputs("isnad: out of memory\n", stderr);
        status = EXIT_ENV;
        goto done;
    }
    for (int i = optind; i < argc; i++)
        if (isn_reader_add(rd, argv[i], &err)) { report_error(&err); status = EXIT_ENV; goto done; }

    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    size_t docs = 0, rejected = 0, bytes = 0;
    isn_input in;
    int rc;
    while ((rc = isn_reader_next(rd, &in, &err)) != 0) {
        if (rc < 0) {
            report_error(&err);
            rejected++;
            if (rc == ISN_ENOMEM) { status = EXIT_ENV; break; }
            continue;
        }
        if ((rc = isn_doc_process(doc, &in, &opt, &err)) != 0) {
            report_error(&err);
            rejected++;
            if (rc == ISN_ENOMEM) { status = EXIT_ENV; break; }
            continue;
        }
        if (json) {
            int wrc = isn_doc_write_json(doc, write_stdout, NULL);
            if (wrc == ISN_ENOMEM) { fputs("isnad: out of memory\n", stderr); status = EXIT_ENV; break; }
            if (wrc) break; /* the output failed: reported below */
        } else {
            size_t len;
            const char *out = isn_doc_render_summary(doc, verbose, &len);
            if (!out) { fputs("isnad: out of memory\n", stderr); status = EXIT_ENV; break; }
            if (fwrite(out, 1, len, stdout) != len) break;
        }
        docs++;
        bytes += in.len;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "isnad: cannot write output: %s\n", strerror(errno));
        status = EXIT_ENV;
    }
    if (!status && rejected) status = EXIT_REJECTED;
    if (stats) {
        double secs = now() - t0;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "isnad: %zu documents, %zu rejected, %.1f MB in %.3f s (%.1f MB/s), "
                "data loaded in %.1f ms, peak RSS %.1f MB\n",
                docs, rejected, bytes / 1e6, secs, secs > 0 ? bytes / 1e6 / secs : 0.0, t_load * 1e3,
                ru.ru_maxrss / 1024.0);
    }
done:
    isn_doc_free(doc);
    isn_reader_free(rd);
    isn_engine_free(eng);
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
