/* test-date.c - cmocka tests for the date module (src/util-date.c):
 * calendar arithmetic, the pinnable clock, date/time/period parsing, and
 * dates and periods for people in English and, through the Chinese
 * catalogue the build makes for the tests, in Chinese. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <orglife/date.h>
#include <orglife/i18n.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Known calendar facts (checked against GNU date), used as independent
 * anchors: day numbers of some Mondays and other days. */
#define DAY_1900_01_01 0L        /* a Monday */
#define DAY_2025_12_29 46018L    /* a Monday */
#define DAY_2026_07_13 46214L    /* a Monday */
#define DAY_2026_07_15 46216L    /* a Wednesday */

/* Day number of an ISO string, asserting it parses. */
static long iso(const char *s)
{
	long day = 0;
	int minute = 0;
	const char *err = NULL;

	assert_int_equal(date_parse(s, 0, 0, &day, &minute, &err), 0);
	assert_int_equal(minute, -1);
	return day;
}

static void assert_day_is(long day, const char *want)
{
	char buf[11];

	date_format(day, buf);
	assert_string_equal(buf, want);
}

/* Field-wise comparison (struct padding is not compared). */
static void assert_period_equal(const struct period *a, const struct period *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->year, b->year);
	assert_int_equal(a->index, b->index);
	assert_int_equal(a->first, b->first);
	assert_int_equal(a->last, b->last);
}

static int reset_clock(void **state)
{
	(void)state;
	date_clock_unpin();
	unsetenv("ORGLIFE_NOW");
	return 0;
}

/* ---- calendar arithmetic ------------------------------------------------- */

static void test_ymd_known_values(void **state)
{
	static const struct {
		int y, m, d;
		long day;
		int wd;
	} cases[] = {
		{ 1900, 1, 1, DAY_1900_01_01, 1 },
		{ 1969, 12, 31, 25566L, 3 },
		{ 1970, 1, 1, 25567L, 4 },
		{ 2000, 1, 1, 36524L, 6 },
		{ 2025, 12, 29, DAY_2025_12_29, 1 },
		{ 2026, 7, 13, DAY_2026_07_13, 1 },
		{ 2026, 7, 15, DAY_2026_07_15, 3 },
		{ 2026, 7, 19, DAY_2026_07_13 + 6, 7 },
		{ 9999, 12, 31, 2958463L, 5 },
	};
	size_t i;

	(void)state;
	assert_int_equal(DATE_DAY_MIN, DAY_1900_01_01);
	for (i = 0; i < N_ELEMS(cases); i++) {
		long day = 12345;
		int y, m, d;

		assert_int_equal(date_from_ymd(cases[i].y, cases[i].m,
					       cases[i].d, &day), 0);
		assert_int_equal(day, cases[i].day);
		date_to_ymd(day, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
		assert_int_equal(date_weekday(day), cases[i].wd);
	}
	assert_int_equal(DATE_DAY_MAX, 2958463L);
	date_to_ymd(0, NULL, NULL, NULL); /* NULL outputs tolerated */
}

/* Walks every day from 1900-01-01 to 9999-12-31 with an independent
 * counter and its own leap-year rule. */
static void test_ymd_roundtrip_span(void **state)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	long expect = DAY_1900_01_01;
	int y, m, d;

	(void)state;
	for (y = 1900; y <= 9999; y++) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

		for (m = 1; m <= 12; m++) {
			int n = dim[m - 1] + (m == 2 && leap);

			if (date_days_in_month(y, m) != n)
				fail_msg("days_in_month(%d, %d)", y, m);
			for (d = 1; d <= n; d++, expect++) {
				long day = 0;
				int yy, mm, dd;

				if (date_from_ymd(y, m, d, &day) != 0 ||
				    day != expect)
					fail_msg("from_ymd %d-%d-%d", y, m, d);
				date_to_ymd(expect, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("to_ymd %ld", expect);
				if (date_weekday(expect) !=
				    (int)((expect - DAY_1900_01_01) % 7) + 1)
					fail_msg("weekday %ld", expect);
			}
		}
	}
	assert_int_equal(expect - 1, DATE_DAY_MAX);
}

static void test_ymd_refused(void **state)
{
	static const int bad[][3] = {
		{ 2026, 2, 30 }, { 2025, 2, 29 }, { 2026, 13, 1 },
		{ 2026, 0, 1 },  { 2026, 1, 0 },  { 2026, 4, 31 },
		{ 2026, 1, 32 }, { 1900, 2, 29 }, { 1899, 12, 31 },
		{ 10000, 1, 1 }, { -1, 1, 1 },    { 2026, -1, 1 },
	};
	size_t i;
	long day;

	(void)state;
	for (i = 0; i < N_ELEMS(bad); i++) {
		day = 777;
		assert_int_equal(date_from_ymd(bad[i][0], bad[i][1], bad[i][2],
					       &day), -1);
		assert_int_equal(day, 777);
	}
	assert_int_equal(date_from_ymd(2024, 2, 29, &day), 0);
	assert_int_equal(date_from_ymd(2000, 2, 29, &day), 0);
}

static void test_leap_and_month_length(void **state)
{
	(void)state;
	assert_false(date_is_leap(1900));
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(2024));
	assert_false(date_is_leap(2025));
	assert_false(date_is_leap(2100));
	assert_true(date_is_leap(2400));
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void test_format(void **state)
{
	(void)state;
	assert_day_is(25567L, "1970-01-01");
	assert_day_is(DAY_1900_01_01, "1900-01-01");
	assert_day_is(DAY_2026_07_15, "2026-07-15");
	assert_day_is(DATE_DAY_MAX, "9999-12-31");
	assert_day_is(DATE_DAY_MAX + 1, "XXXX-XX-XX");
}

