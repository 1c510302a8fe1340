/*
 * holidays.c - the calendar of statutory holidays and 调休 (holidays.h):
 * parsing a year's file, and the lookups over the built-in files.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/holidays.h>
#include <orglife/text.h>

/* The most lines a year's file holds (a year has about a dozen). */
#define HOLIDAY_MAX_SPANS 64

/* The line from s to its end (or the text's), without the newline. */
static size_t line_len(const char *s)
{
	return strcspn(s, "\n");
}

static const char *skip_blanks(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	return s;
}

/* A word of the line: from s to the next blank. */
static size_t word_len(const char *s, const char *end)
{
	const char *p = s;

	while (p < end && *p != ' ' && *p != '\t' && *p != '\r')
		p++;
	return (size_t)(p - s);
}

/* "YYYY-MM-DD" exactly, at s (n bytes). */
static int parse_day(const char *s, size_t n, long *day)
{
	char buf[11];

	if (n != 10)
		return -1;
	memcpy(buf, s, 10);
	buf[10] = '\0';
	return date_parse(buf, 0, 0, day, NULL, NULL) == 0 && buf[4] == '-' ? 0 : -1;
}

/* Copies the name, cut at a whole UTF-8 character. */
static void copy_name(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int overlaps(const struct holiday_span *spans, int n, long first, long last)
{
	for (int i = 0; i < n; i++)
		if (first <= spans[i].last && spans[i].first <= last)
			return 1;
	return 0;
}

/* One line that is not blank or a comment. */
static const char *parse_line(const char *s, const char *end, int year, struct holiday_span *sp)
{
	size_t n = word_len(s, end);
	const char *dots = NULL;
	int y1, y2;

	for (const char *p = s; p + 1 < s + n; p++)
		if (p[0] == '.' && p[1] == '.') {
			dots = p;
			break;
		}
	if (dots ? parse_day(s, (size_t)(dots - s), &sp->first) || parse_day(dots + 2, (size_t)(s + n - dots - 2), &sp->last)
		 : parse_day(s, n, &sp->first))
		return "a day is written YYYY-MM-DD, a range FIRST..LAST";
	if (!dots)
		sp->last = sp->first;
	date_to_ymd(sp->first, &y1, NULL, NULL);
	date_to_ymd(sp->last, &y2, NULL, NULL);
	if (y1 != year || y2 != year)
		return "the days must lie in the file's year";
	if (sp->last < sp->first)
		return "a range must not end before it begins";
	s = skip_blanks(s + n, end);
	n = word_len(s, end);
	if (n == 3 && !memcmp(s, "off", 3))
		sp->kind = HOLIDAY_OFF;
	else if (n == 4 && !memcmp(s, "work", 4))
		sp->kind = HOLIDAY_WORK;
	else
		return "after the days comes off (days of rest) or work (a weekend day worked)";
	s = skip_blanks(s + n, end);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	if (s == end)
		return "the holiday's name is missing";
	copy_name(sp->name, sizeof sp->name, s, (size_t)(end - s));
	return NULL;
}

int holiday_parse(const char *text, int year, struct holiday_span *out, int max, int *line, const char **err)
{
	int n = 0, ln = 0;

	for (const char *s = text; *s;) {
		size_t len = line_len(s);
		const char *end = s + len, *p = skip_blanks(s, end);
		struct holiday_span sp;

		ln++;
		if (p < end && *p != '#') {
			const char *why = parse_line(p, end, year, &sp);
			if (!why && overlaps(out, n, sp.first, sp.last))
				why = "a day appears twice";
			if (!why && n == max)
				why = "too many lines for one year";
			if (why) {
				*line = ln;
				*err = why;
				return -1;
			}
			out[n++] = sp;
		}
		s = *end ? end + 1 : end;
	}
	return n;
}

/* ---- the built-in calendar ------------------------------------------------------- */

static struct holiday_span *spans; /* every file's, by first day */
static int nspans = -1;

static int cmp_span(const void *a, const void *b)
{
	long x = ((const struct holiday_span *)a)->first, y = ((const struct holiday_span *)b)->first;

	return (x > y) - (x < y);
}

/* Reads the built-in files once.  They are checked by the tests, so a bad
 * line cannot ship: a file that does not parse counts as absent. */
static void load(void)
{
	if (nspans >= 0)
		return;
	spans = xmalloc((size_t)holiday_nfiles * HOLIDAY_MAX_SPANS * sizeof *spans);
	nspans = 0;
	for (int i = 0; i < holiday_nfiles; i++) {
		int line;
		const char *err;
		int n = holiday_parse(holiday_files[i].text, holiday_files[i].year, spans + nspans, HOLIDAY_MAX_SPANS,
				      &line, &err);
		if (n > 0)
			nspans += n;
	}
	qsort(spans, (size_t)nspans, sizeof *spans, cmp_span);
}

int holiday_knows_year(int year)
{
	for (int i = 0; i < holiday_nfiles; i++)
		if (holiday_files[i].year == year)
			return 1;
	return 0;
}

/* The holidays of a year without a file: those whose dates never move. */
static const char *fixed_holiday(long day)
{
	int m, d;

	date_to_ymd(day, NULL, &m, &d);
	if (m == 1 && d == 1)
		return "元旦";
	if (m == 5 && d <= 2)
		return "劳动节";
	if (m == 10 && d <= 3)
		return "国庆节";
	return NULL;
}

enum holiday_kind holiday_of(long day, const char **name)
{
	int y, lo = 0, hi;
	const char *fixed;

	if (name)
		*name = NULL;
	date_to_ymd(day, &y, NULL, NULL);
	if (!holiday_knows_year(y)) {
		fixed = fixed_holiday(day);
		if (name)
			*name = fixed;
		return fixed ? HOLIDAY_OFF : HOLIDAY_NONE;
	}
	load();
	/* The last span that begins on or before day. */
	hi = nspans;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (spans[mid].first <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && spans[lo - 1].last >= day) {
		if (name)
			*name = spans[lo - 1].name;
		return spans[lo - 1].kind;
	}
	return HOLIDAY_NONE;
}

int holiday_is_workday(long day)
{
	switch (holiday_of(day, NULL)) {
	case HOLIDAY_OFF: return 0;
	case HOLIDAY_WORK: return 1;
	default: return date_weekday(day) <= 5;
	}
}

long holiday_next_workday(long day)
{
	while (!holiday_is_workday(day))
		day++;
	return day;
}
