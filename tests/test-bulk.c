/*
 * test-bulk.c - the bulk loader (bulk.h) and the bulk tuning of the store:
 * rows loaded read back through the model, the schema's indexes are the
 * same after a load as before (they are dropped for it and built again),
 * a failed load leaves nothing behind, and a database with data is refused.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "days.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <orglife/bulk.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/pack.h>
#include <orglife/session.h>
#include <orglife/text.h>

static struct db *open_memory(void)
{
	struct db *db = NULL;

	db_choose_site(427);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &db, NULL), OL_OK);
	return db;
}

/* The text of one value of a query, "" for none (caller frees). */
static char *query_text(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *s;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	s = xstrdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)
			    ? (const char *)sqlite3_column_text(st, 0)
			    : "");
	sqlite3_finalize(st);
	return s;
}

static long long query_int(struct db *db, const char *sql)
{
	char *s = query_text(db, sql);
	long long v = atoll(s);

	free(s);
	return v;
}

static const char indexes_sql[] =
	"SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_schema"
	" WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)";

struct sheet {
	int n;
	enum attend_status status[4];
};

static int collect(const struct attendee *a, void *p)
{
	struct sheet *s = p;

	if (s->n < 4)
		s->status[s->n] = a->status;
	s->n++;
	return 0;
}

