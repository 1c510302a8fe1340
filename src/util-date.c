/* util-date.c - day-number calendar arithmetic, the pinnable "today" clock
 * and strict parsers/formatters for dates, times and periods
 * (see include/orglife/date.h for the contracts). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <orglife/i18n.h>
#include <orglife/date.h>

/* ---- messages ------------------------------------------------------------ */

static const char *const msg_not_date =
	N_("not a date: use 2026-07-15, today, tomorrow, +3d, tue, next tue, "
	   "周二 or 下周二");
static const char *const msg_not_date_time =
	N_("not a date: use 2026-07-15, today, tomorrow, +3d, tue, next tue, "
	   "周二 or 下周二, optionally followed by a time such as 14:30");
static const char *const msg_no_such_date =
	N_("no such date: the month must be 01-12, the day must exist in that "
	   "month and the year must be 1900-9999");
static const char *const msg_too_far =
	N_("too far: use +0d to +3650d or +0w to +520w");
static const char *const msg_out_of_range =
	N_("date out of range: only years 1900-9999 are supported");
static const char *const msg_not_time =
	N_("not a time: use HH:MM between 00:00 and 23:59, e.g. 14:30");
static const char *const msg_time_not_allowed =
	N_("a time is not accepted here: give only a date, e.g. 2026-07-15");
static const char *const msg_bad_env =
	N_("ORGLIFE_NOW is malformed: use e.g. 2026-07-15 or 2026-07-15 14:30");
static const char *const msg_not_period =
	N_("not a period: use a year (2026), a quarter (2026Q3) or a month "
	   "(2026-07); years 1900-9999");
static const char *const msg_not_month =
	N_("not a month: use YYYY-MM, e.g. 2026-07 (years 1900-9999)");
static const char *const msg_not_sheet_date =
	N_("use 2026-07-15, 2026/7/15, 2026.7.15 or 2026年7月15日");
static const char *const msg_no_such_sheet_date =
	N_("there is no such day (the month must be 1-12, the day must exist in "
	   "that month, the year 1900-9999)");

static void set_err(const char **err, const char *msg)
{
	if (err)
		*err = msg;
}

/* ---- calendar core ------------------------------------------------------- */

/* Floor division / modulo for possibly negative numerators. */
static long floor_div(long a, long b)
{
	long q = a / b;
	if ((a % b != 0) && ((a < 0) != (b < 0)))
		q--;
	return q;
}

static long floor_mod(long a, long b)
{
	return a - floor_div(a, b) * b;
}

/* Day number of y-m-d with no validation (H. Hinnant's algorithm). */
static long civil_to_days(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 693901; /* day 0 is 1900-01-01 */
}

static void days_to_civil(long z, long *py, int *pm, int *pd)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 693901;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	*py = y;
	*pm = (int)m;
	*pd = (int)d;
}

static int leap_long(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int dim_long(long y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && leap_long(y))
		return 29;
	return dim[m - 1];
}

static int in_range(long day)
{
	return day >= DATE_DAY_MIN && day <= DATE_DAY_MAX;
}

int date_is_leap(int y)
{
	return leap_long(y);
}

int date_days_in_month(int y, int m)
{
	return dim_long(y, m);
}

int date_from_ymd(int y, int m, int d, long *out)
{
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > dim_long(y, m))
		return -1;
	*out = civil_to_days(y, m, d);
	return 0;
}

void date_to_ymd(long day, int *y, int *m, int *d)
{
	long yy;
	int mm, dd;

	days_to_civil(day, &yy, &mm, &dd);
	if (y)
		*y = (int)yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
}

int date_weekday(long day)
{
	/* 1900-01-01 (day 0) was a Monday. */
	return (int)floor_mod(day, 7) + 1;
}

void date_format(long day, char buf[static 11])
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(buf, "XXXX-XX-XX", 11);
		return;
	}
	snprintf(buf, 11, "%04d-%02d-%02d", (int)y, m, d);
}

