/*
 * days.h - the day number of an ISO date written in a test's table,
 * shared by the cmocka tests (include it after cmocka.h).  NULL is "no
 * day" (-1), as the model writes it; a malformed or impossible date fails
 * the test.
 */
#ifndef ORGLIFE_TESTS_DAYS_H
#define ORGLIFE_TESTS_DAYS_H

#include <stdio.h>

#include <orglife/date.h>

static inline long D(const char *iso)
{
	int y, m, d;
	long day = -1;

	if (!iso)
		return -1;
	assert_int_equal(sscanf(iso, "%4d-%2d-%2d", &y, &m, &d), 3);
	assert_int_equal(date_from_ymd(y, m, d, &day), 0);
	return day;
}

#endif
