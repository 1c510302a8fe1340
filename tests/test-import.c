/* test-import.c - cmocka tests for the member import (src/db-import.c,
 * import.h) on an in-memory database: the header mapping, Chinese and
 * English; all or nothing; idempotence; updates; party groups created;
 * shared names; admission facts through the model's rules (R-PROBATION).
 *
 * Every test gets a fresh database holding
 *   机关党委 (committee)
 *     第一支部 (branch)  第一小组 (group)
 *     第二支部 (branch)
 * and today is 2026-07-15. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "days.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/import.h>
#include <orglife/member.h>
#include <orglife/org.h>

/* ---- helpers ------------------------------------------------------------ */

struct world {
	struct db *db;
	long today;
	long long committee, branch1, branch2, group1;
};

static long long add_org(struct db *db, const char *name, enum org_kind kind, long long parent)
{
	long long id = 0;

	if (org_add(db, name, kind, parent, 0, &id) != OL_OK)
		fail_msg("org_add(%s): %s", name, db_errmsg(db));
	return id;
}

static int world_setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	char *msg = NULL;

	if (!w || db_open(NULL, DB_OPEN_MEMORY, &w->db, &msg) != OL_OK) {
		free(msg);
		free(w);
		return -1;
	}
	w->today = D("2026-07-15");
	date_clock_pin(w->today, -1);
	w->committee = add_org(w->db, "机关党委", ORG_COMMITTEE, 0);
	w->branch1 = add_org(w->db, "第一支部", ORG_BRANCH, w->committee);
	w->group1 = add_org(w->db, "第一小组", ORG_GROUP, w->branch1);
	w->branch2 = add_org(w->db, "第二支部", ORG_BRANCH, w->committee);
	*state = w;
	return 0;
}

static int world_teardown(void **state)
{
	struct world *w = *state;

	db_close(w->db);
	date_clock_unpin();
	free(w);
	return 0;
}

/* Imports the NUL-terminated text into branch: the status, *res filled. */
static int import_text(struct world *w, long long branch, const char *text, struct import_result *res)
{
	return import_members(w->db, branch, text, strlen(text), w->today, res);
}

/* Imports text into branch 1, which must succeed with these counts. */
static void import_ok(struct world *w, const char *text, int added, int updated, int unchanged, int groups)
{
	struct import_result res;
	int rc = import_text(w, w->branch1, text, &res);

	if (rc != OL_OK)
		fail_msg("import refused (%d): %s", rc, db_errmsg(w->db));
	if (res.added != added || res.updated != updated || res.unchanged != unchanged || res.groups_created != groups)
		fail_msg("got %d added, %d updated, %d unchanged, %d groups; want %d, %d, %d, %d", res.added,
			 res.updated, res.unchanged, res.groups_created, added, updated, unchanged, groups);
	import_result_clear(&res);
}

/* The first column of the first row as a new string ("" for NULL). */
static char *query_text(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = strdup(sqlite3_column_type(st, 0) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(st, 0));
	assert_non_null(v);
	sqlite3_finalize(st);
	return v;
}

/* Everything an import could change, as one string. */
static char *snapshot(struct db *db)
{
	static const char sql[] =
		"SELECT (SELECT json_group_array(json_array(id, name, org_id, group_id, status, joined, confirmed,"
		"  probation_until, cadre, phone, gender, ethnicity, born)) FROM (SELECT * FROM member ORDER BY id))"
		" || (SELECT json_group_array(json_array(id, name, kind, parent_id)) FROM (SELECT * FROM org ORDER BY id))"
		" || (SELECT count(*) FROM audit)";

	return query_text(db, sql);
}