static long add_months_long(long day, long months)
{
	long y, total, ny;
	int m, d, nm, lim;

	days_to_civil(day, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	ny = floor_div(total, 12);
	nm = (int)floor_mod(total, 12) + 1;
	lim = dim_long(ny, nm);
	if (d > lim)
		d = lim;
	return civil_to_days(ny, nm, d);
}

long date_add_months(long day, int months)
{
	return add_months_long(day, months);
}

long date_add_years(long day, int years)
{
	return add_months_long(day, (long)years * 12);
}

int date_month_index(long day)
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	return (int)y * 12 + m - 1;
}

long date_month_index_first(int month)
{
	long day;

	if (month < 0 || date_from_ymd(month / 12, month % 12 + 1, 1, &day) != 0)
		return -1;
	return day;
}

long date_month_first(long day)
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	return civil_to_days(y, m, 1);
}

long date_month_last(long day)
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	return civil_to_days(y, m, dim_long(y, m));
}

int date_quarter(long day)
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	return (m - 1) / 3 + 1;
}

long date_quarter_first(long day)
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	return civil_to_days(y, ((m - 1) / 3) * 3 + 1, 1);
}

long date_quarter_last(long day)
{
	long y;
	int m, d, lm;

	days_to_civil(day, &y, &m, &d);
	lm = ((m - 1) / 3) * 3 + 3;
	return civil_to_days(y, lm, dim_long(y, lm));
}

/* ---- the clock ----------------------------------------------------------- */

static int clock_pinned;
static long clock_day;
static int clock_min = -1;

void date_clock_pin(long day, int minute)
{
	clock_pinned = 1;
	clock_day = day;
	clock_min = (minute >= 0 && minute < 24 * 60) ? minute : -1;
}

void date_clock_unpin(void)
{
	clock_pinned = 0;
	clock_day = 0;
	clock_min = -1;
}

/* Fills *tm with the local time; returns 0, or -1 if unavailable. */
static int clock_local_now(struct tm *tm)
{
	time_t now = time(NULL);

	if (now == (time_t)-1)
		return -1;
	if (!localtime_r(&now, tm))
		return -1;
	return 0;
}

long date_today(void)
{
	struct tm tm;

	if (clock_pinned)
		return clock_day;
	if (clock_local_now(&tm) != 0)
		return 0;
	return civil_to_days((long)tm.tm_year + 1900, tm.tm_mon + 1,
			     tm.tm_mday);
}

int date_clock_minute(void)
{
	struct tm tm;

	if (clock_pinned)
		return clock_min;
	if (clock_local_now(&tm) != 0)
		return -1;
	return tm.tm_hour * 60 + tm.tm_min;
}

void date_clock_utc(long *day, long *second)
{
	struct tm tm;
	time_t t;

	if (clock_pinned) {
		long y;
		int m, d;

		days_to_civil(clock_day, &y, &m, &d);
		memset(&tm, 0, sizeof tm);
		tm.tm_year = (int)(y - 1900);
		tm.tm_mon = m - 1;
		tm.tm_mday = d;
		tm.tm_hour = clock_min >= 0 ? clock_min / 60 : 0;
		tm.tm_min = clock_min >= 0 ? clock_min % 60 : 0;
		tm.tm_isdst = -1; /* whichever is in force that day */
		t = mktime(&tm);
	} else
		t = time(NULL);
	if (t == (time_t)-1 || !gmtime_r(&t, &tm)) {
		*day = 0;
		*second = 0;
		return;
	}
	*day = civil_to_days((long)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*second = tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec;
}

/* ---- lexical helpers ----------------------------------------------------- */

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Narrows s to [*begin, *end) without leading/trailing ASCII whitespace. */
static void trim(const char *s, const char **begin, const char **end)
{
	const char *b = s, *e = s + strlen(s);

	while (b < e && is_ws(*b))
		b++;
	while (e > b && is_ws(e[-1]))
		e--;
	*begin = b;
	*end = e;
}

static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && is_ws(*p))
		p++;
	return p;
}

/* Reads exactly n digits at p (bounded by end) into *v; 0 ok, -1 not. */
static int read_digits(const char *p, const char *end, int n, int *v)
{
	int i, acc = 0;

	if (end - p < n)
		return -1;
	for (i = 0; i < n; i++) {
		if (!is_digit(p[i]))
			return -1;
		acc = acc * 10 + (p[i] - '0');
	}
	*v = acc;
	return 0;
}

