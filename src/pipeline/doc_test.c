/*
 * doc_test.c -- the pipeline's invariants, checked on every example
 * article: offsets stay in the original text, sentences are ordered and
 * disjoint, nothing extracted lies in a removed span, and a reused doc gives
 * the same result as a fresh one.
 */
#include "testdoc.h"

static void check_invariants(isn_doc *d, size_t len) {
    uint32_t prev_end = 0;
    for (size_t i = 0; i < isn_doc_removed_count(d); i++) {
        isn_span r = isn_doc_removed(d, i, NULL);
        assert_true(r.start < r.end && r.end <= len && r.start >= prev_end);
        prev_end = r.end;
    }
    prev_end = 0;
    for (size_t i = 0; i < isn_doc_sentence_count(d); i++) {
        isn_span s = isn_doc_sentence(d, i);
        assert_true(s.start < s.end && s.end <= len && s.start >= prev_end);
        prev_end = s.end;
        for (size_t j = 0; j < isn_doc_removed_count(d); j++) {
            isn_span r = isn_doc_removed(d, j, NULL);
            assert_false(s.start < r.end && r.start < s.end);
        }
    }
    const isn_token *t = isn_doc_tokens(d);
    for (size_t i = 0; i < isn_doc_token_count(d); i++) {
        assert_true(t[i].start < t[i].end && t[i].end <= len);
        for (size_t j = 0; j < isn_doc_removed_count(d); j++) {
            isn_span r = isn_doc_removed(d, j, NULL);
            assert_false(t[i].start < r.end && r.start < t[i].end);
        }
    }
}

static void test_examples(void **st) {
    (void)st;
    isn_reader *rd;
    isn_error err;
    assert_int_equal(isn_reader_new(&rd, ISN_FORMAT_AUTO), ISN_OK);
    assert_int_equal(isn_reader_add(rd, ISNAD_SOURCE_DIR "/examples", &err), ISN_OK);
    isn_doc *fresh;
    assert_int_equal(isn_doc_new(&fresh, test_engine), ISN_OK);
    isn_input in;
    int rc, docs = 0;
    while ((rc = isn_reader_next(rd, &in, &err)) != 0) {
        assert_int_equal(rc, 1);
        assert_int_equal(isn_doc_process(test_doc, &in, NULL, &err), ISN_OK);
        check_invariants(test_doc, in.len);
        assert_true(isn_doc_sentence_count(test_doc) > 0);
        /* the reused workspace and a fresh one agree byte for byte */
        size_t n1, n2;
        char *a = strdup(isn_doc_render_json(test_doc, &n1));
        isn_doc_free(fresh);
        assert_int_equal(isn_doc_new(&fresh, test_engine), ISN_OK);
        assert_int_equal(isn_doc_process(fresh, &in, NULL, &err), ISN_OK);
        const char *b = isn_doc_render_json(fresh, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(a, b, n1);
        free(a);
        docs++;
    }
    assert_true(docs >= 7);
    isn_doc_free(fresh);
    isn_reader_free(rd);
}

static void test_empty_document(void **st) {
    (void)st;
    isn_doc *d = run_text("");
    assert_int_equal(isn_doc_sentence_count(d), 0);
    assert_int_equal(isn_doc_removed_count(d), 0);
    size_t n;
    const char *j = isn_doc_render_json(d, &n);
    assert_non_null(strstr(j, "\"sentences\":0"));
    d = run_text(" \n\n \t\n");
    assert_int_equal(isn_doc_sentence_count(d), 0);
}

static void test_json_escaping(void **st) {
    (void)st;
    isn_input in = {0};
    in.id = "a\"b\\c\n";
    in.text = "نص.";
    in.len = strlen(in.text);
    in.title = "t\x01";
    assert_int_equal(isn_doc_process(test_doc, &in, NULL, NULL), ISN_OK);
    size_t n;
    const char *j = isn_doc_render_json(test_doc, &n);
    assert_non_null(strstr(j, "\"doc\":\"a\\\"b\\\\c\\n\""));
    assert_non_null(strstr(j, "\"title\":\"t\\u0001\""));
    assert_int_equal(j[n - 1], '\n');
    assert_null(memchr(j, '\n', n - 1));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_empty_document),
        cmocka_unit_test(test_json_escaping),
    };
    return cmocka_run_group_tests(tests, test_setup, test_teardown);
}
