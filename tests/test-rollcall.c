/* test-rollcall.c - cmocka tests of the roll-call sheet's logic
 * (rollcall.h), without a terminal: which rows the sheet shows and under
 * which headings, where the cursor goes next, finding a name, the counters
 * (应到 / 实到 / 请假 / 缺席), the quorum of an assembly, an election and a
 * committee meeting (R-QUORUM-ASSEMBLY, R-QUORUM-ELECTION,
 * R-QUORUM-COMMITTEE), and that a mark is in the store when rollcall_mark
 * returns.
 *
 * Every test gets a fresh in-memory database, the clock at 2026-07-15:
 *   党委 (committee) > 第一支部 (branch) > 第一小组 (group)
 *   members of 第一支部: Anna (full, secretary), Bo (probationary),
 *   Chen (full, organizer), Dai (full, flowed out on 2026-06-01),
 *   Eve (full, committee member, in 第一小组), Fan (full, in 第一小组),
 *   Gu (full, joins on 2026-08-01: not yet a member on the 15th of July).
 * Sessions on 2026-07-15: an assembly, a committee meeting, a group
 * meeting, and an assembly at which an election was held. */
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
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/rollcall.h>
#include <orglife/rules.h>
#include <orglife/session.h>

enum { ANNA, BO, CHEN, DAI, EVE, FAN, GU, NPEOPLE };