/* Case-insensitive match of the ASCII word [w, w+n) against literal lit. */
static int word_eq(const char *w, size_t n, const char *lit)
{
	size_t i;

	if (strlen(lit) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower(w[i]) != lit[i])
			return 0;
	return 1;
}

/* If [p, end) starts with the byte string lit, returns p past it, else NULL. */
static const char *eat(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(end - p) < n || memcmp(p, lit, n) != 0)
		return NULL;
	return p + n;
}

/* Parses exactly the time "H:MM"/"HH:MM" spanning [p, end). */
static int parse_hhmm(const char *p, const char *end, int *minute)
{
	int h, m, hd;

	if (end - p == 4)
		hd = 1;
	else if (end - p == 5)
		hd = 2;
	else
		return -1;
	if (read_digits(p, end, hd, &h) != 0 || p[hd] != ':' ||
	    read_digits(p + hd + 1, end, 2, &m) != 0)
		return -1;
	if (h > 23 || m > 59)
		return -1;
	*minute = h * 60 + m;
	return 0;
}

/* ---- date parsing -------------------------------------------------------- */

struct word_day {
	const char *word;
	int wd;
};

static const struct word_day weekday_words[] = {
	{ "mon", 1 },      { "monday", 1 },    { "tue", 2 },
	{ "tues", 2 },     { "tuesday", 2 },   { "wed", 3 },
	{ "weds", 3 },     { "wednesday", 3 }, { "thu", 4 },
	{ "thur", 4 },     { "thurs", 4 },     { "thursday", 4 },
	{ "fri", 5 },      { "friday", 5 },    { "sat", 6 },
	{ "saturday", 6 }, { "sun", 7 },       { "sunday", 7 },
};

static const struct word_day zh_numerals[] = {
	{ "一", 1 }, { "二", 2 }, { "三", 3 }, { "四", 4 },
	{ "五", 5 }, { "六", 6 }, { "日", 7 }, { "天", 7 },
};

static int weekday_of_word(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof weekday_words / sizeof weekday_words[0]; i++)
		if (word_eq(w, n, weekday_words[i].word))
			return weekday_words[i].wd;
	return 0;
}

/* The first day strictly after today that falls on weekday wd. */
static long next_weekday(long today, int wd)
{
	int delta = (wd - date_weekday(today) + 7) % 7;

	return today + (delta == 0 ? 7 : delta);
}

/* Weekday wd of the Monday-based week after the one containing today. */
static long weekday_next_week(long today, int wd)
{
	long monday = today - (date_weekday(today) - 1);

	return monday + 7 + (wd - 1);
}

/* Reads a Chinese numeral weekday at p; returns p past it and sets *wd. */
static const char *eat_zh_weekday(const char *p, const char *end, int *wd)
{
	size_t i;
	const char *q;

	for (i = 0; i < sizeof zh_numerals / sizeof zh_numerals[0]; i++) {
		q = eat(p, end, zh_numerals[i].word);
		if (q) {
			*wd = zh_numerals[i].wd;
			return q;
		}
	}
	return NULL;
}

/* Parses an ASCII word form at p (today, tomorrow, WEEKDAY, next WEEKDAY). */
static const char *parse_words(const char *p, const char *end, long today,
			       long *day)
{
	const char *w = p, *q;
	int wd;

	while (p < end && is_alpha(*p))
		p++;
	if (word_eq(w, (size_t)(p - w), "today")) {
		*day = today;
		return p;
	}
	if (word_eq(w, (size_t)(p - w), "tomorrow")) {
		*day = today + 1;
		return p;
	}
	wd = weekday_of_word(w, (size_t)(p - w));
	if (wd) {
		*day = next_weekday(today, wd);
		return p;
	}
	if (!word_eq(w, (size_t)(p - w), "next") || p >= end || !is_ws(*p))
		return NULL;
	w = skip_ws(p, end);
	q = w;
	while (q < end && is_alpha(*q))
		q++;
	wd = weekday_of_word(w, (size_t)(q - w));
	if (!wd)
		return NULL;
	*day = weekday_next_week(today, wd);
	return q;
}

