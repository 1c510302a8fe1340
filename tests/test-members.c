/* test-members.c - cmocka tests of the Members screens' logic (members.h)
 * and of forms (form.h), without a terminal: which branch the screen shows,
 * the roster's rows in pinyin order with their status, whereabouts, group,
 * roles and last attendance, the columns that fit 80 and 40 columns, a
 * member's attendance history (the sessions expected at, most recent
 * first) and dues by year; typing into a form (choices narrowing, dates
 * resolved as the command line resolves them, read-only fields skipped);
 * the member form's values reaching the store through member_add and
 * member_edit; and which of a member's changes apply, their forms, and
 * their writes through the model.
 *
 * Every test gets a fresh in-memory database, the clock at 2026-07-15:
 *   党委 (committee)
 *     机关党总支 (general branch) > 机关支部 (branch)
 *     第一支部 (branch) > 第一小组, 第二小组 (groups)
 *     第二支部 (branch)
 * The members of 第一支部: 张三 (full, 第一小组, secretary), 李四
 * (probationary, admitted 2026-03-01), 王五 (full, 第二小组), 赵六 (full,
 * flowed out on 2026-06-01 with 活动证 L-7), 安娜 (full, committee member).
 * Sessions: an assembly on 2026-05-10, held (张三 present, 王五 absent,
 * 李四 excused, 赵六 present); an assembly on 2026-06-15, held (赵六 marked
 * present though away); 第一小组's meeting on 2026-06-20, held (张三
 * late); a committee meeting on 2026-07-01, planned; an assembly on
 * 2026-07-05 at which 王五 was marked present, then cancelled; an assembly
 * on 2026-08-01, planned. */
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

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/form.h>
#include <orglife/member.h>
#include <orglife/members.h>
#include <orglife/org.h>
#include <orglife/session.h>

enum { ZHANG, LI, WANG, ZHAO, ANNA, NPEOPLE };

struct world {
	struct db *db;
	long long committee, general, office, branch, group1, group2, branch2;
	long long m[NPEOPLE];
	long long may10, jun15, jun20, jul01, jul05, aug01;
};

static long long add_member(struct world *w, const char *name, enum member_status st, const char *joined,
			    long long group)
{
	struct member_new m = { .name = name, .org_id = w->branch, .status = st, .joined = D(joined),
				.group_id = group, .born = -1 };
	long long id = 0;

	if (member_add(w->db, &m, &id) != OL_OK)
		fail_msg("member_add(%s): %s", name, db_errmsg(w->db));
	return id;
}

static long long add_session(struct world *w, long long org, enum session_kind kind, const char *day)
{
	struct session s = { .org_id = org, .kind = kind, .also = SK_NONE, .day = D(day), .minute = 600 };
	long long id = 0;

	if (session_add(w->db, &s, &id) != OL_OK)
		fail_msg("session_add: %s", db_errmsg(w->db));
	return id;
}

