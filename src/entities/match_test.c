/*
 * match_test.c -- entity mentions: clitics, multi-word names, nisba codes,
 * forces, kinship, unknown names after titles, coreference, and a lexicon
 * with malformed lines. The lexicon is written by the test (a few entities
 * of its own), next to the real patterns.txt and the other data files.
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
#include "entities/lexicon.h"

static isn_engine *eng;
static isn_doc *doc;

static const char *lexicon =
    "# a test lexicon\n"
    "[tst]\ntype = LOC\nkind = country\nar = تستانيا\nen = Testania\ncode = TST\nnisba = تستاني\nnisba = التساتنة\n"
    "[rus]\ntype = LOC\nkind = country\nar = روسيا\nen = Russia\ncode = RUS\nnisba = روسي\nnisba = الروس\n"
    "[tst.army]\ntype = ORG\nkind = armed-group\nar = جيش تستانيا الوطني\nen = Testanian National Army\ncode = TSTMIL\n"
    "[tst.general]\ntype = PER\nkind = person\nar = سالم بن عامر\nen = Salem Ben Amer\ncode = TSTMIL\ncountry = tst\n"
    "alias = بن عامر\ntitle = مشير 2016-\ntitle = لواء\ntitle = عقيد\nforces = tst.army\n"
    "[tst.capital]\ntype = LOC\nkind = city\nar = مدينة النور\nen = Nour City\ncode = TST\ncountry = tst\nalias = النور\n"
    "[tst.colonel]\ntype = PER\nkind = person\nar = منصور الطيب\nen = Mansour al-Tayeb\ncode = TSTGOV\ncountry = tst\n"
    "alias = الطيب\ntitle = عقيد\n"
    "[rus.minister]\ntype = PER\nkind = person\nar = إيفان بتروف\nen = Ivan Petrov\ncode = RUSGOV\ncountry = rus\nalias = بتروف\n"
    "[med.daily]\ntype = ORG\nkind = media\nar = صحيفة الأخبار اليومية\nen = The Daily News\ncode = TSTMED\n";

/* A second file with problems: each is a warning, the rest still loads. */
static const char *broken =
    "[tst.ok]\ntype = ORG\nar = منظمة الاختبار\nen = Test Org\n"
    "[tst.bad-type]\ntype = PERSON\nar = اسم\nen = Name\n"
    "[Bad Id]\ntype = ORG\nar = شيء\nen = Thing\n"
    "[tst.general]\ntype = PER\nar = مكرر\nen = Duplicate\n"
    "[tst.noref]\ntype = ORG\nar = منظمة ثانية\nen = Second Org\ncountry = nowhere\ncolour = blue\n";

static int setup(void **st) {
    (void)st;
    if (datadir_make("text clean time events") || datadir_copy("entities/patterns.txt") ||
        datadir_write("entities/a-test.txt", lexicon, "w") || datadir_write("entities/b-broken.txt", broken, "w"))
        return -1;
    isn_config cfg = {datadir};
    isn_error err;
    if (isn_engine_new(&eng, &cfg, &err)) { fprintf(stderr, "%s\n", err.msg); return -1; }
    return isn_doc_new(&doc, eng);
}

static int teardown(void **st) {
    (void)st;
    isn_doc_free(doc);
    isn_engine_free(eng);
    return datadir_remove();
}

static const char *text_of_run;

static void run(const char *text) {
    isn_input in = {0};
    in.id = "t";
    in.text = text;
    in.len = strlen(text);
    text_of_run = text;
    isn_options opt = {.no_clean = 1};
    assert_int_equal(isn_doc_process(doc, &in, &opt, NULL), ISN_OK);
}

