/*
 * holidays.h - China's statutory holidays (法定节假日) and the weekend days
 * worked instead (调休), from one data file per year (data/holidays/,
 * built into the program as src/holiday-data.c by tools/gen-holidays).
 * A year without a file knows only the holidays whose dates never move:
 * 元旦 (1 January), 劳动节 (1-2 May) and 国庆节 (1-3 October).
 * Pure functions; no curses, no SQL.
 */
#ifndef ORGLIFE_HOLIDAYS_H
#define ORGLIFE_HOLIDAYS_H

enum holiday_kind {
	HOLIDAY_NONE, /* an ordinary day */
	HOLIDAY_OFF,  /* a day of rest (放假) */
	HOLIDAY_WORK, /* a weekend day worked instead (调休上班) */
};

/* One line of a year's file: days first..last of one kind. */
struct holiday_span {
	long first, last;
	enum holiday_kind kind;
	char name[64]; /* as the notice writes it, cut at a whole character */
};

/*
 * Parses one year's file (text, NUL-terminated): lines "DAY off|work NAME"
 * or "FIRST..LAST off|work NAME", '#' comments and blank lines.  Every day
 * must lie in year and appear once.  Fills out (up to max spans) and
 * returns their number; on an error returns -1 with *line set to the line
 * (from 1) and *err to a static message for whoever edits the file (the
 * files are built in, so it is not translated).
 */
int holiday_parse(const char *text, int year, struct holiday_span *out, int max, int *line, const char **err);

/* The built-in files (src/holiday-data.c). */
struct holiday_file {
	int year;
	const char *text;
};
extern const struct holiday_file holiday_files[];
extern const int holiday_nfiles;

/* Does the calendar have the year's file? */
int holiday_knows_year(int year);

/* What day is in the calendar; *name (may be NULL) gets the holiday's name
 * or NULL.  The built-in files are read at the first call. */
enum holiday_kind holiday_of(long day, const char **name);

/* A working day: Monday to Friday and not a day of rest, or a weekend day
 * worked instead (调休). */
int holiday_is_workday(long day);

/* day, or the first working day after it. */
long holiday_next_workday(long day);

#endif
