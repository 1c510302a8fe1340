/* test-holidays.c - cmocka tests of the holiday calendar (holidays.h):
 * every built-in file parses and says what the State Council's notice
 * says (2025 and 2026: days of rest, and the weekend days worked instead,
 * 调休), a working day is Monday to Friday unless a day of rest, or a
 * weekend day worked; a year without a file knows the fixed holidays only;
 * and a file that is wrong is refused with its line. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "days.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/holidays.h>

static void test_every_file_parses(void **state)
{
	struct holiday_span spans[64];
	int line = 0;
	const char *err = NULL;

	(void)state;
	assert_true(holiday_nfiles >= 2);
	for (int i = 0; i < holiday_nfiles; i++) {
		int n = holiday_parse(holiday_files[i].text, holiday_files[i].year, spans, 64, &line, &err);
		if (n < 0)
			fail_msg("data/holidays/%d.txt:%d: %s", holiday_files[i].year, line, err);
		/* 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节: at least one line each. */
		assert_true(n >= 6);
	}
	assert_true(holiday_knows_year(2025));
	assert_true(holiday_knows_year(2026));
}

/* 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04). */
static void test_2026(void **state)
{
	static const char *const off[] = { "2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-06",
					   "2026-05-01", "2026-05-05", "2026-06-19", "2026-09-25", "2026-09-27",
					   "2026-10-01", "2026-10-05", "2026-10-07" };
	static const char *const work[] = { "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
					    "2026-10-10" };
	const char *name;

	(void)state;
	for (size_t i = 0; i < sizeof off / sizeof off[0]; i++) {
		if (holiday_of(D(off[i]), NULL) != HOLIDAY_OFF)
			fail_msg("%s is a day of rest", off[i]);
		assert_false(holiday_is_workday(D(off[i])));
	}
	for (size_t i = 0; i < sizeof work / sizeof work[0]; i++) {
		if (holiday_of(D(work[i]), NULL) != HOLIDAY_WORK)
			fail_msg("%s is a weekend day worked", work[i]);
		assert_true(holiday_is_workday(D(work[i])));
	}
	assert_int_equal(holiday_of(D("2026-10-01"), &name), HOLIDAY_OFF);
	assert_string_equal(name, "国庆节");
	assert_int_equal(holiday_of(D("2026-09-26"), &name), HOLIDAY_OFF);
	assert_string_equal(name, "中秋节");
	/* Around them, ordinary days. */
	assert_int_equal(holiday_of(D("2026-07-15"), &name), HOLIDAY_NONE);
	assert_null(name);
	assert_int_equal(holiday_of(D("2026-10-08"), NULL), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2026-09-24"), NULL), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2026-12-31"), NULL), HOLIDAY_NONE);
	assert_true(holiday_is_workday(D("2026-07-15")));  /* a Wednesday */
	assert_true(holiday_is_workday(D("2026-07-17")));  /* a Friday */
	assert_true(holiday_is_workday(D("2026-07-20")));  /* a Monday */
	assert_false(holiday_is_workday(D("2026-07-18"))); /* a Saturday */
	assert_false(holiday_is_workday(D("2026-07-19"))); /* a Sunday */
}

