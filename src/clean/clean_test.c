/*
 * clean_test.c -- boilerplate is removed, article text never is; title,
 * dateline and outlet.
 */
#include "testdoc.h"

/* The article body used under every kind of page furniture below. */
#define BODY                                                                                   \
    "أعلنت الحكومة اليوم عن خطة جديدة لإعادة إعمار المدن المتضررة من الحرب في الجنوب.\n" \
    "وقال الوزير في مؤتمر صحفي إن الخطة تشمل المدارس والمستشفيات والطرق الرئيسية.\n"

static void expect_removed(const char *text, size_t i, const char *what, isn_removed_kind kind) {
    isn_removed_kind k;
    isn_doc *d = run_text(text);
    assert_true(i < isn_doc_removed_count(d));
    assert_string_equal(removed(d, i, text, &k), what);
    assert_int_equal(k, kind);
}

/* No sentence may overlap a removed span, and the body must survive. */
static void expect_body_kept(const char *text) {
    isn_doc *d = run_text(text);
    for (size_t i = 0; i < isn_doc_sentence_count(d); i++) {
        isn_span s = isn_doc_sentence(d, i);
        for (size_t j = 0; j < isn_doc_removed_count(d); j++) {
            isn_span r = isn_doc_removed(d, j, NULL);
            assert_false(s.start < r.end && r.start < s.end);
        }
    }
    const char *body = strstr(text, "أعلنت الحكومة");
    assert_non_null(body);
    isn_span first = {0, 0};
    for (size_t i = 0; i < isn_doc_sentence_count(d); i++)
        if (isn_doc_sentence(d, i).start == (uint32_t)(body - text)) first = isn_doc_sentence(d, i);
    assert_true(first.end > first.start);
}

static void test_ad_markers(void **s) {
    (void)s;
    const char *t = "[ads1]\n" BODY "وفي سياق آخر [ads2] قال المسؤول إن العمل سيبدأ قريبا.\n[ads2]\n";
    expect_removed(t, 0, "[ads1]", ISN_RM_AD);
    expect_removed(t, 1, "[ads2]", ISN_RM_AD);
    expect_removed(t, 2, "[ads2]", ISN_RM_AD);
    expect_body_kept(t);
    /* a bracket that is not a shortcode is text */
    isn_doc *d = run_text("قال [المتحدث] إن الوفد وصل.");
    assert_int_equal(isn_doc_removed_count(d), 0);
}

static void test_comment_section_to_the_end(void **s) {
    (void)s;
    const char *t = BODY
        "اقرأ أيضا: تقرير عن الانتخابات المقبلة\n"
        "باستخدامك خدمة التعليقات فإنك توافق على شروط الاستخدام التالية، ويحتفظ الموقع بحق حذف أي تعليق مسيء.\n"
        "To prevent automated spam submissions leave this field empty.\n"
        "\n"
        "تعليقات القراء على مقال : خطة الإعمار\n"
        "\n"
        "كلام جميل لكن الحكومة لم تنفذ شيئا من وعودها السابقة .ننتظر الأفعال\n"
        "\n"
        "قارئ من الجنوب 03.04.2019 | 09:41 Uhr\n";
    isn_doc *d = run_text(t);
    assert_int_equal(isn_doc_removed_count(d), 2);
    expect_removed(t, 0, "اقرأ أيضا: تقرير عن الانتخابات المقبلة", ISN_RM_READMORE);
    isn_removed_kind k;
    const char *c = removed(d, 1, t, &k);
    assert_int_equal(k, ISN_RM_COMMENTS);
    assert_true(strncmp(c, "باستخدامك", strlen("باستخدامك")) == 0);
    assert_non_null(strstr(c, "Uhr"));
    assert_int_equal(isn_doc_sentence_count(d), 2);
    expect_body_kept(t);
}

static void test_comment_words_in_prose_are_not_a_section(void **s) {
    (void)s;
    /* "تعليقات" opening a sentence of prose is not a comments heading */
    const char *t = BODY "تعليقات الرئيس على الخطة أثارت جدلا واسعا في البرلمان خلال جلسة الأمس.\n"
                         "وطالب النواب بنشر تفاصيل الخطة كاملة.\n";
    isn_doc *d = run_text(t);
    assert_int_equal(isn_doc_removed_count(d), 0);
    assert_int_equal(isn_doc_sentence_count(d), 4);
}

