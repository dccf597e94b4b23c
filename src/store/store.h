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

/* Appends to out the search words of a normalised text: each word, then
 * the same word without its proclitics (و ف ب ل ك ال) when it has any. */
void isn_search_words(const char *norm, size_t n, isn_buf *out);

#endif
