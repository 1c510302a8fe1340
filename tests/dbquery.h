/*
 * dbquery.h - what a cmocka test asks the database directly, beside the
 * model: one value of a query with at most one bound id, and a day as ISO
 * text (include it after cmocka.h).
 */
#ifndef ORGLIFE_TESTS_DBQUERY_H
#define ORGLIFE_TESTS_DBQUERY_H

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/db.h>

/* The first column of the first row; the query must give a row. */
static inline long long query_int(struct db *db, const char *sql, long long bind)
{
	sqlite3_stmt *st;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, bind);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row as a new string; NULL for SQL NULL or
 * no row. */
static inline char *query_text(struct db *db, const char *sql, long long bind)
{
	sqlite3_stmt *st;
	char *v = NULL;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_int64(st, 1, bind);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		v = strdup((const char *)sqlite3_column_text(st, 0));
		assert_non_null(v);
	}
	sqlite3_finalize(st);
	return v;
}

static inline void assert_query_text(struct db *db, const char *sql, long long bind, const char *want)
{
	char *got = query_text(db, sql, bind);

	if (!want)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
	free(got);
}

/* day is the day of "YYYY-MM-DD"; NULL wants -1 (unknown). */
static inline void assert_day(long day, const char *want)
{
	char buf[11];

	if (!want) {
		assert_int_equal(day, -1);
		return;
	}
	date_format(day, buf);
	assert_string_equal(buf, want);
}

#endif
