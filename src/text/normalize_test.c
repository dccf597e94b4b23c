/*
 * normalize_test.c -- the matching form: what folds together, what stays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "isnad.h"

static void expect_norm(const char *in, const char *want) {
    char out[1024];
    size_t n = isn_normalize(in, strlen(in), out, NULL);
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
}

static void test_tashkeel_and_tatweel(void **s) {
    (void)s;
    expect_norm("أَحْمَدُ", "احمد");
    expect_norm("الـــحكومة", "الحكومه");
    expect_norm("خُيِّرَ", "خير");
}

static void test_letter_folds(void **s) {
    (void)s;
    expect_norm("أإآٱا", "ااااا");
    expect_norm("مستشفى", "مستشفي");
    expect_norm("مدينة", "مدينه");
    expect_norm("یک", "يك"); /* Persian yeh and kaf */
}

static void test_invisible_marks_dropped(void **s) {
    (void)s;
    /* ZWNJ, ZWJ, LRM, RLM, BOM inside and around words */
    expect_norm("\xef\xbb\xbf" "حف" "\xe2\x80\x8c" "تر" "\xe2\x80\x8f", "حفتر");
    expect_norm("a" "\xe2\x80\x8d" "b" "\xe2\x80\x8e", "ab");
}

static void test_digits(void **s) {
    (void)s;
    expect_norm("٢٠١٩", "2019");
    expect_norm("۱۴۰۰", "1400");
    expect_norm("3٫5", "3.5");
}

static void test_punctuation(void **s) {
    (void)s;
    expect_norm("،؛؟", ",;?");
    expect_norm("“ميدل” «إيست»", "\"ميدل\" \"ايست\"");
    expect_norm("…", "...");
    expect_norm("—", "-");
}

static void test_latin_lowercased_and_ligatures(void **s) {
    (void)s;
    expect_norm("CIA", "cia");
    expect_norm("\xef\xbb\xbb", "لا"); /* the lam-alef ligature U+FEFB */
    expect_norm("ＡＢ", "ab");         /* full-width */
}

static void test_offsets_point_into_original(void **s) {
    (void)s;
    const char *in = "أَحمد ٣";
    char out[64];
    uint32_t off[64];
    size_t n = isn_normalize(in, strlen(in), out, off);
    assert_string_equal(out, "احمد 3");
    /* every output byte maps to the start of the character it came from */
    assert_int_equal(off[0], 0);              /* ا from أ */
    assert_int_equal(off[2], 4);              /* ح after أ (2 bytes) and fatha (2 bytes) */
    assert_int_equal(off[n - 1], strlen(in) - 2); /* 3 from ٣ */
    for (size_t i = 1; i < n; i++) assert_true(off[i] >= off[i - 1]);
}

static void test_normalisation_is_idempotent(void **s) {
    (void)s;
    const char *in = "قالَ الـرئيسُ «إنَّ» ١٢٣ مدرسةً… CIA";
    char a[256], b[256];
    size_t n = isn_normalize(in, strlen(in), a, NULL);
    size_t m = isn_normalize(a, n, b, NULL);
    assert_int_equal(n, m);
    assert_string_equal(a, b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tashkeel_and_tatweel),
        cmocka_unit_test(test_letter_folds),
        cmocka_unit_test(test_invisible_marks_dropped),
        cmocka_unit_test(test_digits),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_latin_lowercased_and_ligatures),
        cmocka_unit_test(test_offsets_point_into_original),
        cmocka_unit_test(test_normalisation_is_idempotent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
