/* test-agenda.c - cmocka tests of the Agenda's logic (agenda.h) and of the
 * model it writes through (session_add_all, session_edit), without a
 * terminal: the days of each view and the rows under them; the usual
 * weekday and time learned from past sessions; picking a day that is a
 * working day (never a statutory holiday; a weekend day worked counts) on
 * which the branch does not meet yet; what the engine says is still to
 * plan; proposals that fill it; and the days of a monthly or quarterly
 * series.
 *
 * The world, in an in-memory database with the clock at Monday 2026-09-21:
 *   党委 (committee) > 第一支部 (branch, four members) > 第一小组 (group)
 * 第一支部 met on Fridays at 09:00 in the second quarter, held its
 * assembly of the third on Friday 10 July, and plans its theme party day
 * of September on Tuesday the 29th.  Friday 25 September is 中秋节. */
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

#include <orglife/agenda.h>
#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/holidays.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/rules.h>
#include <orglife/session.h>

struct world {
	struct db *db;
	long long committee, branch, group, theme, member;
	struct rules_config cfg;
	long today;
};

static long long add(struct world *w, long long org, enum session_kind kind, const char *day, int minute)
{
	struct session s = { .org_id = org, .kind = kind, .also = SK_NONE, .day = D(day), .minute = minute };
	long long id;

	assert_int_equal(session_add(w->db, &s, &id), OL_OK);
	return id;
}

static int setup(void **state)
{
	static const char *const fridays[] = { "2026-04-10", "2026-04-17", "2026-05-15", "2026-06-12" };
	struct world *w = calloc(1, sizeof *w);
	char name[16];
	long long id;

	w->today = D("2026-09-21");
	date_clock_pin(w->today, -1);
	rules_defaults(&w->cfg);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, NULL), OL_OK);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &w->committee), OL_OK);
	assert_int_equal(org_add(w->db, "第一支部", ORG_BRANCH, w->committee, 0, &w->branch), OL_OK);
	assert_int_equal(org_add(w->db, "第一小组", ORG_GROUP, w->branch, 0, &w->group), OL_OK);
	for (int i = 0; i < 4; i++) {
		struct member_new m = { .name = name, .org_id = w->branch, .status = MEMBER_FULL,
					.joined = D("2010-01-01"), .group_id = w->group, .born = -1 };
		snprintf(name, sizeof name, "党员%d", i);
		assert_int_equal(member_add(w->db, &m, &w->member), OL_OK);
	}
	for (size_t i = 0; i < sizeof fridays / sizeof fridays[0]; i++) {
		id = add(w, w->branch, SK_THEME_DAY, fridays[i], 9 * 60);
		assert_int_equal(session_mark_held(w->db, id, w->today), OL_OK);
	}
	id = add(w, w->branch, SK_ASSEMBLY, "2026-07-10", 9 * 60);
	assert_int_equal(session_mark_held(w->db, id, w->today), OL_OK);
	w->theme = add(w, w->branch, SK_THEME_DAY, "2026-09-29", 9 * 60);
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

/* ---- views ---------------------------------------------------------------------- */

static void test_ranges(void **state)
{
	long first, last;

	(void)state;
	agenda_range(AGENDA_DAY, D("2026-09-23"), &first, &last);
	assert_int_equal(first, D("2026-09-23"));
	assert_int_equal(last, D("2026-09-23"));
	agenda_range(AGENDA_WEEK, D("2026-09-23"), &first, &last); /* a Wednesday */
	assert_int_equal(first, D("2026-09-21"));
	assert_int_equal(last, D("2026-09-27"));
	agenda_range(AGENDA_WEEK, D("2026-09-27"), &first, &last); /* a Sunday */
	assert_int_equal(first, D("2026-09-21"));
	agenda_range(AGENDA_MONTH, D("2026-02-10"), &first, &last);
	assert_int_equal(first, D("2026-02-01"));
	assert_int_equal(last, D("2026-02-28"));
	agenda_range(AGENDA_LIST, D("2026-08-10"), &first, &last);
	assert_int_equal(first, D("2026-07-01"));
	assert_int_equal(last, D("2026-09-30"));
	assert_int_equal(agenda_step(AGENDA_DAY, D("2026-09-30"), 1), D("2026-10-01"));
	assert_int_equal(agenda_step(AGENDA_WEEK, D("2026-09-30"), -1), D("2026-09-23"));
	assert_int_equal(agenda_step(AGENDA_MONTH, D("2026-01-31"), 1), D("2026-02-28"));
	assert_int_equal(agenda_step(AGENDA_LIST, D("2026-08-10"), 1), D("2026-11-10"));
}

