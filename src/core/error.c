/*
 * error.c -- status codes and error messages.
 *
 * Errors travel as an isn_status return code plus an isn_error the caller
 * owns. The message names the file, line and byte offset so a researcher can
 * open the input at the bad spot; front ends decide how to show it.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *isn_strerror(int code) {
    switch (code) {
    case ISN_OK: return "success";
    case ISN_ENOMEM: return "out of memory";
    case ISN_EIO: return "cannot read";
    case ISN_EUTF8: return "invalid UTF-8";
    case ISN_ENUL: return "NUL byte in text";
    case ISN_EJSON: return "malformed JSON Lines record";
    case ISN_EFORMAT: return "unsupported input format";
    case ISN_EINVAL: return "invalid argument";
    case ISN_EDATA: return "bad data file line";
    case ISN_ETOOBIG: return "document too large";
    case ISN_EDB: return "not a database isnad can use";
    }
    return "unknown error";
}

int isn_set_error(isn_error *err, int code, const char *file, uint64_t line,
                  uint64_t offset, const char *fmt, ...) {
    if (!err) return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

int isn_error_format(const isn_error *e, char *buf, size_t size) {
    char line[32] = "", off[48] = "";
    if (e->line) snprintf(line, sizeof line, ":%llu", (unsigned long long)e->line);
    if (e->offset != ISN_NO_OFFSET)
        snprintf(off, sizeof off, " byte %llu:", (unsigned long long)e->offset);
    return snprintf(buf, size, "%s%s:%s %s", e->file[0] ? e->file : "(input)", line, off,
                    e->msg);
}
