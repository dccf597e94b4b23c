/*
 * store.c -- the SQLite corpus database: documents and every record isnad
 * finds in them, readable with sqlite3, Datasette or DuckDB (docs/schema.md).
 *
 * A document is stored by its id with a content hash. Storing it again with
 * the same hash does nothing; with another hash, its old rows are deleted
 * (ON DELETE CASCADE) and the new ones written, so ingest is idempotent and
 * a corrected article replaces its old self. Writes go in the caller's
 * transactions (isn_store_begin / isn_store_commit), in WAL mode: a crash
 * loses at most the open batch, never half a document.
 *
 * A database that is not isnad's (no application_id, or another one) or
 * was made by a newer isnad (user_version above ISN_STORE_SCHEMA) is
 * refused before anything is written to it, journal mode included.
 */
#include "../pipeline/internal.h"
#include "../core/error.h"
#include "schema.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { Q_FIND, Q_DELETE, Q_DOC, Q_SENT, Q_ENT, Q_MENT, Q_TIME, Q_EVENT, Q_SOURCE, Q_SEARCH, Q_COUNT };

static const char *const queries[Q_COUNT] = {
    [Q_FIND] = "SELECT id, hash FROM documents WHERE doc = ?1",
    [Q_DELETE] = "DELETE FROM documents WHERE id = ?1",
    [Q_DOC] = "INSERT INTO documents(doc, hash, title, date, outlet, url, file, bytes, text, ingested) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [Q_SENT] = "INSERT INTO sentences(doc_id, idx, start, end, text) VALUES(?1, ?2, ?3, ?4, ?5)",
    [Q_ENT] = "INSERT INTO entities(entity, name, code, type) VALUES(?1, ?2, ?3, ?4) ON CONFLICT(entity) DO NOTHING",
    [Q_MENT] = "INSERT INTO mentions(doc_id, sentence, start, end, text, entity, name, code, type, rule, nominal) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [Q_TIME] = "INSERT INTO times(doc_id, sentence, start, end, text, value, anchored, mod, hijri) "
               "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [Q_EVENT] = "INSERT INTO events(doc_id, event, sentence, start, end, trigger, code, root, label, plover, "
                "source_mention, source_text, source_entity, source_name, source_code, target_mention, target_text, "
                "target_entity, target_name, target_code, date_text, date_value, place_mention, place_entity, "
                "place_name, modality) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    [Q_SOURCE] = "INSERT INTO sources(event_id, rank, text, entity, name) VALUES(?1, ?2, ?3, ?4, ?5)",
    [Q_SEARCH] = "INSERT INTO sentence_search(words, doc_id, idx) VALUES(?1, ?2, ?3)",
};

struct isn_store {
    sqlite3 *db;
    char *path;
    sqlite3_stmt *q[Q_COUNT];
    ISN_VEC(sqlite3_int64) ment_rows; /* mention index -> row id, for the current document */
    isn_buf norm, words;              /* a sentence normalised, and its search words */
};

static int fail(isn_store *s, isn_error *err, int code, const char *what) {
    return isn_set_error(err, code, s->path, 0, ISN_NO_OFFSET, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : "");
}

static int exec(isn_store *s, const char *sql, isn_error *err) {
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK) return ISN_OK;
    int rc = isn_set_error(err, ISN_EIO, s->path, 0, ISN_NO_OFFSET, "%s", msg ? msg : "database error");
    sqlite3_free(msg);
    return rc;
}