/* Parses a Chinese form at p. */
static const char *parse_zh(const char *p, const char *end, long today,
			    long *day)
{
	static const struct word_day rel[] = {
		{ "今天", 0 }, { "明天", 1 }, { "后天", 2 },
	};
	static const char *const next_prefix[] = { "下周", "下星期" };
	static const char *const prefix[] = { "周", "星期" };
	const char *q;
	size_t i;
	int wd;

	for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		q = eat(p, end, rel[i].word);
		if (q) {
			*day = today + rel[i].wd;
			return q;
		}
	}
	for (i = 0; i < 2; i++) {
		q = eat(p, end, next_prefix[i]);
		if (q && (q = eat_zh_weekday(q, end, &wd)) != NULL) {
			*day = weekday_next_week(today, wd);
			return q;
		}
	}
	for (i = 0; i < 2; i++) {
		q = eat(p, end, prefix[i]);
		if (q && (q = eat_zh_weekday(q, end, &wd)) != NULL) {
			*day = next_weekday(today, wd);
			return q;
		}
	}
	return NULL;
}

/* Parses "+Nd" / "+Nw" at p (which points at '+'). */
static const char *parse_offset(const char *p, const char *end, long today,
				long *day, const char **msg)
{
	long n = 0;
	int big = 0, any = 0;
	long limit, unit;

	for (p++; p < end && is_digit(*p); p++) {
		any = 1;
		n = n * 10 + (*p - '0');
		if (n > 3650) {
			big = 1;
			n = 3651;
		}
	}
	if (!any || p >= end)
		return NULL;
	if (lower(*p) == 'd') {
		limit = 3650;
		unit = 1;
	} else if (lower(*p) == 'w') {
		limit = 520;
		unit = 7;
	} else {
		return NULL;
	}
	if (big || n > limit) {
		*msg = msg_too_far;
		return NULL;
	}
	*day = today + n * unit;
	return p + 1;
}

/* Parses "YYYY-MM-DD" at p. */
static const char *parse_iso(const char *p, const char *end, long *day,
			     const char **msg)
{
	int y, m, d;

	if (read_digits(p, end, 4, &y) != 0 || end - p < 10 || p[4] != '-' ||
	    read_digits(p + 5, end, 2, &m) != 0 || p[7] != '-' ||
	    read_digits(p + 8, end, 2, &d) != 0)
		return NULL;
	if (date_from_ymd(y, m, d, day) != 0) {
		*msg = msg_no_such_date;
		return NULL;
	}
	return p + 10;
}

/* The whole date parser.  iso_only restricts the date part to YYYY-MM-DD.
 * On failure returns -1 with *msg set. */
static int parse_when(const char *s, long today, unsigned flags, int iso_only,
		      long *out_day, int *out_min, const char **msg)
{
	const char *generic = (flags & DATE_ALLOW_TIME) ? msg_not_date_time
							: msg_not_date;
	const char *p, *end, *q = NULL, *t;
	const char *m = NULL;
	long day = 0;
	int minute = -1, iso = 0;

	*msg = generic;
	if (!s)
		return -1;
	trim(s, &p, &end);
	if (p == end)
		return -1;

	if (is_digit(*p)) {
		q = parse_iso(p, end, &day, &m);
		iso = 1;
	} else if (iso_only) {
		q = NULL;
	} else if (*p == '+') {
		q = parse_offset(p, end, today, &day, &m);
	} else if (is_alpha(*p)) {
		q = parse_words(p, end, today, &day);
	} else {
		q = parse_zh(p, end, today, &day);
	}
	if (!q) {
		if (m)
			*msg = m;
		return -1;
	}

	if (q < end) {
		if (iso && *q == 'T')
			t = q + 1;
		else if (is_ws(*q))
			t = skip_ws(q, end);
		else
			return -1;
		if (parse_hhmm(t, end, &minute) != 0) {
			if (t < end && is_digit(*t))
				*msg = (flags & DATE_ALLOW_TIME)
					       ? msg_not_time
					       : msg_time_not_allowed;
			return -1;
		}
		if (!(flags & DATE_ALLOW_TIME)) {
			*msg = msg_time_not_allowed;
			return -1;
		}
	}

	if (!in_range(day)) {
		*msg = msg_out_of_range;
		return -1;
	}
	if (out_day)
		*out_day = day;
	if (out_min)
		*out_min = minute;
	return 0;
}

