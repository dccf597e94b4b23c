/*
 * lexfile_test.c -- data files: the format, normalised phrases, and bad
 * lines reported with file and line while the rest loads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lexfile.h"
#include "text/text.h"

static char path[64];

static void write_file(const char *content) {
    snprintf(path, sizeof path, "/tmp/isnad-lexfile-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(content, f);
    fclose(f);
}

typedef struct { int n; char sections[8][32], keys[8][64], values[8][32]; } seen_t;

static const char *collect(void *ctx, const char *section, const char *key, const char *value) {
    seen_t *s = ctx;
    if (!strcmp(key, "reject")) return "rejected by the caller";
    snprintf(s->sections[s->n], 32, "%s", section);
    snprintf(s->keys[s->n], 64, "%s", key);
    snprintf(s->values[s->n], 32, "%s", value ? value : "(none)");
    s->n++;
    return NULL;
}

static void test_format(void **st) {
    (void)st;
    write_file("# comment\n\n[one]\n  كما  \nword = 5\n[two]\nreject\nbad [header\n[broken\nlast = x = y\n");
    seen_t s = {0};
    isn_warnings w = {0};
    isn_error err = {0};
    assert_int_equal(isn_lexfile_read(path, collect, &s, &w, &err), ISN_OK);
    assert_int_equal(s.n, 4);
    assert_string_equal(s.sections[0], "one");
    assert_string_equal(s.keys[0], "كما");
    assert_string_equal(s.values[0], "(none)");
    assert_string_equal(s.keys[1], "word");
    assert_string_equal(s.values[1], "5");
    assert_string_equal(s.sections[2], "two");
    assert_string_equal(s.keys[2], "bad [header");
    assert_string_equal(s.keys[3], "last");
    assert_string_equal(s.values[3], "x = y");
    /* the rejected line and the broken header, each with file:line */
    assert_int_equal(w.n, 2);
    char want[128];
    snprintf(want, sizeof want, "%s:7: rejected by the caller", path);
    assert_string_equal(w.v[0], want);
    snprintf(want, sizeof want, "%s:9: ", path);
    assert_true(strncmp(w.v[1], want, strlen(want)) == 0);
    isn_warnings_free(&w);
    remove(path);
}

static void test_missing_file_is_an_error(void **st) {
    (void)st;
    seen_t s = {0};
    isn_warnings w = {0};
    isn_error err = {0};
    assert_int_equal(isn_lexfile_read("/nonexistent/isnad.txt", collect, &s, &w, &err), ISN_EIO);
    assert_string_equal(err.file, "/nonexistent/isnad.txt");
}

static void test_invalid_utf8_line_skipped(void **st) {
    (void)st;
    write_file("[s]\nok\n\xff\xfe\nalso ok\n");
    seen_t s = {0};
    isn_warnings w = {0};
    assert_int_equal(isn_lexfile_read(path, collect, &s, &w, NULL), ISN_OK);
    assert_int_equal(s.n, 2);
    assert_int_equal(w.n, 1);
    assert_non_null(strstr(w.v[0], ":3: invalid UTF-8"));
    isn_warnings_free(&w);
    remove(path);
}

static void test_phrases_normalised_and_matched(void **st) {
    (void)st;
    isn_phrases ps = {0};
    assert_int_equal(isn_phrases_add(&ps, "غيرَ أنّ", 1), 0);
    assert_int_equal(isn_phrases_add(&ps, "غير", 2), 0);
    assert_int_equal(isn_phrases_add(&ps, "إلى", 3), 0);
    assert_int_equal(isn_phrases_add(&ps, "  \xe2\x80\x8f ", 4), -1); /* nothing left */
    assert_int_equal(isn_phrases_build(&ps), 0);
    const isn_phrase *p = isn_phrases_get(&ps, "الي", strlen("الي"));
    assert_non_null(p);
    assert_int_equal(p->value, 3);
    assert_null(isn_phrases_get(&ps, "غيرأن", strlen("غيرأن")));

    /* longest match over tokens, with and without a glued conjunction */
    const char *text = "وغير أن الوفد";
    isn_tokvec toks = {0};
    isn_buf norm = {0};
    assert_int_equal(isn_tokenize(text, 0, strlen(text), 1, &toks, &norm), ISN_OK);
    const isn_phrase *hit = NULL;
    assert_int_equal(isn_phrases_match(&ps, toks.v, 0, toks.n, norm.data, 0, &hit), 0);
    assert_int_equal(isn_phrases_match(&ps, toks.v, 0, toks.n, norm.data, ISN_MATCH_CONJ, &hit), 2);
    assert_int_equal(hit->value, 1);
    ISN_VEC_FREE(toks);
    isn_buf_free(&norm);
    isn_phrases_free(&ps);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_missing_file_is_an_error),
        cmocka_unit_test(test_invalid_utf8_line_skipped),
        cmocka_unit_test(test_phrases_normalised_and_matched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