static int count_rows(const struct agenda *a, enum agenda_row_kind k)
{
	int n = 0;

	for (int i = 0; i < a->nrows; i++)
		n += a->rows[i].kind == k;
	return n;
}

static void test_rows(void **state)
{
	struct world *w = *state;
	struct agenda a = { .today = w->today, .org_id = w->branch, .view = AGENDA_WEEK, .day = D("2026-09-30") };
	int r;

	add(w, w->group, SK_GROUP, "2026-09-29", 14 * 60);
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	/* A week: its seven days, two sessions on the Tuesday. */
	assert_int_equal(a.first, D("2026-09-28"));
	assert_int_equal(count_rows(&a, AGENDA_ROW_DAY), 7);
	assert_int_equal(count_rows(&a, AGENDA_ROW_SESSION), 2);
	r = agenda_row_of_day(&a, D("2026-09-29"));
	assert_int_equal(a.rows[r].kind, AGENDA_ROW_DAY);
	assert_int_equal(a.rows[r].day, D("2026-09-29"));
	assert_int_equal(a.rows[r + 1].kind, AGENDA_ROW_SESSION);
	assert_int_equal(a.sessions[a.rows[r + 1].index].id, w->theme); /* by time: 09:00 first */
	/* A month: only the days with sessions. */
	a.view = AGENDA_MONTH;
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	assert_int_equal(count_rows(&a, AGENDA_ROW_DAY), 1);
	/* The list (the quarter): no day headings. */
	a.view = AGENDA_LIST;
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	assert_int_equal(count_rows(&a, AGENDA_ROW_DAY), 0);
	assert_int_equal(count_rows(&a, AGENDA_ROW_SESSION), 3);
	/* A day with nothing says so. */
	a.view = AGENDA_DAY;
	a.day = D("2026-09-30");
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	assert_int_equal(count_rows(&a, AGENDA_ROW_SESSION), 0);
	assert_int_equal(count_rows(&a, AGENDA_ROW_NONE), 2); /* nothing to plan loaded, nothing that day */
	r = agenda_row_of_day(&a, D("2026-09-30"));
	assert_int_equal(a.rows[r].kind, AGENDA_ROW_DAY);
	/* The list has no day to go to: the last session before. */
	a.view = AGENDA_LIST;
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	r = agenda_row_of_day(&a, D("2026-09-30"));
	assert_int_equal(a.rows[r].kind, AGENDA_ROW_SESSION);
	assert_int_equal(a.rows[r].day, D("2026-09-29"));
	agenda_free(&a);
}

/* ---- learning, picking ---------------------------------------------------------------- */

static void test_learn(void **state)
{
	long days[] = { D("2026-06-05"), D("2026-06-12"), D("2026-06-16"), D("2026-06-19"), D("2026-06-23") };
	int minutes[] = { 9 * 60, 15 * 60, 14 * 60, 15 * 60, -1 };
	struct agenda_habit h = { 0, 0 };

	(void)state;
	assert_int_equal(agenda_learn(days, minutes, 0, &h), -1);
	assert_int_equal(h.wday, 0);
	assert_int_equal(agenda_learn(days, minutes, 5, &h), 0);
	assert_int_equal(h.wday, 5); /* three Fridays, two Tuesdays */
	assert_int_equal(h.minute, 15 * 60);
	/* A tie: the earlier weekday, and the earlier time. */
	assert_int_equal(agenda_learn(days + 1, minutes + 1, 2, &h), 0);
	assert_int_equal(h.wday, 2);
	assert_int_equal(h.minute, 14 * 60);
	/* No time known. */
	assert_int_equal(agenda_learn(days + 4, minutes + 4, 1, &h), 0);
	assert_int_equal(h.wday, 2);
	assert_int_equal(h.minute, -1);
}

