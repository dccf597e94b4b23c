/*
 * evlex_test.c -- the event lexicon loader: codes, triggers with their
 * slots, frames, and every kind of bad line turned into a warning.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "events/evlex.h"
#include "datadir.h"

static isn_event_lex lex;
static isn_warnings warn;

static const char *cameo =
    "[codes]\n"
    "04 = Consult | CONSULT\n"
    "042 = Make a visit | CONSULT\n"
    "07 = Provide aid | AID\n"
    "072 = Provide military aid | AID\n"
    "19 = Fight | ASSAULT\n"
    "0999 = A code before its root | AID\n"        /* line 7 */
    "190 = Fight without a type\n"                 /* line 8 */
    "191 = Impose blockade | BLOCKADE\n"           /* line 9 */
    "042 = Make a visit again | CONSULT\n";        /* line 10 */

static const char *triggers =
    "[042]\n"
    "زار / زارت / يزور = verb | target:obj\n"
    "زيارة = noun | target:gen, target:إلى, source:gen\n"
    "[072]\n"
    "المدعوم = participle | source:من, target:head\n"
    "قدم دعما عسكريا = light | target:ل\n"
    "[19]\n"
    "هاجم = crawl | target:obj\n"                  /* line 8: bad shape */
    "قاتل = verb | enemy:ضد\n"                     /* line 9: bad role */
    "[555]\n"
    "شيء = verb\n"                                 /* line 11: unknown code */
    "[19]\n"
    "زار = verb | target:obj\n";                   /* line 13: "زار" again */

static const char *frames =
    "[report]\n"
    "قال / قالت / يقول = verb\n"
    "نقل عن / نقلت عن = verb-from\n"
    "بحسب / وفق = prep\n"
    "همس = whisper\n"                              /* line 5 */
    "[source-nouns]\n"
    "مصادر = unnamed\n"
    "[denied]\n"
    "نفى / نفت\n"
    "[planned]\n"
    "سوف = soon\n";                                /* line 11 */

static int setup(void **st) {
    (void)st;
    if (datadir_make("") || datadir_write("cameo.txt", cameo, "w") || datadir_write("triggers/a.txt", triggers, "w") ||
        datadir_write("frames.txt", frames, "w"))
        return -1;
    isn_error err;
    return isn_event_lex_load(&lex, datadir, &warn, &err);
}

static int teardown(void **st) {
    (void)st;
    isn_event_lex_free(&lex);
    isn_warnings_free(&warn);
    return datadir_remove();
}

static void expect_warning(const char *file, int line, const char *what) {
    char want[256];
    snprintf(want, sizeof want, "%s:%d: %s", file, line, what);
    for (size_t i = 0; i < warn.n; i++)
        if (strstr(warn.v[i], want)) return;
    for (size_t i = 0; i < warn.n; i++) fprintf(stderr, "  got: %s\n", warn.v[i]);
    fail_msg("no warning \"%s\"", want);
}

/* The trigger a written form leads to, or NULL. */
static const isn_trigger *trigger_of(const char *form) {
    char norm[256];
    size_t n = isn_normalize_phrase(form, strlen(form), norm);
    const isn_phrase *p = isn_phrases_get(&lex.forms, norm, n);
    return p ? &lex.triggers.v[p->value] : NULL;
}

static void test_codes(void **st) {
    (void)st;
    assert_int_equal(lex.codes.n, 5); /* the four bad lines are left out */
    assert_string_equal(lex.codes.v[1].code, "042");
    assert_string_equal(isn_ev_label(&lex, 1), "Make a visit");
    assert_string_equal(isn_plover_types[lex.codes.v[3].plover], "AID");
    expect_warning("cameo.txt", 7, "code before its root");
    expect_warning("cameo.txt", 8, "expected: code = English label | PLOVER type");
    expect_warning("cameo.txt", 9, "unknown PLOVER type");
    expect_warning("cameo.txt", 10, "code given twice");
}

static void test_triggers(void **st) {
    (void)st;
    const isn_trigger *t = trigger_of("زارت");
    assert_non_null(t);
    assert_string_equal(lex.codes.v[t->code].code, "042");
    assert_int_equal(t->shape, ISN_SHAPE_VERB);
    t = trigger_of("زيارة");
    assert_non_null(t);
    assert_int_equal(t->shape, ISN_SHAPE_NOUN);
    assert_int_equal(t->nslots, 3);
    assert_int_equal(t->slots[0].marker, ISN_SLOT_GEN);
    assert_int_equal(t->slots[1].marker, ISN_SLOT_PREP);
    assert_string_equal(lex.preps[t->slots[1].prep], "الي"); /* normalised: إلى -> الي */
    assert_true(t->slots[2].source);
    t = trigger_of("المدعوم");
    assert_non_null(t);
    assert_true(t->slots[0].source);
    assert_int_equal(t->slots[1].marker, ISN_SLOT_HEAD);
    assert_non_null(trigger_of("قدم دعما عسكريا")); /* a light verb of three words */
    assert_null(trigger_of("هاجم"));
    assert_null(trigger_of("شيء"));
    expect_warning("a.txt", 8, "a shape is verb, passive, noun, participle or light");
    expect_warning("a.txt", 9, "a slot's role is source or target");
    expect_warning("a.txt", 11, "section is not a code of cameo.txt");
    /* "زار" given twice: the later line wins and the earlier is named */
    expect_warning("a.txt", 2, "form \"زار\" is given again at");
    t = trigger_of("زار");
    assert_non_null(t);
    assert_string_equal(lex.codes.v[t->code].code, "19");
}

static void test_frames(void **st) {
    (void)st;
    char norm[64];
    size_t n = isn_normalize_phrase("قالت", strlen("قالت"), norm);
    const isn_phrase *p = isn_phrases_get(&lex.report, norm, n);
    assert_non_null(p);
    assert_int_equal(p->value, ISN_FRAME_VERB);
    n = isn_normalize_phrase("وفق", strlen("وفق"), norm);
    p = isn_phrases_get(&lex.report, norm, n);
    assert_non_null(p);
    assert_int_equal(p->value, ISN_FRAME_PREP);
    n = isn_normalize_phrase("نفت", strlen("نفت"), norm);
    assert_non_null(isn_phrases_get(&lex.denied, norm, n));
    expect_warning("frames.txt", 5, "a reporting frame is verb, verb-from, prep, interview, noun or aside");
    expect_warning("frames.txt", 11, "this section takes words without");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_triggers),
        cmocka_unit_test(test_frames),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
