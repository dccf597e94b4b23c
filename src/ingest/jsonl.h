/*
 * jsonl.h -- one JSON Lines record read in a single pass (jsonl.c).
 */
#ifndef ISN_JSONL_H
#define ISN_JSONL_H

#include "../core/buf.h"

#include <stddef.h>
#include <stdint.h>

/* The fields isnad reads; the offsets are into `strings`, SIZE_MAX when the
 * field is absent or not a string (id: or an integer, written in digits). */
enum { ISN_JF_ID, ISN_JF_URL, ISN_JF_TITLE, ISN_JF_DATE, ISN_JF_TEXT, ISN_JF_COUNT };

typedef struct isn_jsonl_rec {
    size_t field[ISN_JF_COUNT], len[ISN_JF_COUNT];
    int object;        /* the line is a JSON object (else a valid value of another kind) */
    isn_buf strings;   /* the decoded values, each NUL-terminated */
    isn_buf meta;      /* the other members, compact: "{...}", empty when none */
    isn_buf key;       /* a member name, decoded (scratch) */
} isn_jsonl_rec;

/* Reads one line (n bytes, valid UTF-8). Returns 0, or -1 with *at the
 * byte offset of the error in the line and *why what is wrong. The buffers
 * of rec are reused from line to line; free them with isn_jsonl_rec_free. */
int isn_jsonl_parse(const char *line, size_t n, isn_jsonl_rec *rec, size_t *at, const char **why);
void isn_jsonl_rec_free(isn_jsonl_rec *rec);

#endif
