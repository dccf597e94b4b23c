/*
 * calendar.h -- day arithmetic for the time stage.
 *
 * Every date is a count of days since 1970-01-01 (a "day number"), so that
 * going back a week or converting a Hijri date is one subtraction or one
 * formula, never a loop over months.
 */
#ifndef ISN_CALENDAR_H
#define ISN_CALENDAR_H

/* Proleptic Gregorian. */
long isn_days_from_civil(int y, int m, int d);
void isn_civil_from_days(long days, int *y, int *m, int *d);
int isn_days_in_month(int y, int m);
int isn_weekday(long days);                          /* 0 = Sunday .. 6 = Saturday */
void isn_iso_week(long days, int *year, int *week);  /* ISO 8601 week of a day */

/* The tabular Islamic calendar (docs/time.md, "Calendar"): 30-year cycles
 * with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, civil epoch
 * 1 Muharram 1 AH = 16 July 622 (Julian). Months alternate 30 and 29 days;
 * Dhu al-Hijja has 30 in a leap year. */
long isn_days_from_hijri(int y, int m, int d);
void isn_hijri_from_days(long days, int *y, int *m, int *d);
int isn_hijri_month_length(int y, int m);

#endif