static void test_pick(void **state)
{
	struct agenda_busy b = { 0 };

	(void)state;
	/* The Friday is 中秋节: the first working day of the week instead. */
	assert_int_equal(agenda_pick(&b, 1, 5, D("2026-09-22"), D("2026-09-27")), D("2026-09-22"));
	/* A Friday that is free. */
	assert_int_equal(agenda_pick(&b, 1, 5, D("2026-09-22"), D("2026-10-31")), D("2026-10-09"));
	/* The branch meets on the 22nd already; another branch does not count. */
	agenda_busy_add(&b, 1, D("2026-09-22"));
	agenda_busy_add(&b, 1, D("2026-09-22"));
	assert_int_equal(b.n, 1);
	assert_true(agenda_busy_has(&b, 1, D("2026-09-22")));
	assert_false(agenda_busy_has(&b, 2, D("2026-09-22")));
	assert_int_equal(agenda_pick(&b, 1, 5, D("2026-09-22"), D("2026-09-27")), D("2026-09-23"));
	assert_int_equal(agenda_pick(&b, 2, 5, D("2026-09-22"), D("2026-09-27")), D("2026-09-22"));
	/* 调休: the Sunday worked before National Day is a working day, the
	 * Saturday after it too; the holiday week is not. */
	assert_int_equal(agenda_pick(&b, 1, 7, D("2026-09-19"), D("2026-09-20")), D("2026-09-20"));
	assert_int_equal(agenda_pick(&b, 1, 6, D("2026-10-01"), D("2026-10-10")), D("2026-10-10"));
	assert_int_equal(agenda_pick(&b, 1, 4, D("2026-10-01"), D("2026-10-07")), -1);
	agenda_busy_free(&b);
}

/* ---- the engine, proposals ----------------------------------------------------------------- */

/* The index of org's need of kind k, or -1. */
static int need_of(const struct agenda_needs *n, long long org, enum session_kind k)
{
	for (int i = 0; i < n->n; i++)
		if (n->v[i].org_id == org && n->v[i].kind == k)
			return i;
	return -1;
}

static void test_needs(void **state)
{
	struct world *w = *state;
	struct agenda_needs n;
	const struct agenda_need *x;
	int i;

	assert_int_equal(agenda_needs_load(w->db, &w->cfg, w->today, 0, &n), OL_OK);
	/* The assembly was held, the theme day of September is planned; July's
	 * and August's theme days are past planning. */
	assert_int_equal(need_of(&n, w->branch, SK_ASSEMBLY), -1);
	assert_int_equal(need_of(&n, w->branch, SK_THEME_DAY), -1);
	assert_true((i = need_of(&n, w->branch, SK_LESSON)) >= 0);
	x = &n.v[i];
	assert_int_equal(x->rule, R_LESSON);
	assert_int_equal(x->missing, 1);
	assert_int_equal(x->period.kind, PERIOD_QUARTER);
	assert_string_equal(x->org, "第一支部");
	assert_true((i = need_of(&n, w->group, SK_GROUP)) >= 0);
	x = &n.v[i];
	assert_int_equal(x->period.kind, PERIOD_MONTH);
	assert_int_equal(x->period.first, D("2026-09-01"));
	/* No committee (fewer than three role holders): no committee meeting. */
	assert_int_equal(need_of(&n, w->branch, SK_COMMITTEE), -1);
	assert_int_equal(n.n, 2);
	for (i = 0; i < n.n; i++)
		assert_true(n.v[i].period.last >= w->today);
	agenda_needs_free(&n);
	/* Scoped to the group: its own. */
	assert_int_equal(agenda_needs_load(w->db, &w->cfg, w->today, w->group, &n), OL_OK);
	assert_int_equal(n.n, 1);
	assert_int_equal(n.v[0].org_id, w->group);
	agenda_needs_free(&n);
	/* A local minimum of two lessons: two to plan. */
	for (int k = 0; k < RULE_MAX_PARAMS; k++)
		if (w->cfg.rules[R_LESSON].params[k].key && !strcmp(w->cfg.rules[R_LESSON].params[k].key, "min"))
			w->cfg.rules[R_LESSON].params[k].value = 2;
	add(w, w->branch, SK_LESSON, "2026-09-24", -1);
	assert_int_equal(agenda_needs_load(w->db, &w->cfg, w->today, w->branch, &n), OL_OK);
	assert_true((i = need_of(&n, w->branch, SK_LESSON)) >= 0);
	assert_int_equal(n.v[i].missing, 1); /* two, less the one planned */
	agenda_needs_free(&n);
}

