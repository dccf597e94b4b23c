/*
 * text.h -- the text layer: tokeniser and sentence segmenter.
 *
 * Both work on the ORIGINAL bytes and keep original offsets; normalised
 * forms are written beside the tokens, for matching only.
 */
#ifndef ISN_TEXT_H
#define ISN_TEXT_H

#include "../core/buf.h"
#include "../core/lexfile.h"
#include "isnad.h"

typedef ISN_VEC(isn_token) isn_tokvec;

/* Tokenises text[start,end) and appends to toks, writing normalised forms
 * (NUL-terminated) to norm. `para` marks the first token as following a
 * line break. Returns ISN_OK or ISN_ENOMEM. */
int isn_tokenize(const char *text, size_t start, size_t end, int para,
                 isn_tokvec *toks, isn_buf *norm);

/* What the segmenter reads from data/text/segment.txt. */
typedef struct isn_segment_lex {
    isn_phrases discourse;     /* clause markers a long unit is split before */
    isn_phrases weak;          /* weaker split points, used under the hard cap */
    isn_phrases abbreviations; /* words a full stop does not end a sentence after */
    isn_phrases no_split_after; /* a marker right after these is inside a clause (الذي تقول) */
    int soft_cap;              /* units longer than this (words) are split at markers */
    int hard_cap;              /* no transcript unit longer than this (words) */
    int prose_cap;             /* no punctuated unit longer than this (words) */
    int transcript_words;      /* a paragraph with fewer full stops than one per this
                                  many words is a transcript */
    int min_words;             /* no piece shorter than this from a marker split */
} isn_segment_lex;

int isn_segment_lex_load(isn_segment_lex *lex, const char *path, isn_warnings *warn,
                         isn_error *err);
void isn_segment_lex_free(isn_segment_lex *lex);

/* A sentence: tokens [first, last) and its byte span. */
typedef struct isn_sent {
    uint32_t first, last;
    uint32_t start, end;
} isn_sent;
typedef ISN_VEC(isn_sent) isn_sentvec;

/* Splits toks into sentences (appended to out); `norm` is the buffer the
 * tokens' normalised forms live in. Linear in the number of tokens. */
int isn_segment(const isn_segment_lex *lex, const isn_token *toks, size_t ntoks,
                const char *norm, isn_sentvec *out);

#endif
