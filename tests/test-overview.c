/* test-overview.c - cmocka tests of the start screen's logic (overview.h),
 * without a terminal: the tree in order with depths (the first screen's
 * part of it uncounted, and so partial), the badge of each
 * organization (the worst due or overdue finding; a branch answers for its
 * party groups, a committee only for itself), the progress per rule with a
 * mark per period, and the same from the engine on a small world.
 *
 * The world, in an in-memory database with the clock at 2026-07-15:
 *   党委 (committee)
 *     第一支部 (branch) > 第一小组 (group)
 *     第二支部 (branch)
 * 第一支部 held a general assembly in the second quarter; 第二支部 did
 * not (R-ASSEMBLY-Q: overdue for 2026Q2). */
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
#include <orglife/overview.h>
#include <orglife/rules.h>
#include <orglife/session.h>

struct world {
	struct db *db;
	long long committee, branch1, group1, branch2;
	struct overview ov;
};

static void add_members(struct world *w, long long branch, int n)
{
	char name[32];

	for (int i = 0; i < n; i++) {
		struct member_new m = { .name = name, .org_id = branch, .status = MEMBER_FULL, .joined = D("2010-01-01"),
					.born = -1 };
		long long id;
		snprintf(name, sizeof name, "M%lld-%d", branch, i);
		assert_int_equal(member_add(w->db, &m, &id), OL_OK);
	}
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	struct session s = { .kind = SK_ASSEMBLY, .also = SK_NONE, .day = D("2026-05-20"), .minute = -1 };
	long long id;

	date_clock_pin(D("2026-07-15"), -1);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, NULL), OL_OK);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &w->committee), OL_OK);
	assert_int_equal(org_add(w->db, "第一支部", ORG_BRANCH, w->committee, 0, &w->branch1), OL_OK);
	assert_int_equal(org_add(w->db, "第一小组", ORG_GROUP, w->branch1, 0, &w->group1), OL_OK);
	assert_int_equal(org_add(w->db, "第二支部", ORG_BRANCH, w->committee, 0, &w->branch2), OL_OK);
	add_members(w, w->branch1, 4);
	add_members(w, w->branch2, 3);
	s.org_id = w->branch1;
	assert_int_equal(session_add(w->db, &s, &id), OL_OK);
	assert_int_equal(session_mark_held(w->db, id, D("2026-07-15")), OL_OK);
	assert_int_equal(overview_load_tree(w->db, D("2026-07-15"), &w->ov), OL_OK);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	struct world *w = *state;

	overview_free(&w->ov);
	db_close(w->db);
	free(w);
	date_clock_unpin();
	return 0;
}

static const struct overview_org *org(const struct world *w, long long id)
{
	int i = overview_find(&w->ov, id);

	assert_true(i >= 0);
	return &w->ov.orgs[i];
}

/* A finding as the engine gives it. */
static struct finding F(enum rule_id rule, long long org_id, long long member_id, const char *period,
			enum severity sev)
{
	struct finding f = { .rule = rule, .org_id = org_id, .member_id = member_id, .severity = sev,
			     .message = "a sentence" };
	const char *err;

	if (period) {
		f.has_period = 1;
		assert_int_equal(period_parse(period, &f.period, &err), 0);
	}
	return f;
}

/* ---- the tree -------------------------------------------------------------------- */

static void test_tree_order_and_depth(void **state)
{
	struct world *w = *state;

	assert_int_equal(w->ov.norgs, 4);
	assert_int_equal(w->ov.orgs[0].id, w->committee);
	assert_int_equal(w->ov.orgs[0].depth, 0);
	assert_int_equal(w->ov.orgs[1].id, w->branch1);
	assert_int_equal(w->ov.orgs[1].depth, 1);
	assert_int_equal(w->ov.orgs[2].id, w->group1);
	assert_int_equal(w->ov.orgs[2].depth, 2);
	assert_int_equal(w->ov.orgs[3].id, w->branch2);
	assert_int_equal(w->ov.orgs[0].members, 7);
	assert_int_equal(overview_find(&w->ov, 999999999LL), -1);
	/* No badge before the engine has run. */
	assert_false(w->ov.have_findings);
	for (int i = 0; i < w->ov.norgs; i++)
		assert_int_equal(w->ov.orgs[i].worst, SEV_OK);
}

