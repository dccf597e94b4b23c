/*
 * validate_test.c -- the door check: exact offsets of the first bad byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "isnad.h"

static void expect_bad(const char *s, size_t n, int code, uint64_t offset) {
    isn_error err = {0};
    assert_int_equal(isn_validate_text(s, n, &err), code);
    assert_int_equal(err.offset, offset);
}

static void test_valid(void **st) {
    (void)st;
    const char *ok = "نص عربي مع English و١٢٣ 🙂 and more ASCII to pass the 8-byte path";
    assert_int_equal(isn_validate_text(ok, strlen(ok), NULL), ISN_OK);
    assert_int_equal(isn_validate_text("", 0, NULL), ISN_OK);
}

static void test_invalid_sequences(void **st) {
    (void)st;
    expect_bad("abcdefghij\xff", 11, ISN_EUTF8, 10);          /* after an ASCII run */
    expect_bad("\xd8", 1, ISN_EUTF8, 0);                       /* truncated */
    expect_bad("\xd8\xa7\xd8", 3, ISN_EUTF8, 2);
    expect_bad("\xc0\xaf", 2, ISN_EUTF8, 0);                   /* overlong */
    expect_bad("\xe0\x80\xaf", 3, ISN_EUTF8, 0);               /* overlong */
    expect_bad("\xed\xa0\x80", 3, ISN_EUTF8, 0);               /* surrogate */
    expect_bad("\xf4\x90\x80\x80", 4, ISN_EUTF8, 0);           /* above U+10FFFF */
    expect_bad("\x80", 1, ISN_EUTF8, 0);                       /* lone continuation */
}

static void test_nul(void **st) {
    (void)st;
    expect_bad("abc\0def", 7, ISN_ENUL, 3);
    expect_bad("0123456789abcdef\0", 17, ISN_ENUL, 16);
    isn_error err = {0};
    isn_validate_text("ab\0", 3, &err);
    char msg[256];
    isn_error_format(&err, msg, sizeof msg);
    assert_non_null(strstr(msg, "byte 2"));
    assert_non_null(strstr(msg, "NUL"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_invalid_sequences),
        cmocka_unit_test(test_nul),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