/* 国办发明电〔2024〕12号. */
static void test_2025(void **state)
{
	(void)state;
	assert_int_equal(holiday_of(D("2025-01-28"), NULL), HOLIDAY_OFF);
	assert_int_equal(holiday_of(D("2025-02-04"), NULL), HOLIDAY_OFF);
	assert_int_equal(holiday_of(D("2025-02-05"), NULL), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2025-01-26"), NULL), HOLIDAY_WORK);
	assert_int_equal(holiday_of(D("2025-10-08"), NULL), HOLIDAY_OFF);
	assert_int_equal(holiday_of(D("2025-10-11"), NULL), HOLIDAY_WORK);
	assert_int_equal(holiday_of(D("2025-01-02"), NULL), HOLIDAY_NONE);
}

static void test_next_workday(void **state)
{
	(void)state;
	/* National Day week: from the Thursday it begins to the Thursday after. */
	assert_int_equal(holiday_next_workday(D("2026-10-01")), D("2026-10-08"));
	/* The Saturday worked after it is a working day. */
	assert_int_equal(holiday_next_workday(D("2026-10-10")), D("2026-10-10"));
	/* A weekend with nothing worked goes on to Monday. */
	assert_int_equal(holiday_next_workday(D("2026-07-18")), D("2026-07-20"));
	/* 中秋节 on a Friday: to the Monday. */
	assert_int_equal(holiday_next_workday(D("2026-09-25")), D("2026-09-28"));
	assert_int_equal(holiday_next_workday(D("2026-07-15")), D("2026-07-15"));
}

/* A year without a file: weekends and the holidays that never move. */
static void test_year_without_a_file(void **state)
{
	(void)state;
	assert_false(holiday_knows_year(2031));
	assert_int_equal(holiday_of(D("2031-01-01"), NULL), HOLIDAY_OFF);
	assert_int_equal(holiday_of(D("2031-05-02"), NULL), HOLIDAY_OFF);
	assert_int_equal(holiday_of(D("2031-05-03"), NULL), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2031-10-03"), NULL), HOLIDAY_OFF);
	assert_int_equal(holiday_of(D("2031-10-04"), NULL), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2031-07-15"), NULL), HOLIDAY_NONE);
	/* Only those days: not the rest of January, nor other months' 1st. */
	assert_int_equal(holiday_of(D("2031-01-02"), NULL), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2031-07-01"), NULL), HOLIDAY_NONE);
}

static void test_parse(void **state)
{
	struct holiday_span s[4];
	int line = 0;
	const char *err = NULL;

	(void)state;
	assert_int_equal(holiday_parse("# c\n\n  2026-10-01..2026-10-07 off 国庆节 \r\n2026-10-10\twork  国庆节", 2026, s,
				       4, &line, &err),
			 2);
	assert_int_equal(s[0].first, D("2026-10-01"));
	assert_int_equal(s[0].last, D("2026-10-07"));
	assert_int_equal(s[0].kind, HOLIDAY_OFF);
	assert_string_equal(s[0].name, "国庆节");
	assert_int_equal(s[1].first, s[1].last);
	assert_int_equal(s[1].kind, HOLIDAY_WORK);
	assert_string_equal(s[1].name, "国庆节");
	assert_int_equal(holiday_parse("", 2026, s, 4, &line, &err), 0);
}

static void test_parse_errors(void **state)
{
	static const struct {
		const char *text;
		int line;
	} bad[] = {
		{ "2026-10-01 rest 国庆节\n", 1 },                    /* neither off nor work */
		{ "# ok\n2026-10-01 off\n", 2 },                      /* no name */
		{ "2026-02-30 off 春节\n", 1 },                       /* no such day */
		{ "2025-12-31..2026-01-01 off 元旦\n", 1 },           /* another year */
		{ "2026-10-07..2026-10-01 off 国庆节\n", 1 },         /* backwards */
		{ "2026-10-01 off 国庆节\n2026-10-01 work 国庆节\n", 2 }, /* twice */
		{ "2026-10-01..2026-10-07 off A\n2026-10-05 off B\n", 2 },
		{ "2026/10/01 off 国庆节\n", 1 },
		{ "today off 国庆节\n", 1 },
		{ "2026-10-01.. off 国庆节\n", 1 },
		{ "2026-10-01 off A\n2026-10-02 off B\n2026-10-03 off C\n2026-10-04 off D\n2026-10-05 off E\n", 5 },
	};
	struct holiday_span s[4];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int line = 0;
		const char *err = NULL;
		if (holiday_parse(bad[i].text, 2026, s, 4, &line, &err) != -1)
			fail_msg("accepted: %s", bad[i].text);
		assert_int_equal(line, bad[i].line);
		assert_non_null(err);
	}
}

/* A long name is cut at a whole character. */
static void test_long_name(void **state)
{
	char text[256];
	struct holiday_span s[1];
	int line;
	const char *err;

	(void)state;
	snprintf(text, sizeof text, "2026-10-01 off %s\n",
		 "国庆节国庆节国庆节国庆节国庆节国庆节国庆节国庆节国庆节国庆节国庆节国庆节国庆节");
	assert_int_equal(holiday_parse(text, 2026, s, 1, &line, &err), 1);
	assert_true(strlen(s[0].name) < sizeof s[0].name);
	assert_int_equal(strlen(s[0].name) % 3, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_file_parses), cmocka_unit_test(test_2026),
		cmocka_unit_test(test_2025),		  cmocka_unit_test(test_next_workday),
		cmocka_unit_test(test_year_without_a_file), cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),	  cmocka_unit_test(test_long_name),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
