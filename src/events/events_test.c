/*
 * events_test.c -- the events stage, one test per construction, on
 * sentences written for these tests. The triggers are a small file of the
 * test's own (so the constructions are tested, not the shipped lexicon);
 * the entities, times, codes and frames are the real data files.
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

#include "isnad.h"
#include "datadir.h"

static isn_engine *eng;
static isn_doc *doc;
static const char *text;

static const char *triggers =
    "[042]\n"
    "زار / زارت / يزور / يزر = verb | target:obj\n"
    "زيارة = noun | target:gen, target:ل, target:إلى, source:gen\n"
    "[043]\n"
    "استقبل / استقبلت = verb | target:obj\n"
    "[044]\n"
    "اجتمع / اجتمعت / التقى / التقت = verb | target:مع, target:obj, target:ب\n"
    "[072]\n"
    "زود / زودت / زودوا = verb | target:obj\n"
    "دعم / دعمت = verb | target:obj\n"
    "المدعوم / المدعومة = participle | source:من, target:head\n"
    "درب / دربت / دربوا = verb | target:obj\n"
    "[190]\n"
    "شن هجوما / شنت هجوما = light | target:على\n"
    "هجوم = noun | target:على, source:gen\n"
    "تقاتل / يقاتل = verb | target:ضد\n"
    "[045]\n"
    "توسط / توسطت = verb | target:obj\n"
    "[173]\n"
    "اعتقل / اعتقلت = passive | source:من\n"
    "[163]\n"
    "فرض عقوبات / فرضت عقوبات = light | target:على\n";

static int setup(void **st) {
    (void)st;
    if (datadir_make("text clean time entities") || datadir_copy("events/cameo.txt") ||
        datadir_copy("events/frames.txt") || datadir_write("events/triggers/test.txt", triggers, "w"))
        return -1;
    isn_config cfg = {datadir};
    isn_error err;
    if (isn_engine_new(&eng, &cfg, &err)) { fprintf(stderr, "%s\n", err.msg); return -1; }
    if (isn_engine_warning_count(eng)) fprintf(stderr, "warning: %s\n", isn_engine_warning(eng, 0));
    return isn_doc_new(&doc, eng);
}

static int teardown(void **st) {
    (void)st;
    isn_doc_free(doc);
    isn_engine_free(eng);
    return datadir_remove();
}

static void run(const char *t, const char *date) {
    isn_input in = {.id = "t", .text = t, .len = strlen(t), .date = date};
    text = t;
    isn_options opt = {.no_clean = 1};
    assert_int_equal(isn_doc_process(doc, &in, &opt, NULL), ISN_OK);
}

static void copy_span(char *buf, isn_span s) {
    memcpy(buf, text + s.start, s.end - s.start);
    buf[s.end - s.start] = 0;
}

/* The surface text of mention i, or "-" for none. */
static const char *mention_text(size_t i, char *buf) {
    isn_mention m;
    if (i == ISN_NO_INDEX || isn_doc_mention(doc, i, &m)) return "-";
    copy_span(buf, m.span);
    return buf;
}

/* Event i: code, source text, target text, modality. */
static void expect_event(size_t i, const char *code, const char *source, const char *target, isn_modality mod) {
    isn_event e;
    if (isn_doc_event(doc, i, &e)) fail_msg("no event #%zu (%s %s -> %s)", i, source, code, target);
    char b1[256], b2[256];
    assert_string_equal(e.code, code);
    assert_string_equal(mention_text(e.source, b1), source);
    assert_string_equal(mention_text(e.target, b2), target);
    assert_string_equal(isn_modality_name(e.modality), isn_modality_name(mod));
}

/* Event i's attribution, outermost first, as texts joined by " > ". */
static void expect_chain(size_t i, const char *chain) {
    isn_event e;
    assert_int_equal(isn_doc_event(doc, i, &e), 0);
    char got[512] = "", buf[256];
    for (size_t k = 0; k < e.nattribution; k++) {
        isn_claim_source cs;
        assert_int_equal(isn_doc_event_source(doc, i, k, &cs), 0);
        copy_span(buf, cs.span);
        if (k) strcat(got, " > ");
        strcat(got, buf);
    }
    assert_string_equal(got, chain);
}

