/*
 * calendar_test.c -- day arithmetic: known dates, and round trips over
 * every day of two centuries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "time/calendar.h"

static void test_gregorian(void **s) {
    (void)s;
    assert_int_equal(isn_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(isn_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(isn_weekday(isn_days_from_civil(2020, 1, 15)), 3); /* a Wednesday */
    assert_int_equal(isn_days_in_month(2020, 2), 29);
    assert_int_equal(isn_days_in_month(1900, 2), 28);
    assert_int_equal(isn_days_in_month(2000, 2), 29);
    int y, w;
    isn_iso_week(isn_days_from_civil(2020, 1, 15), &y, &w);
    assert_int_equal(y, 2020);
    assert_int_equal(w, 3);
    isn_iso_week(isn_days_from_civil(2021, 1, 3), &y, &w); /* a Sunday in the last week of 2020 */
    assert_int_equal(y, 2020);
    assert_int_equal(w, 53);
    isn_iso_week(isn_days_from_civil(2018, 12, 31), &y, &w); /* a Monday in the first week of 2019 */
    assert_int_equal(y, 2019);
    assert_int_equal(w, 1);
}

/* Dates of the tabular calendar (the same arithmetic as "Calendrical
 * Calculations"), checked by hand from its cycle of leap years. */
static void test_hijri_known(void **s) {
    (void)s;
    assert_int_equal(isn_days_from_hijri(1441, 1, 1), isn_days_from_civil(2019, 9, 1));
    assert_int_equal(isn_days_from_hijri(1441, 9, 1), isn_days_from_civil(2020, 4, 24));
    assert_int_equal(isn_days_from_hijri(1441, 3, 1), isn_days_from_civil(2019, 10, 30));
    assert_int_equal(isn_days_from_hijri(1, 1, 1), isn_days_from_civil(622, 7, 19)); /* 16 July 622 Julian */
    assert_int_equal(isn_hijri_month_length(1441, 1), 30);
    assert_int_equal(isn_hijri_month_length(1441, 2), 29);
    assert_int_equal(isn_hijri_month_length(1442, 12), 30); /* 1442 is year 2 of its cycle: a leap year */
    assert_int_equal(isn_hijri_month_length(1441, 12), 29);
    /* a year is 354 days, 355 when leap */
    assert_int_equal(isn_days_from_hijri(1442, 1, 1) - isn_days_from_hijri(1441, 1, 1), 354);
    assert_int_equal(isn_days_from_hijri(1443, 1, 1) - isn_days_from_hijri(1442, 1, 1), 355);
}

static void test_round_trips(void **s) {
    (void)s;
    long from = isn_days_from_civil(1900, 1, 1), to = isn_days_from_civil(2100, 12, 31);
    for (long z = from; z <= to; z++) {
        int y, m, d;
        isn_civil_from_days(z, &y, &m, &d);
        if (isn_days_from_civil(y, m, d) != z) fail_msg("Gregorian round trip fails at day %ld", z);
        isn_hijri_from_days(z, &y, &m, &d);
        if (m < 1 || m > 12 || d < 1 || d > isn_hijri_month_length(y, m) || isn_days_from_hijri(y, m, d) != z)
            fail_msg("Hijri round trip fails at day %ld (%d-%d-%d)", z, y, m, d);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gregorian),
        cmocka_unit_test(test_hijri_known),
        cmocka_unit_test(test_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