static void mark(struct world *w, long long session, int who, enum attend_status st, const char *reason)
{
	if (attend_set(w->db, session, w->m[who], st, reason) != OL_OK)
		fail_msg("attend_set: %s", db_errmsg(w->db));
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);

	date_clock_pin(D("2026-07-15"), -1);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, NULL), OL_OK);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &w->committee), OL_OK);
	assert_int_equal(org_add(w->db, "机关党总支", ORG_GENERAL_BRANCH, w->committee, 0, &w->general), OL_OK);
	assert_int_equal(org_add(w->db, "机关支部", ORG_BRANCH, w->general, 0, &w->office), OL_OK);
	assert_int_equal(org_add(w->db, "第一支部", ORG_BRANCH, w->committee, 0, &w->branch), OL_OK);
	assert_int_equal(org_add(w->db, "第一小组", ORG_GROUP, w->branch, 0, &w->group1), OL_OK);
	assert_int_equal(org_add(w->db, "第二小组", ORG_GROUP, w->branch, 0, &w->group2), OL_OK);
	assert_int_equal(org_add(w->db, "第二支部", ORG_BRANCH, w->committee, 0, &w->branch2), OL_OK);
	w->m[ZHANG] = add_member(w, "张三", MEMBER_FULL, "2010-01-01", w->group1);
	w->m[LI] = add_member(w, "李四", MEMBER_PROBATIONARY, "2026-03-01", 0);
	w->m[WANG] = add_member(w, "王五", MEMBER_FULL, "2011-01-01", w->group2);
	w->m[ZHAO] = add_member(w, "赵六", MEMBER_FULL, "2012-01-01", 0);
	w->m[ANNA] = add_member(w, "安娜", MEMBER_FULL, "2014-01-01", 0);
	assert_int_equal(role_set(w->db, w->m[ZHANG], ROLE_SECRETARY, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(role_set(w->db, w->m[ANNA], ROLE_COMMITTEE_MEMBER, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(member_event_add(w->db, w->m[ZHAO], EVENT_FLOW_OUT, D("2026-06-01"), D("2027-06-01"), "L-7"),
			 OL_OK);
	w->may10 = add_session(w, w->branch, SK_ASSEMBLY, "2026-05-10");
	mark(w, w->may10, ZHANG, ATTEND_PRESENT, NULL);
	mark(w, w->may10, WANG, ATTEND_ABSENT, NULL);
	mark(w, w->may10, LI, ATTEND_EXCUSED, "出差");
	mark(w, w->may10, ZHAO, ATTEND_PRESENT, NULL);
	assert_int_equal(session_mark_held(w->db, w->may10, D("2026-07-15")), OL_OK);
	w->jun15 = add_session(w, w->branch, SK_ASSEMBLY, "2026-06-15");
	mark(w, w->jun15, ZHAO, ATTEND_PRESENT, NULL);
	assert_int_equal(session_mark_held(w->db, w->jun15, D("2026-07-15")), OL_OK);
	w->jun20 = add_session(w, w->group1, SK_GROUP, "2026-06-20");
	mark(w, w->jun20, ZHANG, ATTEND_LATE, NULL);
	assert_int_equal(session_mark_held(w->db, w->jun20, D("2026-07-15")), OL_OK);
	w->jul01 = add_session(w, w->branch, SK_COMMITTEE, "2026-07-01");
	w->jul05 = add_session(w, w->branch, SK_ASSEMBLY, "2026-07-05");
	mark(w, w->jul05, WANG, ATTEND_PRESENT, NULL);
	assert_int_equal(session_cancel(w->db, w->jul05), OL_OK);
	w->aug01 = add_session(w, w->branch, SK_ASSEMBLY, "2026-08-01");
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	db_close(w->db);
	free(w);
	date_clock_unpin();
	return 0;
}

static void load(struct world *w, struct members_roster *r)
{
	if (members_load(w->db, w->branch, D("2026-07-15"), r) != OL_OK)
		fail_msg("members_load: %s", db_errmsg(w->db));
}

static void detail(struct world *w, int who, struct member_detail *d)
{
	if (member_detail_load(w->db, w->m[who], D("2026-07-15"), d) != OL_OK)
		fail_msg("member_detail_load: %s", db_errmsg(w->db));
}

/* What a row shows in a column (the last call's, valid until the next). */
static const char *cell(const struct members_roster *r, int row, enum members_col c)
{
	static char buf[256];
	struct strbuf b = { 0 };

	members_cell(r, row, c, &b);
	snprintf(buf, sizeof buf, "%s", strbuf_str(&b));
	strbuf_free(&b);
	return buf;
}

/* ---- which branch ---------------------------------------------------------------- */

static void test_branch_for_what_was_chosen(void **state)
{
	struct world *w = *state;
	long long b = -1;

	assert_int_equal(members_branch_for(w->db, w->branch, &b), OL_OK);
	assert_int_equal(b, w->branch);
	assert_int_equal(members_branch_for(w->db, w->group2, &b), OL_OK);
	assert_int_equal(b, w->branch);
	/* Siblings by name: 机关党总支 (U+673A) before 第一支部 (U+7B2C). */
	assert_int_equal(members_branch_for(w->db, w->committee, &b), OL_OK);
	assert_int_equal(b, w->office);
	assert_int_equal(members_branch_for(w->db, w->general, &b), OL_OK);
	assert_int_equal(b, w->office);
	assert_int_equal(members_branch_for(w->db, 0, &b), OL_OK);
	assert_int_equal(b, w->office);
}

static void test_branch_for_an_empty_database(void **state)
{
	struct db *db;
	long long b = -1;
	struct members_roster r;

	(void)state;
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &db, NULL), OL_OK);
	assert_int_equal(members_branch_for(db, 0, &b), OL_OK);
	assert_int_equal(b, 0);
	assert_int_equal(members_load(db, 0, D("2026-07-15"), &r), OL_OK);
	assert_int_equal(r.n, 0);
	assert_null(r.branch_name);
	members_free(&r);
	db_close(db);
}

/* ---- the roster ----------------------------------------------------------------- */

static void test_roster_rows_in_pinyin_order(void **state)
{
	static const char *const order[] = { "安娜", "李四", "王五", "张三", "赵六" };
	struct world *w = *state;
	struct members_roster r;

	load(w, &r);
	assert_string_equal(r.branch_name, "第一支部");
	assert_int_equal(r.n, 5);
	for (int i = 0; i < 5; i++)
		assert_string_equal(r.rows[i].name, order[i]);
	/* Groups by name: 第一 before 第二. */
	assert_int_equal(r.ngroups, 2);
	assert_int_equal(r.groups[0].id, w->group1);
	assert_int_equal(r.groups[1].id, w->group2);
	members_free(&r);
}

static void test_roster_cells(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	int zhang, li, wang, zhao, anna;

	load(w, &r);
	zhang = members_find(&r, w->m[ZHANG]);
	li = members_find(&r, w->m[LI]);
	wang = members_find(&r, w->m[WANG]);
	zhao = members_find(&r, w->m[ZHAO]);
	anna = members_find(&r, w->m[ANNA]);
	assert_string_equal(cell(&r, zhang, RC_NAME), "张三");
	assert_string_equal(cell(&r, zhang, RC_STATUS), "full");
	assert_string_equal(cell(&r, li, RC_STATUS), "probationary");
	assert_string_equal(cell(&r, zhang, RC_WHERE), "");
	assert_string_equal(cell(&r, zhao, RC_WHERE), "flowed out");
	assert_string_equal(cell(&r, zhang, RC_GROUP), "第一小组");
	assert_string_equal(cell(&r, anna, RC_GROUP), "");
	assert_string_equal(cell(&r, zhang, RC_ROLE), "secretary");
	assert_string_equal(cell(&r, anna, RC_ROLE), "committee member");
	/* Late counts as attending; the group's meeting counts. */
	assert_int_equal(r.rows[zhang].last_attended, D("2026-06-20"));
	assert_string_equal(cell(&r, zhang, RC_LAST), "Jun 2026");
	/* Marked present while away: attended all the same. */
	assert_int_equal(r.rows[zhao].last_attended, D("2026-06-15"));
	/* Excused and absent are not attending; a cancelled session's mark
	 * does not count. */
	assert_int_equal(r.rows[li].last_attended, -1);
	assert_int_equal(r.rows[wang].last_attended, -1);
	assert_string_equal(cell(&r, wang, RC_LAST), "-");
	members_free(&r);
}

static void test_roster_counts_and_search(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct members_counts c;

	load(w, &r);
	members_count(&r, &c);
	assert_int_equal(c.members, 5);
	assert_int_equal(c.full, 3);
	assert_int_equal(c.probationary, 1);
	assert_int_equal(c.away, 1);
	assert_true(members_matches(&r.rows[members_find(&r, w->m[ZHANG])], "zs"));
	assert_true(members_matches(&r.rows[members_find(&r, w->m[ZHAO])], "zhaol"));
	assert_false(members_matches(&r.rows[members_find(&r, w->m[ZHANG])], "zl"));
	members_free(&r);
}

static int col_at(const struct members_layout *l, enum members_col c)
{
	for (int i = 0; i < l->ncols; i++)
		if (l->col[i] == c)
			return i;
	return -1;
}

static void test_roster_layout_fits(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct members_layout l;

	load(w, &r);
	/* 80 columns: all six, in order, each as wide as its widest cell or
	 * heading, two apart. */
	members_columns(&r, 80, &l);
	assert_int_equal(l.ncols, RC_COUNT);
	for (int i = 0; i < RC_COUNT; i++)
		assert_int_equal(l.col[i], i);
	assert_int_equal(l.w[col_at(&l, RC_NAME)], 4);     /* "Name"; the names are 4 wide */
	assert_int_equal(l.w[col_at(&l, RC_STATUS)], 12);  /* "probationary" */
	assert_int_equal(l.w[col_at(&l, RC_WHERE)], 10);   /* "flowed out" */
	assert_int_equal(l.w[col_at(&l, RC_ROLE)], 16);    /* "committee member" */
	assert_int_equal(l.w[col_at(&l, RC_GROUP)], 8);    /* 第一小组 */
	assert_int_equal(l.w[col_at(&l, RC_LAST)], 13);    /* "Last attended" */
	assert_int_equal(l.x[1], 6);
	assert_int_equal(l.x[RC_COUNT - 1] + l.w[RC_COUNT - 1], 73);
	/* 40 columns: the group, the roles and the whereabouts give way. */
	members_columns(&r, 40, &l);
	assert_int_equal(l.ncols, 3);
	assert_int_equal(l.col[0], RC_NAME);
	assert_int_equal(l.col[1], RC_STATUS);
	assert_int_equal(l.col[2], RC_LAST);
	assert_true(l.x[2] + l.w[2] <= 40);
	/* 60 columns: the group goes, the roles are cut to fit. */
	members_columns(&r, 60, &l);
	assert_int_equal(col_at(&l, RC_GROUP), -1);
	assert_true(col_at(&l, RC_ROLE) >= 0);
	assert_int_equal(l.x[l.ncols - 1] + l.w[l.ncols - 1], 60);
	/* Too narrow for anything else: the name alone. */
	members_columns(&r, 10, &l);
	assert_int_equal(l.ncols, 1);
	assert_int_equal(l.col[0], RC_NAME);
	assert_true(l.w[0] <= 10);
	members_free(&r);
}

static void test_roster_layout_measures_names_made_harmless(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct members_layout l;
	struct member_new m = { .name = "X\033]2;pwned\007Y", .org_id = w->branch, .status = MEMBER_FULL,
				.joined = -1, .born = -1 };
	long long id;

	assert_int_equal(member_add(w->db, &m, &id), OL_OK);
	load(w, &r);
	members_columns(&r, 120, &l);
	/* X^[]2;pwned^GY: 14 columns as shown, not 11 bytes. */
	assert_int_equal(l.w[col_at(&l, RC_NAME)], 14);
	members_free(&r);
}

/* ---- one member ------------------------------------------------------------------ */

static void test_history_most_recent_first(void **state)
{
	struct world *w = *state;
	struct member_detail d;
	struct member_attendance c;

	detail(w, ZHANG, &d);
	/* The committee meeting (a secretary is expected), the group's meeting,
	 * the two assemblies; not the cancelled one, not August's. */
	assert_int_equal(d.nsessions, 4);
	assert_int_equal(d.sessions[0].session_id, w->jul01);
	assert_int_equal(d.sessions[0].status, ATTEND_NONE);
	assert_int_equal(d.sessions[0].state, SESSION_PLANNED);
	assert_true(d.sessions[0].expected);
	assert_int_equal(d.sessions[1].session_id, w->jun20);
	assert_int_equal(d.sessions[1].status, ATTEND_LATE);
	assert_string_equal(d.sessions[1].org_name, "第一小组");
	assert_int_equal(d.sessions[2].session_id, w->jun15);
	assert_int_equal(d.sessions[2].status, ATTEND_NONE);
	assert_int_equal(d.sessions[3].session_id, w->may10);
	assert_int_equal(d.sessions[3].status, ATTEND_PRESENT);
	member_detail_count(&d, &c);
	assert_int_equal(c.expected, 4);
	assert_int_equal(c.attending, 2);
	assert_int_equal(c.unmarked, 2);
	member_detail_free(&d);
}

static void test_history_expected_as_the_engine_judges(void **state)
{
	struct world *w = *state;
	struct member_detail d;
	struct member_attendance c;

	/* 赵六 flowed out on 2026-06-01: not expected on the 15th, but marked. */
	detail(w, ZHAO, &d);
	assert_int_equal(d.nsessions, 2);
	assert_int_equal(d.sessions[0].session_id, w->jun15);
	assert_false(d.sessions[0].expected);
	assert_int_equal(d.sessions[0].status, ATTEND_PRESENT);
	assert_int_equal(d.sessions[1].session_id, w->may10);
	assert_true(d.sessions[1].expected);
	member_detail_count(&d, &c);
	assert_int_equal(c.expected, 1);
	assert_int_equal(c.attending, 1);
	member_detail_free(&d);
	/* 王五 holds no role and is in the other group: the assemblies only. */
	detail(w, WANG, &d);
	assert_int_equal(d.nsessions, 2);
	assert_int_equal(d.sessions[0].session_id, w->jun15);
	assert_int_equal(d.sessions[1].session_id, w->may10);
	assert_int_equal(d.sessions[1].status, ATTEND_ABSENT);
	member_detail_free(&d);
	/* 李四 joined on 2026-03-01: the May assembly, excused with a reason. */
	detail(w, LI, &d);
	assert_int_equal(d.nsessions, 2);
	assert_int_equal(d.sessions[1].status, ATTEND_EXCUSED);
	assert_string_equal(d.sessions[1].reason, "出差");
	member_detail_count(&d, &c);
	assert_int_equal(c.expected, 2);
	assert_int_equal(c.excused, 1);
	member_detail_free(&d);
}

static void test_probation_end(void **state)
{
	struct world *w = *state;
	struct member m;

	/* 李四, admitted on 2026-03-01: a year; 张三 was admitted full. */
	assert_int_equal(member_get(w->db, w->m[LI], D("2026-07-15"), &m), OL_OK);
	assert_int_equal(member_probation_end(&m), D("2027-03-01"));
	member_clear(&m);
	assert_int_equal(member_extend_probation(w->db, w->m[LI], D("2027-09-01")), OL_OK);
	assert_int_equal(member_get(w->db, w->m[LI], D("2026-07-15"), &m), OL_OK);
	assert_int_equal(member_probation_end(&m), D("2027-09-01"));
	member_clear(&m);
	assert_int_equal(member_confirm(w->db, w->m[LI], D("2027-09-01")), OL_OK);
	assert_int_equal(member_get(w->db, w->m[LI], D("2027-09-02"), &m), OL_OK);
	assert_int_equal(member_probation_end(&m), -1);
	member_clear(&m);
	assert_int_equal(member_get(w->db, w->m[ZHANG], D("2026-07-15"), &m), OL_OK);
	assert_int_equal(member_probation_end(&m), -1);
	member_clear(&m);
}

static void test_latest_fact(void **state)
{
	struct world *w = *state;
	struct member_detail d;
	const struct member_fact *f;

	detail(w, ZHAO, &d);
	assert_int_equal(d.m.where, MEMBER_FLOWED_OUT);
	f = member_detail_latest(&d);
	assert_non_null(f);
	assert_int_equal(f->kind, EVENT_FLOW_OUT);
	assert_int_equal(f->day, D("2026-06-01"));
	assert_int_equal(f->until, D("2027-06-01"));
	assert_string_equal(f->doc, "L-7");
	member_detail_free(&d);
	detail(w, ZHANG, &d);
	assert_null(member_detail_latest(&d));
	member_detail_free(&d);
}

static void test_dues_by_year(void **state)
{
	struct world *w = *state;
	struct member_detail d;
	struct dues_year y[4];
	int n;

	assert_int_equal(dues_pay(w->db, w->m[LI], 2026, 3, 50, D("2026-03-05")), OL_OK);
	assert_int_equal(dues_pay(w->db, w->m[LI], 2026, 4, -1, D("2026-04-05")), OL_OK);
	assert_int_equal(dues_pay(w->db, w->m[LI], 2026, 7, -1, D("2026-07-05")), OL_OK);
	detail(w, LI, &d);
	/* Paid from March: this year, March to July, May and June owed. */
	n = member_dues_years(&d, y, 4);
	assert_int_equal(n, 1);
	assert_int_equal(y[0].year, 2026);
	assert_int_equal(y[0].from, 2);
	assert_int_equal(y[0].to, 7);
	assert_int_equal(y[0].paid, (1u << 2) | (1u << 3) | (1u << 6));
	member_detail_free(&d);
	/* 张三 (joined in 2010) paid for 2024-11 and 2025-12: the record
	 * begins in November 2024; the years between are owed whole. */
	assert_int_equal(dues_pay(w->db, w->m[ZHANG], 2024, 11, -1, D("2024-11-05")), OL_OK);
	assert_int_equal(dues_pay(w->db, w->m[ZHANG], 2025, 12, -1, D("2026-01-05")), OL_OK);
	detail(w, ZHANG, &d);
	n = member_dues_years(&d, y, 4);
	assert_int_equal(n, 3);
	assert_int_equal(y[0].year, 2026);
	assert_int_equal(y[0].paid, 0);
	assert_int_equal(y[0].from, 0);
	assert_int_equal(y[0].to, 7);
	assert_int_equal(y[1].year, 2025);
	assert_int_equal(y[1].to, 12);
	assert_int_equal(y[1].paid, 1u << 11);
	assert_int_equal(y[2].year, 2024);
	assert_int_equal(y[2].from, 10);
	assert_int_equal(y[2].paid, 1u << 10);
	/* At most as many years as asked for. */
	assert_int_equal(member_dues_years(&d, y, 2), 2);
	member_detail_free(&d);
	/* 王五 has paid nothing: the record begins this month. */
	detail(w, WANG, &d);
	n = member_dues_years(&d, y, 4);
	assert_int_equal(n, 1);
	assert_int_equal(y[0].from, 6);
	assert_int_equal(y[0].to, 7);
	assert_int_equal(y[0].paid, 0);
	member_detail_free(&d);
}

/* ---- forms ------------------------------------------------------------------------ */

/* Typing into the field in focus and erasing it, as the form screen does. */
static void type(struct form *f, const char *s)
{
	strbuf_adds(form_text_in_focus(f), s);
	form_edited(f);
}

static void erase_all(struct form *f)
{
	strbuf_reset(form_text_in_focus(f));
	form_edited(f);
}

/* Backspace on ASCII text. */
static void erase(struct form *f)
{
	struct strbuf *t = form_text_in_focus(f);

	t->s[--t->len] = '\0';
	form_edited(f);
}

static void test_form_choices_narrow(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct form f;

	load(w, &r);
	member_form_add(&f, &r);
	/* The name has the focus; Tab goes to the status. */
	assert_int_equal(f.cur, MF_NAME);
	form_move(&f, +1);
	assert_int_equal(f.cur, MF_STATUS);
	assert_int_equal(form_chosen(&f, MF_STATUS)->value, MEMBER_FULL);
	type(&f, "prob");
	assert_int_equal(form_chosen(&f, MF_STATUS)->value, MEMBER_PROBATIONARY);
	/* The group: none to start with; typing narrows, by characters or pinyin. */
	f.cur = MF_GROUP;
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, 0);
	type(&f, "二");
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group2);
	erase_all(&f);
	type(&f, "dy");
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group1);
	/* Erasing keeps a choice that still matches. */
	erase(&f);
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group1);
	/* Left and Right go round the choices that match: 第一小组, 第二小组. */
	erase_all(&f);
	type(&f, "小组");
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group1);
	form_choice_step(&f, +1);
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group2);
	form_choice_step(&f, +1);
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group1);
	form_choice_step(&f, -1);
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group2);
	/* Nothing matches: no choice. */
	type(&f, "xyz");
	assert_null(form_chosen(&f, MF_GROUP));
	assert_false(form_choice_matches(&f.fields[MF_GROUP], 1));
	form_free(&f);
	members_free(&r);
}