/* The id of the only member of branch named name. */
static long long member_named(struct world *w, long long branch, const char *name)
{
	sqlite3_stmt *st;
	long long id;

	assert_int_equal(sqlite3_prepare_v2(db_handle(w->db), "SELECT id FROM member WHERE org_id = ?1 AND name = ?2",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, branch);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("no member %s", name);
	id = sqlite3_column_int64(st, 0);
	if (sqlite3_step(st) == SQLITE_ROW)
		fail_msg("more than one member %s", name);
	sqlite3_finalize(st);
	return id;
}

static long long count_of(struct world *w, const char *sql)
{
	char *s = query_text(w->db, sql);
	long long n = atoll(s);

	free(s);
	return n;
}

/* A refusal whose message holds every one of the NULL-terminated parts;
 * the database is as it was. */
static void import_refused(struct world *w, long long branch, const char *text, ...)
{
	struct import_result res;
	char *before = snapshot(w->db), *after;
	const char *part;
	va_list ap;
	int rc;

	rc = import_text(w, branch, text, &res);
	if (rc == OL_OK)
		fail_msg("import accepted what it should refuse");
	assert_int_equal(res.added + res.updated + res.unchanged + res.groups_created, 0);
	assert_null(res.ignored);
	va_start(ap, text);
	while ((part = va_arg(ap, const char *)))
		if (!strstr(db_errmsg(w->db), part))
			fail_msg("message '%s' lacks '%s'", db_errmsg(w->db), part);
	va_end(ap);
	assert_null(strchr(db_errmsg(w->db), '\n'));
	after = snapshot(w->db);
	assert_string_equal(after, before);
	free(before);
	free(after);
}

static const char roster[] =
	"姓名,性别,民族,出生日期,党员类别,入党日期,转正日期,联系电话,所在党小组,是否党员领导干部\r\n"
	"张伟,男,汉族,1975-03-02,正式党员,2001-07-01,2002-07-01,13800000001,第一小组,是\r\n"
	"李娜,女,汉族,1988/11/30,正式党员,2012.6.1,2013年6月3日,13800000002,第二小组,否\r\n"
	"王芳,女,回族,1999年1月9日,预备党员,2026-01-10,,13800000003,第二小组,否\r\n"
	"赵强,男,汉族,1960-12-01,正式党员,1985-07-01,,,,\r\n";

/* ---- tests ---------------------------------------------------------------- */

static void test_import_adds_members_with_their_facts(void **state)
{
	struct world *w = *state;
	struct member m;
	long long id;

	import_ok(w, roster, 4, 0, 0, 1);
	id = member_named(w, w->branch1, "张伟");
	assert_int_equal(member_get(w->db, id, w->today, &m), OL_OK);
	assert_string_equal(m.gender, "男");
	assert_string_equal(m.ethnicity, "汉族");
	assert_int_equal(m.born, D("1975-03-02"));
	assert_int_equal(m.joined, D("2001-07-01"));
	/* Admitted on probation and confirmed a year later (R-PROBATION). */
	assert_int_equal(m.admitted, MEMBER_PROBATIONARY);
	assert_int_equal(m.confirmed, D("2002-07-01"));
	assert_int_equal(m.status, MEMBER_FULL);
	assert_int_equal(m.group_id, w->group1);
	assert_int_equal(m.cadre, 1);
	assert_string_equal(m.phone, "13800000001");
	member_clear(&m);

	/* The other date forms. */
	id = member_named(w, w->branch1, "李娜");
	assert_int_equal(member_get(w->db, id, w->today, &m), OL_OK);
	assert_int_equal(m.born, D("1988-11-30"));
	assert_int_equal(m.joined, D("2012-06-01"));
	assert_int_equal(m.confirmed, D("2013-06-03"));
	assert_string_equal(m.group_name, "第二小组");
	assert_int_equal(m.cadre, 0);
	member_clear(&m);

	id = member_named(w, w->branch1, "王芳");
	assert_int_equal(member_get(w->db, id, w->today, &m), OL_OK);
	assert_int_equal(m.status, MEMBER_PROBATIONARY);
	assert_int_equal(m.born, D("1999-01-09"));
	member_clear(&m);

	/* A full member without a 转正日期 is one admitted full. */
	id = member_named(w, w->branch1, "赵强");
	assert_int_equal(member_get(w->db, id, w->today, &m), OL_OK);
	assert_int_equal(m.admitted, MEMBER_FULL);
	assert_int_equal(m.confirmed, -1);
	assert_int_equal(m.group_id, 0);
	assert_null(m.phone);
	member_clear(&m);

	/* 第二小组 was created under the branch. */
	assert_int_equal(count_of(w, "SELECT count(*) FROM org WHERE name = '第二小组' AND kind = 'group'"), 1);
}

static void test_import_twice_changes_nothing(void **state)
{
	struct world *w = *state;
	char *before, *after;

	import_ok(w, roster, 4, 0, 0, 1);
	before = snapshot(w->db);
	import_ok(w, roster, 0, 0, 4, 0);
	after = snapshot(w->db);
	/* Not a single write: the audit log did not grow either. */
	assert_string_equal(after, before);
	free(before);
	free(after);
}

static void test_import_updates_a_changed_phone(void **state)
{
	struct world *w = *state;
	struct member m;

	import_ok(w, roster, 4, 0, 0, 1);
	import_ok(w,
		  "姓名,联系电话,所在党小组\n"
		  "张伟,13999999999,第一小组\n"
		  "李娜,13800000002,第一小组\n"
		  "王芳,13800000003,\n",
		  0, 2, 1, 0);
	assert_int_equal(member_get(w->db, member_named(w, w->branch1, "张伟"), w->today, &m), OL_OK);
	assert_string_equal(m.phone, "13999999999");
	/* What the file does not give stays. */
	assert_string_equal(m.gender, "男");
	assert_int_equal(m.born, D("1975-03-02"));
	member_clear(&m);
	assert_int_equal(member_get(w->db, member_named(w, w->branch1, "李娜"), w->today, &m), OL_OK);
	assert_int_equal(m.group_id, w->group1);
	member_clear(&m);
	assert_int_equal(member_get(w->db, member_named(w, w->branch1, "王芳"), w->today, &m), OL_OK);
	assert_string_equal(m.group_name, "第二小组");
	member_clear(&m);
}

/* A bad row 7 refuses the whole file, rows 2-6 included, and says where. */
static void test_bad_row_leaves_everything_as_it_was(void **state)
{
	struct world *w = *state;
	static const char bad[] =
		"姓名,入党日期,所在党小组\n"
		"甲,2001-07-01,新小组\n"
		"乙,2002-07-01,新小组\n"
		"丙,2003-07-01,\n"
		"丁,2004-07-01,\n"
		"张伟,2001-07-01,\n"
		"戊,2026-02-30,\n"
		"己,2005-07-01,\n";

	import_ok(w, roster, 4, 0, 0, 1);
	import_refused(w, w->branch1, bad, "line 7", "入党日期", "2026-02-30", "not a date", NULL);
	/* The same in English, with the column as the file names it. */
	import_refused(w, w->branch1,
		       "Name,Joined\nA,2001-07-01\nB,2002-07-01\nC,2003-07-01\nD,2004-07-01\nE,2005-07-01\n"
		       "F,2026/13/01\n",
		       "line 7", "Joined", NULL);
}

/* A refusal that only the model can make (R-PROBATION: 转正 one year after
 * joining at the earliest) rolls back the rows written before it. */
static void test_model_refusal_rolls_back_earlier_rows(void **state)
{
	struct world *w = *state;

	import_refused(w, w->branch1,
		       "姓名,党员类别,入党日期,转正日期,党小组\n"
		       "甲,正式党员,2001-07-01,2002-07-01,新小组\n"
		       "乙,正式党员,2020-03-01,2020-09-01,\n",
		       "line 3", "转正日期", "2021-03-01", NULL);
	assert_int_equal(count_of(w, "SELECT count(*) FROM member"), 0);
	assert_int_equal(count_of(w, "SELECT count(*) FROM org WHERE name = '新小组'"), 0);
}

static void test_bad_rows_named(void **state)
{
	struct world *w = *state;

	import_ok(w, roster, 4, 0, 0, 1);
	import_refused(w, w->branch1, "姓名,党员类别\n甲,正式党员\n乙,积极分子\n", "line 3", "党员类别", "积极分子", NULL);
	import_refused(w, w->branch1, "姓名,性别\n甲,男\n,女\n", "line 3", "姓名", NULL);
	import_refused(w, w->branch1, "姓名,人员类别\n甲,预备党员\n", "line 2", "人员类别", "入党日期", NULL);
	import_refused(w, w->branch1, "姓名,入党日期,转正日期\n甲,2010-07-01,2010-06-30\n", "line 2", "转正日期",
		       "2010-06-30", NULL);
	import_refused(w, w->branch1, "姓名,出生日期\n甲,2030-01-01\n", "line 2", "出生日期", NULL);
	import_refused(w, w->branch1, "姓名,出生日期,入党日期\n甲,1990-01-01,1980-01-01\n", "line 2", "入党日期", NULL);
	import_refused(w, w->branch1, "姓名,领导干部\n甲,也许\n", "line 2", "领导干部", NULL);
	import_refused(w, w->branch1, "姓名,党员类别,入党日期,转正日期\n甲,预备党员,2025-07-01,2026-07-01\n", "line 2",
		       "转正日期", NULL);
	import_refused(w, w->branch1, "姓名,党员类别,入党日期,转正日期\n甲,正式党员,2025-07-01,2026-08-01\n", "line 2",
		       "转正日期", NULL);
	/* The structure: a ragged row, an open quote. */
	import_refused(w, w->branch1, "姓名,性别\n甲,男\n乙\n", "line 3", "field 2", NULL);
	import_refused(w, w->branch1, "姓名,性别\n甲,男\n乙,\"女\n", "line 3", "field 2", NULL);
	/* No name column, an empty file. */
	import_refused(w, w->branch1, "名字,性别\n甲,男\n", "line 1", "姓名", NULL);
	import_refused(w, w->branch1, "", "empty", NULL);
	/* A member import goes into a branch. */
	import_refused(w, w->group1, "姓名\n甲\n", "第一小组", NULL);
	import_refused(w, w->committee, "姓名\n甲\n", "机关党委", NULL);
}

/* What a matched member's admission facts say is not overwritten. */
static void test_contradicting_admission_refused(void **state)
{
	struct world *w = *state;

	import_ok(w, roster, 4, 0, 0, 1);
	import_refused(w, w->branch1, "姓名,入党日期\n张伟,2001-07-02\n", "line 2", "入党日期", "2001-07-01", NULL);
	import_refused(w, w->branch1, "姓名,转正日期\n李娜,2013-06-04\n", "line 2", "转正日期", "2013-06-03", NULL);
	import_refused(w, w->branch1, "姓名,党员类别\n李娜,预备党员\n", "line 2", "党员类别", NULL);
	import_refused(w, w->branch1, "姓名,党员类别\n王芳,正式党员\n", "line 2", "党员类别", "转正日期", NULL);
}

/* A probationary member's 转正 comes in through member_confirm. */
static void test_confirmation_recorded_by_import(void **state)
{
	struct world *w = *state;
	struct member m;
	long long id;

	import_ok(w, "姓名,党员类别,入党日期\n王芳,预备党员,2025-07-10\n", 1, 0, 0, 0);
	id = member_named(w, w->branch1, "王芳");
	import_refused(w, w->branch1, "姓名,党员类别,转正日期\n王芳,正式党员,2026-07-09\n", "line 2", "转正日期",
		       "2026-07-10", NULL);
	import_ok(w, "姓名,党员类别,转正日期\n王芳,正式党员,2026-07-10\n", 0, 1, 0, 0);
	assert_int_equal(member_get(w->db, id, w->today, &m), OL_OK);
	assert_int_equal(m.confirmed, D("2026-07-10"));
	assert_int_equal(m.status, MEMBER_FULL);
	member_clear(&m);
	import_ok(w, "姓名,党员类别,转正日期\n王芳,正式党员,2026-07-10\n", 0, 0, 1, 0);
}

static void test_english_headers_match_chinese(void **state)
{
	struct world *w = *state;
	struct import_result res;

	import_ok(w, roster, 4, 0, 0, 1);
	/* The same people in English: nothing to change. */
	import_ok(w,
		  "Name,Gender,Ethnicity,Born,Status,Joined,Confirmed,Phone,Group,Cadre\n"
		  "张伟,男,汉族,1975-03-02,full,2001-07-01,2002-07-01,13800000001,第一小组,yes\n"
		  "李娜,女,汉族,1988-11-30,FULL,2012-06-01,2013-06-03,13800000002,第二小组,No\n"
		  "王芳,女,回族,1999-01-09,probationary,2026-01-10,,13800000003,第二小组,0\n",
		  0, 0, 3, 0);
	/* 手机号码 and 人员类别, 党小组, 领导干部; unknown columns listed. */
	assert_int_equal(import_text(w, w->branch1,
				     " 姓名 ,手机号码,人员类别,党小组,领导干部,籍贯,学历,,\n"
				     "赵强,13700000000,正式党员,第一小组,1,河北,大专,,\n",
				     &res),
			 OL_OK);
	assert_int_equal(res.updated, 1);
	assert_int_equal(res.columns_ignored, 2);
	assert_string_equal(res.ignored, "籍贯, 学历");
	import_result_clear(&res);
	assert_int_equal(count_of(w, "SELECT cadre FROM member WHERE name = '赵强'"), 1);
}

/* Two people of one name: the birth date (else the phone) tells them apart. */
static void test_shared_names(void **state)
{
	struct world *w = *state;

	import_ok(w,
		  "姓名,出生日期,联系电话\n"
		  "张伟,1975-03-02,13800000001\n"
		  "张伟,1990-05-05,13800000009\n",
		  2, 0, 0, 0);
	import_ok(w,
		  "姓名,出生日期,联系电话\n"
		  "张伟,1990-05-05,13811111111\n"
		  "张伟,1975-03-02,13800000001\n",
		  0, 1, 1, 0);
	assert_int_equal(count_of(w, "SELECT count(*) FROM member WHERE phone = '13811111111' AND born = '1990-05-05'"),
			 1);
	/* Which 张伟?  Without a birth date or phone, nobody can tell. */
	import_refused(w, w->branch1, "姓名,性别\n张伟,男\n", "line 2", "姓名", "2 members named 张伟", NULL);
	/* By phone when there is no birth date. */
	import_ok(w, "姓名,联系电话,性别\n张伟,13800000001,男\n", 0, 1, 0, 0);
	/* The same person twice in a file. */
	import_refused(w, w->branch1, "姓名,出生日期\n李娜,1980-01-01\n李娜,1980-01-01\n", "line 3", "line 2", NULL);
	import_refused(w, w->branch1, "姓名\n李娜\n李娜\n", "line 2", "姓名", NULL);
	/* A third 张伟 whose birth date and phone nobody recorded: a row that
	 * is not one of the first two could be that one. */
	{
		struct member_new mn = { .name = "张伟", .org_id = w->branch1, .status = MEMBER_FULL, .joined = -1 };
		long long id;
		assert_int_equal(member_add(w->db, &mn, &id), OL_OK);
	}
	import_refused(w, w->branch1, "姓名,出生日期\n张伟,1960-01-01\n", "line 2", "姓名", "1 could be", NULL);
	/* One that is recorded still matches exactly. */
	import_ok(w, "姓名,出生日期,民族\n张伟,1975-03-02,汉族\n", 0, 1, 0, 0);
	assert_int_equal(count_of(w, "SELECT count(*) FROM member WHERE ethnicity = '汉族' AND born = '1975-03-02'"), 1);
	/* A name in another branch is another person. */
	assert_int_equal(import_text(w, w->branch2, "姓名\n张伟\n", &(struct import_result){ 0 }), OL_OK);
	assert_int_equal(count_of(w, "SELECT count(*) FROM member WHERE name = '张伟'"), 4);
}

/* A roster saved by Excel on Chinese Windows: GB18030, CRLF, 王䶮. */
static void test_gb18030_file(void **state)
{
	struct world *w = *state;
	static const char gb[] = "\xD0\xD5\xC3\xFB,\xC1\xAA\xCF\xB5\xB5\xE7\xBB\xB0\r\n" /* 姓名,联系电话 */
				 "\xCD\xF5\xFE\x9F,13800000005\r\n"                     /* 王䶮 */
				 "\x95\x34\xB2\x35,13800000006\r\n";                    /* 𠮷 */

	import_ok(w, gb, 2, 0, 0, 0);
	assert_int_equal(count_of(w, "SELECT count(*) FROM member WHERE name IN ('王䶮', '𠮷')"), 2);
	import_ok(w, gb, 0, 0, 2, 0);
}

static void test_blank_rows_skipped(void **state)
{
	struct world *w = *state;

	import_ok(w, "\xEF\xBB\xBF姓名,性别\r\n甲,男\r\n,\r\n　,\r\n\r\n乙,女\r\n", 2, 0, 0, 0);
	import_ok(w, "姓名\n", 0, 0, 0, 0);
}

static void test_sheet_dates(void **state)
{
	static const struct {
		const char *in, *want;
	} ok[] = {
		{ "2026-07-15", "2026-07-15" }, { "2026/7/15", "2026-07-15" }, { "2026.7.5", "2026-07-05" },
		{ "2026年7月15日", "2026-07-15" }, { " 2024-02-29 ", "2024-02-29" }, { "2026/07/05", "2026-07-05" },
	};
	static const char *const bad[] = {
		"2026-02-30", "2025/2/29", "2026-7-15x", "26-07-15", "2026/7-15", "2026年7月", "2026.13.1", "", "2026-007-01",
	};
	char buf[11];
	long day;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		if (date_parse_sheet(ok[i].in, &day, NULL) != 0)
			fail_msg("'%s' refused", ok[i].in);
		date_format(day, buf);
		assert_string_equal(buf, ok[i].want);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (date_parse_sheet(bad[i], &day, NULL) == 0)
			fail_msg("'%s' accepted", bad[i]);
}

#define T(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_import_adds_members_with_their_facts),
		T(test_import_twice_changes_nothing),
		T(test_import_updates_a_changed_phone),
		T(test_bad_row_leaves_everything_as_it_was),
		T(test_model_refusal_rolls_back_earlier_rows),
		T(test_bad_rows_named),
		T(test_contradicting_admission_refused),
		T(test_confirmation_recorded_by_import),
		T(test_english_headers_match_chinese),
		T(test_shared_names),
		T(test_gb18030_file),
		T(test_blank_rows_skipped),
		T(test_sheet_dates),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
