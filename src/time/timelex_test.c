/*
 * timelex_test.c -- the time stage's data files: malformed lines are
 * warnings naming file and line, and the rest of the file still loads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isnad.h"
#include "datadir.h"

static int lines_before; /* lines of the real expressions.txt */

/* Broken lines appended to a copy of the real expressions.txt. */
static const char *broken[] = {
    "[units]",
    "ساعة = hour",            /* +2: not a unit */
    "[ordinals]",
    "المئة = 100",            /* +4: out of range */
    "[colours]",
    "أحمر = 1",               /* +6: unknown section */
    "[past]",
    "السالف = 2",             /* +8: this section takes no value */
    "[seasons]",
    "الموسم = XX",            /* +10: not a season */
};

static int setup(void **st) {
    (void)st;
    if (datadir_make("text clean entities events") || datadir_copy("time/months.txt") ||
        datadir_copy("time/expressions.txt"))
        return -1;
    char p[256];
    snprintf(p, sizeof p, "%s/time/expressions.txt", datadir);
    FILE *f = fopen(p, "r");
    if (!f) return -1;
    int ch, last = '\n';
    while ((ch = fgetc(f)) != EOF) lines_before += ch == '\n', last = ch;
    fclose(f);
    if (last != '\n') return -1; /* the count below assumes a final newline */
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++)
        if (datadir_write("time/expressions.txt", broken[i], "a") || datadir_write("time/expressions.txt", "\n", "a"))
            return -1;
    return 0;
}

static int teardown(void **st) {
    (void)st;
    return datadir_remove();
}

static void expect_warning(const isn_engine *eng, int line, const char *what) {
    char want[256];
    snprintf(want, sizeof want, "expressions.txt:%d: %s", lines_before + line, what);
    for (size_t i = 0; i < isn_engine_warning_count(eng); i++)
        if (strstr(isn_engine_warning(eng, i), want)) return;
    for (size_t i = 0; i < isn_engine_warning_count(eng); i++) fprintf(stderr, "  got: %s\n", isn_engine_warning(eng, i));
    fail_msg("no warning \"%s\"", want);
}

static void test_bad_lines_are_warnings(void **st) {
    (void)st;
    isn_config cfg = {datadir};
    isn_error err;
    isn_engine *eng;
    assert_int_equal(isn_engine_new(&eng, &cfg, &err), ISN_OK);
    assert_int_equal(isn_engine_warning_count(eng), 5);
    expect_warning(eng, 2, "a unit is day, week, month or year");
    expect_warning(eng, 4, "expected a number in the range");
    expect_warning(eng, 6, "unknown section");
    expect_warning(eng, 8, "this section takes words without");
    expect_warning(eng, 10, "a season is SP, SU, FA or WI");
    /* the good lines still work */
    isn_doc *doc;
    assert_int_equal(isn_doc_new(&doc, eng), ISN_OK);
    const char *text = "غادر منذ عامين في التاسع عشر من يناير 2011.";
    isn_input in = {.id = "t", .text = text, .len = strlen(text), .date = "2020-01-15"};
    isn_options opt = {.no_clean = 1};
    assert_int_equal(isn_doc_process(doc, &in, &opt, NULL), ISN_OK);
    assert_int_equal(isn_doc_time_count(doc), 2);
    isn_time t;
    isn_doc_time(doc, 0, &t);
    assert_string_equal(t.value, "2018");
    isn_doc_time(doc, 1, &t);
    assert_string_equal(t.value, "2011-01-19");
    isn_doc_free(doc);
    isn_engine_free(eng);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_bad_lines_are_warnings)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
