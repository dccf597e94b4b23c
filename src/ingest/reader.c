/*
 * reader.c -- turning paths into documents, one at a time.
 *
 * Inputs are files, directories (walked recursively, entries in byte order
 * of their names, hidden entries and symlinked directories skipped) and "-"
 * for standard input. A plain-text file is one document. A JSON Lines file
 * (.jsonl, .ndjson) is one document per line, read as a stream, so a
 * corpus of any size goes through in the memory of its largest line.
 *
 * Bad input is the normal case at scale, so it never stops the run: each
 * document is validated (UTF-8, no NUL bytes, well-formed JSON with a
 * "text" string) before it is handed out, and a rejected one comes back as
 * an error naming the file, line and byte offset, after which the next call
 * carries on with the next document.
 *
 * Standard input in auto mode is sniffed: a first line starting with "{"
 * means JSON Lines, anything else plain text.
 */
#include "../core/buf.h"
#include "../core/error.h"
#include "isnad.h"
#include "jsonl.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { KIND_TEXT, KIND_JSONL, KIND_HTML, KIND_JSON };

typedef struct item {
    char *path;
    int stdin_;
} item;

struct isn_reader {
    isn_format format;
    ISN_VEC(item) items;
    size_t next;

    /* the JSON Lines stream being read, if any */
    FILE *jf;
    const item *jitem;
    uint64_t jline, joff;
    char *line;
    size_t linecap;
    ssize_t pending; /* a first stdin line already read, or -1 */
    isn_jsonl_rec rec;      /* the JSON Lines record last read */
    char idbuf[64];

    isn_buf text; /* a whole plain-text document */
};

int isn_reader_new(isn_reader **out, isn_format format) {
    *out = calloc(1, sizeof **out);
    if (!*out) return ISN_ENOMEM;
    (*out)->format = format;
    (*out)->pending = -1;
    return ISN_OK;
}

static void close_stream(isn_reader *r) {
    if (r->jf && r->jf != stdin) fclose(r->jf);
    r->jf = NULL;
    r->jitem = NULL;
}

void isn_reader_free(isn_reader *r) {
    if (!r) return;
    close_stream(r);
    for (size_t i = 0; i < r->items.n; i++) free(r->items.v[i].path);
    ISN_VEC_FREE(r->items);
    free(r->line);
    isn_buf_free(&r->text);
    isn_jsonl_rec_free(&r->rec);
    free(r);
}

static int push_item(isn_reader *r, const char *path, int is_stdin) {
    item *it = ISN_VEC_PUSH(r->items);
    if (!it) return ISN_ENOMEM;
    it->stdin_ = is_stdin;
    if (!(it->path = strdup(path))) { r->items.n--; return ISN_ENOMEM; }
    return ISN_OK;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(isn_reader *r, const char *dir, int depth) {
    DIR *dp = depth < 64 ? opendir(dir) : NULL;
    if (!dp) return push_item(r, dir, 0); /* reading it will report why */
    ISN_VEC(char *) names = {0};
    struct dirent *de;
    int rc = ISN_OK;
    while ((de = readdir(dp))) {
        if (de->d_name[0] == '.') continue;
        char **slot = ISN_VEC_PUSH(names);
        if (!slot || !(*slot = strdup(de->d_name))) { rc = ISN_ENOMEM; if (slot) names.n--; break; }
    }
    closedir(dp);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, cmp_names);
    for (size_t i = 0; i < names.n && !rc; i++) {
        size_t n = strlen(dir) + strlen(names.v[i]) + 2;
        char *p = malloc(n);
        if (!p) { rc = ISN_ENOMEM; break; }
        snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) rc = walk(r, p, depth + 1);
        else if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode)) {
            struct stat t;
            if (stat(p, &t) != 0 || S_ISREG(t.st_mode)) rc = push_item(r, p, 0); /* dangling: report */
        } else if (lstat(p, &st) == 0 && S_ISREG(st.st_mode)) rc = push_item(r, p, 0);
        free(p);
    }
    for (size_t i = 0; i < names.n; i++) free(names.v[i]);
    ISN_VEC_FREE(names);
    return rc;
}