int date_parse(const char *s, long today, unsigned flags, long *day,
	       int *minute, const char **err)
{
	const char *msg;

	if (parse_when(s, today, flags, 0, day, minute, &msg) != 0) {
		set_err(err, msg);
		return -1;
	}
	return 0;
}

int date_parse_time(const char *s, int *minute, const char **err)
{
	const char *p, *end;
	int v;

	if (!s) {
		set_err(err, msg_not_time);
		return -1;
	}
	trim(s, &p, &end);
	if (parse_hhmm(p, end, &v) != 0) {
		set_err(err, msg_not_time);
		return -1;
	}
	if (minute)
		*minute = v;
	return 0;
}

void date_format_time(int minute, char buf[static 6])
{
	if (minute < 0 || minute >= 24 * 60) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, 6, "%02d:%02d", minute / 60, minute % 60);
}

int date_clock_init_from_env(const char **err)
{
	const char *v = getenv("ORGLIFE_NOW");
	const char *msg;
	long day;
	int minute;

	if (!v || !*v)
		return 0;
	if (parse_when(v, 0, DATE_ALLOW_TIME, 1, &day, &minute, &msg) != 0) {
		set_err(err, msg_bad_env);
		return -1;
	}
	date_clock_pin(day, minute);
	return 0;
}

/* ---- periods ------------------------------------------------------------- */

void period_of(enum period_kind k, long day, struct period *p)
{
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	p->kind = k;
	p->year = (int)y;
	switch (k) {
	case PERIOD_QUARTER:
		p->index = (m - 1) / 3 + 1;
		p->first = date_quarter_first(day);
		p->last = date_quarter_last(day);
		break;
	case PERIOD_MONTH:
		p->index = m;
		p->first = date_month_first(day);
		p->last = date_month_last(day);
		break;
	case PERIOD_YEAR:
	default:
		p->kind = PERIOD_YEAR;
		p->index = 0;
		p->first = civil_to_days(y, 1, 1);
		p->last = civil_to_days(y, 12, 31);
		break;
	}
}

/* Reads a 4-digit year in range at [p, end). */
static int read_year(const char *p, const char *end, int *y)
{
	if (read_digits(p, end, 4, y) != 0)
		return -1;
	return (*y >= DATE_YEAR_MIN && *y <= DATE_YEAR_MAX) ? 0 : -1;
}

/* Parses exactly "YYYY-MM" spanning [p, end). */
static int parse_ym(const char *p, const char *end, int *y, int *m)
{
	if (end - p != 7 || read_year(p, end, y) != 0 || p[4] != '-' ||
	    read_digits(p + 5, end, 2, m) != 0 || *m < 1 || *m > 12)
		return -1;
	return 0;
}

int period_parse(const char *s, struct period *p, const char **err)
{
	const char *b, *end;
	int y, idx;
	long first;

	if (!s)
		goto bad;
	trim(s, &b, &end);
	if (end - b == 4) {
		if (read_year(b, end, &y) != 0)
			goto bad;
		period_of(PERIOD_YEAR, civil_to_days(y, 1, 1), p);
		return 0;
	}
	if (end - b == 6 && (b[4] == 'Q' || b[4] == 'q')) {
		if (read_year(b, end, &y) != 0 ||
		    read_digits(b + 5, end, 1, &idx) != 0 || idx < 1 || idx > 4)
			goto bad;
		first = civil_to_days(y, (idx - 1) * 3 + 1, 1);
		period_of(PERIOD_QUARTER, first, p);
		return 0;
	}
	if (parse_ym(b, end, &y, &idx) == 0) {
		period_of(PERIOD_MONTH, civil_to_days(y, idx, 1), p);
		return 0;
	}
bad:
	set_err(err, msg_not_period);
	return -1;
}