struct world {
	struct db *db;
	struct rules_config cfg;
	long long branch, group;
	long long m[NPEOPLE];
	long long assembly, committee, group_meeting, election;
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

static long long add_session(struct world *w, long long org, enum session_kind kind)
{
	struct session s = { .org_id = org, .kind = kind, .also = SK_NONE, .day = D("2026-07-15"), .minute = 840 };
	long long id = 0;

	if (session_add(w->db, &s, &id) != OL_OK)
		fail_msg("session_add: %s", db_errmsg(w->db));
	return id;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	long long committee, election;

	date_clock_pin(D("2026-07-15"), -1);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, NULL), OL_OK);
	rules_defaults(&w->cfg);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &committee), OL_OK);
	assert_int_equal(org_add(w->db, "第一支部", ORG_BRANCH, committee, 0, &w->branch), OL_OK);
	assert_int_equal(org_add(w->db, "第一小组", ORG_GROUP, w->branch, 0, &w->group), OL_OK);
	w->m[ANNA] = add_member(w, "Anna", MEMBER_FULL, "2010-01-01", 0);
	w->m[BO] = add_member(w, "Bo", MEMBER_PROBATIONARY, "2026-03-01", 0);
	w->m[CHEN] = add_member(w, "Chen", MEMBER_FULL, "2012-01-01", 0);
	w->m[DAI] = add_member(w, "Dai", MEMBER_FULL, "2013-01-01", 0);
	w->m[EVE] = add_member(w, "Eve", MEMBER_FULL, "2014-01-01", w->group);
	w->m[FAN] = add_member(w, "Fan", MEMBER_FULL, "2015-01-01", w->group);
	w->m[GU] = add_member(w, "Gu", MEMBER_FULL, "2026-08-01", 0);
	assert_int_equal(role_set(w->db, w->m[ANNA], ROLE_SECRETARY, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(role_set(w->db, w->m[CHEN], ROLE_ORGANIZER, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(role_set(w->db, w->m[EVE], ROLE_COMMITTEE_MEMBER, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(member_event_add(w->db, w->m[DAI], EVENT_FLOW_OUT, D("2026-06-01"), D("2027-06-01"), "证1"),
			 OL_OK);
	w->assembly = add_session(w, w->branch, SK_ASSEMBLY);
	w->committee = add_session(w, w->branch, SK_COMMITTEE);
	w->group_meeting = add_session(w, w->group, SK_GROUP);
	w->election = add_session(w, w->branch, SK_ASSEMBLY);
	assert_int_equal(election_add(w->db, w->branch, D("2026-07-15"), 3, w->election, &election), OL_OK);
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

static void load(struct world *w, long long session, struct rollcall *rc)
{
	if (rollcall_load(w->db, session, &w->cfg, rc) != OL_OK)
		fail_msg("rollcall_load: %s", db_errmsg(w->db));
}

/* The line of a member on the sheet, or -1. */
static int line_of(const struct rollcall *rc, long long member)
{
	for (int i = 0; i < rc->nlines; i++) {
		struct rollcall_person *p = rollcall_person_at(rc, i);
		if (p && p->member_id == member)
			return i;
	}
	return -1;
}

static void mark(struct world *w, struct rollcall *rc, int who, enum attend_status st, const char *reason)
{
	if (rollcall_mark(w->db, rc, line_of(rc, w->m[who]), st, reason) != OL_OK)
		fail_msg("rollcall_mark: %s", db_errmsg(w->db));
}

/* ---- which rows ----------------------------------------------------------------- */

static void test_assembly_sheet_rows(void **state)
{
	struct world *w = *state;
	struct rollcall rc;
	static const int expected[] = { ANNA, BO, CHEN, EVE, FAN };

	load(w, w->assembly, &rc);
	/* Five expected (no heading), then a heading and Dai, who is away. */
	assert_int_equal(rc.npeople, 6);
	assert_int_equal(rc.nlines, 7);
	for (int i = 0; i < 5; i++) {
		struct rollcall_person *p = rollcall_person_at(&rc, i);
		assert_non_null(p);
		assert_int_equal(p->member_id, w->m[expected[i]]);
		assert_int_equal(p->kind, ATTENDEE_EXPECTED);
		assert_int_equal(p->status, ATTEND_NONE);
	}
	assert_int_equal(rc.lines[5].kind, ROLLCALL_HEADING);
	assert_int_equal(rc.lines[5].group, ATTENDEE_AWAY);
	assert_null(rollcall_person_at(&rc, 5));
	assert_int_equal(rollcall_person_at(&rc, 6)->member_id, w->m[DAI]);
	assert_int_equal(rollcall_person_at(&rc, 6)->kind, ATTENDEE_AWAY);
	assert_int_equal(line_of(&rc, w->m[GU]), -1); /* not yet a member */
	/* Voting: full members who are here; Bo is probationary. */
	assert_true(rollcall_person_at(&rc, 0)->votes);
	assert_false(rollcall_person_at(&rc, 1)->votes);
	assert_false(rollcall_person_at(&rc, 6)->votes);
	rollcall_free(&rc);
}

static void test_committee_and_group_sheets(void **state)
{
	struct world *w = *state;
	struct rollcall rc;

	load(w, w->committee, &rc);
	assert_int_equal(rc.npeople, 3); /* the role holders */
	assert_int_equal(rollcall_person_at(&rc, 0)->member_id, w->m[ANNA]);
	assert_int_equal(rollcall_person_at(&rc, 1)->member_id, w->m[CHEN]);
	assert_int_equal(rollcall_person_at(&rc, 2)->member_id, w->m[EVE]);
	rollcall_free(&rc);
	load(w, w->group_meeting, &rc);
	assert_int_equal(rc.npeople, 2); /* the group */
	assert_int_equal(rollcall_person_at(&rc, 0)->member_id, w->m[EVE]);
	assert_int_equal(rollcall_person_at(&rc, 1)->member_id, w->m[FAN]);
	rollcall_free(&rc);
}

static void test_marked_outsider_is_listed_apart(void **state)
{
	struct world *w = *state;
	struct rollcall rc;
	struct rollcall_counts c;
	int l;

	/* Gu joins later but is marked anyway: listed under "others". */
	assert_int_equal(attend_set(w->db, w->assembly, w->m[GU], ATTEND_PRESENT, NULL), OL_OK);
	load(w, w->assembly, &rc);
	l = line_of(&rc, w->m[GU]);
	assert_int_equal(l, rc.nlines - 1);
	assert_int_equal(rc.lines[l - 1].kind, ROLLCALL_HEADING);
	assert_int_equal(rc.lines[l - 1].group, ATTENDEE_EXTRA);
	assert_int_equal(rollcall_person_at(&rc, l)->kind, ATTENDEE_EXTRA);
	/* counted apart, not among those attending */
	rollcall_count(&rc, &c);
	assert_int_equal(c.others, 1);
	assert_int_equal(c.attending, 0);
	rollcall_free(&rc);
}

static void test_unknown_session(void **state)
{
	struct world *w = *state;
	struct rollcall rc;

	assert_int_equal(rollcall_load(w->db, 999999999LL, &w->cfg, &rc), OL_ENOTFOUND);
	assert_int_equal(rc.npeople, 0);
	rollcall_free(&rc);
}

/* ---- the cursor and finding ------------------------------------------------------- */

static void test_next_skips_headings_and_stops_at_the_end(void **state)
{
	struct world *w = *state;
	struct rollcall rc;

	load(w, w->assembly, &rc);
	assert_int_equal(rollcall_first(&rc), 0);
	assert_int_equal(rollcall_next(&rc, 0), 1);
	assert_int_equal(rollcall_next(&rc, 4), 6); /* over the heading at 5 */
	assert_int_equal(rollcall_next(&rc, 6), 6); /* the last person: stays */
	rollcall_free(&rc);
}

static void test_first_of_an_empty_sheet(void **state)
{
	struct world *w = *state;
	struct rollcall rc;

	rollcall_init(&rc, 1, SK_ASSEMBLY, SK_NONE, 0, &w->cfg);
	assert_int_equal(rollcall_first(&rc), -1);
	assert_int_equal(rollcall_next(&rc, -1), -1);
	rollcall_free(&rc);
}

static void test_matches(void **state)
{
	struct rollcall_person p = { .name = (char *)"张三丰 Zhang" };
	struct rollcall_person dan = { .name = (char *)"单田芳" };

	(void)state;
	assert_true(rollcall_matches(&p, ""));
	assert_true(rollcall_matches(&p, "张三"));
	assert_true(rollcall_matches(&p, "三丰"));
	assert_true(rollcall_matches(&p, "ZHA"));
	/* By pinyin: initials, syllables, the last one begun, mixed. */
	assert_true(rollcall_matches(&p, "zs"));
	assert_true(rollcall_matches(&p, "zsf"));
	assert_true(rollcall_matches(&p, "zhangsanfeng"));
	assert_true(rollcall_matches(&p, "Zhangs"));
	assert_true(rollcall_matches(&p, "张sf"));
	assert_true(rollcall_matches(&dan, "stf"));
	assert_true(rollcall_matches(&dan, "dantianfang"));
	assert_false(rollcall_matches(&p, "李"));
	assert_false(rollcall_matches(&p, "zsz"));
	assert_false(rollcall_matches(&dan, "ttf"));
}

/* ---- counters and marks ---------------------------------------------------------------- */

static void test_counters(void **state)
{
	struct world *w = *state;
	struct rollcall rc;
	struct rollcall_counts c;

	load(w, w->assembly, &rc);
	rollcall_count(&rc, &c);
	assert_int_equal(c.expected, 5);
	assert_int_equal(c.unmarked, 5);
	assert_int_equal(c.away, 1);
	mark(w, &rc, ANNA, ATTEND_PRESENT, NULL);
	mark(w, &rc, BO, ATTEND_LATE, NULL);
	mark(w, &rc, CHEN, ATTEND_EXCUSED, "出差");
	mark(w, &rc, EVE, ATTEND_ABSENT, NULL);
	mark(w, &rc, DAI, ATTEND_PRESENT, NULL); /* away, but came: not counted as expected */
	rollcall_count(&rc, &c);
	assert_int_equal(c.expected, 5);
	assert_int_equal(c.attending, 2);
	assert_int_equal(c.present, 1);
	assert_int_equal(c.late, 1);
	assert_int_equal(c.excused, 1);
	assert_int_equal(c.absent, 1);
	assert_int_equal(c.unmarked, 1);
	assert_int_equal(c.away, 1);
	rollcall_free(&rc);
}

static void test_marks_are_in_the_store(void **state)
{
	struct world *w = *state;
	struct rollcall rc, again;
	struct rollcall_person *p;

	load(w, w->assembly, &rc);
	mark(w, &rc, CHEN, ATTEND_EXCUSED, "出差");
	mark(w, &rc, ANNA, ATTEND_LATE, NULL);
	/* A fresh load (what another process would read) has them. */
	load(w, w->assembly, &again);
	p = rollcall_person_at(&again, line_of(&again, w->m[CHEN]));
	assert_int_equal(p->status, ATTEND_EXCUSED);
	assert_string_equal(p->reason, "出差");
	assert_int_equal(rollcall_person_at(&again, line_of(&again, w->m[ANNA]))->status, ATTEND_LATE);
	rollcall_free(&again);
	/* Clearing clears the reason too, even one given with it; so does
	 * marking present. */
	mark(w, &rc, CHEN, ATTEND_NONE, "出差");
	mark(w, &rc, ANNA, ATTEND_PRESENT, "路上堵车");
	assert_null(rollcall_person_at(&rc, line_of(&rc, w->m[ANNA]))->reason);
	assert_null(rollcall_person_at(&rc, line_of(&rc, w->m[CHEN]))->reason);
	load(w, w->assembly, &again);
	p = rollcall_person_at(&again, line_of(&again, w->m[CHEN]));
	assert_int_equal(p->status, ATTEND_NONE);
	assert_null(p->reason);
	rollcall_free(&again);
	rollcall_free(&rc);
}

static void test_refused_mark_changes_nothing(void **state)
{
	struct world *w = *state;
	struct rollcall rc;
	int l;

	load(w, w->assembly, &rc);
	assert_int_equal(session_cancel(w->db, w->assembly), OL_OK);
	l = line_of(&rc, w->m[ANNA]);
	assert_int_equal(rollcall_mark(w->db, &rc, l, ATTEND_PRESENT, NULL), OL_ESTATE);
	assert_int_equal(rollcall_person_at(&rc, l)->status, ATTEND_NONE);
	/* A heading is no one: nothing happens. */
	assert_int_equal(rollcall_mark(w->db, &rc, 5, ATTEND_PRESENT, NULL), OL_OK);
	rollcall_free(&rc);
}

/* ---- quorum ------------------------------------------------------------------------------ */

struct quorum_case {
	const char *name;
	int session;          /* 0 assembly, 1 committee, 2 group, 3 election */
	enum attend_status marks[NPEOPLE];
	int applies;
	enum rule_id rule;
	int base, need, have, open;
	enum rollcall_quorum_state state;
};

#define P ATTEND_PRESENT
#define L ATTEND_LATE
#define E ATTEND_EXCUSED
#define A ATTEND_ABSENT
#define U ATTEND_NONE

/* Voters at the assembly: Anna, Chen, Eve, Fan (Bo is probationary, Dai
 * away); more than 50% of 4 is 3.  The committee: Anna, Chen, Eve, 2 of 3.
 * The election: more than 80% of 4 is 4. */
static const struct quorum_case quorum_cases[] = {
	{ "R-QUORUM-ASSEMBLY nobody marked", 0, { U }, 1, R_QUORUM_ASSEMBLY, 4, 3, 0, 4, QUORUM_OPEN },
	{ "R-QUORUM-ASSEMBLY reached, late counts", 0, { P, U, L, U, P, U, U }, 1, R_QUORUM_ASSEMBLY, 4, 3, 3, 1,
	  QUORUM_REACHED },
	{ "R-QUORUM-ASSEMBLY half is not more than half", 0, { P, U, P, U, A, A, U }, 1, R_QUORUM_ASSEMBLY, 4, 3, 2, 0,
	  QUORUM_MISSED },
	{ "R-QUORUM-ASSEMBLY the probationary and the away do not count", 0, { P, P, U, P, U, U, U }, 1,
	  R_QUORUM_ASSEMBLY, 4, 3, 1, 3, QUORUM_OPEN },
	{ "R-QUORUM-ASSEMBLY missed", 0, { A, U, E, U, A, U, U }, 1, R_QUORUM_ASSEMBLY, 4, 3, 0, 1, QUORUM_MISSED },
	{ "R-QUORUM-COMMITTEE reached", 1, { P, U, P, U, U, U, U }, 1, R_QUORUM_COMMITTEE, 3, 2, 2, 1, QUORUM_REACHED },
	{ "R-QUORUM-COMMITTEE missed", 1, { A, U, E, U, P, U, U }, 1, R_QUORUM_COMMITTEE, 3, 2, 1, 0, QUORUM_MISSED },
	{ "R-QUORUM-ELECTION needs all four", 3, { P, P, P, U, P, U, U }, 1, R_QUORUM_ELECTION, 4, 4, 3, 1, QUORUM_OPEN },
	{ "R-QUORUM-ELECTION reached", 3, { P, U, P, U, P, L, U }, 1, R_QUORUM_ELECTION, 4, 4, 4, 0, QUORUM_REACHED },
	{ "a group meeting has no quorum", 2, { U }, 0, 0, 0, 0, 0, 0, 0 },
};

static void test_quorum(void **state)
{
	struct world *w = *state;

	for (size_t i = 0; i < sizeof quorum_cases / sizeof quorum_cases[0]; i++) {
		const struct quorum_case *c = &quorum_cases[i];
		long long sessions[] = { w->assembly, w->committee, w->group_meeting, w->election };
		struct rollcall rc;
		struct rollcall_quorum q;

		load(w, sessions[c->session], &rc);
		for (int m = 0; m < NPEOPLE; m++)
			if (c->marks[m] != U && line_of(&rc, w->m[m]) >= 0)
				mark(w, &rc, m, c->marks[m], NULL);
		rollcall_quorum(&rc, &q);
		if (q.applies != c->applies || (c->applies && (q.rule != c->rule || q.base != c->base ||
							       q.need != c->need || q.have != c->have ||
							       q.open != c->open || q.state != c->state)))
			fail_msg("%s: applies %d rule %d base %d need %d have %d open %d state %d", c->name, q.applies,
				 q.rule, q.base, q.need, q.have, q.open, q.state);
		/* Undo the marks for the next case. */
		for (int m = 0; m < NPEOPLE; m++)
			if (line_of(&rc, w->m[m]) >= 0)
				mark(w, &rc, m, U, NULL);
		rollcall_free(&rc);
	}
}

static void test_quorum_follows_the_rules_in_force(void **state)
{
	struct world *w = *state;
	struct rollcall rc;
	struct rollcall_quorum q;

	/* A local threshold: more than 75% of 4 voters is 4. */
	w->cfg.rules[R_QUORUM_ASSEMBLY].params[0].value = 75;
	load(w, w->assembly, &rc);
	rollcall_quorum(&rc, &q);
	assert_int_equal(q.percent, 75);
	assert_int_equal(q.need, 4);
	rollcall_free(&rc);
	/* A rule turned off gives no quorum line. */
	w->cfg.rules[R_QUORUM_ASSEMBLY].enabled = 0;
	load(w, w->assembly, &rc);
	rollcall_quorum(&rc, &q);
	assert_false(q.applies);
	rollcall_free(&rc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_assembly_sheet_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_committee_and_group_sheets, setup, teardown),
		cmocka_unit_test_setup_teardown(test_marked_outsider_is_listed_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_skips_headings_and_stops_at_the_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_of_an_empty_sheet, setup, teardown),
		cmocka_unit_test(test_matches),
		cmocka_unit_test_setup_teardown(test_counters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_marks_are_in_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_mark_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quorum_follows_the_rules_in_force, setup, teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
