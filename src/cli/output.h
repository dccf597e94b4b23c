/*
 * output.h -- the writers of isnad query and isnad export (output.c).
 */
#ifndef ISN_CLI_OUTPUT_H
#define ISN_CLI_OUTPUT_H

#include "isnad.h"

#include <stddef.h>

enum { FMT_TABLE, FMT_JSONL, FMT_CSV, FMT_GDELT, FMT_GRAPHML, FMT_DOT, FMT_JSON };

/* The format, and the rows written so far. */
typedef struct query_ctx { int format; size_t rows; } query_ctx;

/* isn_store_query_events and isn_store_query_stories callbacks: write one
 * row in ctx's format. */
int print_event(void *ctx, const isn_event_row *r);
int print_story(void *ctx, const isn_story *st);

/* The edges of the actor graph, collected, then written at once (the
 * nodes come first in every format). */
typedef struct graph { isn_edge *e; size_t n, cap; } graph;
int keep_edge(void *ctx, const isn_edge *e); /* an isn_store_query_edges callback */
void print_graph(const graph *g, int format);
void graph_free(graph *g);

#endif