static void test_widgets_counters_share_bars(void **s) {
    (void)s;
    const char *t = "عنوان الخبر عن خطة الإعمار\n\nسوشال\n\n" BODY "\nأترك تعليقا\n\nتعليقات\n\n%d مدونون معجبون بهذه:\n";
    expect_removed(t, 0, "سوشال", ISN_RM_WIDGET);
    expect_removed(t, 1, "أترك تعليقا\n\nتعليقات\n\n%d مدونون معجبون بهذه:", ISN_RM_COMMENTS);
    expect_body_kept(t);
    const char *u = BODY "\n336 مشاهدة\n";
    expect_removed(u, 0, "336 مشاهدة", ISN_RM_COUNTER);
    /* a number and a word in prose is not a counter */
    isn_doc *d = run_text(BODY "\n336 مشاهدة للفيلم في أسبوعه الأول حسب الموزع\n");
    assert_int_equal(isn_doc_removed_count(d), 0);
}

static void test_title_and_duplicate(void **s) {
    (void)s;
    const char *t = "الحكومة تعلن خطة لإعادة الإعمار\n\nالحكومة تعلن خطة لإعادة الإعمار\n\n" BODY;
    isn_doc *d = run_text(t);
    assert_string_equal(isn_doc_title(d), "الحكومة تعلن خطة لإعادة الإعمار");
    expect_removed(t, 0, "الحكومة تعلن خطة لإعادة الإعمار", ISN_RM_DUPTITLE);
    /* a tag word above the headline is skipped */
    d = run_text("ليبيا\n\nالحكومة تعلن خطة لإعادة الإعمار\n\n" BODY);
    assert_string_equal(isn_doc_title(d), "الحكومة تعلن خطة لإعادة الإعمار");
    /* a first line that is prose is no title */
    d = run_text(BODY);
    assert_null(isn_doc_title(d));
}

static void test_dateline_and_outlet(void **s) {
    (void)s;
    isn_doc *d = run_text("عنوان الخبر هنا\n\n19/11/2019\n" BODY "\nالمصدر: الأناضول ووكالات\n");
    assert_string_equal(isn_doc_date(d), "2019-11-19");
    assert_string_equal(isn_doc_date_origin(d), "text");
    assert_string_equal(isn_doc_outlet(d), "الأناضول");
    d = run_text("عنوان الخبر هنا\nالخميس 6 نوفمبر 2014 - 10:32\n" BODY);
    assert_string_equal(isn_doc_date(d), "2014-11-06");
    d = run_text("عنوان الخبر هنا\n14 كانون الثاني 2020\n" BODY);
    assert_string_equal(isn_doc_date(d), "2020-01-14");
    d = run_text("عنوان الخبر هنا\nنشر في 2019-04-04\n" BODY);
    assert_string_equal(isn_doc_date(d), "2019-04-04");
    /* a date inside prose is not a dateline; an impossible date is none */
    d = run_text("عنوان الخبر هنا\nوصل الوفد في 19/11/2019 إلى المدينة\n" BODY);
    assert_null(isn_doc_date(d));
    d = run_text("عنوان الخبر هنا\n45/13/2019\n" BODY);
    assert_null(isn_doc_date(d));
}

static void test_metadata_date_wins(void **s) {
    (void)s;
    const char *text = "عنوان\n19/11/2019\n" BODY;
    isn_input in = {0};
    in.id = "m";
    in.text = text;
    in.len = strlen(text);
    in.date = "2015-07-21 10:00:00";
    in.title = "عنوان من البيانات";
    isn_options opt = {.default_date = "2000-01-01"};
    assert_int_equal(isn_doc_process(test_doc, &in, &opt, NULL), ISN_OK);
    assert_string_equal(isn_doc_date(test_doc), "2015-07-21");
    assert_string_equal(isn_doc_date_origin(test_doc), "metadata");
    assert_string_equal(isn_doc_title(test_doc), "عنوان من البيانات");
    in.date = NULL;
    const char *plain = BODY;
    in.text = plain;
    in.len = strlen(plain);
    assert_int_equal(isn_doc_process(test_doc, &in, &opt, NULL), ISN_OK);
    assert_string_equal(isn_doc_date(test_doc), "2000-01-01");
    assert_string_equal(isn_doc_date_origin(test_doc), "default");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ad_markers),
        cmocka_unit_test(test_comment_section_to_the_end),
        cmocka_unit_test(test_comment_words_in_prose_are_not_a_section),
        cmocka_unit_test(test_widgets_counters_share_bars),
        cmocka_unit_test(test_title_and_duplicate),
        cmocka_unit_test(test_dateline_and_outlet),
        cmocka_unit_test(test_metadata_date_wins),
    };
    return cmocka_run_group_tests(tests, test_setup, test_teardown);
}
