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
    expect_time(3, "2017 و2019م", "2017/2019", 0); /* "ما بين" is not in the span */
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

static void test_hijri(void **s) {
    (void)s;
    run_dated("صدر المرسوم في 15 رمضان 1441هـ الموافق 8 مايو 2020م، وأقر في ربيع الأول 1441هـ، "
              "وأعلنت ميزانية عام 1442 هـ.", NULL);
    expect_time(0, "15 رمضان 1441هـ", "2020-05-08", 0);
    expect_time(1, "8 مايو 2020م", "2020-05-08", 0);
    expect_time(2, "ربيع الأول 1441هـ", "2019-10-30/2019-11-28", 0);
    expect_time(3, "عام 1442 هـ", "2020-08-20/2021-08-09", 0);
    isn_time t;
    isn_doc_time(test_doc, 0, &t);
    assert_string_equal(t.hijri, "1441-09-15");
    isn_doc_time(test_doc, 1, &t);
    assert_string_equal(t.hijri, "");
    /* a year of 1350-1499 with no era letter is Hijri; with "م" it is Gregorian */
    run_dated("وفي عام 1436 افتتح المشروع الذي بني عام 1436م.", NULL);
    expect_time(0, "عام 1436", "2014-10-25/2015-10-14", 0);
    expect_time(1, "عام 1436م", "1436", 0);
    /* numeric Hijri dates */
    run_dated("صدر القرار بتاريخ 3/8/1443هـ ونشر في 12/3/1442.", NULL);
    expect_time(0, "3/8/1443هـ", "2022-03-07", 0);
    expect_time(1, "12/3/1442", "2020-10-29", 0);
    /* a Hijri month with no year is not a date; a name is not a month */
    run_dated("زار رجب طيب أردوغان الدوحة في رمضان.", NULL);
    assert_int_equal(isn_doc_time_count(test_doc), 0);
    /* made relative: the last Ramadan before the publication date */
    run_dated("تعهد الوزير بذلك في رمضان الماضي.", "2021-01-10");
    expect_time(0, "رمضان الماضي", "2020-04-24/2020-05-23", 1);
    /* a day that the month does not have is not a day; the month remains */
    run_dated("في 30 صفر 1441هـ.", NULL);
    expect_time(0, "صفر 1441هـ", "2019-10-01/2019-10-29", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 1);
}

static void test_days_in_words(void **s) {
    (void)s;
    run_dated("اندلعت الاحتجاجات في التاسع عشر من يناير 2011 وتجددت في الحادي والعشرين من أيلول 2014 "
              "ثم في الأول من شهر مارس الماضي.", "2016-06-01");
    expect_time(0, "التاسع عشر من يناير 2011", "2011-01-19", 0);
    expect_time(1, "الحادي والعشرين من أيلول 2014", "2014-09-21", 0);
    expect_time(2, "الأول من شهر مارس الماضي", "2016-03-01", 1);
    /* an ordinal that is not a day */
    run_dated("احتل الفريق المركز الثاني من أصل عشرة.", NULL);
    assert_int_equal(isn_doc_time_count(test_doc), 0);
}

static void test_ago(void **s) {
    (void)s;
    /* published on Wednesday 15 January 2020 */
    run_dated("وصل المبعوث منذ عامين، وغادر قبل ثلاثة أيام، وعاد قبل 10 سنوات، واستقال قبل شهرين وقبل أسبوعين.",
              "2020-01-15");
    expect_time(0, "منذ عامين", "2018", 1);
    expect_time(1, "قبل ثلاثة أيام", "2020-01-12", 1);
    expect_time(2, "قبل 10 سنوات", "2010", 1);
    expect_time(3, "قبل شهرين", "2019-11", 1);
    expect_time(4, "وقبل أسبوعين", "2020-W01", 1);
    assert_int_equal(isn_doc_time_count(test_doc), 5);
    /* not points counted from the publication: another event, a year, no count */
    run_dated("وصل قبل يومين من الانتخابات، ويقيم هناك منذ عام 2016 ومنذ سنوات.", "2020-01-15");
    expect_time(0, "عام 2016", "2016", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 1);
    run_dated("غادر منذ عامين.", NULL);
    expect_time(0, "منذ عامين", "XXXX", 0);
}

static void test_seasons_and_centuries(void **s) {
    (void)s;
    run_dated("بدأت المفاوضات صيف 2019 وتعثرت في شتاء عام 2015 ثم الصيف الماضي، في ذكرى الربيع العربي.",
              "2020-01-15");
    expect_time(0, "صيف 2019", "2019-SU", 0);
    expect_time(1, "شتاء عام 2015", "2015-WI", 0);
    expect_time(2, "الصيف الماضي", "2019-SU", 1);
    assert_int_equal(isn_doc_time_count(test_doc), 3);
    run_dated("تعود جذور النزاع إلى القرن التاسع عشر وإلى أوائل التسعينيات من القرن الماضي.", NULL);
    expect_time(0, "القرن التاسع عشر", "18XX", 0);
    expect_time(1, "أوائل التسعينيات من القرن الماضي", "199X", 0);
}