/* The first screen's load counts nobody, even when the whole tree fits in
 * it: it says it is partial, so the screen loads the whole tree, with the
 * counts, when idle. */
static void test_top_of_the_tree_is_partial(void **state)
{
	struct world *w = *state;
	struct overview top;

	assert_int_equal(overview_load_top(w->db, D("2026-07-15"), 24, &top), OL_OK);
	assert_int_equal(top.norgs, 4);
	assert_true(top.partial);
	assert_int_equal(top.orgs[1].members, -1);
	overview_free(&top);
	assert_false(w->ov.partial);
	assert_int_equal(org(w, w->branch1)->members, 4);
}

static void test_empty_database(void **state)
{
	struct db *db;
	struct overview ov;
	struct rules_config cfg;

	(void)state;
	rules_defaults(&cfg);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &db, NULL), OL_OK);
	assert_int_equal(overview_load_tree(db, D("2026-07-15"), &ov), OL_OK);
	assert_int_equal(ov.norgs, 0);
	assert_int_equal(overview_load_findings(db, &cfg, &ov), OL_OK);
	assert_int_equal(ov.nreview, 0);
	overview_free(&ov);
	db_close(db);
}

/* ---- badges ----------------------------------------------------------------------- */

static void test_badge_is_the_worst(void **state)
{
	struct world *w = *state;

	overview_badge_add(&w->ov, w->branch2, SEV_DUE);
	assert_int_equal(org(w, w->branch2)->worst, SEV_DUE);
	overview_badge_add(&w->ov, w->branch2, SEV_OVERDUE);
	overview_badge_add(&w->ov, w->branch2, SEV_DUE);
	assert_int_equal(org(w, w->branch2)->worst, SEV_OVERDUE);
	assert_int_equal(org(w, w->branch2)->count[SEV_DUE], 2);
	assert_int_equal(org(w, w->branch2)->count[SEV_OVERDUE], 1);
	/* An ok finding is no badge; an unknown organization is ignored. */
	overview_badge_add(&w->ov, w->branch1, SEV_OK);
	overview_badge_add(&w->ov, 999999999LL, SEV_OVERDUE);
	assert_int_equal(org(w, w->branch1)->worst, SEV_OK);
}

static void test_badges_roll_up_to_the_committee(void **state)
{
	struct world *w = *state;

	overview_badge_add(&w->ov, w->group1, SEV_OVERDUE);
	assert_int_equal(org(w, w->group1)->worst, SEV_OVERDUE);
	assert_int_equal(org(w, w->branch1)->worst, SEV_OVERDUE);
	/* A committee with something overdue beneath it is not "ok"... */
	assert_int_equal(org(w, w->committee)->worst, SEV_OVERDUE);
	/* ...but another branch is untouched. */
	assert_int_equal(org(w, w->branch2)->worst, SEV_OK);
	assert_true(overview_covers(&w->ov, w->branch1, w->group1));
	assert_true(overview_covers(&w->ov, w->branch1, w->branch1));
	assert_false(overview_covers(&w->ov, w->committee, w->branch1));
	assert_false(overview_covers(&w->ov, w->branch2, w->group1));
}

/* ---- progress per rule --------------------------------------------------------------- */

static void add_review(struct world *w, struct finding f)
{
	overview_review_add(&w->ov, &f);
}

