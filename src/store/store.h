/*
 * store.h -- what the store's files share beyond the public API.
 */
#ifndef ISN_STORE_H
#define ISN_STORE_H

#include "isnad.h"
#include "../core/buf.h"
#include <sqlite3.h>

sqlite3 *isn_store_db(isn_store *s);
const char *isn_store_path(const isn_store *s);

/* The WHERE clause of an event filter over "events e JOIN documents d",
 * parameters ?1 to ?8 in isn_event_filter's order (bind them with
 * isn_bind_event_filter): a NULL parameter does not filter. */
#define ISN_EVENT_FILTER_SQL \
    "WHERE (?1 IS NULL OR e.source_entity = ?1 OR e.target_entity = ?1 OR e.source_name = ?1 OR e.target_name = ?1)\n" \
    "  AND (?2 IS NULL OR e.source_entity = ?2 OR e.source_name = ?2)\n" \
    "  AND (?3 IS NULL OR e.target_entity = ?3 OR e.target_name = ?3)\n" \
    "  AND (?4 IS NULL OR instr(',' || replace(?4, ' ', '') || ',', ',' || e.root || ',')\n" \
    "       OR instr(',' || replace(?4, ' ', '') || ',', ',' || substr(e.code, 1, 3) || ',')\n" \
    "       OR instr(',' || replace(?4, ' ', '') || ',', ',' || e.code || ','))\n" \
    "  AND (?5 IS NULL OR e.date_value >= ?5)\n" \
    "  AND (?6 IS NULL OR e.date_value < ?6 || '~')\n" \
    "  AND (?7 IS NULL OR e.modality = ?7)\n" \
    "  AND (?8 IS NULL OR d.outlet = ?8 OR EXISTS (SELECT 1 FROM sources s WHERE s.event_id = e.id\n" \
    "       AND (s.entity = ?8 OR s.name = ?8 OR s.text LIKE '%' || ?8 || '%')))\n"

static inline void isn_bind_event_filter(sqlite3_stmt *st, const isn_event_filter *f) {
    const char *args[] = {f->actor, f->source, f->target, f->code, f->from, f->to, f->modality, f->outlet};
    for (int i = 0; i < 8; i++)
        if (args[i]) sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_STATIC);
}

/* Appends to out the search words of a normalised text: each word, then
 * the same word without its proclitics (و ف ب ل ك ال) when it has any. */
void isn_search_words(const char *norm, size_t n, isn_buf *out);

#endif
