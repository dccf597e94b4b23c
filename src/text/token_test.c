/*
 * token_test.c -- the tokeniser: kinds, spans, normalised forms, glued numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

typedef struct { isn_tokvec toks; isn_buf norm; const char *text; } toks_t;

static toks_t tok(const char *text) {
    toks_t t = {0};
    t.text = text;
    assert_int_equal(isn_tokenize(text, 0, strlen(text), 1, &t.toks, &t.norm), ISN_OK);
    return t;
}

static void done(toks_t *t) {
    ISN_VEC_FREE(t->toks);
    isn_buf_free(&t->norm);
}

/* token i: its original text, kind and normalised form */
static void expect_tok(toks_t *t, size_t i, const char *orig, int kind, const char *norm) {
    assert_true(i < t->toks.n);
    const isn_token *k = &t->toks.v[i];
    size_t n = k->end - k->start;
    char buf[256];
    memcpy(buf, t->text + k->start, n);
    buf[n] = 0;
    assert_string_equal(buf, orig);
    assert_int_equal(k->kind, kind);
    assert_string_equal(t->norm.data + k->norm, norm);
    assert_int_equal(strlen(norm), k->norm_len);
}

static void test_words_and_punctuation(void **s) {
    (void)s;
    toks_t t = tok("قال الرئيسُ، إنّ «الحل» سياسي.");
    assert_int_equal(t.toks.n, 9);
    expect_tok(&t, 0, "قال", ISN_TOK_WORD, "قال");
    expect_tok(&t, 1, "الرئيسُ", ISN_TOK_WORD, "الرئيس");
    expect_tok(&t, 2, "،", ISN_TOK_PUNCT, ",");
    expect_tok(&t, 3, "إنّ", ISN_TOK_WORD, "ان");
    expect_tok(&t, 4, "«", ISN_TOK_PUNCT, "\"");
    expect_tok(&t, 8, ".", ISN_TOK_PUNCT, ".");
    assert_true(t.toks.v[0].flags & ISN_TF_PARA);
    assert_false(t.toks.v[1].flags & ISN_TF_PARA);
    done(&t);
}

static void test_glued_numbers(void **s) {
    (void)s;
    toks_t t = tok("بين 2017م و2019م وفي 1441هـ الـ60 42سنة");
    expect_tok(&t, 1, "2017م", ISN_TOK_NUMBER, "2017م");
    assert_true(t.toks.v[1].flags & ISN_TF_ERA_AD);
    assert_int_equal(t.toks.v[1].pre, 0);
    assert_int_equal(t.toks.v[1].suf, 2);
    expect_tok(&t, 2, "و2019م", ISN_TOK_NUMBER, "و2019م");
    assert_int_equal(t.toks.v[2].pre, 2);
    assert_int_equal(t.toks.v[2].suf, 2);
    expect_tok(&t, 3, "وفي", ISN_TOK_WORD, "وفي");
    expect_tok(&t, 4, "1441هـ", ISN_TOK_NUMBER, "1441ه");
    assert_true(t.toks.v[4].flags & ISN_TF_ERA_AH);
    expect_tok(&t, 5, "الـ60", ISN_TOK_NUMBER, "ال60");
    assert_int_equal(t.toks.v[5].pre, 4);
    /* letters after digits that are not an era letter start a new word */
    expect_tok(&t, 6, "42", ISN_TOK_NUMBER, "42");
    expect_tok(&t, 7, "سنة", ISN_TOK_WORD, "سنه");
    assert_int_equal(t.toks.n, 8);
    done(&t);
}

static void test_a_word_is_not_a_prefix(void **s) {
    (void)s;
    /* "عام2015" is a noun glued to a year: not a proclitic, so two tokens */
    toks_t t = tok("عام2015");
    assert_int_equal(t.toks.n, 2);
    expect_tok(&t, 0, "عام", ISN_TOK_WORD, "عام");
    expect_tok(&t, 1, "2015", ISN_TOK_NUMBER, "2015");
    done(&t);
}

