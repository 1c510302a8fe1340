/* orglife/date.h - calendar dates as day numbers, the pinnable "today"
 * clock, strict parsing/formatting of user-typed dates, times and periods
 * (year, quarter, month), and dates and periods written for people to read
 * in the language of the messages. */
#ifndef ORGLIFE_DATE_H
#define ORGLIFE_DATE_H

/* A date is a day number: days since 1900-01-01 in the proleptic Gregorian
 * calendar, stored in a `long`.  Every date a user can give is >= 0, so -1
 * serves as "no date" throughout.  Dates accepted from users are limited to
 * the years DATE_YEAR_MIN..DATE_YEAR_MAX; the arithmetic helpers below work
 * on any day number. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 9999
#define DATE_DAY_MIN 0L          /* 1900-01-01 */
#define DATE_DAY_MAX 2958463L    /* 9999-12-31 */

/* ---- calendar arithmetic ------------------------------------------------ */

/* Converts year/month/day to a day number in *out.
 * Returns 0 on success, -1 if the date does not exist (month outside 1..12,
 * day outside the month, e.g. 2026-02-30) or the year is outside
 * DATE_YEAR_MIN..DATE_YEAR_MAX; *out is left untouched on failure.
 * out must not be NULL. */
int date_from_ymd(int y, int m, int d, long *out);

/* Splits a day number into year, month (1..12) and day of month (1..31).
 * Any of y, m, d may be NULL if that part is not wanted. */
void date_to_ymd(long day, int *y, int *m, int *d);

/* Returns the ISO weekday of day: 1 = Monday ... 7 = Sunday. */
int date_weekday(long day);

/* Writes day as "YYYY-MM-DD" plus NUL into buf (11 bytes).  A day whose year
 * is outside 0..9999 is written as "XXXX-XX-XX". */
void date_format(long day, char buf[static 11]);

/* Returns day moved by months calendar months (may be negative).  The day of
 * month is clamped to the end of the target month:
 * 2024-01-31 +1 -> 2024-02-29.  The result is not range-checked. */
long date_add_months(long day, int months);

/* Returns day moved by years calendar years (may be negative), clamping
 * 29 February to 28 February in non-leap years: 2024-02-29 +1 -> 2025-02-28.
 * The result is not range-checked. */
long date_add_years(long day, int years);

/* Returns the number of days (28..31) in month m of year y, or 0 if m is not
 * in 1..12. */
int date_days_in_month(int y, int m);

/* Returns 1 if y is a Gregorian leap year (1900 no, 2000 yes), else 0. */
int date_is_leap(int y);

/* First / last day of the calendar month containing day. */
long date_month_first(long day);
/* Months as one number, year * 12 + month - 1 (how summaries and packed
 * payments count them): the month of a day, and the first day of such a
 * month (-1 when out of range). */
int date_month_index(long day);
long date_month_index_first(int month);
long date_month_last(long day);

/* First / last day of the calendar quarter (Jan-Mar, Apr-Jun, Jul-Sep,
 * Oct-Dec) containing day. */
long date_quarter_first(long day);
long date_quarter_last(long day);

/* Returns the calendar quarter (1..4) containing day. */
int date_quarter(long day);

/* ---- the clock: "today", pinnable ---------------------------------------- */

/* Pins the clock: from now on date_today() returns day and
 * date_clock_minute() returns minute (minute of day 0..1439, or -1 for "no
 * time of day"; values outside 0..1439 are stored as -1).  Process-global,
 * not thread-safe. */
void date_clock_pin(long day, int minute);

/* Releases a pin set by date_clock_pin(); the clock follows time() again. */
void date_clock_unpin(void);

/* Returns the pinned day if the clock is pinned, else today's local date
 * (from time() and the local time zone).  If the system clock cannot be
 * read, returns 0 (1900-01-01). */
long date_today(void);

/* Returns the current minute of day: the pinned minute (possibly -1) if the
 * clock is pinned, else the local wall-clock minute 0..1439 (or -1 if the
 * system clock cannot be read). */
int date_clock_minute(void);

/* Sets *day and *second (0..86399) to the current moment in UTC, for time
 * stamps that other programs read (an iCalendar DTSTAMP).  With the clock
 * pinned it is the pinned day at the pinned minute (00:00 when it has
 * none) in the local time zone (TZ), so that a pinned run is reproducible;
 * else time().  If the system clock cannot be read, 1900-01-01 00:00:00, as
 * date_today() does. */
void date_clock_utc(long *day, long *second);

/* Reads the ORGLIFE_NOW environment variable and, if it is set and
 * non-empty, pins the clock to it.  Accepted values: "2026-07-15",
 * "2026-07-15 14:30" or "2026-07-15T14:30" (surrounding ASCII whitespace is
 * tolerated).  Returns 0 on success or when the variable is unset/empty (the
 * clock is then left unchanged).  Returns -1 if the value is malformed: the
 * clock is left unchanged and, if err is not NULL, *err points to a static
 * untranslated message marked with N_() (translate it with _()). */
int date_clock_init_from_env(const char **err);

/* ---- parsing user input (CLI and TUI forms) ------------------------------ */

enum date_parse_flags { DATE_ALLOW_TIME = 1 };