/* One integer pragma's value, or -1 when the file is no database. */
static long pragma(isn_store *s, const char *name) {
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s", name);
    sqlite3_stmt *st;
    long v = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Checks a database that already has tables, before anything is written. */
static int check_existing(isn_store *s, isn_error *err) {
    long app = pragma(s, "application_id"), version = pragma(s, "user_version");
    if (app != ISN_STORE_APP_ID)
        return isn_set_error(err, ISN_EDB, s->path, 0, ISN_NO_OFFSET,
                             "not an isnad database (it has tables of its own); left untouched");
    if (version > ISN_STORE_SCHEMA)
        return isn_set_error(err, ISN_EDB, s->path, 0, ISN_NO_OFFSET,
                             "made by a newer isnad (schema %ld; this isnad knows %d); left untouched", version,
                             ISN_STORE_SCHEMA);
    if (version < ISN_STORE_SCHEMA)
        return isn_set_error(err, ISN_EDB, s->path, 0, ISN_NO_OFFSET, "schema %ld is unknown; left untouched",
                             version);
    return ISN_OK;
}

static int create_schema(isn_store *s, isn_error *err) {
    char sql[128];
    int rc = exec(s, "BEGIN", err);
    if (!rc) rc = exec(s, isn_store_schema_sql, err);
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d", ISN_STORE_APP_ID,
             ISN_STORE_SCHEMA);
    if (!rc) rc = exec(s, sql, err);
    if (!rc) rc = exec(s, "COMMIT", err);
    else exec(s, "ROLLBACK", &(isn_error){0});
    return rc;
}

/* The tables of the open database, or -1 when it cannot be read. */
static long table_count(isn_store *s) {
    long tables = -1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) tables = (long)sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return tables;
}

/* Opens path for reading only. A WAL database on read-only media cannot
 * make its shared-memory file, so SQLite refuses it; nothing can write
 * there, so it is then opened as immutable, which needs none. */
static int open_readonly(isn_store *s, isn_error *err) {
    if (access(s->path, F_OK))
        return isn_set_error(err, ISN_EIO, s->path, 0, ISN_NO_OFFSET, "no such database");
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK && table_count(s) >= 0)
        return ISN_OK;
    if (sqlite3_errcode(s->db) == SQLITE_NOTADB) return fail(s, err, ISN_EDB, "not a database");
    sqlite3_close(s->db);
    s->db = NULL;
    char *q = NULL;
    isn_buf b = {0}; /* the path as a URI: "%", "?" and "#" escaped */
    for (const char *p = s->path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#') isn_buf_printf(&b, "%%%02X", (unsigned char)*p);
        else isn_buf_addc(&b, *p);
    }
    if (b.data && !b.oom) q = sqlite3_mprintf("file:%s?immutable=1", b.data);
    isn_buf_free(&b);
    int ok = q && sqlite3_open_v2(q, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
             table_count(s) >= 0;
    sqlite3_free(q);
    if (ok) return ISN_OK;
    return fail(s, err, s->db && sqlite3_errcode(s->db) == SQLITE_NOTADB ? ISN_EDB : ISN_EIO,
                "cannot open the database");
}

/* May this process write path, or create it in its folder? On a read-only
 * file system even root may not (EROFS), and SQLite would only say it
 * cannot open the file. */
static int check_writable(isn_store *s, isn_error *err) {
    const char *what = NULL;
    if (!access(s->path, F_OK)) {
        if (access(s->path, W_OK)) what = "cannot write the database";
    } else {
        char *dir = strdup(s->path);
        if (!dir) return isn_set_error(err, ISN_ENOMEM, s->path, 0, ISN_NO_OFFSET, "out of memory");
        char *slash = strrchr(dir, '/');
        const char *d = slash ? (slash == dir ? "/" : (*slash = 0, dir)) : ".";
        if (access(d, W_OK)) what = "cannot create the database";
        free(dir);
    }
    if (!what) return ISN_OK;
    return isn_set_error(err, ISN_EIO, s->path, 0, ISN_NO_OFFSET, "%s: %s; nothing was written", what,
                         strerror(errno));
}