void period_format(const struct period *p, char buf[static 12])
{
	if (p->year < 0 || p->year > 9999)
		goto bad;
	switch (p->kind) {
	case PERIOD_YEAR:
		snprintf(buf, 12, "%04d", p->year);
		return;
	case PERIOD_QUARTER:
		if (p->index < 1 || p->index > 4)
			goto bad;
		snprintf(buf, 12, "%04dQ%d", p->year, p->index);
		return;
	case PERIOD_MONTH:
		if (p->index < 1 || p->index > 12)
			goto bad;
		snprintf(buf, 12, "%04d-%02d", p->year, p->index);
		return;
	}
bad:
	memcpy(buf, "?", 2);
}

int date_parse_month(const char *s, int *y, int *m, const char **err)
{
	const char *b, *end;
	int yy, mm;

	if (!s)
		goto bad;
	trim(s, &b, &end);
	if (parse_ym(b, end, &yy, &mm) != 0)
		goto bad;
	*y = yy;
	*m = mm;
	return 0;
bad:
	set_err(err, msg_not_month);
	return -1;
}

/* Reads one or two digits at *p (bounded by end) into *v, moving *p. */
static int read_1or2(const char **p, const char *end, int *v)
{
	int n = 0, acc = 0;

	while (*p < end && n < 2 && is_digit(**p)) {
		acc = acc * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n == 0 || (*p < end && is_digit(**p)))
		return -1;
	*v = acc;
	return 0;
}

int date_parse_sheet(const char *s, long *day, const char **err)
{
	static const char *const seps[][3] = {
		{ "-", "-", "" }, { "/", "/", "" }, { ".", ".", "" }, { "年", "月", "日" },
	};
	const char *b, *end, *p;
	int y, m, d;
	long out;
	size_t k;

	if (!s)
		goto bad;
	trim(s, &b, &end);
	if (read_digits(b, end, 4, &y) != 0)
		goto bad;
	for (k = 0; k < sizeof seps / sizeof seps[0]; k++) {
		p = eat(b + 4, end, seps[k][0]);
		if (!p || read_1or2(&p, end, &m) != 0 || !(p = eat(p, end, seps[k][1])) ||
		    read_1or2(&p, end, &d) != 0 || !(p = eat(p, end, seps[k][2])) || p != end)
			continue;
		if (date_from_ymd(y, m, d, &out) != 0) {
			set_err(err, msg_no_such_sheet_date);
			return -1;
		}
		*day = out;
		return 0;
	}
bad:
	set_err(err, msg_not_sheet_date);
	return -1;
}

/* ---- dates and periods for people to read ---------------------------------- */

/* Each form is a template that the catalogue translates whole, so that a
 * language orders the parts its own way; {year}, {month} and {day} stand
 * for numbers, {weekday}, {month_name} and {quarter} for the names below,
 * translated in their contexts.  Braces around anything else are kept as
 * written, so a slip in a translation shows instead of vanishing. */