/* Parses a user-typed date (WHEN/DATE), relative to today.  Grammar, after
 * stripping leading/trailing ASCII whitespace (ASCII words are
 * case-insensitive):
 *   YYYY-MM-DD            exactly 4-2-2 digits, must exist, years 1900..9999
 *   today | tomorrow | 今天 | 明天 | 后天 (day after tomorrow)
 *   +Nd (N 0..3650) | +Nw (N 0..520)
 *   WEEKDAY               the next such day strictly after today
 *   next WEEKDAY          that weekday in the next Monday-based week
 *   WEEKDAY: mon monday tue tues tuesday wed weds wednesday thu thur thurs
 *            thursday fri friday sat saturday sun sunday;
 *            周一..周六 周日 周天, 星期一..星期六 星期日 星期天
 *   next WEEKDAY also: 下周X, 下星期X (X = 一..六, 日, 天);
 *            "next" and the weekday are separated by ASCII whitespace.
 * With DATE_ALLOW_TIME, any form may be followed by ASCII whitespace and
 * H:MM or HH:MM (00:00..23:59); the ISO form may instead use a single 'T'
 * ("2026-07-15T14:30").  Without the flag a time is an error.
 * On success returns 0, sets *day and *minute (minute of day, -1 if no time
 * was given).  On failure returns -1, leaves *day and *minute untouched and sets
 * *err to a static untranslated N_() message saying what is accepted.
 * Any of day, minute, err may be NULL.  Reads nothing but its arguments. */
int date_parse(const char *s, long today, unsigned flags, long *day,
               int *minute, const char **err);

/* Parses a time of day "H:MM" or "HH:MM" (00:00..23:59), surrounding ASCII
 * whitespace tolerated.  On success returns 0 and sets *minute (0..1439);
 * on failure returns -1 and sets *err to a static N_() message.  minute and
 * err may be NULL. */
int date_parse_time(const char *s, int *minute, const char **err);

/* Writes minute of day as "HH:MM" plus NUL into buf (6 bytes); a minute
 * outside 0..1439 (e.g. -1, "no time") gives the empty string. */
void date_format_time(int minute, char buf[static 6]);

/* ---- periods: year, quarter, month ---------------------------------------- */

enum period_kind { PERIOD_YEAR, PERIOD_QUARTER, PERIOD_MONTH };

struct period {
	enum period_kind kind;
	int year;
	int index;   /* quarter 1..4, month 1..12, 0 for a year */
	long first;  /* first day of the period */
	long last;   /* last day of the period (inclusive) */
};

/* Parses "2026" (year), "2026Q3" or "2026q3" (quarter 1..4) or "2026-07"
 * (month 01..12; exactly 4+2 digits); years 1900..9999, surrounding ASCII
 * whitespace tolerated.  On success returns 0 and fills *p; on failure
 * returns -1, leaves *p untouched and sets *err (if not NULL) to a static
 * N_() message.  p must not be NULL. */
int period_parse(const char *s, struct period *p, const char **err);

/* Writes p as "2026", "2026Q3" or "2026-07" plus NUL into buf (12 bytes).
 * A period with an out-of-range year or index is written as "?". */
void period_format(const struct period *p, char buf[static 12]);

/* Fills *p with the period of kind k that contains day. */
void period_of(enum period_kind k, long day, struct period *p);

/* Parses a month "YYYY-MM" (exactly 4+2 digits, years 1900..9999, months
 * 01..12; surrounding ASCII whitespace tolerated).  On success returns 0 and
 * sets *y and *m; on failure returns -1, leaves them untouched and sets *err
 * (if not NULL) to a static N_() message.  y and m must not be NULL. */
int date_parse_month(const char *s, int *y, int *m, const char **err);

/* Parses a date as spreadsheets write it: 2026-07-15, 2026/7/15, 2026.7.15
 * or 2026年7月15日 (a four-digit year, then one or two digits for the month
 * and for the day, the same separator twice), surrounding ASCII whitespace
 * tolerated; the date must exist, years 1900..9999.  On success returns 0
 * and sets *day; on failure returns -1, leaves *day untouched and sets *err
 * (if not NULL) to a static N_() message that reads well after "X is not a
 * date: ".  day must not be NULL. */
int date_parse_sheet(const char *s, long *day, const char **err);

/* ---- dates and periods for people to read ---------------------------------- */

/* The ISO forms above are what people type and what programs read (CSV,
 * JSON).  What the screens and the text output show a person
 * follows the translation in force instead: each form is a translatable
 * template (see util-date.c), so the English messages give
 * "Wed 15 Jul 2026" and the Chinese ones "2026年7月15日 周三". */

/* Room for any form below, its NUL included.  A translation longer than
 * this is cut at a whole part, never inside a character. */
#define DATE_DISPLAY_MAX 64

/* Writes day for people: "Wed 15 Jul 2026", in Chinese "2026年7月15日 周三".
 * A day outside the years 0..9999 is written as "?". */
void date_display(long day, char buf[static DATE_DISPLAY_MAX]);

/* The same without the year, for lines under a heading that names the
 * period: "Wed 15 Jul", in Chinese "7月15日 周三". */
void date_display_short(long day, char buf[static DATE_DISPLAY_MAX]);

/* Writes p for people: "2026", "Q3 2026", "Jul 2026"; in Chinese "2026年",
 * "2026年第三季度", "2026年7月".  A period with an out-of-range year or
 * index is written as "?". */
void period_display(const struct period *p, char buf[static DATE_DISPLAY_MAX]);

/* The name of quarter q (1..4) alone, translated: "Q3", in Chinese
 * "第三季度"; "?" for any other q.  The string is static or the
 * catalogue's: do not free it. */
const char *date_quarter_name(int q);

#endif /* ORGLIFE_DATE_H */