int isn_reader_add(isn_reader *r, const char *path, isn_error *err) {
    int rc;
    struct stat st;
    if (!strcmp(path, "-")) rc = push_item(r, "-", 1);
    else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) rc = walk(r, path, 0);
    else rc = push_item(r, path, 0);
    if (rc) return isn_set_error(err, rc, path, 0, ISN_NO_OFFSET, "out of memory");
    return ISN_OK;
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcasecmp(s + n - k, suffix);
}

static int kind_of(const isn_reader *r, const item *it) {
    if (r->format == ISN_FORMAT_TEXT) return KIND_TEXT;
    if (r->format == ISN_FORMAT_JSONL) return KIND_JSONL;
    if (it->stdin_) return -1; /* sniffed */
    if (ends_with(it->path, ".jsonl") || ends_with(it->path, ".ndjson")) return KIND_JSONL;
    if (ends_with(it->path, ".html") || ends_with(it->path, ".htm") || ends_with(it->path, ".xhtml"))
        return KIND_HTML;
    if (ends_with(it->path, ".json")) return KIND_JSON;
    return KIND_TEXT;
}

/* Appends all of f to r->text (kept as it is: stdin may have given its
 * first line already). */
static int slurp(isn_reader *r, FILE *f, const char *path, isn_error *err) {
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        isn_buf_reserve(&r->text, (size_t)st.st_size);
    for (;;) {
        if (isn_buf_reserve(&r->text, 65536))
            return isn_set_error(err, ISN_ENOMEM, path, 0, ISN_NO_OFFSET, "out of memory reading the file");
        size_t n = fread(r->text.data + r->text.len, 1, r->text.cap - r->text.len - 1, f);
        r->text.len += n;
        r->text.data[r->text.len] = 0;
        if (n == 0) break;
    }
    if (ferror(f)) return isn_set_error(err, ISN_EIO, path, 0, r->text.len, "cannot read: %s", strerror(errno));
    return ISN_OK;
}

static int yield_text(isn_reader *r, const item *it, isn_input *in, isn_error *err) {
    memset(in, 0, sizeof *in);
    int rc = isn_validate_text(r->text.data, r->text.len, err);
    if (rc) {
        snprintf(err->file, sizeof err->file, "%s", it->path);
        return rc;
    }
    in->id = in->file = it->path;
    in->text = r->text.data ? r->text.data : "";
    in->len = r->text.len;
    return 1;
}

static int read_text_file(isn_reader *r, const item *it, isn_input *in, isn_error *err) {
    FILE *f = fopen(it->path, "r");
    if (!f) return isn_set_error(err, ISN_EIO, it->path, 0, ISN_NO_OFFSET, "cannot read: %s", strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return isn_set_error(err, ISN_EIO, it->path, 0, ISN_NO_OFFSET, "cannot read: is a directory");
    }
    isn_buf_reset(&r->text);
    int rc = slurp(r, f, it->path, err);
    fclose(f);
    return rc ? rc : yield_text(r, it, in, err);
}

static const char *field(const isn_reader *r, int f) {
    return r->rec.field[f] == SIZE_MAX ? NULL : r->rec.strings.data + r->rec.field[f];
}

/* Turns one JSON Lines line into a document, or an error. */
static int parse_line(isn_reader *r, char *line, size_t n, uint64_t off, isn_input *in, isn_error *err) {
    const char *path = r->jitem->path;
    isn_error verr;
    int rc = isn_validate_text(line, n, &verr);
    if (rc) return isn_set_error(err, rc, path, r->jline, off + verr.offset, "%s", verr.msg);
    size_t at;
    const char *why;
    if (isn_jsonl_parse(line, n, &r->rec, &at, &why))
        return isn_set_error(err, ISN_EJSON, path, r->jline, off + at, "malformed JSON: %s", why);
    if (!r->rec.object)
        return isn_set_error(err, ISN_EJSON, path, r->jline, off, "a JSON Lines record must be an object");
    const char *t = field(r, ISN_JF_TEXT);
    if (!t) return isn_set_error(err, ISN_EJSON, path, r->jline, off, "no \"text\" string field");
    size_t tlen = r->rec.len[ISN_JF_TEXT];
    const char *nul = memchr(t, 0, tlen);
    if (nul)
        return isn_set_error(err, ISN_ENUL, path, r->jline, off,
                             "NUL character in \"text\" at byte %zu of the text", (size_t)(nul - t));
    static const char *const names[] = {"id", "url", "title", "date"};
    for (int f = ISN_JF_ID; f <= ISN_JF_DATE; f++) /* they are C strings: a NUL would cut them short */
        if (field(r, f) && memchr(field(r, f), 0, r->rec.len[f]))
            return isn_set_error(err, ISN_ENUL, path, r->jline, off, "NUL character in \"%s\"", names[f]);
    memset(in, 0, sizeof *in);
    in->id = field(r, ISN_JF_ID);
    if (!in->id) {
        snprintf(r->idbuf, sizeof r->idbuf, "line-%llu", (unsigned long long)r->jline);
        in->id = r->idbuf;
    }
    in->text = t;
    in->len = tlen;
    in->url = field(r, ISN_JF_URL);
    in->title = field(r, ISN_JF_TITLE);
    in->date = field(r, ISN_JF_DATE);
    in->file = path;
    in->line = r->jline;
    in->meta_json = r->rec.meta.len ? r->rec.meta.data : NULL; /* every other member, in input order */
    return 1;
}