static int open_readwrite(isn_store *s, isn_error *err) {
    int rc = check_writable(s, err);
    if (rc) return rc;
    if (sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        return fail(s, err, ISN_EIO, "cannot open the database");
    sqlite3_busy_timeout(s->db, 5000);
    long tables = table_count(s);
    if (tables < 0)
        return fail(s, err, sqlite3_errcode(s->db) == SQLITE_NOTADB ? ISN_EDB : ISN_EIO,
                    sqlite3_errcode(s->db) == SQLITE_NOTADB ? "not a database" : "cannot read the database");
    if (tables > 0 && (rc = check_existing(s, err))) return rc;
    if ((rc = exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", err)))
        return rc;
    if (tables == 0 && (rc = create_schema(s, err))) return rc;
    for (int i = 0; i < Q_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, queries[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i], NULL) != SQLITE_OK)
            return fail(s, err, ISN_EIO, "cannot prepare a statement");
    return ISN_OK;
}

int isn_store_open(isn_store **out, const char *path, int flags, isn_error *err) {
    *out = NULL;
    isn_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return isn_set_error(err, ISN_ENOMEM, path, 0, ISN_NO_OFFSET, "out of memory");
    }
    int rc = (flags & ISN_STORE_READONLY) ? open_readonly(s, err) : open_readwrite(s, err);
    if (!rc && (flags & ISN_STORE_READONLY)) {
        long tables = table_count(s);
        if (tables == 0)
            rc = isn_set_error(err, ISN_EDB, s->path, 0, ISN_NO_OFFSET, "an empty database, not isnad's");
        else rc = check_existing(s, err);
    }
    if (rc) {
        isn_store_close(s);
        return rc;
    }
    *out = s;
    return ISN_OK;
}

void isn_store_close(isn_store *s) {
    if (!s) return;
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
    sqlite3_close(s->db);
    ISN_VEC_FREE(s->ment_rows);
    isn_buf_free(&s->norm);
    isn_buf_free(&s->words);
    free(s->path);
    free(s);
}

int isn_store_begin(isn_store *s, isn_error *err) { return exec(s, "BEGIN IMMEDIATE", err); }
int isn_store_commit(isn_store *s, isn_error *err) { return exec(s, "COMMIT", err); }
void isn_store_rollback(isn_store *s) { sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); }

/* ---- one document ---- */