/* Mention i: surface text, entity, name, type, code. */
static void expect(size_t i, const char *text, const char *entity, const char *name, int type,
                   const char *code) {
    if (i >= isn_doc_mention_count(doc)) fail_msg("only %zu mentions, wanted #%zu \"%s\"", isn_doc_mention_count(doc), i, text);
    isn_mention mm, *m = &mm;
    assert_int_equal(isn_doc_mention(doc, i, m), 0);
    char buf[512];
    size_t n = m->span.end - m->span.start;
    memcpy(buf, text_of_run + m->span.start, n);
    buf[n] = 0;
    assert_string_equal(buf, text);
    if (entity) { assert_non_null(m->entity); assert_string_equal(m->entity, entity); }
    else assert_null(m->entity);
    assert_string_equal(m->name, name);
    assert_int_equal(m->type, type);
    if (code) { assert_non_null(m->code); assert_string_equal(m->code, code); }
    else assert_null(m->code);
}

static void test_malformed_lexicon_lines_are_warnings(void **st) {
    (void)st;
    size_t n = isn_engine_warning_count(eng);
    const char *want[] = {"b-broken.txt:6: type must be PER, ORG, LOC or MISC",
                          "b-broken.txt:10: entity id must be lower-case",
                          "b-broken.txt:14: entity id defined twice",
                          "b-broken.txt:22: unknown key",
                          "b-broken.txt:21: no entity [nowhere]"};
    for (size_t k = 0; k < 5; k++) {
        int found = 0;
        for (size_t i = 0; i < n; i++) found |= strstr(isn_engine_warning(eng, i), want[k]) != NULL;
        if (!found) fail_msg("no warning \"%s\"", want[k]);
    }
    /* the good entries of the broken file still load, the bad ones do not match */
    run("زار وفد من منظمة الاختبار مدينة النور.");
    assert_int_equal(isn_doc_mention_count(doc), 2);
    expect(0, "منظمة الاختبار", "tst.ok", "منظمة الاختبار", ISN_ENT_ORG, NULL);
    run("قال مكرر إن اسم غير معروف.");
    assert_int_equal(isn_doc_mention_count(doc), 0);
}