static void test_form_dates(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct form f;
	const char *err = NULL;
	long day = 0;

	load(w, &r);
	member_form_add(&f, &r);
	f.cur = MF_JOINED;
	assert_int_equal(form_date(&f, MF_JOINED, &day, &err), 0);
	assert_int_equal(day, -1); /* empty: unknown */
	type(&f, "next tue");
	assert_int_equal(form_date(&f, MF_JOINED, &day, &err), 0);
	assert_int_equal(day, D("2026-07-21"));
	erase_all(&f);
	type(&f, "下周二");
	assert_int_equal(form_date(&f, MF_JOINED, &day, &err), 0);
	assert_int_equal(day, D("2026-07-21"));
	erase_all(&f);
	type(&f, "下周");
	assert_int_equal(form_date(&f, MF_JOINED, &day, &err), -1);
	assert_non_null(err);
	form_free(&f);
	members_free(&r);
}

static void test_form_readonly_fields_are_skipped(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct member m;
	struct form f;

	load(w, &r);
	/* 李四 was admitted on probation: status and joined are read-only. */
	assert_int_equal(member_get(w->db, w->m[LI], D("2026-07-15"), &m), OL_OK);
	member_form_edit(&f, &r, &m);
	assert_true(f.fields[MF_STATUS].readonly);
	assert_true(f.fields[MF_JOINED].readonly);
	assert_int_equal(f.cur, MF_NAME);
	form_move(&f, +1);
	assert_int_equal(f.cur, MF_GROUP);
	form_move(&f, -1);
	assert_int_equal(f.cur, MF_NAME);
	form_move(&f, -1);
	assert_int_equal(f.cur, MF_PHONE); /* round */
	form_free(&f);
	member_clear(&m);
	/* 张三 was admitted full: the day joined can be changed. */
	assert_int_equal(member_get(w->db, w->m[ZHANG], D("2026-07-15"), &m), OL_OK);
	member_form_edit(&f, &r, &m);
	assert_true(f.fields[MF_STATUS].readonly);
	assert_false(f.fields[MF_JOINED].readonly);
	assert_string_equal(form_text(&f, MF_JOINED), "2010-01-01");
	assert_int_equal(form_chosen(&f, MF_GROUP)->value, w->group1);
	form_free(&f);
	member_clear(&m);
	members_free(&r);
}

