/*
 * calendar.c -- Gregorian, ISO-week and tabular Hijri day arithmetic.
 *
 * The Gregorian formulas are Howard Hinnant's days_from_civil and
 * civil_from_days (public algorithms; no loops, valid for any year). The
 * Hijri ones count days from the Islamic epoch as "Calendrical
 * Calculations" describes the arithmetic calendar: 354 days a year, plus
 * the leap days of the years before, plus the lengths of the months
 * before. Official calendars (Umm al-Qura, sighting) differ from it by one
 * or two days at times; isnad says so in docs/time.md rather than guess.
 */
#include "calendar.h"

long isn_days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void isn_civil_from_days(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int isn_days_in_month(int y, int m) {
    static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : len[(m - 1) % 12];
}

/* 1970-01-01 was a Thursday (4). */
int isn_weekday(long days) { return (int)(((days % 7) + 11) % 7); }

void isn_iso_week(long days, int *year, int *week) {
    int iso_wd = (isn_weekday(days) + 6) % 7 + 1; /* Monday 1 .. Sunday 7 */
    long thursday = days - iso_wd + 4;            /* the week belongs to its Thursday's year */
    int y, m, d;
    isn_civil_from_days(thursday, &y, &m, &d);
    *year = y;
    *week = (int)((thursday - isn_days_from_civil(y, 1, 1)) / 7 + 1);
}

/* Day number of 1 Muharram 1 AH, minus one: the fixed date 227015 of
 * "Calendrical Calculations" less the 719163 days from its epoch to 1970. */
#define HIJRI_EPOCH_MINUS_1 (227015L - 719163L - 1)

static long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

long isn_days_from_hijri(int y, int m, int d) {
    return HIJRI_EPOCH_MINUS_1 + (long)(y - 1) * 354 + floor_div(3 + 11L * y, 30) + 29L * (m - 1) + m / 2 + d;
}

int isn_hijri_month_length(int y, int m) {
    if (m % 2) return 30;
    if (m < 12) return 29;
    return ((14 + 11L * y) % 30 + 30) % 30 < 11 ? 30 : 29; /* a leap year's Dhu al-Hijja */
}

void isn_hijri_from_days(long days, int *y, int *m, int *d) {
    long since = days - (HIJRI_EPOCH_MINUS_1 + 1); /* 0 on 1 Muharram 1 AH */
    int yy = (int)floor_div(30 * since + 10646, 10631);
    long into = 2 * (days - isn_days_from_hijri(yy, 1, 1) - 29); /* month: ceil(into / 59) + 1 */
    int mm = (int)(into > 0 ? (into + 58) / 59 : 0) + 1;
    if (mm > 12) mm = 12; /* the 30th of a leap Dhu al-Hijja */
    *y = yy, *m = mm;
    *d = (int)(days - isn_days_from_hijri(yy, mm, 1) + 1);
}