static void test_add_months_years(void **state)
{
	static const struct {
		const char *from;
		int months, years;
		const char *want;
	} cases[] = {
		{ "2024-01-31", 1, 0, "2024-02-29" },
		{ "2025-01-31", 1, 0, "2025-02-28" },
		{ "2024-03-31", -1, 0, "2024-02-29" },
		{ "2024-05-31", 1, 0, "2024-06-30" },
		{ "2024-12-15", 1, 0, "2025-01-15" },
		{ "2024-01-15", -1, 0, "2023-12-15" },
		{ "2024-01-31", 13, 0, "2025-02-28" },
		{ "2024-08-31", -6, 0, "2024-02-29" },
		{ "2024-08-31", 0, 0, "2024-08-31" },
		{ "2026-07-15", -24, 0, "2024-07-15" },
		{ "2026-07-15", 120, 0, "2036-07-15" },
		{ "2024-02-29", 0, 1, "2025-02-28" },
		{ "2024-02-29", 0, 4, "2028-02-29" },
		{ "2024-02-29", 0, -4, "2020-02-29" },
		{ "2024-02-29", 0, -1, "2023-02-28" },
		{ "2000-02-29", 0, 100, "2100-02-28" },
		{ "2026-07-15", 0, 0, "2026-07-15" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		long d = iso(cases[i].from);

		if (cases[i].years)
			assert_day_is(date_add_years(d, cases[i].years),
				      cases[i].want);
		else
			assert_day_is(date_add_months(d, cases[i].months),
				      cases[i].want);
	}
}

/* Months as one number, and back to their first day. */
static void test_month_index(void **state)
{
	long day;

	(void)state;
	assert_int_equal(date_from_ymd(2026, 7, 15, &day), 0);
	assert_int_equal(date_month_index(day), 2026 * 12 + 6);
	assert_int_equal(date_from_ymd(2026, 7, 1, &day), 0);
	assert_int_equal(date_month_index_first(2026 * 12 + 6), day);
	assert_int_equal(date_month_index(day - 1), 2026 * 12 + 5); /* 30 June */
	assert_int_equal(date_month_index_first(1900 * 12), 0);
	assert_int_equal(date_month_index(0), 1900 * 12);
	assert_int_equal(date_month_index_first(9999 * 12 + 11), DATE_DAY_MAX - 30);
	assert_int_equal(date_month_index_first(1899 * 12 + 11), -1);
	assert_int_equal(date_month_index_first(10000 * 12), -1);
	assert_int_equal(date_month_index_first(-1), -1);
}

static void test_month_quarter_bounds(void **state)
{
	static const struct {
		const char *day;
		const char *mfirst, *mlast;
		int q;
		const char *qfirst, *qlast;
	} cases[] = {
		{ "2026-01-01", "2026-01-01", "2026-01-31", 1, "2026-01-01",
		  "2026-03-31" },
		{ "2026-03-31", "2026-03-01", "2026-03-31", 1, "2026-01-01",
		  "2026-03-31" },
		{ "2026-04-01", "2026-04-01", "2026-04-30", 2, "2026-04-01",
		  "2026-06-30" },
		{ "2026-06-30", "2026-06-01", "2026-06-30", 2, "2026-04-01",
		  "2026-06-30" },
		{ "2026-07-01", "2026-07-01", "2026-07-31", 3, "2026-07-01",
		  "2026-09-30" },
		{ "2026-09-30", "2026-09-01", "2026-09-30", 3, "2026-07-01",
		  "2026-09-30" },
		{ "2026-10-01", "2026-10-01", "2026-10-31", 4, "2026-10-01",
		  "2026-12-31" },
		{ "2026-12-31", "2026-12-01", "2026-12-31", 4, "2026-10-01",
		  "2026-12-31" },
		{ "2024-02-10", "2024-02-01", "2024-02-29", 1, "2024-01-01",
		  "2024-03-31" },
		{ "2025-02-10", "2025-02-01", "2025-02-28", 1, "2025-01-01",
		  "2025-03-31" },
		{ "1900-02-28", "1900-02-01", "1900-02-28", 1, "1900-01-01",
		  "1900-03-31" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		long d = iso(cases[i].day);

		assert_day_is(date_month_first(d), cases[i].mfirst);
		assert_day_is(date_month_last(d), cases[i].mlast);
		assert_int_equal(date_quarter(d), cases[i].q);
		assert_day_is(date_quarter_first(d), cases[i].qfirst);
		assert_day_is(date_quarter_last(d), cases[i].qlast);
	}
}

/* ---- date_parse ---------------------------------------------------------- */

struct wd_word {
	const char *word;
	int wd;
};

static const struct wd_word plain_words[] = {
	{ "mon", 1 },      { "monday", 1 },    { "Mon", 1 },
	{ "tue", 2 },      { "tues", 2 },      { "tuesday", 2 },
	{ "TUE", 2 },      { "wed", 3 },       { "weds", 3 },
	{ "wednesday", 3 }, { "thu", 4 },      { "thur", 4 },
	{ "thurs", 4 },    { "thursday", 4 },  { "Thursday", 4 },
	{ "fri", 5 },      { "friday", 5 },    { "sat", 6 },
	{ "saturday", 6 }, { "sun", 7 },       { "sunday", 7 },
	{ "SUNDAY", 7 },   { "周一", 1 },      { "周二", 2 },
	{ "周三", 3 },     { "周四", 4 },      { "周五", 5 },
	{ "周六", 6 },     { "周日", 7 },      { "周天", 7 },
	{ "星期一", 1 },   { "星期二", 2 },    { "星期三", 3 },
	{ "星期四", 4 },   { "星期五", 5 },    { "星期六", 6 },
	{ "星期日", 7 },   { "星期天", 7 },
};

static const struct wd_word next_words[] = {
	{ "next mon", 1 },      { "next monday", 1 },   { "next tue", 2 },
	{ "next tues", 2 },     { "next tuesday", 2 },  { "Next Tue", 2 },
	{ "NEXT  TUESDAY", 2 }, { "next wed", 3 },      { "next weds", 3 },
	{ "next wednesday", 3 }, { "next thu", 4 },     { "next thur", 4 },
	{ "next thurs", 4 },    { "next thursday", 4 }, { "next fri", 5 },
	{ "next\tfriday", 5 },  { "next sat", 6 },      { "next saturday", 6 },
	{ "next sun", 7 },      { "next sunday", 7 },   { "下周一", 1 },
	{ "下周二", 2 },        { "下周三", 3 },        { "下周四", 4 },
	{ "下周五", 5 },        { "下周六", 6 },        { "下周日", 7 },
	{ "下周天", 7 },        { "下星期一", 1 },      { "下星期二", 2 },
	{ "下星期三", 3 },      { "下星期四", 4 },      { "下星期五", 5 },
	{ "下星期六", 6 },      { "下星期日", 7 },      { "下星期天", 7 },
};

/* Every weekday as "today" x every weekday word, for both forms.  The
 * expected day is found by stepping forward from a known Monday, not with
 * the module's own arithmetic. */
static void test_parse_weekday_matrix(void **state)
{
	static const long mondays[] = { DAY_2026_07_13, DAY_2025_12_29,
					DAY_1900_01_01 };
	size_t b, w;
	int i;

	(void)state;
	for (b = 0; b < N_ELEMS(mondays); b++) {
		long monday = mondays[b];

		for (i = 0; i < 7; i++) {
			long today = monday + i;

			assert_int_equal(date_weekday(today), i + 1);
			for (w = 0; w < N_ELEMS(plain_words); w++) {
				long want = today + 1, got = -99999;
				int minute = 5;
				const char *err = NULL;

				/* weekday of d is (d - monday) % 7 + 1 */
				while ((want - monday) % 7 + 1 !=
				       plain_words[w].wd)
					want++;
				if (date_parse(plain_words[w].word, today, 0,
					       &got, &minute, &err) != 0 ||
				    got != want || minute != -1)
					fail_msg("'%s' on day %ld: got %ld want %ld",
						 plain_words[w].word, today, got,
						 want);
				assert_true(got - today >= 1 &&
					    got - today <= 7);
			}
			for (w = 0; w < N_ELEMS(next_words); w++) {
				long want = monday + 7 + next_words[w].wd - 1;
				long got = -99999;
				int minute = 5;
				const char *err = NULL;

				if (date_parse(next_words[w].word, today, 0,
					       &got, &minute, &err) != 0 ||
				    got != want || minute != -1)
					fail_msg("'%s' on day %ld: got %ld want %ld",
						 next_words[w].word, today, got,
						 want);
			}
		}
	}
}

struct parse_case {
	const char *today;
	const char *in;
	unsigned flags;
	const char *want;
	int minute;
};

static void test_parse_accepted(void **state)
{
	static const struct parse_case cases[] = {
		{ "2026-07-15", "today", 0, "2026-07-15", -1 },
		{ "2026-07-15", "TODAY", 0, "2026-07-15", -1 },
		{ "2026-07-15", "Tomorrow", 0, "2026-07-16", -1 },
		{ "2026-07-15", "今天", 0, "2026-07-15", -1 },
		{ "2026-07-15", "明天", 0, "2026-07-16", -1 },
		{ "2026-07-15", "后天", 0, "2026-07-17", -1 },
		{ "2026-12-31", "tomorrow", 0, "2027-01-01", -1 },
		{ "2026-07-15", "+3d", 0, "2026-07-18", -1 },
		{ "2026-07-15", "+0d", 0, "2026-07-15", -1 },
		{ "2026-07-15", "+3D", 0, "2026-07-18", -1 },
		{ "2026-07-15", "+2w", 0, "2026-07-29", -1 },
		{ "2026-07-15", "+3650d", 0, "2036-07-12", -1 },
		{ "2026-07-15", "+520w", 0, "2036-07-02", -1 },
		{ "2026-07-15", "  tue  ", 0, "2026-07-21", -1 },
		{ "2026-07-15", "wed", 0, "2026-07-22", -1 },
		{ "2026-07-15", "thu", 0, "2026-07-16", -1 },
		{ "2026-07-15", "next wed", 0, "2026-07-22", -1 },
		{ "2026-07-15", "next mon", 0, "2026-07-20", -1 },
		{ "2026-07-15", "next sun", 0, "2026-07-26", -1 },
		{ "2026-07-15", "周三", 0, "2026-07-22", -1 },
		{ "2026-07-15", "下周三", 0, "2026-07-22", -1 },
		{ "2026-07-15", "星期天", 0, "2026-07-19", -1 },
		{ "2026-07-15", "下星期日", 0, "2026-07-26", -1 },
		{ "2026-07-19", "next mon", 0, "2026-07-20", -1 },
		{ "2026-07-19", "mon", 0, "2026-07-20", -1 },
		{ "2026-07-19", "sun", 0, "2026-07-26", -1 },
		{ "2026-07-19", "next sun", 0, "2026-07-26", -1 },
		{ "2026-07-19", "周日", 0, "2026-07-26", -1 },
		{ "2026-07-13", "mon", 0, "2026-07-20", -1 },
		{ "2026-07-13", "next mon", 0, "2026-07-20", -1 },
		{ "2026-07-13", "next sun", 0, "2026-07-26", -1 },
		{ "2026-12-30", "next mon", 0, "2027-01-04", -1 },
		{ "2026-07-15", "2026-07-15", 0, "2026-07-15", -1 },
		{ "2026-07-15", "2024-02-29", 0, "2024-02-29", -1 },
		{ "2026-07-15", "1900-01-01", 0, "1900-01-01", -1 },
		{ "2026-07-15", "9999-12-31", 0, "9999-12-31", -1 },
		{ "2026-07-15", " \t2026-01-02\n", 0, "2026-01-02", -1 },
		{ "2026-07-15", "2026-07-15", DATE_ALLOW_TIME, "2026-07-15", -1 },
		{ "2026-07-15", "2026-07-15 14:30", DATE_ALLOW_TIME,
		  "2026-07-15", 870 },
		{ "2026-07-15", "2026-07-15T14:30", DATE_ALLOW_TIME,
		  "2026-07-15", 870 },
		{ "2026-07-15", "2026-07-15T9:05", DATE_ALLOW_TIME,
		  "2026-07-15", 545 },
		{ "2026-07-15", "  2026-07-15   14:30  ", DATE_ALLOW_TIME,
		  "2026-07-15", 870 },
		{ "2026-07-15", "tomorrow 9:05", DATE_ALLOW_TIME, "2026-07-16",
		  545 },
		{ "2026-07-15", "+3d 00:00", DATE_ALLOW_TIME, "2026-07-18", 0 },
		{ "2026-07-15", "下周二 23:59", DATE_ALLOW_TIME, "2026-07-21",
		  1439 },
		{ "2026-07-15", "明天 08:00", DATE_ALLOW_TIME, "2026-07-16",
		  480 },
		{ "2026-07-15", "tue\t08:00", DATE_ALLOW_TIME, "2026-07-21",
		  480 },
		{ "2026-07-15", "next fri 12:00", DATE_ALLOW_TIME, "2026-07-24",
		  720 },
		{ "2026-07-15", "today 0:00", DATE_ALLOW_TIME, "2026-07-15",
		  0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		long day = -99999;
		int minute = -99;
		const char *err = NULL;
		char buf[11];

		if (date_parse(cases[i].in, iso(cases[i].today), cases[i].flags,
			       &day, &minute, &err) != 0)
			fail_msg("'%s' refused: %s", cases[i].in, err);
		date_format(day, buf);
		if (strcmp(buf, cases[i].want) != 0 ||
		    minute != cases[i].minute)
			fail_msg("'%s' today %s: got %s %d, want %s %d",
				 cases[i].in, cases[i].today, buf, minute,
				 cases[i].want, cases[i].minute);
	}
}

struct refuse_case {
	const char *in;
	unsigned flags;
	const char *msg_part; /* substring the error must contain, or NULL */
};

static void test_parse_refused(void **state)
{
	static const struct refuse_case cases[] = {
		{ "2026-02-30", 0, "no such date" },
		{ "2025-02-29", 0, "no such date" },
		{ "2026-13-01", 0, "no such date" },
		{ "2026-00-10", 0, "no such date" },
		{ "2026-04-31", 0, "no such date" },
		{ "1899-12-31", 0, "no such date" },
		{ "garbage", 0, "周二" },
		{ "", 0, "下周二" },
		{ "   ", 0, "today" },
		{ "todayx", 0, NULL },
		{ "today x", 0, NULL },
		{ "tomorrow!", 0, NULL },
		{ "yesterday", 0, NULL },
		{ "2026-07-15x", 0, NULL },
		{ "2026-07-15 extra", 0, NULL },
		{ "2026-07-155", 0, NULL },
		{ "2026-7-15", 0, NULL },
		{ "26-07-15", 0, NULL },
		{ "20260715", 0, NULL },
		{ "2026/07/15", 0, NULL },
		{ "+3", 0, NULL },
		{ "+d", 0, NULL },
		{ "+3x", 0, NULL },
		{ "+3dd", 0, NULL },
		{ "+3 d", 0, NULL },
		{ "+3651d", 0, "too far" },
		{ "+99999999999999999999d", 0, "too far" },
		{ "+521w", 0, "too far" },
		{ "-3d", 0, NULL },
		{ "3d", 0, NULL },
		{ "next", 0, NULL },
		{ "next foo", 0, NULL },
		{ "next today", 0, NULL },
		{ "nexttue", 0, NULL },
		{ "next 周二", 0, NULL },
		{ "next next tue", 0, NULL },
		{ "tue5", 0, NULL },
		{ "tuesd", 0, NULL },
		{ "t", 0, NULL },
		{ "周", 0, NULL },
		{ "周八", 0, NULL },
		{ "周二x", 0, NULL },
		{ "下周", 0, NULL },
		{ "下下周二", 0, NULL },
		{ "星期", 0, NULL },
		{ "大后天", 0, NULL },
		{ "2026-07-15 14:30", 0, "not accepted" },
		{ "2026-07-15T14:30", 0, "not accepted" },
		{ "tomorrow 9:05", 0, "not accepted" },
		{ "2026-07-15 24:00", DATE_ALLOW_TIME, "not a time" },
		{ "2026-07-15 12:60", DATE_ALLOW_TIME, "not a time" },
		{ "2026-07-15 9:5", DATE_ALLOW_TIME, "not a time" },
		{ "2026-07-15 123:00", DATE_ALLOW_TIME, "not a time" },
		{ "2026-07-15 14:30:00", DATE_ALLOW_TIME, "not a time" },
		{ "2026-07-15 14:30 x", DATE_ALLOW_TIME, NULL },
		{ "2026-07-15 1430", DATE_ALLOW_TIME, NULL },
		{ "2026-07-15T", DATE_ALLOW_TIME, NULL },
		{ "2026-07-15 T14:30", DATE_ALLOW_TIME, NULL },
		{ "2026-07-15T 14:30", DATE_ALLOW_TIME, NULL },
		{ "2026-07-15t14:30", DATE_ALLOW_TIME, NULL },
		{ "tue T14:30", DATE_ALLOW_TIME, NULL },
		{ "tomorrowT10:00", DATE_ALLOW_TIME, NULL },
		{ "明天14:30", DATE_ALLOW_TIME, NULL },
		{ "10:00", DATE_ALLOW_TIME, NULL },
		{ "today 10", DATE_ALLOW_TIME, NULL },
		{ "garbage", DATE_ALLOW_TIME, "14:30" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		long day = 4242;
		int minute = 42;
		const char *err = NULL;

		if (date_parse(cases[i].in, DAY_2026_07_15, cases[i].flags,
			       &day, &minute, &err) != -1)
			fail_msg("'%s' accepted", cases[i].in);
		assert_non_null(err);
		assert_int_equal(day, 4242);
		assert_int_equal(minute, 42);
		if (cases[i].msg_part && !strstr(err, cases[i].msg_part))
			fail_msg("'%s': message '%s' lacks '%s'", cases[i].in,
				 err, cases[i].msg_part);
		/* err may be NULL */
		assert_int_equal(date_parse(cases[i].in, DAY_2026_07_15,
					    cases[i].flags, NULL, NULL, NULL),
				 -1);
	}
}

static void test_parse_edges(void **state)
{
	long day = 1;
	int minute = 1;
	const char *err = NULL;

	(void)state;
	assert_int_equal(date_parse(NULL, 0, 0, &day, &minute, &err), -1);
	assert_non_null(err);
	/* results outside 1900..9999 are refused */
	err = NULL;
	assert_int_equal(date_parse("tomorrow", DATE_DAY_MAX, 0, &day,
				    &minute, &err), -1);
	assert_non_null(strstr(err, "out of range"));
	assert_int_equal(date_parse("today", DATE_DAY_MAX, 0, &day, &minute,
				    &err), 0);
	assert_int_equal(day, DATE_DAY_MAX);
	/* NULL outputs are tolerated on success too */
	assert_int_equal(date_parse("+1w 10:00", DAY_2026_07_15,
				    DATE_ALLOW_TIME, NULL, NULL, NULL), 0);
}

static void test_parse_time(void **state)
{
	static const struct {
		const char *in;
		int minute;
	} good[] = {
		{ "00:00", 0 }, { "0:00", 0 },        { "9:05", 545 },
		{ "09:05", 545 }, { "23:59", 1439 },  { " 14:30 ", 870 },
	};
	static const char *const bad[] = {
		"", "24:00", "12:60", "9:5", "123:00", "1430", "14:30x",
		"x14:30", ":30", "14:", "14.30", "-1:00",
	};
	size_t i;
	char buf[6];

	(void)state;
	for (i = 0; i < N_ELEMS(good); i++) {
		int minute = -5;

		assert_int_equal(date_parse_time(good[i].in, &minute, NULL), 0);
		assert_int_equal(minute, good[i].minute);
	}
	for (i = 0; i < N_ELEMS(bad); i++) {
		int minute = -5;
		const char *err = NULL;

		if (date_parse_time(bad[i], &minute, &err) != -1)
			fail_msg("time '%s' accepted", bad[i]);
		assert_non_null(err);
		assert_int_equal(minute, -5);
	}
	date_format_time(0, buf);
	assert_string_equal(buf, "00:00");
	date_format_time(545, buf);
	assert_string_equal(buf, "09:05");
	date_format_time(1439, buf);
	assert_string_equal(buf, "23:59");
	date_format_time(-1, buf);
	assert_string_equal(buf, "");
	date_format_time(1440, buf);
	assert_string_equal(buf, "");
}

/* ---- periods ------------------------------------------------------------- */

static void test_period_parse_format(void **state)
{
	static const struct {
		const char *in;
		enum period_kind kind;
		int year, index;
		const char *first, *last, *canon;
	} good[] = {
		{ "2026", PERIOD_YEAR, 2026, 0, "2026-01-01", "2026-12-31",
		  "2026" },
		{ "2026Q1", PERIOD_QUARTER, 2026, 1, "2026-01-01", "2026-03-31",
		  "2026Q1" },
		{ "2026q2", PERIOD_QUARTER, 2026, 2, "2026-04-01", "2026-06-30",
		  "2026Q2" },
		{ "2026Q3", PERIOD_QUARTER, 2026, 3, "2026-07-01", "2026-09-30",
		  "2026Q3" },
		{ "2026Q4", PERIOD_QUARTER, 2026, 4, "2026-10-01", "2026-12-31",
		  "2026Q4" },
		{ "2026-07", PERIOD_MONTH, 2026, 7, "2026-07-01", "2026-07-31",
		  "2026-07" },
		{ "2024-02", PERIOD_MONTH, 2024, 2, "2024-02-01", "2024-02-29",
		  "2024-02" },
		{ "2026-12", PERIOD_MONTH, 2026, 12, "2026-12-01", "2026-12-31",
		  "2026-12" },
		{ " 1900 ", PERIOD_YEAR, 1900, 0, "1900-01-01", "1900-12-31",
		  "1900" },
		{ "9999Q4", PERIOD_QUARTER, 9999, 4, "9999-10-01",
		  "9999-12-31", "9999Q4" },
	};
	static const char *const bad[] = {
		"2026Q5", "2026Q0", "2026-13", "2026-00", "26Q1", "26",
		"202",    "20266",  "2026-7",  "2026Q",   "Q3", "1899",
		"10000",  "2026-07-01", "2026 Q3", "",    "abcd", "2026Q12",
		"2026-1a", "2026Q1x", "-2026",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(good); i++) {
		struct period p, q;
		char buf[12];

		memset(&p, 0, sizeof p);
		if (period_parse(good[i].in, &p, NULL) != 0)
			fail_msg("period '%s' refused", good[i].in);
		assert_int_equal(p.kind, good[i].kind);
		assert_int_equal(p.year, good[i].year);
		assert_int_equal(p.index, good[i].index);
		assert_day_is(p.first, good[i].first);
		assert_day_is(p.last, good[i].last);
		period_format(&p, buf);
		assert_string_equal(buf, good[i].canon);
		/* round trip through the canonical form */
		assert_int_equal(period_parse(buf, &q, NULL), 0);
		assert_period_equal(&p, &q);
	}
	for (i = 0; i < N_ELEMS(bad); i++) {
		struct period p;
		const char *err = NULL;

		p.year = 4242;
		if (period_parse(bad[i], &p, &err) != -1)
			fail_msg("period '%s' accepted", bad[i]);
		assert_non_null(err);
		assert_int_equal(p.year, 4242);
	}
	assert_int_equal(period_parse(NULL, &(struct period){ 0 }, NULL), -1);
}

static void test_period_of(void **state)
{
	static const struct {
		enum period_kind kind;
		const char *day, *canon, *first, *last;
	} cases[] = {
		{ PERIOD_YEAR, "2026-07-15", "2026", "2026-01-01", "2026-12-31" },
		{ PERIOD_QUARTER, "2026-07-15", "2026Q3", "2026-07-01",
		  "2026-09-30" },
		{ PERIOD_QUARTER, "2026-03-31", "2026Q1", "2026-01-01",
		  "2026-03-31" },
		{ PERIOD_QUARTER, "2026-04-01", "2026Q2", "2026-04-01",
		  "2026-06-30" },
		{ PERIOD_MONTH, "2026-07-15", "2026-07", "2026-07-01",
		  "2026-07-31" },
		{ PERIOD_MONTH, "2024-02-29", "2024-02", "2024-02-01",
		  "2024-02-29" },
		{ PERIOD_MONTH, "2026-12-31", "2026-12", "2026-12-01",
		  "2026-12-31" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		struct period p, q;
		char buf[12];

		period_of(cases[i].kind, iso(cases[i].day), &p);
		assert_int_equal(p.kind, cases[i].kind);
		period_format(&p, buf);
		assert_string_equal(buf, cases[i].canon);
		assert_day_is(p.first, cases[i].first);
		assert_day_is(p.last, cases[i].last);
		assert_int_equal(period_parse(buf, &q, NULL), 0);
		assert_period_equal(&p, &q);
	}
	/* every day of 2024 lies in exactly its own month/quarter/year */
	for (i = 0; i < 366; i++) {
		long d = iso("2024-01-01") + (long)i;
		struct period p;

		period_of(PERIOD_MONTH, d, &p);
		assert_true(p.first <= d && d <= p.last);
		period_of(PERIOD_QUARTER, d, &p);
		assert_true(p.first <= d && d <= p.last);
		assert_int_equal(p.index, date_quarter(d));
		period_of(PERIOD_YEAR, d, &p);
		assert_int_equal(p.year, 2024);
	}
}

static void test_period_format_invalid(void **state)
{
	struct period p = { PERIOD_QUARTER, 2026, 5, 0, 0 };
	char buf[12];

	(void)state;
	period_format(&p, buf);
	assert_string_equal(buf, "?");
	p.kind = PERIOD_MONTH;
	p.index = 13;
	period_format(&p, buf);
	assert_string_equal(buf, "?");
	p.kind = PERIOD_YEAR;
	p.year = 10000;
	period_format(&p, buf);
	assert_string_equal(buf, "?");
}

static void test_parse_month(void **state)
{
	static const char *const bad[] = {
		"2026", "2026Q3", "2026-13", "2026-00", "2026-7", "26-07",
		"2026-07-01", "1899-12", "", "2026/07", "2026-07x",
	};
	int y = 0, m = 0;
	size_t i;

	(void)state;
	assert_int_equal(date_parse_month("2026-07", &y, &m, NULL), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 7);
	assert_int_equal(date_parse_month(" 1900-01 ", &y, &m, NULL), 0);
	assert_int_equal(y, 1900);
	assert_int_equal(m, 1);
	for (i = 0; i < N_ELEMS(bad); i++) {
		const char *err = NULL;

		y = m = 42;
		if (date_parse_month(bad[i], &y, &m, &err) != -1)
			fail_msg("month '%s' accepted", bad[i]);
		assert_non_null(err);
		assert_int_equal(y, 42);
		assert_int_equal(m, 42);
	}
}

/* ---- clock --------------------------------------------------------------- */

static void test_clock_pin(void **state)
{
	long real, sys;

	(void)state;
	date_clock_pin(DAY_2026_07_15, 870);
	assert_int_equal(date_today(), DAY_2026_07_15);
	assert_int_equal(date_clock_minute(), 870);
	date_clock_pin(DAY_2026_07_13, -1);
	assert_int_equal(date_today(), DAY_2026_07_13);
	assert_int_equal(date_clock_minute(), -1);
	date_clock_pin(DAY_2026_07_13, 1440);
	assert_int_equal(date_clock_minute(), -1);
	date_clock_unpin();
	/* unpinned: the local date, within a day of UTC */
	real = date_today();
	sys = (long)(time(NULL) / 86400) + 25567; /* 1970-01-01 is day 25567 */
	assert_true(real >= sys - 1 && real <= sys + 1);
	assert_in_range(date_clock_minute(), 0, 1439);
}

/* The moment in UTC: a pinned clock is local time in TZ (POSIX TZ strings,
 * so that no time zone database is needed). */
static void test_clock_utc(void **state)
{
	static const struct {
		const char *tz;
		long day;
		int minute;
		const char *want_day;
		long want_second;
	} cases[] = {
		{ "UTC0", DAY_2026_07_15, 870, "2026-07-15", 14 * 3600L + 30 * 60 },
		{ "CST-8", DAY_2026_07_15, 870, "2026-07-15", 6 * 3600L + 30 * 60 },
		/* no time pinned: midnight, the day before in UTC east of Greenwich */
		{ "CST-8", DAY_2026_07_15, -1, "2026-07-14", 16 * 3600L },
		{ "CST-8", DAY_1900_01_01, 0, "1899-12-31", 16 * 3600L },
		/* summer and winter time west of Greenwich, across midnight */
		{ "EST5EDT,M3.2.0,M11.1.0", DAY_2026_07_15, 23 * 60 + 59, "2026-07-16", 3 * 3600L + 59 * 60 },
		{ "EST5EDT,M3.2.0,M11.1.0", DAY_2025_12_29, 23 * 60 + 59, "2025-12-30", 4 * 3600L + 59 * 60 },
	};
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;
	long day, second, sys;
	size_t i;

	(void)state;
	for (i = 0; i < N_ELEMS(cases); i++) {
		setenv("TZ", cases[i].tz, 1);
		tzset();
		date_clock_pin(cases[i].day, cases[i].minute);
		date_clock_utc(&day, &second);
		assert_day_is(day, cases[i].want_day);
		assert_int_equal(second, cases[i].want_second);
	}
	/* unpinned: now, whatever TZ says */
	date_clock_unpin();
	date_clock_utc(&day, &second);
	sys = (long)time(NULL);
	assert_in_range(second, 0, 86399);
	assert_true(labs((day - 25567) * 86400 + second - sys) <= 5); /* 1970-01-01 is day 25567 */
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static void test_clock_env(void **state)
{
	static const struct {
		const char *val;
		const char *day;
		int minute;
	} good[] = {
		{ "2026-07-15", "2026-07-15", -1 },
		{ "2026-07-15 14:30", "2026-07-15", 870 },
		{ "2026-07-15T14:30", "2026-07-15", 870 },
		{ " 2024-02-29T0:05 ", "2024-02-29", 5 },
	};
	static const char *const bad[] = {
		"2026-07-32", "2026-02-30", "yesterday", "today", "tomorrow",
		"+3d", "tue", "2026-07-15 25:00", "2026-07-15x", "2026-7-15",
		"2026-07-15 14:30 extra", "   ",
	};
	size_t i;
	const char *err;

	(void)state;
	/* unset and empty: no change */
	date_clock_pin(DAY_2026_07_13, 60);
	unsetenv("ORGLIFE_NOW");
	err = NULL;
	assert_int_equal(date_clock_init_from_env(&err), 0);
	assert_null(err);
	assert_int_equal(date_today(), DAY_2026_07_13);
	assert_int_equal(date_clock_minute(), 60);
	setenv("ORGLIFE_NOW", "", 1);
	assert_int_equal(date_clock_init_from_env(&err), 0);
	assert_null(err);
	assert_int_equal(date_today(), DAY_2026_07_13);

	for (i = 0; i < N_ELEMS(good); i++) {
		char buf[11];

		date_clock_unpin();
		setenv("ORGLIFE_NOW", good[i].val, 1);
		err = NULL;
		assert_int_equal(date_clock_init_from_env(&err), 0);
		assert_null(err);
		date_format(date_today(), buf);
		assert_string_equal(buf, good[i].day);
		assert_int_equal(date_clock_minute(), good[i].minute);
	}
	for (i = 0; i < N_ELEMS(bad); i++) {
		date_clock_pin(DAY_2026_07_13, 60);
		setenv("ORGLIFE_NOW", bad[i], 1);
		err = NULL;
		if (date_clock_init_from_env(&err) != -1)
			fail_msg("ORGLIFE_NOW='%s' accepted", bad[i]);
		assert_non_null(err);
		assert_non_null(strstr(err, "ORGLIFE_NOW"));
		assert_int_equal(date_today(), DAY_2026_07_13);
		assert_int_equal(date_clock_minute(), 60);
		assert_int_equal(date_clock_init_from_env(NULL), -1);
	}
}

/* ---- dates and periods for people ---------------------------------------------- */

/* Every weekday, leap days and the ends of the range, with the weekday
 * GNU date gives for each. */
static const struct {
	const char *iso, *en, *en_short, *zh, *zh_short;
} shown_days[] = {
	{ "2026-07-13", "Mon 13 Jul 2026", "Mon 13 Jul", "2026年7月13日 周一", "7月13日 周一" },
	{ "2026-07-14", "Tue 14 Jul 2026", "Tue 14 Jul", "2026年7月14日 周二", "7月14日 周二" },
	{ "2026-07-15", "Wed 15 Jul 2026", "Wed 15 Jul", "2026年7月15日 周三", "7月15日 周三" },
	{ "2026-07-16", "Thu 16 Jul 2026", "Thu 16 Jul", "2026年7月16日 周四", "7月16日 周四" },
	{ "2026-07-17", "Fri 17 Jul 2026", "Fri 17 Jul", "2026年7月17日 周五", "7月17日 周五" },
	{ "2026-07-18", "Sat 18 Jul 2026", "Sat 18 Jul", "2026年7月18日 周六", "7月18日 周六" },
	{ "2026-07-19", "Sun 19 Jul 2026", "Sun 19 Jul", "2026年7月19日 周日", "7月19日 周日" },
	{ "2026-08-05", "Wed 5 Aug 2026", "Wed 5 Aug", "2026年8月5日 周三", "8月5日 周三" },
	{ "2024-02-29", "Thu 29 Feb 2024", "Thu 29 Feb", "2024年2月29日 周四", "2月29日 周四" },
	{ "2000-02-29", "Tue 29 Feb 2000", "Tue 29 Feb", "2000年2月29日 周二", "2月29日 周二" },
	{ "2100-03-01", "Mon 1 Mar 2100", "Mon 1 Mar", "2100年3月1日 周一", "3月1日 周一" },
	{ "1900-01-01", "Mon 1 Jan 1900", "Mon 1 Jan", "1900年1月1日 周一", "1月1日 周一" },
	{ "9999-12-31", "Fri 31 Dec 9999", "Fri 31 Dec", "9999年12月31日 周五", "12月31日 周五" },
};

static const struct {
	const char *iso, *en, *zh;
} shown_periods[] = {
	{ "2026", "2026", "2026年" },
	{ "2026Q1", "Q1 2026", "2026年第一季度" },
	{ "2026Q3", "Q3 2026", "2026年第三季度" },
	{ "2026Q4", "Q4 2026", "2026年第四季度" },
	{ "2026-07", "Jul 2026", "2026年7月" },
	{ "2026-12", "Dec 2026", "2026年12月" },
};

static void assert_periods_shown(int zh)
{
	char buf[DATE_DISPLAY_MAX];
	struct period p;

	for (size_t i = 0; i < N_ELEMS(shown_periods); i++) {
		assert_int_equal(period_parse(shown_periods[i].iso, &p, NULL), 0);
		period_display(&p, buf);
		assert_string_equal(buf, zh ? shown_periods[i].zh : shown_periods[i].en);
	}
}

static void test_display_english(void **state)
{
	char buf[DATE_DISPLAY_MAX];
	struct period p = { .kind = PERIOD_QUARTER, .year = 2026, .index = 5 };

	(void)state;
	/* No catalogue in the C locale: the messages are the English ones. */
	for (size_t i = 0; i < N_ELEMS(shown_days); i++) {
		date_display(iso(shown_days[i].iso), buf);
		assert_string_equal(buf, shown_days[i].en);
		date_display_short(iso(shown_days[i].iso), buf);
		assert_string_equal(buf, shown_days[i].en_short);
	}
	assert_periods_shown(0);
	assert_string_equal(date_quarter_name(3), "Q3");
	/* Out of range: a mark, never a wrong date. */
	date_display(DATE_DAY_MAX + 1, buf);
	assert_string_equal(buf, "?");
	period_display(&p, buf);
	assert_string_equal(buf, "?");
	p = (struct period){ .kind = PERIOD_MONTH, .year = 2026, .index = 13 };
	period_display(&p, buf);
	assert_string_equal(buf, "?");
	p = (struct period){ .kind = PERIOD_YEAR, .year = 10000 };
	period_display(&p, buf);
	assert_string_equal(buf, "?");
	assert_string_equal(date_quarter_name(0), "?");
	assert_string_equal(date_quarter_name(5), "?");
}

static void test_display_chinese(void **state)
{
	static const char tmpl[] = "{weekday} {day} {month_name} {year}";
	char buf[DATE_DISPLAY_MAX];

	(void)state;
	if (!setlocale(LC_ALL, "zh_CN.UTF-8")) {
		print_message("no zh_CN.UTF-8 locale here: the Chinese forms are not tested\n");
		skip();
	}
	i18n_init();
	if (strcmp(C_("date", "{weekday} {day} {month_name} {year}"), tmpl) == 0) {
		print_message("po/zh_CN.po does not translate the date forms yet (tests/po.test lists them)\n");
		skip();
	}
	for (size_t i = 0; i < N_ELEMS(shown_days); i++) {
		date_display(iso(shown_days[i].iso), buf);
		assert_string_equal(buf, shown_days[i].zh);
		date_display_short(iso(shown_days[i].iso), buf);
		assert_string_equal(buf, shown_days[i].zh_short);
	}
	assert_periods_shown(1);
	assert_string_equal(date_quarter_name(3), "第三季度");
}

static int reset_locale(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ymd_known_values),
		cmocka_unit_test(test_ymd_roundtrip_span),
		cmocka_unit_test(test_ymd_refused),
		cmocka_unit_test(test_leap_and_month_length),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_add_months_years),
		cmocka_unit_test(test_month_index),
		cmocka_unit_test(test_month_quarter_bounds),
		cmocka_unit_test(test_parse_weekday_matrix),
		cmocka_unit_test(test_parse_accepted),
		cmocka_unit_test(test_parse_refused),
		cmocka_unit_test(test_parse_edges),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_period_parse_format),
		cmocka_unit_test(test_period_of),
		cmocka_unit_test(test_period_format_invalid),
		cmocka_unit_test(test_parse_month),
		cmocka_unit_test_teardown(test_clock_pin, reset_clock),
		cmocka_unit_test_teardown(test_clock_utc, reset_clock),
		cmocka_unit_test_teardown(test_clock_env, reset_clock),
		cmocka_unit_test(test_display_english),
		cmocka_unit_test_teardown(test_display_chinese, reset_locale),
	};

	return cmocka_run_group_tests(tests, reset_clock, reset_clock);
}