static int next_line(isn_reader *r, isn_input *in, isn_error *err) {
    for (;;) {
        ssize_t n;
        if (r->pending >= 0) {
            n = r->pending;
            r->pending = -1;
        } else {
            errno = 0;
            n = getline(&r->line, &r->linecap, r->jf);
            if (n < 0) {
                int bad = ferror(r->jf);
                const char *path = r->jitem->path;
                uint64_t line = r->jline;
                close_stream(r);
                if (bad) return isn_set_error(err, ISN_EIO, path, line, r->joff, "cannot read: %s", strerror(errno));
                return 0;
            }
        }
        r->jline++;
        uint64_t off = r->joff;
        r->joff += (uint64_t)n;
        size_t len = (size_t)n;
        while (len && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r')) len--;
        size_t i = 0;
        while (i < len && (r->line[i] == ' ' || r->line[i] == '\t')) i++;
        if (i == len) continue; /* blank lines are allowed */
        return parse_line(r, r->line, len, off, in, err);
    }
}

/* Standard input: sniff the first line, then stream JSONL or read text. */
static int start_stdin(isn_reader *r, const item *it, int kind, isn_input *in, isn_error *err) {
    r->jline = r->joff = 0;
    ssize_t n = getline(&r->line, &r->linecap, stdin);
    if (n < 0) n = 0; /* empty input: an empty text document */
    size_t i = 0;
    while (i < (size_t)n && (r->line[i] == ' ' || r->line[i] == '\t' || r->line[i] == '\r' || r->line[i] == '\n')) i++;
    if (kind == KIND_JSONL || (kind < 0 && i < (size_t)n && r->line[i] == '{')) {
        if (n == 0) return 0; /* no records */
        r->jf = stdin;
        r->jitem = it;
        r->pending = n;
        return next_line(r, in, err);
    }
    isn_buf_reset(&r->text);
    if (n) isn_buf_add(&r->text, r->line, (size_t)n);
    int rc = slurp(r, stdin, "-", err);
    return rc ? rc : yield_text(r, it, in, err);
}

int isn_reader_next(isn_reader *r, isn_input *in, isn_error *err) {
    if (r->jf) {
        int rc = next_line(r, in, err);
        if (rc != 0) return rc;
    }
    while (r->next < r->items.n) {
        const item *it = &r->items.v[r->next++];
        int kind = kind_of(r, it);
        if (it->stdin_) return start_stdin(r, it, kind, in, err);
        if (kind == KIND_HTML)
            return isn_set_error(err, ISN_EFORMAT, it->path, 0, ISN_NO_OFFSET, "HTML input is not supported yet");
        if (kind == KIND_JSON)
            return isn_set_error(err, ISN_EFORMAT, it->path, 0, ISN_NO_OFFSET,
                                 "a .json file is not read: isnad takes JSON Lines (one article per line, "
                                 ".jsonl); convert an array with: jq -c '.[]' FILE");
        if (kind == KIND_TEXT) return read_text_file(r, it, in, err);
        r->jf = fopen(it->path, "r");
        if (!r->jf) return isn_set_error(err, ISN_EIO, it->path, 0, ISN_NO_OFFSET, "cannot read: %s", strerror(errno));
        r->jitem = it;
        r->jline = r->joff = 0;
        int rc = next_line(r, in, err);
        if (rc != 0) return rc;
    }
    return 0;
}
