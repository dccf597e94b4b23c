/*
 * query.c -- asking the corpus database for events (isnad query events).
 *
 * One SQL statement with every filter written as "(?N IS NULL OR ...)", so
 * a filter left out costs nothing and the statement is the same for every
 * question. The evidence sentence is cut from the stored text by its byte
 * span (SQLite's substr counts characters on TEXT, bytes on a BLOB).
 */
#include "store.h"
#include "../core/error.h"

#include <string.h>

static const char events_sql[] =
    "SELECT e.id, d.doc, d.outlet, e.date_value, e.source_name, e.source_code, e.code, e.label,\n"
    "       e.target_name, e.target_code, e.modality,\n"
    "       (SELECT group_concat(text, ' > ') FROM (SELECT text FROM sources WHERE event_id = e.id ORDER BY rank)),\n"
    "       CAST(substr(CAST(d.text AS BLOB), e.start + 1, e.end - e.start) AS TEXT),\n"
    "       e.place_name, d.url, d.ingested, e.sentence\n"
    "FROM events e JOIN documents d ON d.id = e.doc_id\n"
    ISN_EVENT_FILTER_SQL
    "ORDER BY e.date_value IS NULL, e.date_value, d.doc, e.id";

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

int isn_store_query_events(isn_store *s, const isn_event_filter *f, isn_event_row_fn fn, void *ctx, isn_error *err) {
    sqlite3 *db = isn_store_db(s);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, events_sql, -1, &st, NULL) != SQLITE_OK)
        return isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db));
    isn_bind_event_filter(st, f);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        isn_event_row r = {sqlite3_column_int64(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5),
                           col(st, 6), col(st, 7), col(st, 8), col(st, 9), col(st, 10), col(st, 11), col(st, 12),
                           col(st, 13), col(st, 14), col(st, 15), sqlite3_column_int(st, 16)};
        if (fn(ctx, &r)) break;
    }
    int bad = rc != SQLITE_ROW && rc != SQLITE_DONE;
    int out = bad ? isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db)) : ISN_OK;
    sqlite3_finalize(st);
    return out;
}