static void test_propose(void **state)
{
	struct world *w = *state;
	struct agenda_needs n;
	struct agenda_proposals p;
	struct session s[8];
	long long ids[8];
	int lesson = -1, group = -1;

	assert_int_equal(agenda_needs_load(w->db, &w->cfg, w->today, 0, &n), OL_OK);
	assert_int_equal(agenda_propose(w->db, &n, w->today, &p), OL_OK);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.nunplaced, 0);
	for (int i = 0; i < p.n; i++) {
		if (p.v[i].kind == SK_LESSON)
			lesson = i;
		if (p.v[i].kind == SK_GROUP)
			group = i;
		/* After today, inside the period, a working day, at the usual time. */
		assert_true(p.v[i].day > w->today);
		assert_true(p.v[i].day <= D("2026-09-30"));
		assert_true(holiday_is_workday(p.v[i].day));
		assert_int_equal(p.v[i].minute, 9 * 60);
	}
	assert_true(lesson >= 0 && group >= 0);
	assert_int_equal(p.v[lesson].org_id, w->branch);
	assert_int_equal(p.v[group].org_id, w->group);
	/* Fridays, but the only Friday left is 中秋节: the first free working
	 * days, one each, for the branch and its group meet on different days;
	 * the 29th has the theme day. */
	assert_int_equal(p.v[lesson].day, D("2026-09-22"));
	assert_int_equal(p.v[group].day, D("2026-09-23"));
	/* Accepted all at once. */
	for (int i = 0; i < p.n; i++)
		agenda_proposal_session(&p.v[i], &s[i]);
	assert_int_equal(session_add_all(w->db, s, p.n, ids), OL_OK);
	agenda_proposals_free(&p);
	agenda_needs_free(&n);
	/* Nothing is left to plan. */
	assert_int_equal(agenda_needs_load(w->db, &w->cfg, w->today, 0, &n), OL_OK);
	assert_int_equal(n.n, 0);
	agenda_needs_free(&n);
}

/* A week with no working day left: the need stays unplaced. */
static void test_propose_no_day_left(void **state)
{
	struct world *w = *state;
	struct agenda_need need = { .org_id = w->branch, .org = (char *)"第一支部", .rule = R_THEME_DAY_M,
				    .kind = SK_THEME_DAY, .missing = 2 };
	struct agenda_needs n = { .v = &need, .n = 1 };
	struct agenda_proposals p;

	period_of(PERIOD_MONTH, D("2026-09-01"), &need.period);
	need.period.first = D("2026-09-25"); /* only the holiday and the weekend */
	need.period.last = D("2026-09-27");
	assert_int_equal(agenda_propose(w->db, &n, w->today, &p), OL_OK);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.nunplaced, 2);
	agenda_proposals_free(&p);
}

/* No past sessions: the default weekday and time. */
static void test_propose_default(void **state)
{
	struct world *w = *state;
	struct agenda_need need = { .rule = R_LESSON, .kind = SK_LESSON, .missing = 1, .org = (char *)"新支部" };
	struct agenda_needs n = { .v = &need, .n = 1 };
	struct agenda_proposals p;
	long long id;

	assert_int_equal(org_add(w->db, "新支部", ORG_BRANCH, w->committee, 0, &id), OL_OK);
	need.org_id = id;
	period_of(PERIOD_QUARTER, w->today, &need.period);
	assert_int_equal(agenda_propose(w->db, &n, w->today, &p), OL_OK);
	assert_int_equal(p.n, 1);
	assert_int_equal(date_weekday(p.v[0].day), AGENDA_DEFAULT_WDAY);
	assert_int_equal(p.v[0].day, D("2026-09-22"));
	assert_int_equal(p.v[0].minute, AGENDA_DEFAULT_MINUTE);
	agenda_proposals_drop(&p, 0);
	assert_int_equal(p.n, 0);
	agenda_proposals_free(&p);
}

/* ---- series ---------------------------------------------------------------------------- */

static void test_series(void **state)
{
	long out[16], moved[16];
	int n;

	(void)state;
	/* The second Tuesday of each month, to the end of the year. */
	n = agenda_series(D("2026-07-14"), AGENDA_MONTHLY, 0, D("2026-12-31"), out, moved, 16);
	assert_int_equal(n, 6);
	assert_int_equal(out[1], D("2026-08-11"));
	assert_int_equal(out[2], D("2026-09-08"));
	assert_int_equal(out[3], D("2026-10-13"));
	assert_int_equal(out[5], D("2026-12-08"));
	for (int i = 0; i < n; i++) {
		assert_int_equal(date_weekday(out[i]), 2);
		assert_int_equal(moved[i], -1);
	}
	/* The first Monday: in October it is the 5th, National Day week. */
	n = agenda_series(D("2026-09-07"), AGENDA_MONTHLY, 3, -1, out, moved, 16);
	assert_int_equal(n, 3);
	assert_int_equal(out[1], D("2026-10-08"));
	assert_int_equal(moved[1], D("2026-10-05"));
	assert_int_equal(out[2], D("2026-11-02"));
	/* Quarterly, the last Wednesday (the fifth of its month). */
	n = agenda_series(D("2026-07-29"), AGENDA_QUARTERLY, 4, -1, out, NULL, 16);
	assert_int_equal(n, 4);
	assert_int_equal(out[1], D("2026-10-28"));
	assert_int_equal(out[2], D("2027-01-27"));
	assert_int_equal(out[3], D("2027-04-28"));
	/* max bounds it. */
	assert_int_equal(agenda_series(D("2026-07-14"), AGENDA_MONTHLY, 0, -1, out, NULL, 5), 5);
}