static int find_member(const struct member *m, void *ctx)
{
	struct member *out = ctx;

	if (strcmp(m->name, "孙七") != 0)
		return 0;
	out->id = m->id;
	out->status = m->status;
	out->joined = m->joined;
	out->group_id = m->group_id;
	out->cadre = m->cadre;
	out->phone = xstrdup(m->phone);
	return 1;
}

static void test_member_form_adds_through_the_model(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct form f;
	struct member_new mn;
	struct member got = { 0 };
	struct strbuf err = { 0 };
	long long id;

	load(w, &r);
	member_form_add(&f, &r);
	type(&f, "孙七");
	form_move(&f, +1);
	type(&f, "yb"); /* no match in English: the code or the label */
	assert_null(form_chosen(&f, MF_STATUS));
	assert_int_equal(member_form_new(&f, w->branch, &mn, &err), -1);
	assert_string_equal(strbuf_str(&err), "Status 'yb': no choice matches it: erase some of what was typed");
	erase_all(&f);
	type(&f, "probationary");
	form_move(&f, +1);
	type(&f, "2026-02-30");
	strbuf_reset(&err);
	assert_int_equal(member_form_new(&f, w->branch, &mn, &err), -1);
	assert_non_null(strstr(strbuf_str(&err), "Joined '2026-02-30': "));
	erase_all(&f);
	type(&f, "2026-03-01");
	form_move(&f, +1);
	type(&f, "第二");
	form_move(&f, +1);
	type(&f, "y");
	form_move(&f, +1);
	type(&f, "13800000000");
	assert_true(form_changed(&f));
	assert_int_equal(member_form_new(&f, w->branch, &mn, &err), 0);
	assert_int_equal(member_add(w->db, &mn, &id), OL_OK);
	assert_int_equal(member_list(w->db, w->branch, D("2026-07-15"), find_member, &got), 1);
	assert_int_equal(got.id, id);
	assert_int_equal(got.status, MEMBER_PROBATIONARY);
	assert_int_equal(got.joined, D("2026-03-01"));
	assert_int_equal(got.group_id, w->group2);
	assert_int_equal(got.cadre, 1);
	assert_string_equal(got.phone, "13800000000");
	free(got.phone);
	strbuf_free(&err);
	form_free(&f);
	members_free(&r);
}

