/*
 * timex_test.c -- time expressions, one test per pattern family, on
 * sentences written for these tests.
 */
#include "testdoc.h"

static const char *cur_text;

static void run_dated(const char *text, const char *pub) {
    isn_input in = {0};
    in.id = "t";
    in.text = text;
    in.len = strlen(text);
    in.date = pub;
    cur_text = text;
    isn_options opt = {.no_clean = 1};
    assert_int_equal(isn_doc_process(test_doc, &in, &opt, NULL), ISN_OK);
}

/* Time i: its text, value and anchoring. */
static void expect_time(size_t i, const char *text, const char *value, int anchored) {
    isn_time t;
    if (isn_doc_time(test_doc, i, &t) != 0) fail_msg("no time #%zu (\"%s\")", i, text);
    char buf[256];
    size_t n = t.span.end - t.span.start;
    memcpy(buf, cur_text + t.span.start, n);
    buf[n] = 0;
    assert_string_equal(buf, text);
    assert_string_equal(t.value, value);
    assert_int_equal(t.anchored, anchored);
}

static void test_numeric(void **s) {
    (void)s;
    run_dated("وصل الوفد في 19/11/2019 ثم غادر في 24.04.2018 وعاد يوم 02 / 04 / 2018 وفي 2014-02-14.", NULL);
    expect_time(0, "19/11/2019", "2019-11-19", 0);
    expect_time(1, "24.04.2018", "2018-04-24", 0);
    expect_time(2, "02 / 04 / 2018", "2018-04-02", 0);
    expect_time(3, "2014-02-14", "2014-02-14", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 4);
    /* not dates: a price, a score, an impossible day */
    run_dated("بلغ السعر 3.5 دولار وانتهت المباراة 2-1 وكتب 45/13/2019.", NULL);
    assert_int_equal(isn_doc_time_count(test_doc), 0);
}

static void test_month_systems(void **s) {
    (void)s;
    run_dated("اجتمعوا في 3 كانون الثاني 2020 ثم في 5 جانفي 2021 ثم في 7 يناير 2022 ثم في 9 دجنبر 2015.", NULL);
    expect_time(0, "3 كانون الثاني 2020", "2020-01-03", 0);
    expect_time(1, "5 جانفي 2021", "2021-01-05", 0);
    expect_time(2, "7 يناير 2022", "2022-01-07", 0);
    expect_time(3, "9 دجنبر 2015", "2015-12-09", 0);
    run_dated("وقعت المعركة في مارس 1987 وانتهت في أوت 2014 وفي شتنبر 2020 وفي نونبر 2019م.", NULL);
    expect_time(0, "مارس 1987", "1987-03", 0);
    expect_time(1, "أوت 2014", "2014-08", 0);
    expect_time(2, "شتنبر 2020", "2020-09", 0);
    expect_time(3, "نونبر 2019م", "2019-11", 0);
}

static void test_pairs_and_weekdays(void **s) {
    (void)s;
    run_dated("أعلن ذلك الخميس 6 نوفمبر 2014، وفي 17 فبراير / شباط 2011، وفي حزيران/يونيو 2015.", NULL);
    expect_time(0, "الخميس 6 نوفمبر 2014", "2014-11-06", 0);
    expect_time(1, "17 فبراير / شباط 2011", "2011-02-17", 0);
    expect_time(2, "حزيران/يونيو 2015", "2015-06", 0);
    /* a pair that disagrees keeps the first and says so */
    run_dated("ونشرت الصحيفة تقريرا في يوليو/حزيران 2020م.", NULL);
    isn_time t;
    assert_int_equal(isn_doc_time(test_doc, 0, &t), 0);
    assert_string_equal(t.value, "2020-07");
    assert_true(t.mismatch);
    /* two months, one year */
    run_dated("تدربوا خلال شهري أغسطس/آب وسبتمبر/ أيلول من سنة 2019م.", NULL);
    expect_time(0, "شهري أغسطس/آب وسبتمبر/ أيلول من سنة 2019م", "2019-08/2019-09", 0);
}

static void test_years_and_ranges(void **s) {
    (void)s;
    run_dated("منذ عام 2016 وفي 2011 وخلال الفترة 1977-1978 وما بين 2017 و2019م وفي 2017 أو 2018، وبلغ عددهم 5 آلاف.", NULL);
    expect_time(0, "عام 2016", "2016", 0);
    expect_time(1, "2011", "2011", 0);
    expect_time(2, "1977-1978", "1977/1978", 0);
    expect_time(3, "وما بين 2017 و2019م", "2017/2019", 0); /* clitics stay in the surface text */
    expect_time(4, "2017", "2017", 0);
    expect_time(5, "2018", "2018", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 6);
    /* a number is not a year without a cue: "1500 جندي" */
    run_dated("أرسلت الحكومة 1500 جندي.", NULL);
    assert_int_equal(isn_doc_time_count(test_doc), 0);
}

static void test_decades_and_parts(void **s) {
    (void)s;
    run_dated("بدأت العلاقة في سبعينيات القرن الماضي وتوترت في تسعينيات القرن العشرين ثم في أواخر 2015 وفي بداية يناير 1989.", NULL);
    expect_time(0, "سبعينيات القرن الماضي", "197X", 0);
    expect_time(1, "تسعينيات القرن العشرين", "199X", 0);
    expect_time(2, "أواخر 2015", "2015", 0);
    expect_time(3, "بداية يناير 1989", "1989-01", 0);
    isn_time t;
    isn_doc_time(test_doc, 2, &t);
    assert_string_equal(t.mod, "END");
    isn_doc_time(test_doc, 3, &t);
    assert_string_equal(t.mod, "START");
}

static void test_relative_anchored(void **s) {
    (void)s;
    /* published on Wednesday 15 January 2020 */
    run_dated("قال الوزير أمس إن الاجتماع عقد الأسبوع الماضي، وإن الهجوم بدأ في 4 أبريل الماضي، "
              "وإن الاتفاق وقع في مارس الماضي، وإن الوفد وصل الأحد، وإن الأزمة بدأت العام الماضي.",
              "2020-01-15");
    expect_time(0, "أمس", "2020-01-14", 1);
    expect_time(1, "الأسبوع الماضي", "2020-W02", 1);
    expect_time(2, "4 أبريل الماضي", "2019-04-04", 1);
    expect_time(3, "مارس الماضي", "2019-03", 1);
    expect_time(4, "الأحد", "2020-01-12", 1);
    expect_time(5, "العام الماضي", "2019", 1);
    run_dated("وصل الوفد أمس الثلاثاء على أن يعود الأحد المقبل.", "2020-01-15");
    expect_time(0, "أمس الثلاثاء", "2020-01-14", 1);
    expect_time(1, "الأحد المقبل", "2020-01-19", 1);
    assert_int_equal(isn_doc_time_count(test_doc), 2);
    /* without a publication date the year stays unknown */
    run_dated("بدأ الهجوم في 4 أبريل/ نيسان الماضي.", NULL);
    expect_time(0, "4 أبريل/ نيسان الماضي", "XXXX-04-04", 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numeric),
        cmocka_unit_test(test_month_systems),
        cmocka_unit_test(test_pairs_and_weekdays),
        cmocka_unit_test(test_years_and_ranges),
        cmocka_unit_test(test_decades_and_parts),
        cmocka_unit_test(test_relative_anchored),
    };
    return cmocka_run_group_tests(tests, test_setup, test_teardown);
}
