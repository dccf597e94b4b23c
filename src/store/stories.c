/*
 * stories.c -- the same event told by several reports (isnad query stories).
 *
 * Events with the same source, the same target and the same CAMEO root
 * whose dates overlap are one story. Dates are intervals: "2014-02-14" a
 * day, "2014-02" its month, "2014" its year, "2017/2019" from the first to
 * the last; events with no date (or an unknown year) make one story of
 * their own per source, target and root. A story counts its reports, its
 * documents and its distinct outlets (a document with no known outlet
 * counts as one of its own), and is contested when one report denies what
 * another asserts or reports, or when two reports give different days.
 */
#include "store.h"
#include "../core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char stories_sql[] =
    "SELECT coalesce(e.source_entity, e.source_name), e.source_name, coalesce(e.target_entity, e.target_name),\n"
    "       e.target_name, e.root, e.label, e.date_value, e.modality, d.id, coalesce(d.outlet, d.doc)\n"
    "FROM events e JOIN documents d ON d.id = e.doc_id\n"
    ISN_EVENT_FILTER_SQL
    "ORDER BY 1, 3, e.root, e.date_value IS NULL OR e.date_value LIKE 'X%', e.date_value";

static int month_days(int y, int m) {
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 31;
    return len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
}

/* A date value as an interval of ISO day strings; 0 when it gives no year. */
static int interval(const char *v, char from[11], char to[11]) {
    if (!v || !v[0] || v[0] == 'X') return 0;
    const char *slash = strchr(v, '/'), *b = slash ? slash + 1 : v;
    size_t na = slash ? (size_t)(slash - v) : strlen(v), nb = strlen(b);
    if (na == 4 && v[3] == 'X') { /* a decade, 197X */
        snprintf(from, 11, "%.3s0-01-01", v);
        snprintf(to, 11, "%.3s9-12-31", v);
        return 1;
    }
    int month_a = na >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '9';
    int month_b = nb >= 7 && b[4] == '-' && b[5] >= '0' && b[5] <= '9';
    if (na >= 10 && month_a) snprintf(from, 11, "%.10s", v);
    else if (month_a) snprintf(from, 11, "%.7s-01", v);
    else snprintf(from, 11, "%.4s-01-01", v);
    if (nb >= 10 && month_b) snprintf(to, 11, "%.10s", b);
    else if (month_b) snprintf(to, 11, "%.7s-%02d", b, month_days(atoi(b), atoi(b + 5)));
    else snprintf(to, 11, "%.4s-12-31", b);
    return 1;
}

typedef struct story_acc {
    isn_story st;
    char key_src[256], key_tgt[256], root[3], from[11], to[11], day[11];
    char src_name[256], tgt_name[256], label[128];
    int dated, asserts, denies, days_differ;
    ISN_VEC(sqlite3_int64) docs;
    ISN_VEC(char *) outlets;
} story_acc;

static void acc_reset(story_acc *a) {
    for (size_t i = 0; i < a->outlets.n; i++) free(a->outlets.v[i]);
    ISN_VEC_RESET(a->outlets);
    ISN_VEC_RESET(a->docs);
    a->st.reports = 0;
    a->asserts = a->denies = a->days_differ = 0;
    a->day[0] = 0;
}

static void acc_add(story_acc *a, sqlite3_int64 doc, const char *outlet, const char *modality, const char *day) {
    a->st.reports++;
    size_t i;
    for (i = 0; i < a->docs.n && a->docs.v[i] != doc; i++) {}
    if (i == a->docs.n) { sqlite3_int64 *d = ISN_VEC_PUSH(a->docs); if (d) *d = doc; }
    for (i = 0; i < a->outlets.n && strcmp(a->outlets.v[i], outlet); i++) {}
    if (i == a->outlets.n) { char **o = ISN_VEC_PUSH(a->outlets); if (o) *o = strdup(outlet); }
    if (!strcmp(modality, "denied")) a->denies++;
    else if (!strcmp(modality, "asserted") || !strcmp(modality, "reported")) a->asserts++;
    if (day) {
        if (a->day[0] && strcmp(a->day, day)) a->days_differ = 1;
        snprintf(a->day, sizeof a->day, "%s", day);
    }
}

static int acc_emit(story_acc *a, isn_story_fn fn, void *ctx) {
    if (!a->st.reports) return 0;
    a->st.source = a->key_src, a->st.source_name = a->src_name;
    a->st.target = a->key_tgt[0] ? a->key_tgt : NULL, a->st.target_name = a->tgt_name[0] ? a->tgt_name : NULL;
    a->st.root = a->root, a->st.label = a->label;
    a->st.from = a->dated ? a->from : NULL, a->st.to = a->dated ? a->to : NULL;
    a->st.documents = (int)a->docs.n, a->st.outlets = (int)a->outlets.n;
    a->st.contested = a->denies && a->asserts ? "denied" : a->days_differ ? "dates" : NULL;
    int stop = fn(ctx, &a->st);
    acc_reset(a);
    return stop;
}

int isn_store_query_stories(isn_store *s, const isn_event_filter *f, isn_story_fn fn, void *ctx, isn_error *err) {
    sqlite3 *db = isn_store_db(s);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, stories_sql, -1, &st, NULL) != SQLITE_OK)
        return isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db));
    isn_bind_event_filter(st, f);
    story_acc a;
    memset(&a, 0, sizeof a);
    int rc, stop = 0;
    while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *src = (const char *)sqlite3_column_text(st, 0), *tgt = (const char *)sqlite3_column_text(st, 2);
        const char *root = (const char *)sqlite3_column_text(st, 4), *value = (const char *)sqlite3_column_text(st, 6);
        char from[11], to[11];
        int dated = interval(value, from, to);
        int same = a.st.reports && !strcmp(a.key_src, src ? src : "") && !strcmp(a.key_tgt, tgt ? tgt : "") &&
                   !strcmp(a.root, root ? root : "") && a.dated == dated && (!dated || strcmp(from, a.to) <= 0);
        if (!same) {
            stop = acc_emit(&a, fn, ctx);
            snprintf(a.key_src, sizeof a.key_src, "%s", src ? src : "");
            snprintf(a.key_tgt, sizeof a.key_tgt, "%s", tgt ? tgt : "");
            snprintf(a.src_name, sizeof a.src_name, "%s", (const char *)sqlite3_column_text(st, 1));
            const char *tn = (const char *)sqlite3_column_text(st, 3);
            snprintf(a.tgt_name, sizeof a.tgt_name, "%s", tn ? tn : "");
            snprintf(a.root, sizeof a.root, "%s", root ? root : "");
            snprintf(a.label, sizeof a.label, "%s", (const char *)sqlite3_column_text(st, 5));
            a.dated = dated;
            if (dated) memcpy(a.from, from, 11), memcpy(a.to, to, 11);
        } else if (dated && strcmp(to, a.to) > 0) {
            memcpy(a.to, to, 11);
        }
        acc_add(&a, sqlite3_column_int64(st, 8), (const char *)sqlite3_column_text(st, 9),
                (const char *)sqlite3_column_text(st, 7), dated && value && strlen(value) == 10 ? value : NULL);
    }
    if (!stop) acc_emit(&a, fn, ctx);
    int bad = !stop && rc != SQLITE_DONE;
    int out = bad ? isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db)) : ISN_OK;
    sqlite3_finalize(st);
    acc_reset(&a);
    ISN_VEC_FREE(a.docs);
    ISN_VEC_FREE(a.outlets);
    return out;
}
