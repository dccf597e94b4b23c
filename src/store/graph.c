/*
 * graph.c -- the actor network of the corpus (isnad export graph).
 *
 * One edge per source, target and CAMEO root, with the number of events and
 * the distinct outlets that report them; events with no target are not
 * edges. Actors are their entity ids, or their names when the lexicon does
 * not know them.
 */
#include "store.h"
#include "../core/error.h"

static const char edges_sql[] =
    "SELECT coalesce(e.source_entity, e.source_name), e.source_name, e.source_code,\n"
    "       coalesce(e.target_entity, e.target_name), e.target_name, e.target_code, e.root, count(*),\n"
    "       group_concat(DISTINCT coalesce(d.outlet, d.doc))\n"
    "FROM events e JOIN documents d ON d.id = e.doc_id\n"
    ISN_EVENT_FILTER_SQL
    "  AND e.target_name IS NOT NULL\n"
    "GROUP BY 1, 4, e.root ORDER BY 1, 4, e.root";

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

int isn_store_query_edges(isn_store *s, const isn_event_filter *f, isn_edge_fn fn, void *ctx, isn_error *err) {
    sqlite3 *db = isn_store_db(s);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, edges_sql, -1, &st, NULL) != SQLITE_OK)
        return isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db));
    isn_bind_event_filter(st, f);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        isn_edge e = {col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5), col(st, 6),
                      sqlite3_column_int(st, 7), col(st, 8)};
        if (fn(ctx, &e)) break;
    }
    int out = rc != SQLITE_ROW && rc != SQLITE_DONE
                  ? isn_set_error(err, ISN_EIO, isn_store_path(s), 0, ISN_NO_OFFSET, "%s", sqlite3_errmsg(db))
                  : ISN_OK;
    sqlite3_finalize(st);
    return out;
}