static void test_member_form_edits_what_changed(void **state)
{
	struct world *w = *state;
	struct members_roster r;
	struct member m, after;
	struct member_changes c;
	struct form f;
	struct strbuf err = { 0 };

	load(w, &r);
	assert_int_equal(member_get(w->db, w->m[ZHANG], D("2026-07-15"), &m), OL_OK);
	member_form_edit(&f, &r, &m);
	assert_false(form_changed(&f));
	assert_int_equal(member_form_changes(&f, &m, &c, &err), 0);
	/* A phone number, and out of the group. */
	f.cur = MF_PHONE;
	type(&f, "139");
	f.cur = MF_GROUP;
	type(&f, "无"); /* the English "none" does not hold 无 */
	assert_null(form_chosen(&f, MF_GROUP));
	erase_all(&f);
	type(&f, "none");
	assert_true(form_changed(&f));
	assert_int_equal(member_form_changes(&f, &m, &c, &err), 1);
	assert_null(c.name);
	assert_int_equal(c.cadre, -1);
	assert_false(c.set_joined);
	assert_true(c.set_group);
	assert_int_equal(c.group_id, 0);
	assert_string_equal(c.phone, "139");
	assert_int_equal(member_edit(w->db, m.id, &c), OL_OK);
	assert_int_equal(member_get(w->db, m.id, D("2026-07-15"), &after), OL_OK);
	assert_int_equal(after.group_id, 0);
	assert_string_equal(after.phone, "139");
	member_clear(&after);
	strbuf_free(&err);
	form_free(&f);
	member_clear(&m);
	members_free(&r);
}