static const char *const weekday_names[7] = {
	/* TRANSLATORS: the weekdays as a date shows them (Wed 15 Jul 2026); Chinese: 周一 to 周日. */
	NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
	NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char *const month_names[12] = {
	/* TRANSLATORS: the months as a date shows them (Wed 15 Jul 2026, Jul 2026). */
	NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
	NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
	NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

static const char *const quarter_names[4] = {
	/* TRANSLATORS: the quarters of a year, alone (Q3) and in {quarter} (Q3 2026); Chinese: 第一季度 to 第四季度. */
	NC_("quarter", "Q1"), NC_("quarter", "Q2"), NC_("quarter", "Q3"), NC_("quarter", "Q4"),
};

const char *date_quarter_name(int q)
{
	return q >= 1 && q <= 4 ? i18n_pgettext_expr("quarter", quarter_names[q - 1]) : "?";
}

/* The output of a template: parts are added whole or not at all. */
struct shown {
	char *buf;
	size_t len;
	int full;
};

static void show_add(struct shown *o, const char *s, size_t n)
{
	if (o->full || o->len + n >= DATE_DISPLAY_MAX) {
		o->full = 1; /* nothing after a part that did not fit */
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/* Adds the value of the field named [name, name+n) for the date y-m-d;
 * returns 0 if no field has that name. */
static int show_field(struct shown *o, const char *name, size_t n, long y, int m, int d, int wd)
{
	char num[24];
	const char *s = num;

	if (word_eq(name, n, "year"))
		snprintf(num, sizeof num, "%ld", y);
	else if (word_eq(name, n, "month"))
		snprintf(num, sizeof num, "%d", m);
	else if (word_eq(name, n, "day"))
		snprintf(num, sizeof num, "%d", d);
	else if (word_eq(name, n, "weekday"))
		s = i18n_pgettext_expr("weekday", weekday_names[wd - 1]);
	else if (word_eq(name, n, "month_name"))
		s = i18n_pgettext_expr("month", month_names[m - 1]);
	else if (word_eq(name, n, "quarter"))
		s = date_quarter_name((m - 1) / 3 + 1);
	else
		return 0;
	show_add(o, s, strlen(s));
	return 1;
}

/* Writes day through the (translated) template tmpl into buf. */
static void show(long day, const char *tmpl, char buf[static DATE_DISPLAY_MAX])
{
	struct shown o = { .buf = buf };
	const char *p = tmpl, *open, *close;
	long y;
	int m, d;

	days_to_civil(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(buf, "?", 2);
		return;
	}
	buf[0] = '\0';
	while (*p) {
		open = strchr(p, '{');
		close = open ? strchr(open, '}') : NULL;
		if (!close) {
			show_add(&o, p, strlen(p));
			break;
		}
		show_add(&o, p, (size_t)(open - p));
		if (!show_field(&o, open + 1, (size_t)(close - open - 1), y, m, d, date_weekday(day)))
			show_add(&o, open, (size_t)(close + 1 - open));
		p = close + 1;
	}
}

void date_display(long day, char buf[static DATE_DISPLAY_MAX])
{
	/* TRANSLATORS: a date as people read it.  Keep the words in braces as
	   they are: {weekday} and {month_name} become the names translated
	   with the contexts "weekday" and "month" (Wed, Jul), {day} and {month}
	   numbers without a leading zero (15, 7), {year} the year (2026).
	   Chinese: {year}年{month}月{day}日 {weekday} */
	show(day, C_("date", "{weekday} {day} {month_name} {year}"), buf);
}

void date_display_short(long day, char buf[static DATE_DISPLAY_MAX])
{
	/* TRANSLATORS: a date without its year, in lines under a heading that
	   names the quarter; the words in braces as in "{weekday} {day}
	   {month_name} {year}".  Chinese: {month}月{day}日 {weekday} */
	show(day, C_("date", "{weekday} {day} {month_name}"), buf);
}

void period_display(const struct period *p, char buf[static DATE_DISPLAY_MAX])
{
	if (p->year < 0 || p->year > 9999)
		goto bad;
	switch (p->kind) {
	case PERIOD_YEAR:
		/* TRANSLATORS: a year as a period ("in 2026").  Chinese: {year}年 */
		show(civil_to_days(p->year, 1, 1), C_("period", "{year}"), buf);
		return;
	case PERIOD_QUARTER:
		if (p->index < 1 || p->index > 4)
			goto bad;
		/* TRANSLATORS: a quarter as a period; {quarter} is the name
		   translated with the context "quarter" (Q3).  Chinese: {year}年{quarter} */
		show(civil_to_days(p->year, (p->index - 1) * 3 + 1, 1), C_("period", "{quarter} {year}"), buf);
		return;
	case PERIOD_MONTH:
		if (p->index < 1 || p->index > 12)
			goto bad;
		/* TRANSLATORS: a month as a period; {month_name} as in a date
		   (Jul), {month} its number (7).  Chinese: {year}年{month}月 */
		show(civil_to_days(p->year, p->index, 1), C_("period", "{month_name} {year}"), buf);
		return;
	}
bad:
	memcpy(buf, "?", 2);
}