static void test_rules_mark_each_period(void **state)
{
	struct world *w = *state;
	struct overview_rule r[R_COUNT];
	int n;

	add_review(w, F(R_COMMITTEE_M, w->branch1, 0, "2026-08", SEV_DUE));
	add_review(w, F(R_COMMITTEE_M, w->branch1, 0, "2026-07", SEV_OK));
	add_review(w, F(R_ASSEMBLY_Q, w->branch1, 0, "2026Q3", SEV_OK));
	/* Two groups' months fold into one mark per month: the worst. */
	add_review(w, F(R_GROUP_M, w->group1, 0, "2026-07", SEV_OK));
	add_review(w, F(R_GROUP_M, w->group1, 0, "2026-07", SEV_OVERDUE));
	add_review(w, F(R_DUES_6, w->branch1, 42, NULL, SEV_DUE));
	add_review(w, F(R_DUES_6, w->branch1, 43, NULL, SEV_OVERDUE));
	add_review(w, F(R_ASSEMBLY_Q, w->branch2, 0, "2026Q3", SEV_OVERDUE)); /* another branch */
	n = overview_rules(&w->ov, w->branch1, r, R_COUNT);
	assert_int_equal(n, 4);
	/* In rule order. */
	assert_int_equal(r[0].rule, R_ASSEMBLY_Q);
	assert_int_equal(r[0].worst, SEV_OK);
	assert_int_equal(r[0].ncells, 1);
	assert_int_equal(r[1].rule, R_COMMITTEE_M);
	assert_int_equal(r[1].worst, SEV_DUE);
	assert_int_equal(r[1].ncells, 2);
	assert_int_equal(r[1].cells[0].period.index, 7); /* oldest first */
	assert_int_equal(r[1].cells[0].severity, SEV_OK);
	assert_int_equal(r[1].cells[1].period.index, 8);
	assert_int_equal(r[1].cells[1].severity, SEV_DUE);
	assert_string_equal(w->ov.review[r[1].first].message, "a sentence");
	assert_int_equal(w->ov.review[r[1].first].severity, SEV_DUE);
	assert_int_equal(r[2].rule, R_GROUP_M);
	assert_int_equal(r[2].ncells, 1);
	assert_int_equal(r[2].cells[0].severity, SEV_OVERDUE);
	assert_int_equal(r[3].rule, R_DUES_6);
	assert_int_equal(r[3].nmembers, 2);
	assert_int_equal(r[3].ncells, 0);
	assert_int_equal(r[3].worst, SEV_OVERDUE);
	/* The max is respected. */
	assert_int_equal(overview_rules(&w->ov, w->branch1, r, 2), 2);
}

/* ---- from the engine ------------------------------------------------------------------- */

static int find_rule(const struct overview_rule *r, int n, enum rule_id id)
{
	for (int i = 0; i < n; i++)
		if (r[i].rule == id)
			return i;
	return -1;
}

static void test_findings_from_the_engine(void **state)
{
	struct world *w = *state;
	struct rules_config cfg;
	struct overview_rule r[R_COUNT];
	int n, i;

	rules_defaults(&cfg);
	assert_int_equal(overview_load_findings(w->db, &cfg, &w->ov), OL_OK);
	assert_true(w->ov.have_findings);
	/* R-ASSEMBLY-Q: 第二支部 held none in 2026Q2, 第一支部 did. */
	assert_int_equal(org(w, w->branch2)->worst, SEV_OVERDUE);
	n = overview_rules(&w->ov, w->branch1, r, R_COUNT);
	i = find_rule(r, n, R_ASSEMBLY_Q);
	assert_true(i >= 0);
	assert_int_equal(r[i].ncells, 1);
	assert_int_equal(r[i].cells[0].period.kind, PERIOD_QUARTER);
	assert_int_equal(r[i].cells[0].period.index, 3);
	/* The review is this quarter's: no finding about another quarter. */
	for (int k = 0; k < w->ov.nreview; k++) {
		struct period p;
		if (!w->ov.review[k].has_period)
			continue;
		overview_finding_period(&w->ov.review[k], &p);
		assert_int_equal(p.year, 2026);
		if (p.kind == PERIOD_QUARTER)
			assert_int_equal(p.index, 3);
		else if (p.kind == PERIOD_MONTH)
			assert_true(p.index >= 7 && p.index <= 9);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_tree_order_and_depth, setup, teardown),
		cmocka_unit_test_setup_teardown(test_top_of_the_tree_is_partial, setup, teardown),
		cmocka_unit_test(test_empty_database),
		cmocka_unit_test_setup_teardown(test_badge_is_the_worst, setup, teardown),
		cmocka_unit_test_setup_teardown(test_badges_roll_up_to_the_committee, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rules_mark_each_period, setup, teardown),
		cmocka_unit_test_setup_teardown(test_findings_from_the_engine, setup, teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