static void test_load_reads_back_and_keeps_indexes(void **state)
{
	struct db *db = open_memory();
	char *before = query_text(db, indexes_sql), *after;
	struct bulk *b;
	long long committee, branch, group, m1, m2, sid, sid2;
	struct member_new mn = { 0 };
	struct session s = { 0 };
	struct marks mk = { 0 };
	struct payments pay = { 0 };
	struct payment p1 = { .month = 2026 * 12 + 5, .amount_fen = 2000 };
	struct sheet sheet = { 0 };
	struct member m;
	struct session got;
	unsigned char *blob;
	size_t len;
	long long amount;
	long paid;

	(void)state;
	assert_true(strlen(before) > 0);
	assert_int_equal(db_bulk_tuning(db, 1), OL_OK);
	assert_int_equal(bulk_begin(db, &b), OL_OK);
	assert_int_equal(bulk_org(b, "区委", ORG_COMMITTEE, 0, 0, &committee), OL_OK);
	assert_int_equal(bulk_org(b, "第一党支部", ORG_BRANCH, committee, 5, &branch), OL_OK);
	assert_int_equal(bulk_org(b, "第一党小组", ORG_GROUP, branch, 0, &group), OL_OK);
	mn.org_id = branch;
	mn.group_id = group;
	mn.name = "张三";
	mn.joined = D("2001-07-01");
	assert_int_equal(bulk_member(b, &mn, -1, &m1), OL_OK);
	mn.name = "李四";
	mn.status = MEMBER_PROBATIONARY;
	mn.joined = D("2025-03-10");
	assert_int_equal(bulk_member(b, &mn, -1, &m2), OL_OK);
	assert_int_equal(bulk_extend_probation(b, m2, D("2026-12-10")), OL_OK);
	assert_int_equal(bulk_role(b, m1, branch, ROLE_SECRETARY, D("2024-01-05"), -1), OL_OK);
	s.org_id = branch;
	s.kind = SK_ASSEMBLY;
	s.also = SK_NONE;
	s.day = D("2026-06-18");
	s.minute = 14 * 60 + 30;
	s.topic = (char *)"学习";
	s.place = (char *)"党员活动室";
	marks_set(&mk, m1, ATTEND_PRESENT);
	marks_set(&mk, m2, ATTEND_EXCUSED);
	blob = marks_encode(&mk, &len);
	assert_int_equal(bulk_session(b, &s, SESSION_HELD, blob, len, NULL, &sid), OL_OK);
	/* a second session in the same place: one place row */
	s.day = D("2026-06-25");
	s.kind = SK_COMMITTEE;
	s.topic = (char *)"研究";
	assert_int_equal(bulk_session(b, &s, SESSION_PLANNED, NULL, 0, NULL, &sid2), OL_OK);
	free(blob);
	marks_free(&mk);
	p1.paid_on = D("2026-06-05");
	payments_add(&pay, &p1);
	blob = payments_encode(&pay, &len);
	assert_int_equal(bulk_dues(b, m1, blob, len), OL_OK);
	free(blob);
	payments_free(&pay);
	assert_int_equal(bulk_election(b, branch, D("2024-01-05"), 5, 0, -1, NULL), OL_OK);
	assert_int_equal(bulk_end(b, OL_OK, "test"), OL_OK);
	assert_int_equal(db_bulk_tuning(db, 0), OL_OK);

	/* Ids come from counters, ending in the site number. */
	assert_true(committee == 1427 && branch == 2427 && group == 3427);
	assert_true(m1 == 1427 && m2 == 2427 && sid == 1427);
	/* The schema's indexes, as they were; no pause left; one audit entry. */
	after = query_text(db, indexes_sql);
	assert_string_equal(after, before);
	assert_int_equal(query_int(db, "SELECT count(*) FROM meta WHERE key = 'audit-paused'"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit"), 1);
	{
		char *ok = query_text(db, "PRAGMA integrity_check");
		assert_string_equal(ok, "ok");
		free(ok);
	}
	/* What was loaded reads back through the model. */
	assert_int_equal(member_get(db, m2, D("2026-07-15"), &m), OL_OK);
	assert_int_equal(m.status, MEMBER_PROBATIONARY);
	assert_int_equal(m.probation_until, D("2026-12-10"));
	member_clear(&m);
	assert_int_equal(session_get(db, sid, &got), OL_OK);
	assert_int_equal(got.org_id, branch);
	assert_int_equal(got.kind, SK_ASSEMBLY);
	assert_int_equal(got.state, SESSION_HELD);
	assert_int_equal(got.day, D("2026-06-18"));
	assert_int_equal(got.minute, 14 * 60 + 30);
	assert_string_equal(got.topic, "学习");
	assert_string_equal(got.place, "党员活动室");
	session_clear(&got);
	assert_int_equal(session_get(db, sid2, &got), OL_OK);
	assert_int_equal(got.kind, SK_COMMITTEE);
	assert_int_equal(got.state, SESSION_PLANNED);
	assert_string_equal(got.topic, "研究");
	assert_string_equal(got.place, "党员活动室");
	session_clear(&got);
	assert_int_equal(query_int(db, "SELECT count(*) FROM place"), 1);
	/* the sheet in its pinyin order: 李四 excused, then 张三 present */
	assert_int_equal(session_attendees(db, sid, collect, &sheet), OL_OK);
	assert_int_equal(sheet.n, 2);
	assert_int_equal(sheet.status[0], ATTEND_EXCUSED);
	assert_int_equal(sheet.status[1], ATTEND_PRESENT);
	assert_int_equal(dues_get(db, m1, 2026, 6, &amount, &paid), OL_OK);
	assert_true(amount == 2000 && paid == D("2026-06-05"));
	free(before);
	free(after);
	db_close(db);
}

static void test_failed_load_leaves_nothing(void **state)
{
	struct db *db = open_memory();
	char *before = query_text(db, indexes_sql), *after;
	struct bulk *b;
	long long id;

	(void)state;
	assert_int_equal(bulk_begin(db, &b), OL_OK);
	assert_int_equal(bulk_org(b, "区委", ORG_COMMITTEE, 0, 0, &id), OL_OK);
	assert_int_equal(bulk_end(b, OL_EINVAL, "test"), OL_EINVAL);
	after = query_text(db, indexes_sql);
	assert_string_equal(after, before);
	assert_int_equal(query_int(db, "SELECT count(*) FROM org"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM meta WHERE key = 'audit-paused'"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit"), 0);
	free(before);
	free(after);
	db_close(db);
}

static void test_refuses_a_database_with_data(void **state)
{
	struct db *db = open_memory();
	struct bulk *b = NULL;
	long long id;

	(void)state;
	assert_int_equal(org_add(db, "区委", ORG_COMMITTEE, 0, 0, &id), OL_OK);
	assert_int_equal(bulk_begin(db, &b), OL_ESTATE);
	assert_null(b);
	assert_non_null(strstr(db_errmsg(db), "already holds data"));
	/* Nothing paused, nothing dropped: the database works as before. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM meta WHERE key = 'audit-paused'"), 0);
	assert_int_equal(org_add(db, "第一党支部", ORG_BRANCH, id, 0, &id), OL_OK);
	db_close(db);
}

static void test_tuning_on_a_file(void **state)
{
	char path[] = "/tmp/orglife-test-bulk-XXXXXX";
	struct db *db = NULL;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(db_open(path, DB_OPEN_CREATE, &db, NULL), OL_OK);
	assert_int_equal(db_bulk_tuning(db, 1), OL_OK);
	assert_int_equal(query_int(db, "PRAGMA synchronous"), 0);
	{
		char *mode = query_text(db, "PRAGMA journal_mode");
		assert_string_equal(mode, "delete");
		free(mode);
	}
	/* Not inside a transaction. */
	assert_int_equal(db_tx_begin(db), OL_OK);
	assert_int_equal(db_bulk_tuning(db, 0), OL_ESTATE);
	assert_int_not_equal(db_tx_end(db, OL_OK), OL_OK); /* the failure rolls it back */
	assert_int_equal(db_bulk_tuning(db, 0), OL_OK);
	assert_int_equal(query_int(db, "PRAGMA synchronous"), 2);
	{
		char *mode = query_text(db, "PRAGMA journal_mode");
		assert_string_equal(mode, "wal");
		free(mode);
	}
	db_close(db);
	unlink(path);
	{
		char side[sizeof path + 8];
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_reads_back_and_keeps_indexes),
		cmocka_unit_test(test_failed_load_leaves_nothing),
		cmocka_unit_test(test_refuses_a_database_with_data),
		cmocka_unit_test(test_tuning_on_a_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