static void test_decimals_and_dates_stay_whole(void **s) {
    (void)s;
    toks_t t = tok("3.5 مليار في 24.04.2018 و19/11/2019 الساعة 14:52 و٤٫٥");
    expect_tok(&t, 0, "3.5", ISN_TOK_NUMBER, "3.5");
    assert_true(t.toks.v[0].flags & ISN_TF_DECIMAL);
    expect_tok(&t, 3, "24.04.2018", ISN_TOK_NUMBER, "24.04.2018");
    expect_tok(&t, 4, "و19/11/2019", ISN_TOK_NUMBER, "و19/11/2019");
    expect_tok(&t, 6, "14:52", ISN_TOK_NUMBER, "14:52");
    expect_tok(&t, 7, "و٤٫٥", ISN_TOK_NUMBER, "و4.5");
    /* a full stop after a number is punctuation */
    toks_t u = tok("عام 2011.");
    assert_int_equal(u.toks.n, 3);
    expect_tok(&u, 2, ".", ISN_TOK_PUNCT, ".");
    done(&t);
    done(&u);
}

static void test_urls_email_hashtags(void **s) {
    (void)s;
    toks_t t = tok("راجع https://example.org/a?b=1. أو www.example.org، راسل info@example.org #ليبيا @UN_News");
    expect_tok(&t, 1, "https://example.org/a?b=1", ISN_TOK_URL, "https://example.org/a?b=1");
    expect_tok(&t, 2, ".", ISN_TOK_PUNCT, ".");
    expect_tok(&t, 4, "www.example.org", ISN_TOK_URL, "www.example.org");
    expect_tok(&t, 7, "info@example.org", ISN_TOK_EMAIL, "info@example.org");
    expect_tok(&t, 8, "#ليبيا", ISN_TOK_HASHTAG, "#ليبيا");
    expect_tok(&t, 9, "@UN_News", ISN_TOK_HANDLE, "@un_news");
    done(&t);
}

static void test_latin_and_mixed(void **s) {
    (void)s;
    toks_t t = tok("Middle East Eye قالت U.S. don't");
    expect_tok(&t, 0, "Middle", ISN_TOK_LATIN, "middle");
    expect_tok(&t, 3, "قالت", ISN_TOK_WORD, "قالت");
    expect_tok(&t, 4, "U", ISN_TOK_LATIN, "u");
    expect_tok(&t, 5, ".", ISN_TOK_PUNCT, ".");
    expect_tok(&t, 8, "don't", ISN_TOK_LATIN, "don't");
    done(&t);
}

static void test_spans_cover_the_original(void **s) {
    (void)s;
    const char *text = "  \xe2\x80\x8f" "حفتر\xe2\x80\x8c،\n\n  وقال:  “نعم”  ";
    toks_t t = tok(text);
    uint32_t prev = 0;
    for (size_t i = 0; i < t.toks.n; i++) {
        assert_true(t.toks.v[i].start < t.toks.v[i].end);
        assert_true(t.toks.v[i].start >= prev);
        assert_true(t.toks.v[i].end <= strlen(text));
        prev = t.toks.v[i].end;
    }
    /* the trailing ZWNJ is not part of the word; the line break marks a paragraph */
    expect_tok(&t, 0, "حفتر", ISN_TOK_WORD, "حفتر");
    expect_tok(&t, 2, "وقال", ISN_TOK_WORD, "وقال");
    assert_true(t.toks.v[2].flags & ISN_TF_PARA);
    done(&t);
}

static void test_region_offsets(void **s) {
    (void)s;
    /* tokenising a region keeps offsets relative to the whole text */
    const char *text = "xxxx قال yyyy";
    toks_t t = {0};
    t.text = text;
    assert_int_equal(isn_tokenize(text, 5, 11, 0, &t.toks, &t.norm), ISN_OK);
    assert_int_equal(t.toks.n, 1);
    assert_int_equal(t.toks.v[0].start, 5);
    assert_int_equal(t.toks.v[0].end, 11);
    assert_false(t.toks.v[0].flags & ISN_TF_PARA);
    done(&t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_punctuation),
        cmocka_unit_test(test_glued_numbers),
        cmocka_unit_test(test_a_word_is_not_a_prefix),
        cmocka_unit_test(test_decimals_and_dates_stay_whole),
        cmocka_unit_test(test_urls_email_hashtags),
        cmocka_unit_test(test_latin_and_mixed),
        cmocka_unit_test(test_spans_cover_the_original),
        cmocka_unit_test(test_region_offsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