static void test_ranges(void **s) {
    (void)s;
    run_dated("امتدت الأزمة من عام 2011 إلى عام 2014، وبين عامي 2003 و2011، ومن 5 مارس إلى 7 أبريل 2019، "
              "ومن 5 إلى 9 مارس 2019، ومن 2015 حتى 2017.", NULL);
    expect_time(0, "عام 2011 إلى عام 2014", "2011/2014", 0);
    expect_time(1, "عامي 2003 و2011", "2003/2011", 0);
    expect_time(2, "5 مارس إلى 7 أبريل 2019", "2019-03-05/2019-04-07", 0);
    expect_time(3, "5 إلى 9 مارس 2019", "2019-03-05/2019-03-09", 0);
    expect_time(4, "2015 حتى 2017", "2015/2017", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 5);
    /* "من" and a number with no range after it: not a year */
    run_dated("قتل أكثر من 2000 شخص.", NULL);
    assert_int_equal(isn_doc_time_count(test_doc), 0);
}

static void test_unanchored_and_current(void **s) {
    (void)s;
    /* no publication date: the unknown parts stay X */
    run_dated("قال أمس إن الاجتماع عقد الأربعاء والأسبوع الماضي والشهر الماضي والعام الماضي.", NULL);
    expect_time(0, "أمس", "XXXX-XX-XX", 0);
    expect_time(1, "الأربعاء", "XXXX-WXX-3", 0);
    expect_time(2, "والأسبوع الماضي", "XXXX-WXX", 0);
    expect_time(3, "والشهر الماضي", "XXXX-XX", 0);
    expect_time(4, "والعام الماضي", "XXXX", 0);
    /* under way and to come, published on 15 January 2020 */
    run_dated("تنتهي المهلة نهاية الشهر الجاري، والانتخابات هذا العام، والقمة في مارس المقبل والأسبوع المقبل.",
              "2020-01-15");
    expect_time(0, "نهاية الشهر الجاري", "2020-01", 1);
    expect_time(1, "هذا العام", "2020", 1);
    expect_time(2, "مارس المقبل", "2020-03", 1);
    expect_time(3, "والأسبوع المقبل", "2020-W04", 1);
    /* a day and month with no year: the one nearest the publication */
    run_dated("وصل الوفد في 28 ديسمبر وغادر في 3 يناير.", "2020-01-15");
    expect_time(0, "28 ديسمبر", "2019-12-28", 1);
    expect_time(1, "3 يناير", "2020-01-03", 1);
}

static void test_weekday_joins_a_date(void **s) {
    (void)s;
    run_dated("عقدت الجلسة يوم الاثنين 12/10/2020 وتأجلت إلى الخميس، 15 أكتوبر 2020.", NULL);
    expect_time(0, "الاثنين 12/10/2020", "2020-10-12", 0);
    expect_time(1, "الخميس، 15 أكتوبر 2020", "2020-10-15", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 2);
}

static void test_other_forms(void **s) {
    (void)s;
    /* the first of a month in Maghrebi and Gulf usage, a two-digit year, a month range */
    run_dated("أعلن القرار في الفاتح من نوفمبر 2020 ونشر في غرة شوال 1442هـ ووقع في 20/12/11 "
              "وطبق من يناير إلى مارس 2017.", "2021-06-01");
    expect_time(0, "الفاتح من نوفمبر 2020", "2020-11-01", 0);
    expect_time(1, "غرة شوال 1442هـ", "2021-05-13", 0);
    expect_time(2, "20/12/11", "2011-12-20", 0);
    expect_time(3, "يناير إلى مارس 2017", "2017-01/2017-03", 0);
    /* years named by an event; "الأحد عشر" is a number, not Sunday */
    run_dated("وهي الأسوأ منذ حرب 1967، وسيمثل الأحد عشر متهما أمام القضاء بحلول 2025.", "2021-06-01");
    expect_time(0, "1967", "1967", 0);
    expect_time(1, "2025", "2025", 0);
    assert_int_equal(isn_doc_time_count(test_doc), 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numeric),
        cmocka_unit_test(test_month_systems),
        cmocka_unit_test(test_pairs_and_weekdays),
        cmocka_unit_test(test_years_and_ranges),
        cmocka_unit_test(test_decades_and_parts),
        cmocka_unit_test(test_relative_anchored),
        cmocka_unit_test(test_hijri),
        cmocka_unit_test(test_days_in_words),
        cmocka_unit_test(test_ago),
        cmocka_unit_test(test_seasons_and_centuries),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_unanchored_and_current),
        cmocka_unit_test(test_weekday_joins_a_date),
        cmocka_unit_test(test_other_forms),
    };
    return cmocka_run_group_tests(tests, test_setup, test_teardown);
}