static void text_or_null(sqlite3_stmt *st, int i, const char *s) {
    if (s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

static void span_text(sqlite3_stmt *st, int i, const isn_doc *d, isn_span sp) {
    sqlite3_bind_text(st, i, d->in.text + sp.start, (int)(sp.end - sp.start), SQLITE_TRANSIENT);
}

/* Runs a bound insert; returns its row id, or -1. */
static sqlite3_int64 run(isn_store *s, sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(s->db) : -1;
}

/* FNV-1a over the text and the metadata that make it this document. */
static void content_hash(const isn_doc *d, char out[17]) {
    uint64_t h = 1469598103934665603ULL;
    const char *parts[] = {d->in.text, isn_doc_date(d), isn_doc_title(d), d->in.url};
    size_t lens[] = {d->in.len, 0, 0, 0};
    for (int p = 0; p < 4; p++) {
        const char *t = parts[p] ? parts[p] : "";
        size_t n = p ? strlen(t) : lens[0];
        for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)t[i]) * 1099511628211ULL;
        h = (h ^ 0xFF) * 1099511628211ULL; /* a separator no UTF-8 text has */
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static sqlite3_int64 put_mention(isn_store *s, const isn_doc *d, sqlite3_int64 doc, const isn_mention *m) {
    sqlite3_stmt *q = s->q[Q_MENT];
    sqlite3_bind_int64(q, 1, doc);
    sqlite3_bind_int(q, 2, (int)m->sentence);
    sqlite3_bind_int(q, 3, (int)m->span.start);
    sqlite3_bind_int(q, 4, (int)m->span.end);
    span_text(q, 5, d, m->span);
    text_or_null(q, 6, m->entity);
    text_or_null(q, 7, m->name);
    text_or_null(q, 8, m->code);
    text_or_null(q, 9, isn_entity_type_name(m->type));
    text_or_null(q, 10, isn_mention_rule_name(m->rule));
    sqlite3_bind_int(q, 11, m->nominal);
    sqlite3_int64 row = run(s, q);
    if (row > 0 && m->entity) {
        sqlite3_stmt *e = s->q[Q_ENT];
        text_or_null(e, 1, m->entity);
        text_or_null(e, 2, m->name);
        text_or_null(e, 3, m->code);
        text_or_null(e, 4, isn_entity_type_name(m->type));
        if (run(s, e) < 0) return -1;
    }
    return row;
}

/* Binds a role's mention (its row, text, entity, name, code) at i..i+4. */
static void bind_role(isn_store *s, sqlite3_stmt *q, int i, const isn_doc *d, size_t ment, int with_code) {
    isn_mention m;
    if (ment == ISN_NO_INDEX || isn_doc_mention(d, ment, &m) || ment >= s->ment_rows.n) {
        for (int k = 0; k < 3 + 2 * with_code; k++) sqlite3_bind_null(q, i + k);
        return;
    }
    sqlite3_bind_int64(q, i, s->ment_rows.v[ment]);
    if (with_code) span_text(q, i + 1, d, m.span), i++;
    text_or_null(q, i + 1, m.entity);
    text_or_null(q, i + 2, m.name);
    if (with_code) text_or_null(q, i + 3, m.code);
}

static int put_event(isn_store *s, const isn_doc *d, sqlite3_int64 doc, size_t i) {
    isn_event e;
    isn_time t;
    if (isn_doc_event(d, i, &e)) return -1;
    sqlite3_stmt *q = s->q[Q_EVENT];
    char root[3] = {e.code[0], e.code[1], 0};
    sqlite3_bind_int64(q, 1, doc);
    sqlite3_bind_text(q, 2, e.id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q, 3, (int)e.sentence);
    sqlite3_bind_int(q, 4, (int)e.span.start);
    sqlite3_bind_int(q, 5, (int)e.span.end);
    span_text(q, 6, d, e.trigger);
    text_or_null(q, 7, e.code);
    text_or_null(q, 8, root);
    text_or_null(q, 9, e.label);
    text_or_null(q, 10, e.plover);
    bind_role(s, q, 11, d, e.source, 1);
    bind_role(s, q, 16, d, e.target, 1);
    int has_time = e.time != ISN_NO_INDEX && isn_doc_time(d, e.time, &t) == 0;
    if (has_time) span_text(q, 21, d, t.span);
    else sqlite3_bind_null(q, 21);
    text_or_null(q, 22, has_time ? t.value : NULL);
    bind_role(s, q, 23, d, e.place, 0);
    text_or_null(q, 26, isn_modality_name(e.modality));
    sqlite3_int64 row = run(s, q);
    if (row < 0) return -1;
    for (size_t k = 0; k < e.nattribution; k++) {
        isn_claim_source cs;
        isn_mention m;
        if (isn_doc_event_source(d, i, k, &cs)) break;
        int named = cs.mention != ISN_NO_INDEX && isn_doc_mention(d, cs.mention, &m) == 0;
        sqlite3_stmt *sq = s->q[Q_SOURCE];
        sqlite3_bind_int64(sq, 1, row);
        sqlite3_bind_int(sq, 2, (int)k);
        span_text(sq, 3, d, cs.span);
        text_or_null(sq, 4, named ? m.entity : NULL);
        text_or_null(sq, 5, named ? m.name : NULL);
        if (run(s, sq) < 0) return -1;
    }
    return 0;
}

/* The words full-text search finds a sentence by: its normalised words,
 * and each word again without its proclitics, so that "حفتر" finds
 * "لحفتر" and "وبحفتر" (isn_search_words, search.c). */
static int put_search(isn_store *s, const isn_doc *d, sqlite3_int64 doc, size_t i, isn_span sp) {
    isn_buf_reset(&s->norm);
    isn_buf_reset(&s->words);
    if (isn_buf_reserve(&s->norm, 3 * (sp.end - sp.start) + 1)) return -1;
    s->norm.len = isn_normalize(d->in.text + sp.start, sp.end - sp.start, s->norm.data, NULL);
    isn_search_words(s->norm.data, s->norm.len, &s->words);
    if (s->words.oom) return -1;
    sqlite3_stmt *q = s->q[Q_SEARCH];
    sqlite3_bind_text(q, 1, s->words.data ? s->words.data : "", (int)s->words.len, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, doc);
    sqlite3_bind_int(q, 3, (int)i);
    return run(s, q) < 0 ? -1 : 0;
}

static int put_records(isn_store *s, const isn_doc *d, sqlite3_int64 doc) {
    for (size_t i = 0; i < isn_doc_sentence_count(d); i++) {
        isn_span sp = isn_doc_sentence(d, i);
        sqlite3_stmt *q = s->q[Q_SENT];
        sqlite3_bind_int64(q, 1, doc);
        sqlite3_bind_int(q, 2, (int)i);
        sqlite3_bind_int(q, 3, (int)sp.start);
        sqlite3_bind_int(q, 4, (int)sp.end);
        span_text(q, 5, d, sp);
        if (run(s, q) < 0 || put_search(s, d, doc, i, sp)) return -1;
    }
    ISN_VEC_RESET(s->ment_rows);
    isn_mention m;
    for (size_t i = 0; isn_doc_mention(d, i, &m) == 0; i++) {
        sqlite3_int64 *slot = ISN_VEC_PUSH(s->ment_rows);
        if (!slot || (*slot = put_mention(s, d, doc, &m)) < 0) return -1;
    }
    isn_time t;
    for (size_t i = 0; isn_doc_time(d, i, &t) == 0; i++) {
        sqlite3_stmt *q = s->q[Q_TIME];
        sqlite3_bind_int64(q, 1, doc);
        sqlite3_bind_int(q, 2, (int)t.sentence);
        sqlite3_bind_int(q, 3, (int)t.span.start);
        sqlite3_bind_int(q, 4, (int)t.span.end);
        span_text(q, 5, d, t.span);
        text_or_null(q, 6, t.value);
        sqlite3_bind_int(q, 7, t.anchored);
        text_or_null(q, 8, t.mod[0] ? t.mod : NULL);
        text_or_null(q, 9, t.hijri[0] ? t.hijri : NULL);
        if (run(s, q) < 0) return -1;
    }
    for (size_t i = 0; i < isn_doc_event_count(d); i++)
        if (put_event(s, d, doc, i)) return -1;
    return 0;
}

int isn_store_put(isn_store *s, const isn_doc *d, isn_store_result *result, isn_error *err) {
    char hash[17];
    content_hash(d, hash);
    *result = ISN_STORE_ADDED;
    sqlite3_stmt *f = s->q[Q_FIND];
    sqlite3_bind_text(f, 1, isn_doc_id(d), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(f);
    if (rc == SQLITE_ROW) {
        sqlite3_int64 old = sqlite3_column_int64(f, 0);
        int same = !strcmp((const char *)sqlite3_column_text(f, 1), hash);
        sqlite3_reset(f);
        if (same) { *result = ISN_STORE_UNCHANGED; return ISN_OK; }
        *result = ISN_STORE_REPLACED;
        sqlite3_bind_int64(s->q[Q_DELETE], 1, old);
        if (sqlite3_step(s->q[Q_DELETE]) != SQLITE_DONE) {
            sqlite3_reset(s->q[Q_DELETE]);
            return fail(s, err, ISN_EIO, "cannot replace a document");
        }
        sqlite3_reset(s->q[Q_DELETE]);
    } else {
        sqlite3_reset(f);
        if (rc != SQLITE_DONE) return fail(s, err, ISN_EIO, "cannot read the database");
    }
    char now[32];
    time_t tt = time(NULL);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime(&tt));
    sqlite3_stmt *q = s->q[Q_DOC];
    text_or_null(q, 1, isn_doc_id(d));
    text_or_null(q, 2, hash);
    text_or_null(q, 3, isn_doc_title(d));
    text_or_null(q, 4, isn_doc_date(d));
    text_or_null(q, 5, isn_doc_outlet(d));
    text_or_null(q, 6, d->in.url);
    text_or_null(q, 7, d->in.file);
    sqlite3_bind_int64(q, 8, (sqlite3_int64)d->in.len);
    sqlite3_bind_text(q, 9, d->in.text, (int)d->in.len, SQLITE_TRANSIENT);
    text_or_null(q, 10, now);
    sqlite3_int64 doc = run(s, q);
    if (doc < 0 || put_records(s, d, doc)) return fail(s, err, ISN_EIO, "cannot store a document");
    return ISN_OK;
}

sqlite3 *isn_store_db(isn_store *s) { return s->db; }
const char *isn_store_path(const isn_store *s) { return s->path; }
