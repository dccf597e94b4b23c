/*
 * search.c -- full-text search over the stored sentences (isnad search).
 *
 * SQLite's FTS5 indexes, for each sentence, its words normalised the way
 * the text layer normalises (hamzas, alef maqsura, teh marbuta, tashkeel
 * and tatweel folded: docs/text.md), and each word a second time without
 * its proclitics. A query is normalised the same way, so "احمد" finds
 * "أحمد" and "حفتر" finds "لحفتر". Hits are marked in the sentence as
 * written: the sentence is normalised again with its byte offsets, and each
 * word that matches a query word (as written or without its proclitics)
 * is marked over its original bytes.
 */
#include "store.h"
#include "../core/error.h"

#include <stdlib.h>
#include <string.h>

static int word_byte(unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The lengths of w without 0, 1, 2 ... proclitics, longest first; a form
 * keeps two letters (four bytes) at least. Returns how many. */
static int stripped(const char *w, size_t n, size_t *out) {
    static const char *pre[] = {"\xd9\x88", "\xd9\x81", "\xd8\xa8", "\xd9\x84", "\xd9\x83", "\xd8\xa7\xd9\x84"};
    int k = 0;
    size_t at = 0;
    out[k++] = n;
    for (int step = 0; step < 3; step++) { /* و/ف, then ب/ل/ك, then ال */
        int from = step == 0 ? 0 : step == 1 ? 2 : 5, to = step == 0 ? 2 : step == 1 ? 5 : 6;
        for (int p = from; p < to; p++) {
            size_t pl = strlen(pre[p]);
            if (n - at > pl + 4 && !memcmp(w + at, pre[p], pl)) {
                at += pl;
                out[k++] = n - at;
                break;
            }
        }
    }
    return k;
}

void isn_search_words(const char *norm, size_t n, isn_buf *out) {
    for (size_t i = 0; i < n;) {
        while (i < n && !word_byte((unsigned char)norm[i])) i++;
        size_t a = i;
        while (i < n && word_byte((unsigned char)norm[i])) i++;
        if (i == a) break;
        size_t lens[4];
        int k = stripped(norm + a, i - a, lens);
        for (int j = 0; j < k; j++) {
            if (out->len) isn_buf_addc(out, ' ');
            isn_buf_add(out, norm + a + (i - a - lens[j]), lens[j]);
        }
    }
}

/* The query's normalised words, NUL-separated in q, and as an FTS5
 * expression (every word, quoted) in expr. */
static int query_words(const char *query, isn_buf *q, isn_buf *expr, size_t *nwords) {
    size_t n = strlen(query);
    char *norm = malloc(3 * n + 1);
    if (!norm) return -1;
    size_t m = isn_normalize(query, n, norm, NULL);
    *nwords = 0;
    for (size_t i = 0; i < m;) {
        while (i < m && !word_byte((unsigned char)norm[i])) i++;
        size_t a = i;
        while (i < m && word_byte((unsigned char)norm[i])) i++;
        if (i == a) break;
        isn_buf_add(q, norm + a, i - a);
        isn_buf_addc(q, 0);
        if (expr->len) isn_buf_addc(expr, ' ');
        isn_buf_addc(expr, '"');
        isn_buf_add(expr, norm + a, i - a); /* word bytes hold no '"' */
        isn_buf_addc(expr, '"');
        (*nwords)++;
    }
    free(norm);
    return q->oom || expr->oom ? -1 : 0;
}

/* Does the normalised word w (n bytes), or w without proclitics, equal one
 * of the query words? */
static int is_hit(const char *w, size_t n, const isn_buf *q, size_t nwords) {
    size_t lens[4];
    int k = stripped(w, n, lens);
    const char *qw = q->data;
    for (size_t i = 0; i < nwords; i++, qw += strlen(qw) + 1)
        for (int j = 0; j < k; j++)
            if (strlen(qw) == lens[j] && !memcmp(w + n - lens[j], qw, lens[j])) return 1;
    return 0;
}

static size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/* The sentence with each hit between open and close. */
static int mark(const char *text, size_t n, const isn_buf *q, size_t nwords, const char *open, const char *close,
                isn_buf *out) {
    char *norm = malloc(3 * n + 1);
    uint32_t *offs = malloc((3 * n + 1) * sizeof *offs);
    if (!norm || !offs) { free(norm); free(offs); return -1; }
    size_t m = isn_normalize(text, n, norm, offs), done = 0;
    for (size_t i = 0; i < m;) {
        while (i < m && !word_byte((unsigned char)norm[i])) i++;
        size_t a = i;
        while (i < m && word_byte((unsigned char)norm[i])) i++;
        if (i == a || !is_hit(norm + a, i - a, q, nwords)) continue;
        size_t from = offs[a], to = offs[i - 1] + utf8_len((unsigned char)text[offs[i - 1]]);
        if (from < done) continue;
        isn_buf_add(out, text + done, from - done);
        isn_buf_adds(out, open);
        isn_buf_add(out, text + from, to - from);
        isn_buf_adds(out, close);
        done = to;
    }
    isn_buf_add(out, text + done, n - done);
    free(norm);
    free(offs);
    return out->oom ? -1 : 0;
}

int isn_store_search(isn_store *s, const char *query, int limit, const char *open, const char *close,
                     isn_search_fn fn, void *ctx, isn_error *err) {
    isn_buf q = {0}, expr = {0}, marked = {0};
    size_t nwords;
    int rc = ISN_OK;
    if (query_words(query, &q, &expr, &nwords)) {
        rc = isn_set_error(err, ISN_ENOMEM, NULL, 0, ISN_NO_OFFSET, "out of memory");
        goto out;
    }
    if (!nwords) {
        rc = isn_set_error(err, ISN_EINVAL, NULL, 0, ISN_NO_OFFSET, "the query has no word to look for");
        goto out;
    }
    sqlite3 *db = isn_store_db(s);
    sqlite3_stmt *st;
    const char *sql = "SELECT d.doc, x.idx, s.text, bm25(sentence_search) FROM sentence_search x\n"
                      "JOIN documents d ON d.id = x.doc_id JOIN sentences s ON s.doc_id = x.doc_id AND s.idx = x.idx\n"
                      "WHERE sentence_search MATCH ?1 ORDER BY bm25(sentence_search) LIMIT ?2";
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        rc = isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db));
        goto out;
    }
    sqlite3_bind_text(st, 1, expr.data, (int)expr.len, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 2);
        isn_buf_reset(&marked);
        if (mark(text, (size_t)sqlite3_column_bytes(st, 2), &q, nwords, open, close, &marked)) {
            rc = isn_set_error(err, ISN_ENOMEM, NULL, 0, ISN_NO_OFFSET, "out of memory");
            break;
        }
        isn_search_hit hit = {(const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1), marked.data,
                              sqlite3_column_double(st, 3)};
        if (fn(ctx, &hit)) break;
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
out:
    isn_buf_free(&q);
    isn_buf_free(&expr);
    isn_buf_free(&marked);
    return rc;
}
