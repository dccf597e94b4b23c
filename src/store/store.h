/*
 * store.h -- what the store's files share beyond the public API.
 */
#ifndef ISN_STORE_H
#define ISN_STORE_H

#include "isnad.h"
#include <sqlite3.h>

sqlite3 *isn_store_db(isn_store *s);
const char *isn_store_path(const isn_store *s);

#endif