static void test_verb_orders(void **s) {
    (void)s;
    run("زار خليفة حفتر موسكو.", NULL); /* VSO */
    expect_event(0, "042", "خليفة حفتر", "موسكو", ISN_ASSERTED);
    run("وكان حفتر قد زار القاهرة.", NULL); /* SVO */
    expect_event(0, "042", "حفتر", "القاهرة", ISN_ASSERTED);
    /* a verb joined by "و" with a place after it: the actor before is its subject */
    run("حاول خليفة حفتر كسب حلفاء جدد بكل الطرق الممكنة وزار موسكو مرتين.", NULL);
    expect_event(0, "042", "خليفة حفتر", "موسكو", ISN_ASSERTED);
    assert_int_equal(isn_doc_event_count(doc), 1);
    run("واجتمع حفتر مع سيرغي شويغو في موسكو.", NULL); /* a target after a preposition, a place */
    expect_event(0, "044", "حفتر", "سيرغي شويغو", ISN_ASSERTED);
    isn_event e;
    char b[256];
    isn_doc_event(doc, 0, &e);
    assert_string_equal(mention_text(e.place, b), "موسكو");
    assert_int_equal(isn_doc_event_count(doc), 1);
    /* an attached pronoun is the one the event before was done to */
    run("والتقى حفتر سيرغي شويغو في موسكو وزاره مرة أخرى.", NULL);
    expect_event(1, "042", "حفتر", "سيرغي شويغو", ISN_ASSERTED);
    /* a verb joined by "و" takes the subject of the verb before, even with no event there */
    run("وأعلن فائز السراج حالة الطوارئ في كل المدن الغربية ليلة أمس وزار القاهرة.", NULL);
    expect_event(0, "042", "فائز السراج", "القاهرة", ISN_ASSERTED);
    /* a relative clause with a pronoun taking the antecedent back has its own subject */
    run("ووصل حفتر الذي اجتمع معه سيرغي شويغو أمس.", NULL);
    expect_event(0, "044", "سيرغي شويغو", "-", ISN_ASSERTED);
}

