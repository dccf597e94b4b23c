/*
 * testdoc.h -- running the pipeline on a string, for unit tests.
 *
 * An engine is loaded once per test program from $ISNAD_DATA (ctest sets it
 * to the source tree's data/).
 */
#ifndef ISN_TESTDOC_H
#define ISN_TESTDOC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isnad.h"

static isn_engine *test_engine;
static isn_doc *test_doc;

static int test_setup(void **state) {
    (void)state;
    isn_error err = {0};
    if (isn_engine_new(&test_engine, NULL, &err) != ISN_OK) {
        fprintf(stderr, "engine: %s\n", err.msg);
        return -1;
    }
    if (isn_engine_warning_count(test_engine)) {
        fprintf(stderr, "data warning: %s\n", isn_engine_warning(test_engine, 0));
        return -1;
    }
    return isn_doc_new(&test_doc, test_engine);
}

static int test_teardown(void **state) {
    (void)state;
    isn_doc_free(test_doc);
    isn_engine_free(test_engine);
    return 0;
}

/* Processes text as a plain-text document named "t". */
static inline isn_doc *run_text(const char *text) {
    isn_input in = {0};
    in.id = in.file = "t";
    in.text = text;
    in.len = strlen(text);
    isn_error err = {0};
    assert_int_equal(isn_doc_process(test_doc, &in, NULL, &err), ISN_OK);
    return test_doc;
}

/* Sentence i of the last document as a string (static buffer). */
static inline const char *sentence(const isn_doc *d, size_t i, const char *text) {
    static char buf[4096];
    isn_span sp = isn_doc_sentence(d, i);
    size_t n = sp.end - sp.start;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, text + sp.start, n);
    buf[n] = 0;
    return buf;
}

/* The text of removed span i (static buffer). */
static inline const char *removed(const isn_doc *d, size_t i, const char *text, isn_removed_kind *kind) {
    static char buf[4096];
    isn_span sp = isn_doc_removed(d, i, kind);
    size_t n = sp.end - sp.start;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, text + sp.start, n);
    buf[n] = 0;
    return buf;
}

#endif