/* ---- the model ------------------------------------------------------------------------- */

static void test_add_all_is_all_or_nothing(void **state)
{
	struct world *w = *state;
	struct session s[2] = {
		{ .org_id = w->branch, .kind = SK_LESSON, .also = SK_NONE, .day = D("2026-10-13"), .minute = -1 },
		/* A group meeting of a branch: refused. */
		{ .org_id = w->branch, .kind = SK_GROUP, .also = SK_NONE, .day = D("2026-11-10"), .minute = -1 },
	};
	struct agenda a = { .today = w->today, .org_id = w->branch, .view = AGENDA_LIST, .day = D("2026-10-13") };
	long long ids[2];

	assert_int_equal(session_add_all(w->db, s, 2, ids), OL_EINVAL);
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	assert_int_equal(a.nsessions, 0);
	s[1].kind = SK_COMMITTEE;
	assert_int_equal(session_add_all(w->db, s, 2, ids), OL_OK);
	assert_int_equal(agenda_load(w->db, &a), OL_OK);
	assert_int_equal(a.nsessions, 2);
	agenda_free(&a);
}

static void test_edit(void **state)
{
	struct world *w = *state;
	struct session s = { .org_id = w->branch, .kind = SK_LESSON, .day = D("2026-10-09"), .minute = 15 * 60,
			     .topic = (char *)"学习党章", .place = (char *)"会议室" };
	struct session got;
	long long held;

	assert_int_equal(session_edit(w->db, w->theme, &s), OL_OK);
	assert_int_equal(session_get(w->db, w->theme, &got), OL_OK);
	assert_int_equal(got.kind, SK_LESSON);
	assert_int_equal(got.day, D("2026-10-09"));
	assert_int_equal(got.minute, 15 * 60);
	assert_int_equal(got.moved_from, D("2026-09-29"));
	assert_string_equal(got.topic, "学习党章");
	assert_string_equal(got.place, "会议室");
	session_clear(&got);
	/* A party group cannot hold a lesson's kind it does not hold. */
	s.org_id = w->group;
	s.kind = SK_ASSEMBLY;
	assert_int_equal(session_edit(w->db, w->theme, &s), OL_EINVAL);
	/* Once it has a roll-call, a session keeps its organization. */
	s.org_id = w->committee;
	s.kind = SK_LESSON;
	assert_int_equal(session_edit(w->db, w->theme, &s), OL_OK);
	assert_int_equal(attend_set(w->db, w->theme, w->member, ATTEND_PRESENT, NULL), OL_OK);
	s.org_id = w->branch;
	assert_int_equal(session_edit(w->db, w->theme, &s), OL_ESTATE);
	s.org_id = w->committee;
	s.topic = (char *)"学习党章（二）";
	assert_int_equal(session_edit(w->db, w->theme, &s), OL_OK);
	/* Only a planned session changes. */
	held = add(w, w->branch, SK_ASSEMBLY, "2026-09-18", -1);
	assert_int_equal(session_mark_held(w->db, held, w->today), OL_OK);
	s.org_id = w->branch;
	assert_int_equal(session_edit(w->db, held, &s), OL_ESTATE); /* held */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges),
		cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
		cmocka_unit_test(test_learn),
		cmocka_unit_test(test_pick),
		cmocka_unit_test_setup_teardown(test_needs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_propose, setup, teardown),
		cmocka_unit_test_setup_teardown(test_propose_no_day_left, setup, teardown),
		cmocka_unit_test_setup_teardown(test_propose_default, setup, teardown),
		cmocka_unit_test(test_series),
		cmocka_unit_test_setup_teardown(test_add_all_is_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_edit, setup, teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