static void test_participle_and_conjunction(void **s) {
    (void)s;
    run("وتتمسك حكومة الوفاق المدعومة من تركيا وقطر وإيطاليا بمواقعها.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 3);
    expect_event(0, "072", "تركيا", "حكومة الوفاق", ISN_ASSERTED);
    expect_event(1, "072", "وقطر", "حكومة الوفاق", ISN_ASSERTED);
    expect_event(2, "072", "وإيطاليا", "حكومة الوفاق", ISN_ASSERTED);
}

static void test_nouns_and_light_verbs(void **s) {
    (void)s;
    run("وجاءت زيارة حفتر لموسكو بعد أسابيع.", NULL);
    expect_event(0, "042", "حفتر", "لموسكو", ISN_ASSERTED);
    run("وشنت قوات حفتر هجوما على طرابلس في 4 أبريل 2019.", NULL);
    expect_event(0, "190", "قوات حفتر", "طرابلس", ISN_ASSERTED);
    isn_event e;
    isn_time t;
    isn_doc_event(doc, 0, &e);
    assert_int_equal(isn_doc_time(doc, e.time, &t), 0);
    assert_string_equal(t.value, "2019-04-04");
    /* a light verb with its subject inside: verb, subject, noun */
    run("وفرضت الولايات المتحدة عقوبات على روسيا.", NULL);
    expect_event(0, "163", "الولايات المتحدة", "روسيا", ISN_ASSERTED);
    /* a capital stands for its state; a city does not act */
    run("وزارت بنغازي وفود كثيرة.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 0);
    run("وزارت أنقرة طرابلس.", NULL);
    expect_event(0, "042", "أنقرة", "طرابلس", ISN_ASSERTED);
    run("وزارت صلالة طرابلس.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 0);
    /* "بين X وY": both are targets */
    run("وتوسطت تركيا بين روسيا وأوكرانيا.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 2);
    expect_event(0, "045", "تركيا", "روسيا", ISN_ASSERTED);
    expect_event(1, "045", "تركيا", "وأوكرانيا", ISN_ASSERTED);
    /* a noun after a glued preposition completes another predicate */
    run("وطالبت حكومة الوفاق بزيارة حفتر لموسكو.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 0);
    /* a name that begins with و is no conjunct */
    run("زار خليفة حفتر واشنطن.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 1);
    expect_event(0, "042", "خليفة حفتر", "واشنطن", ISN_ASSERTED);
    /* a damma the writer put on the stem marks a passive: the subject is the target */
    run("واستقبل فلاديمير بوتين حفتر.", NULL);
    expect_event(0, "043", "فلاديمير بوتين", "حفتر", ISN_ASSERTED);
    run("واستُقبل حفتر في موسكو.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 0); /* no agent named: no source */
    /* no actor, no event */
    run("وشن هجوما على المدينة.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 0);
}

static void test_attribution(void **s) {
    (void)s;
    run("وأوردت وكالة رويترز خبرا ذكرت فيه أن صحيفة لوموند كشفت أن فرنسا دربت قوات حفتر.", NULL);
    expect_event(0, "072", "فرنسا", "قوات حفتر", ISN_REPORTED);
    expect_chain(0, "وكالة رويترز > صحيفة لوموند");
    run("وبحسب وكالة الأناضول، زودت الإمارات حفتر بالسلاح.", NULL);
    expect_event(0, "072", "الإمارات", "حفتر", ISN_REPORTED);
    expect_chain(0, "وكالة الأناضول");
    /* a frame that goes on into the next sentence */
    run("وكشفت صحيفة الغارديان عن وثائق جديدة.\nوأضافت الصحيفة أن الإمارات زودت حفتر بصواريخ.", NULL);
    expect_event(0, "072", "الإمارات", "حفتر", ISN_REPORTED);
    expect_chain(0, "صحيفة الغارديان");
    /* a verb joined by "و" inside a report does not take the reporter as
     * its subject */
    run("وقالت وكالة الأناضول إن ظهور خليفة حفتر في بنغازي ودعمه للمسلحين غيّر المشهد.", NULL);
    for (size_t k = 0; k < isn_doc_event_count(doc); k++) {
        isn_event e;
        char b1[256];
        assert_int_equal(isn_doc_event(doc, k, &e), 0);
        assert_string_not_equal(mention_text(e.source, b1), "وكالة الأناضول");
    }
    /* a report noun with no named source: what follows it is reported */
    run("وهناك تقارير عن زيارة خليفة حفتر إلى القاهرة.", NULL);
    expect_event(0, "042", "خليفة حفتر", "القاهرة", ISN_REPORTED);
    expect_chain(0, "تقارير");
}

static void test_passive_description_unnamed(void **s) {
    (void)s;
    /* a passive: the subject is the target, the agent after "من قبل" */
    run("واعتقل سيف الإسلام القذافي من قبل مسلحين في الزنتان.", NULL);
    expect_event(0, "173", "مسلحين", "سيف الإسلام القذافي", ISN_ASSERTED);
    /* a description the entities stage resolves: "المشير" after Haftar was named */
    run("وصل خليفة حفتر إلى القاهرة.\nوزار المشير موسكو بعد ذلك.", NULL);
    isn_event e;
    isn_mention m;
    assert_int_equal(isn_doc_event(doc, 0, &e), 0);
    assert_int_equal(isn_doc_mention(doc, e.source, &m), 0);
    assert_non_null(m.entity);
    assert_string_equal(m.entity, "lby.haftar");
    /* a source that is no entity keeps its words */
    run("وقالت مصادر مطلعة إن روسيا زودت حفتر بطائرات.", NULL);
    expect_event(0, "072", "روسيا", "حفتر", ISN_REPORTED);
    expect_chain(0, "مصادر مطلعة");
    isn_claim_source cs;
    assert_int_equal(isn_doc_event_source(doc, 0, 0, &cs), 0);
    assert_true(cs.mention == ISN_NO_INDEX);
}

static void test_modality(void **s) {
    (void)s;
    run("ونفت وزارة الدفاع الروسية أن تكون روسيا زودت حفتر بأسلحة.", NULL);
    expect_event(0, "072", "روسيا", "حفتر", ISN_DENIED);
    expect_chain(0, "وزارة الدفاع الروسية");
    /* a denied statement: who said it, who denies it */
    run("وكذبت وزارة الدفاع الروسية ما أعلنه خليفة حفتر عن تسليم الأسلحة.", NULL);
    expect_event(0, "010", "خليفة حفتر", "-", ISN_DENIED);
    expect_chain(0, "وزارة الدفاع الروسية");
    run("ولم يزر حفتر موسكو منذ سنوات.", NULL);
    expect_event(0, "042", "حفتر", "موسكو", ISN_NEGATED);
    run("وسيزور حفتر موسكو الأسبوع المقبل.", "2020-01-15");
    expect_event(0, "042", "حفتر", "موسكو", ISN_PLANNED);
    run("ويتردد أن مجموعة فاغنر تقاتل إلى جانب قوات حفتر ضد حكومة الوفاق.", NULL);
    expect_event(0, "190", "مجموعة فاغنر", "حكومة الوفاق", ISN_ALLEGED);
}

/* The headline restates the story: its events are the body's. */
/* "أعلن X في بيان عن Y": a statement, with the subject the verb leaves
 * unsaid taken from its sentence or the one before; an outlet that reveals
 * makes none; "ويذكر أن" is the writer's and continues no frame. */
static void test_announcements(void **s) {
    (void)s;
    run("أعلن فلاديمير بوتين في خطاب متلفز عن إطلاق مبادرة للحوار.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 1);
    expect_event(0, "010", "فلاديمير بوتين", "-", ISN_ASSERTED);
    run("عاد خليفة حفتر إلى بنغازي بعد غياب طويل. ثم خرج على الناس عبر قناة \"الحدث\" السعودية ليعلن في كلمة "
        "مسجلة عن تعليق عمل المؤسسات.", "2014-03-01");
    assert_int_equal(isn_doc_event_count(doc), 1); /* not Saudi Arabia: it names the channel */
    expect_event(0, "010", "خليفة حفتر", "-", ISN_ASSERTED);
    run("وجاء خطاب حفتر الأول بعد أسبوع ليعلن فيه عن خارطة طريق.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 1);
    expect_event(0, "010", "حفتر", "-", ISN_ASSERTED);
    run("كشفت وكالة رويترز عن وثائق جديدة.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 0);
    run("وقالت وكالة الأناضول إن القوات تقدمت نحو المدينة. ويذكر أن حفتر زار القاهرة.", NULL);
    assert_int_equal(isn_doc_event_count(doc), 1);
    expect_event(0, "042", "حفتر", "القاهرة", ISN_ASSERTED);
    expect_chain(0, "");
}

static void test_headline_skipped(void **s) {
    (void)s;
    const char *t = "زيارة حفتر لموسكو\n\nوصل خليفة حفتر إلى العاصمة الروسية أمس.\nوزار حفتر موسكو للمرة الثالثة.\n";
    isn_input in = {.id = "t", .text = t, .len = strlen(t)};
    text = t;
    assert_int_equal(isn_doc_process(doc, &in, NULL, NULL), ISN_OK);
    assert_non_null(isn_doc_title(doc));
    assert_int_equal(isn_doc_event_count(doc), 1);
    isn_event e;
    isn_doc_event(doc, 0, &e);
    assert_int_equal(e.sentence, 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verb_orders),
        cmocka_unit_test(test_participle_and_conjunction),
        cmocka_unit_test(test_nouns_and_light_verbs),
        cmocka_unit_test(test_attribution),
        cmocka_unit_test(test_passive_description_unnamed),
        cmocka_unit_test(test_modality),
        cmocka_unit_test(test_announcements),
        cmocka_unit_test(test_headline_skipped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