/* ---- a member's changes ----------------------------------------------------------- */

static enum member_change change_of(struct world *w, int who, enum member_change_key key, int *ok,
				    struct strbuf *why)
{
	struct member m;
	enum member_change c = CHANGE_COUNT;

	assert_int_equal(member_get(w->db, w->m[who], D("2026-07-15"), &m), OL_OK);
	*ok = member_change_for(&m, key, &c, why) == 0;
	member_clear(&m);
	return c;
}

static void test_changes_that_apply(void **state)
{
	struct world *w = *state;
	struct strbuf why = { 0 };
	int ok;

	assert_int_equal(change_of(w, LI, CHANGE_KEY_CONFIRM, &ok, &why), CHANGE_CONFIRM);
	assert_true(ok);
	change_of(w, ZHANG, CHANGE_KEY_CONFIRM, &ok, &why);
	assert_false(ok);
	assert_string_equal(strbuf_str(&why), "张三 was admitted as a full member: there is nothing to confirm");
	assert_int_equal(change_of(w, ZHANG, CHANGE_KEY_FLOW, &ok, &why), CHANGE_FLOW_OUT);
	assert_int_equal(change_of(w, ZHANG, CHANGE_KEY_LOST, &ok, &why), CHANGE_LOST);
	assert_int_equal(change_of(w, ZHANG, CHANGE_KEY_TRANSFER, &ok, &why), CHANGE_TRANSFER_OUT);
	/* Flowed out: F brings them back, L records lost contact. */
	assert_int_equal(change_of(w, ZHAO, CHANGE_KEY_FLOW, &ok, &why), CHANGE_BACK);
	assert_int_equal(change_of(w, ZHAO, CHANGE_KEY_LOST, &ok, &why), CHANGE_LOST);
	assert_int_equal(change_of(w, ZHAO, CHANGE_KEY_TRANSFER, &ok, &why), CHANGE_TRANSFER_OUT);
	/* Transferred out: only a transfer in applies. */
	assert_int_equal(member_event_add(w->db, w->m[WANG], EVENT_TRANSFER_OUT, D("2026-07-01"), -1, NULL), OL_OK);
	assert_int_equal(change_of(w, WANG, CHANGE_KEY_TRANSFER, &ok, &why), CHANGE_TRANSFER_IN);
	strbuf_reset(&why);
	change_of(w, WANG, CHANGE_KEY_FLOW, &ok, &why);
	assert_false(ok);
	assert_string_equal(strbuf_str(&why), "王五 is transferred out: that does not apply");
	change_of(w, WANG, CHANGE_KEY_LOST, &ok, &why);
	assert_false(ok);
	strbuf_free(&why);
}