static void test_clitics_and_multiword(void **st) {
    (void)st;
    run("وصل بن عامر إلى مدينة النور ثم غادر لبن عامر وفد وبمدينة النور وللنور.");
    expect(0, "بن عامر", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    expect(1, "مدينة النور", "tst.capital", "مدينة النور", ISN_ENT_LOC, "TST");
    expect(2, "لبن عامر", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    expect(3, "وبمدينة النور", "tst.capital", "مدينة النور", ISN_ENT_LOC, "TST");
    expect(4, "وللنور", "tst.capital", "مدينة النور", ISN_ENT_LOC, "TST");
    assert_int_equal(isn_doc_mention_count(doc), 5);
    /* the longest name wins; tashkeel and hamza forms do not matter */
    run("أعلن جيشُ تستانيا الوطني أن تستانيا لن تتراجع.");
    expect(0, "جيشُ تستانيا الوطني", "tst.army", "جيش تستانيا الوطني", ISN_ENT_ORG, "TSTMIL");
    expect(1, "تستانيا", "tst", "تستانيا", ISN_ENT_LOC, "TST");
    /* a word that merely starts with a clitic letter is not stripped into a name */
    run("وصل بنور الدين أمس.");
    assert_int_equal(isn_doc_mention_count(doc), 0);
}

static void test_nisba_codes(void **st) {
    (void)st;
    /* the kind numbers the C names are the kinds the data files write */
    assert_string_equal(isn_entity_kinds[ISN_KIND_COUNTRY], "country");
    assert_string_equal(isn_entity_kinds[ISN_KIND_CAPITAL], "capital");
    run("وقال الصحفي التستاني يوسف ماهر إن الجيش الروسي انسحب، وأكدت الخارجية التستانية ذلك.");
    expect(0, "يوسف ماهر", NULL, "يوسف ماهر", ISN_ENT_PER, "TSTMED");
    expect(1, "الجيش الروسي", NULL, "الجيش الروسي", ISN_ENT_ORG, "RUSMIL");
    expect(2, "الخارجية التستانية", NULL, "الخارجية التستانية", ISN_ENT_ORG, "TSTGOV");
    assert_int_equal(isn_doc_mention_count(doc), 3);
    /* a title and a nisba before a known name lead to the name */
    run("التقى وزير الدفاع الروسي إيفان بتروف نظيره.");
    expect(0, "إيفان بتروف", "rus.minister", "إيفان بتروف", ISN_ENT_PER, "RUSGOV");
    assert_int_equal(isn_doc_mention_count(doc), 1);
    /* a clitic glued to a name is not part of the name; status words are skipped */
    run("بعد إزاحة لمحمد بن عمران وصلت وزيرة الخارجية التستانية سابقا فاطمة ماهر.");
    expect(0, "لمحمد بن عمران", NULL, "محمد بن عمران", ISN_ENT_PER, NULL);
    expect(1, "فاطمة ماهر", NULL, "فاطمة ماهر", ISN_ENT_PER, "TSTGOV");
    /* a connector never ends a name */
    run("وقال الباحث محمد بن عمران إن الوضع هادئ.");
    expect(0, "محمد بن عمران", NULL, "محمد بن عمران", ISN_ENT_PER, NULL);
    /* name first, then title and nisba */
    run("وهذا ما أكده يوسف ماهر الصحفي التستاني في مقابلة.");
    expect(0, "يوسف ماهر", NULL, "يوسف ماهر", ISN_ENT_PER, "TSTMED");
    isn_mention mm;
    assert_int_equal(isn_doc_mention(doc, 0, &mm), 0);
    assert_false(mm.nominal);
    run("ووصل الرئيس التستاني أمس.");
    expect(0, "الرئيس التستاني", NULL, "الرئيس التستاني", ISN_ENT_PER, "TSTGOV");
    assert_int_equal(isn_doc_mention(doc, 0, &mm), 0);
    assert_true(mm.nominal);
}

static void test_forces_and_kinship(void **st) {
    (void)st;
    run("هاجمت قوات بن عامر المدينة بدعم من قوات روسية وتستانية، وحضر نجل بن عامر.");
    expect(0, "قوات بن عامر", "tst.army", "جيش تستانيا الوطني", ISN_ENT_ORG, "TSTMIL");
    expect(1, "قوات روسية", NULL, "قوات روسية", ISN_ENT_ORG, "RUSMIL");
    expect(2, "وتستانية", NULL, "تستانية", ISN_ENT_ORG, "TSTMIL"); /* named without its و */
    expect(3, "نجل بن عامر", NULL, "نجل بن عامر", ISN_ENT_PER, "TST"); /* a relative: country only */
    assert_int_equal(isn_doc_mention_count(doc), 4);
}

/* Actors named by what they are: the role as code, the country's before it
 * with a nisba; always descriptions. */
static void test_generic_actors(void **st) {
    (void)st;
    run("أطلق مسلحون تستانيون النار على المتظاهرين قبل أن تتدخل الشرطة.");
    expect(0, "مسلحون تستانيون", NULL, "مسلحون تستانيون", ISN_ENT_ORG, "TSTUAF");
    expect(1, "المتظاهرين", NULL, "المتظاهرين", ISN_ENT_ORG, "CVL");
    expect(2, "الشرطة", NULL, "الشرطة", ISN_ENT_ORG, "COP");
    assert_int_equal(isn_doc_mention_count(doc), 3);
    isn_mention m;
    isn_doc_mention(doc, 0, &m);
    assert_true(m.nominal);
    /* the name leaves out the clitics the match went through, and gives
     * back the alif لل swallowed */
    run("واشتبك مسلحون بالشرطة والمتظاهرين، وللشرطة رواية أخرى.");
    expect(1, "بالشرطة", NULL, "الشرطة", ISN_ENT_ORG, "COP");
    expect(2, "والمتظاهرين", NULL, "المتظاهرين", ISN_ENT_ORG, "CVL");
    expect(3, "وللشرطة", NULL, "الشرطة", ISN_ENT_ORG, "COP");
    /* another word of the kind in apposition, then the nisba */
    run("وقاتل جنود مرتزقة تستانيون في الجنوب.");
    expect(0, "جنود مرتزقة تستانيون", NULL, "جنود مرتزقة تستانيون", ISN_ENT_ORG, "TSTMIL");
    assert_int_equal(isn_doc_mention_count(doc), 1);
}

static void test_coreference(void **st) {
    (void)st;
    run("استقبل سالم بن عامر الوفد. وقال المشير إن الحوار ممكن. وأضاف اللواء المتقاعد أن الرجل لن يتراجع. "
        "وقال الصحفي التستاني يوسف ماهر إن ماهر سيكتب عن بتروف.");
    expect(0, "سالم بن عامر", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    expect(1, "المشير", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    expect(2, "اللواء المتقاعد", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    expect(3, "الرجل", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    expect(4, "يوسف ماهر", NULL, "يوسف ماهر", ISN_ENT_PER, "TSTMED");
    expect(5, "ماهر", NULL, "يوسف ماهر", ISN_ENT_PER, "TSTMED");
    expect(6, "بتروف", "rus.minister", "إيفان بتروف", ISN_ENT_PER, "RUSGOV");
    assert_int_equal(isn_doc_mention_count(doc), 7);
    isn_mention m;
    assert_int_equal(isn_doc_mention(doc, 1, &m), 0);
    assert_int_equal(m.rule, ISN_MR_COREF);
    assert_true(m.nominal);
    assert_int_equal(m.sentence, 1);
    assert_int_equal(isn_doc_mention(doc, 99, &m), -1);
    /* a bare title goes to whose current title it is, even if less named:
     * the general was a colonel once, the colonel still is one */
    run("زار بن عامر المدينة. وقال بن عامر إن منصور الطيب وصل. ثم تحدث العقيد عن الخطة. وقال المشير إن بن عامر مستعد.");
    isn_mention cm;
    int found = 0;
    for (size_t i = 0; isn_doc_mention(doc, i, &cm) == 0; i++)
        if (cm.rule == ISN_MR_COREF && cm.sentence == 2) {
            assert_string_equal(cm.entity, "tst.colonel");
            found++;
        } else if (cm.rule == ISN_MR_COREF && cm.sentence == 3) {
            assert_string_equal(cm.entity, "tst.general");
            found++;
        }
    assert_int_equal(found, 2);
    /* with nobody named before, a description links to nobody */
    run("وقال المشير إن الرجل لن يتراجع.");
    assert_int_equal(isn_doc_mention_count(doc), 0);
}

static void test_lexicon_only_baseline(void **st) {
    (void)st;
    isn_input in = {0};
    const char *t = "قال المشير سالم بن عامر إن قوات روسية وصلت، وأكد الصحفي التستاني يوسف ماهر ذلك.";
    in.id = "t";
    in.text = t;
    in.len = strlen(t);
    text_of_run = t;
    isn_options opt = {.no_clean = 1, .lexicon_only = 1};
    assert_int_equal(isn_doc_process(doc, &in, &opt, NULL), ISN_OK);
    expect(0, "سالم بن عامر", "tst.general", "سالم بن عامر", ISN_ENT_PER, "TSTMIL");
    assert_int_equal(isn_doc_mention_count(doc), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_malformed_lexicon_lines_are_warnings),
        cmocka_unit_test(test_clitics_and_multiword),
        cmocka_unit_test(test_nisba_codes),
        cmocka_unit_test(test_forces_and_kinship),
        cmocka_unit_test(test_generic_actors),
        cmocka_unit_test(test_coreference),
        cmocka_unit_test(test_lexicon_only_baseline),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
