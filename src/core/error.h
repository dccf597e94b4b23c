/*
 * error.h -- internal helper to fill an isn_error.
 */
#ifndef ISN_ERROR_H
#define ISN_ERROR_H

#include "isnad.h"

/* Fills *err (when not NULL) and returns `code`, so callers can write
 * `return isn_set_error(err, ISN_EIO, path, 0, ISN_NO_OFFSET, "...")`. */
int isn_set_error(isn_error *err, int code, const char *file, uint64_t line,
                  uint64_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#endif