static void test_change_forms_and_writes(void **state)
{
	struct world *w = *state;
	struct form f;
	struct strbuf err = { 0 }, q = { 0 };
	struct member m;
	const char *doc;
	long day, until;

	member_change_form(&f, CHANGE_FLOW_OUT, D("2026-07-15"));
	assert_int_equal(f.n, 3);
	assert_string_equal(form_text(&f, 0), "2026-07-15");
	f.cur = 1;
	type(&f, "H-1");
	assert_int_equal(member_change_read(&f, CHANGE_FLOW_OUT, &day, &until, &doc, &err), -1);
	assert_string_equal(strbuf_str(&err),
			    "the certificate's number and its validity go together: give both or neither");
	f.cur = 2;
	type(&f, "2027-07-14");
	strbuf_reset(&err);
	assert_int_equal(member_change_read(&f, CHANGE_FLOW_OUT, &day, &until, &doc, &err), 0);
	assert_int_equal(day, D("2026-07-15"));
	assert_int_equal(until, D("2027-07-14"));
	assert_string_equal(doc, "H-1");
	member_change_question(CHANGE_FLOW_OUT, "张三", day, &q);
	assert_string_equal(strbuf_str(&q), "Record that 张三 flowed out on Wed 15 Jul 2026?");
	assert_int_equal(member_change_record(w->db, w->m[ZHANG], CHANGE_FLOW_OUT, day, until, doc), OL_OK);
	assert_int_equal(member_get(w->db, w->m[ZHANG], D("2026-07-15"), &m), OL_OK);
	assert_int_equal(m.where, MEMBER_FLOWED_OUT);
	member_clear(&m);
	form_free(&f);
	/* An empty day is refused; 转正 before probation ends is the model's to refuse. */
	member_change_form(&f, CHANGE_CONFIRM, D("2026-07-15"));
	assert_int_equal(f.n, 1);
	erase_all(&f);
	strbuf_reset(&err);
	assert_int_equal(member_change_read(&f, CHANGE_CONFIRM, &day, &until, &doc, &err), -1);
	assert_string_equal(strbuf_str(&err), "On '': give the day it happened");
	type(&f, "today");
	assert_int_equal(member_change_read(&f, CHANGE_CONFIRM, &day, &until, &doc, &err), 0);
	assert_int_equal(member_change_record(w->db, w->m[LI], CHANGE_CONFIRM, day, until, doc), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "probation ends on 2027-03-01"));
	assert_int_equal(member_change_record(w->db, w->m[LI], CHANGE_CONFIRM, D("2027-03-01"), -1, NULL), OL_OK);
	form_free(&f);
	strbuf_free(&err);
	strbuf_free(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_branch_for_what_was_chosen, setup, teardown),
		cmocka_unit_test(test_branch_for_an_empty_database),
		cmocka_unit_test_setup_teardown(test_roster_rows_in_pinyin_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roster_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roster_counts_and_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roster_layout_fits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roster_layout_measures_names_made_harmless, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_most_recent_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_expected_as_the_engine_judges, setup, teardown),
		cmocka_unit_test_setup_teardown(test_probation_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_latest_fact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dues_by_year, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_choices_narrow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_form_readonly_fields_are_skipped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_member_form_adds_through_the_model, setup, teardown),
		cmocka_unit_test_setup_teardown(test_member_form_edits_what_changed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_that_apply, setup, teardown),
		cmocka_unit_test_setup_teardown(test_change_forms_and_writes, setup, teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
