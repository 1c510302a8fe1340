/* test-review-grid.c - cmocka tests of the Review screen's logic
 * (review-grid.h), without a terminal: the mark of a finding and of a
 * cell (the worst), rows worst first, the columns, the filter by name (by
 * characters or pinyin) and by problems, the drill-down's order, the
 * layout at 80 and 40 columns, and the same from the engine on a small
 * world.
 *
 * The world, in an in-memory database with the clock at 2026-07-15:
 *   党委 (committee)
 *     第一支部 (branch, 4 members) > 第一小组 (group, 2 of them)
 *     第二支部 (branch, 3 members)
 * 第一支部 held a general assembly in May and one on 2026-07-10 at which
 * one of its four members was present (R-QUORUM-ASSEMBLY); 第二支部 held
 * none (R-ASSEMBLY-Q: due in the review of 2026Q2, as of 2026-06-30). */
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
#include <orglife/review-grid.h>
#include <orglife/rules.h>
#include <orglife/session.h>

static struct period Q(const char *s)
{
	struct period p;
	const char *err;

	assert_int_equal(period_parse(s, &p, &err), 0);
	return p;
}

/* A finding as the engine gives it. */
static struct finding F(enum rule_id rule, long long org_id, const char *period, enum severity sev, int pending)
{
	struct finding f = { .rule = rule, .org_id = org_id, .org = "org", .severity = sev, .pending = pending,
			     .message = "a sentence" };

	if (period) {
		f.has_period = 1;
		f.period = Q(period);
	}
	return f;
}

static void add(struct review_grid *g, long long row, const char *name, struct finding f)
{
	review_grid_add(g, row, name, &f);
}

static const struct review_row *row_of(const struct review_grid *g, long long id)
{
	int i = review_grid_find(g, id);

	assert_true(i >= 0);
	return &g->rows[i];
}

/* ---- marks -------------------------------------------------------------------------- */

static void test_marks(void **state)
{
	struct finding f = F(R_ASSEMBLY_Q, 1, "2026Q3", SEV_OK, 0);

	(void)state;
	assert_int_equal(review_mark_of(&f), REVIEW_OK);
	f.pending = 1;
	assert_int_equal(review_mark_of(&f), REVIEW_PENDING);
	f.severity = SEV_DUE;
	assert_int_equal(review_mark_of(&f), REVIEW_DUE);
	f.severity = SEV_OVERDUE;
	assert_int_equal(review_mark_of(&f), REVIEW_OVERDUE);
	assert_string_equal(review_mark_symbol(REVIEW_NONE), "-");
	assert_string_equal(review_mark_symbol(REVIEW_OK), "✓");
	assert_string_equal(review_mark_symbol(REVIEW_PENDING), "~");
	assert_string_equal(review_mark_symbol(REVIEW_DUE), "!");
	assert_string_equal(review_mark_symbol(REVIEW_OVERDUE), "✗");
	/* Best to worst, so that the worst is the largest. */
	assert_true(REVIEW_NONE < REVIEW_OK && REVIEW_OK < REVIEW_PENDING && REVIEW_PENDING < REVIEW_DUE &&
		    REVIEW_DUE < REVIEW_OVERDUE);
}

/* A cell is the worst of its periods; the row counts every finding. */
static void test_cells_take_the_worst(void **state)
{
	struct review_grid g;
	const struct review_row *r;

	(void)state;
	review_grid_init(&g, &(struct period){ 0 }, 0, 0);
	add(&g, 7, "支部", F(R_THEME_DAY_M, 7, "2026-07", SEV_OK, 0));
	add(&g, 7, "支部", F(R_THEME_DAY_M, 7, "2026-08", SEV_OK, 1));
	add(&g, 7, "支部", F(R_GROUP_M, 7, "2026-07", SEV_OK, 1));
	add(&g, 7, "支部", F(R_GROUP_M, 7, "2026-08", SEV_OVERDUE, 0));
	add(&g, 7, "支部", F(R_GROUP_M, 7, "2026-09", SEV_OK, 0));
	add(&g, 7, "支部", F(R_SIZE_MIN, 7, NULL, SEV_DUE, 0));
	review_grid_finish(&g);
	assert_int_equal(g.nrows, 1);
	r = row_of(&g, 7);
	assert_int_equal(r->marks[R_THEME_DAY_M], REVIEW_PENDING);
	assert_int_equal(r->marks[R_GROUP_M], REVIEW_OVERDUE);
	assert_int_equal(r->marks[R_SIZE_MIN], REVIEW_DUE);
	assert_int_equal(r->marks[R_ASSEMBLY_Q], REVIEW_NONE);
	assert_int_equal(r->worst, REVIEW_OVERDUE);
	assert_int_equal(r->count[SEV_OK], 4);
	assert_int_equal(r->count[SEV_DUE], 1);
	assert_int_equal(r->count[SEV_OVERDUE], 1);
	/* The columns: the rules with a finding, in rule order. */
	assert_int_equal(g.ncolumns, 3);
	assert_int_equal(g.columns[0], R_GROUP_M);
	assert_int_equal(g.columns[1], R_THEME_DAY_M);
	assert_int_equal(g.columns[2], R_SIZE_MIN);
	review_grid_free(&g);
}

/* ---- rows ------------------------------------------------------------------------------ */

static void test_rows_worst_first(void **state)
{
	struct review_grid g;

	(void)state;
	review_grid_init(&g, &(struct period){ 0 }, 0, 0);
	add(&g, 1, "甲", F(R_ASSEMBLY_Q, 1, "2026Q3", SEV_OK, 0));
	add(&g, 2, "乙", F(R_ASSEMBLY_Q, 2, "2026Q3", SEV_DUE, 0));
	add(&g, 3, "丙", F(R_ASSEMBLY_Q, 3, "2026Q3", SEV_OVERDUE, 0));
	add(&g, 4, "丁", F(R_ASSEMBLY_Q, 4, "2026Q3", SEV_OVERDUE, 0));
	add(&g, 4, "丁", F(R_SIZE_MIN, 4, NULL, SEV_OVERDUE, 0));
	add(&g, 5, "戊", F(R_ASSEMBLY_Q, 5, "2026Q3", SEV_OK, 1));
	/* As bad as 丙 by its worst and its overdue findings, but with a due
	 * one more: before it. */
	add(&g, 6, "己", F(R_ASSEMBLY_Q, 6, "2026Q3", SEV_OVERDUE, 0));
	add(&g, 6, "己", F(R_SIZE_MIN, 6, NULL, SEV_DUE, 0));
	review_grid_finish(&g);
	assert_int_equal(g.nrows, 6);
	assert_int_equal(g.nshown, 6);
	/* 丁 (two overdue), 丙 and 己 (one overdue: 己 has a due one more, so first),
	 * 乙 (due), 戊 (pending), 甲 (ok). */
	assert_int_equal(g.rows[g.shown[0]].org_id, 4);
	assert_int_equal(g.rows[g.shown[1]].org_id, 6);
	assert_int_equal(g.rows[g.shown[2]].org_id, 3);
	assert_int_equal(g.rows[g.shown[3]].org_id, 2);
	assert_int_equal(g.rows[g.shown[4]].org_id, 5);
	assert_int_equal(g.rows[g.shown[5]].org_id, 1);
	/* Lookups by id after sorting. */
	for (int i = 0; i < g.nrows; i++)
		assert_int_equal(review_grid_find(&g, g.rows[i].org_id), i);
	assert_int_equal(review_grid_find(&g, 99), -1);
	review_grid_free(&g);
}

/* Equal rows go by name, then by id. */
static void test_ties_by_name(void **state)
{
	struct review_grid g;

	(void)state;
	review_grid_init(&g, &(struct period){ 0 }, 0, 0);
	add(&g, 9, "b", F(R_ASSEMBLY_Q, 9, "2026Q3", SEV_DUE, 0));
	add(&g, 8, "a", F(R_ASSEMBLY_Q, 8, "2026Q3", SEV_DUE, 0));
	add(&g, 3, "b", F(R_ASSEMBLY_Q, 3, "2026Q3", SEV_DUE, 0));
	review_grid_finish(&g);
	assert_int_equal(g.rows[0].org_id, 8);
	assert_int_equal(g.rows[1].org_id, 3);
	assert_int_equal(g.rows[2].org_id, 9);
	review_grid_free(&g);
}

static void test_filter(void **state)
{
	struct review_grid g;

	(void)state;
	review_grid_init(&g, &(struct period){ 0 }, 0, 0);
	add(&g, 1, "机关第一党支部", F(R_ASSEMBLY_Q, 1, "2026Q3", SEV_OK, 0));
	add(&g, 2, "机关第二党支部", F(R_ASSEMBLY_Q, 2, "2026Q3", SEV_DUE, 0));
	add(&g, 3, "幸福社区党支部", F(R_ASSEMBLY_Q, 3, "2026Q3", SEV_OVERDUE, 0));
	add(&g, 4, "退休职工党支部", F(R_ASSEMBLY_Q, 4, "2026Q3", SEV_OK, 1));
	review_grid_finish(&g);
	review_grid_filter(&g, "机关", 0);
	assert_int_equal(g.nshown, 2);
	assert_int_equal(g.rows[g.shown[0]].org_id, 2);
	assert_int_equal(g.rows[g.shown[1]].org_id, 1);
	/* Problems: due or overdue; pending is not a problem yet. */
	review_grid_filter(&g, NULL, 1);
	assert_int_equal(g.nshown, 2);
	assert_int_equal(g.rows[g.shown[0]].org_id, 3);
	assert_int_equal(g.rows[g.shown[1]].org_id, 2);
	review_grid_filter(&g, "机关", 1);
	assert_int_equal(g.nshown, 1);
	assert_int_equal(g.rows[g.shown[0]].org_id, 2);
	review_grid_filter(&g, "党委", 0);
	assert_int_equal(g.nshown, 0);
	/* Names are found by their pinyin too, as `/` finds them elsewhere. */
	review_grid_filter(&g, "jg", 0);
	assert_int_equal(g.nshown, 2);
	review_grid_filter(&g, "xingfu", 0);
	assert_int_equal(g.nshown, 1);
	assert_int_equal(g.rows[g.shown[0]].org_id, 3);
	review_grid_filter(&g, "JGDE", 1);
	assert_int_equal(g.nshown, 1);
	assert_int_equal(g.rows[g.shown[0]].org_id, 2);
	review_grid_filter(&g, "", 0);
	assert_int_equal(g.nshown, 4);
	review_grid_free(&g);
}

/* ---- the drill-down's order ------------------------------------------------------------ */

static void test_items_order(void **state)
{
	struct review_grid g;
	struct finding m1 = F(R_DUES_6, 1, NULL, SEV_DUE, 0), m2 = m1;
	int first, n;

	(void)state;
	review_grid_init(&g, &(struct period){ 0 }, 0, 1);
	add(&g, 1, "甲", F(R_ASSEMBLY_Q, 1, "2026Q3", SEV_OK, 1));
	add(&g, 1, "甲", F(R_THEME_DAY_M, 1, "2026-08", SEV_OK, 0));
	add(&g, 1, "甲", F(R_THEME_DAY_M, 1, "2026-07", SEV_OVERDUE, 0));
	add(&g, 1, "甲", F(R_THEME_DAY_M, 1, "2026-09", SEV_OVERDUE, 0));
	m1.member_id = 11;
	m1.member = "周";
	m2.member_id = 12;
	m2.member = "吴";
	add(&g, 1, "甲", m1);
	add(&g, 1, "甲", m2);
	add(&g, 2, "乙", F(R_ASSEMBLY_Q, 2, "2026Q3", SEV_OVERDUE, 0));
	review_grid_finish(&g);
	/* 甲, with two overdue findings, is worse than 乙: its come first. */
	n = review_grid_items(&g, 1, &first);
	assert_int_equal(n, 6);
	assert_int_equal(first, 0);
	assert_int_equal(review_grid_items(&g, 2, &first), 1);
	assert_int_equal(first, 6);
	assert_int_equal(g.items[6].rule, R_ASSEMBLY_Q);
	n = review_grid_items(&g, 1, &first);
	/* The overdue rule, its overdue months by period, then its ok month;
	 * the due rule, by member; the pending rule. */
	assert_int_equal(g.items[first + 0].rule, R_THEME_DAY_M);
	assert_int_equal(g.items[first + 0].period.index, 7);
	assert_int_equal(g.items[first + 1].period.index, 9);
	assert_int_equal(g.items[first + 2].period.index, 8);
	assert_int_equal(g.items[first + 2].mark, REVIEW_OK);
	assert_int_equal(g.items[first + 3].rule, R_DUES_6);
	assert_string_equal(g.items[first + 3].member, "吴");
	assert_int_equal(g.items[first + 3].member_id, 12);
	assert_string_equal(g.items[first + 4].member, "周");
	assert_int_equal(g.items[first + 5].rule, R_ASSEMBLY_Q);
	assert_int_equal(g.items[first + 5].mark, REVIEW_PENDING);
	assert_null(g.items[first + 5].member);
	assert_string_equal(g.items[first + 5].message, "a sentence");
	assert_int_equal(review_grid_items(&g, 3, &first), 0);
	review_grid_free(&g);
}

/* ---- layout ----------------------------------------------------------------------------- */

/* A grid of n rules for one organization named name. */
static void grid_of(struct review_grid *g, const char *name, int n)
{
	review_grid_init(g, &(struct period){ 0 }, 0, 0);
	for (int r = 0; r < n; r++)
		add(g, 1, name, F((enum rule_id)r, 1, NULL, SEV_OK, 0));
	review_grid_finish(g);
}

static void test_layout_80_columns(void **state)
{
	struct review_grid g;
	struct review_layout lay;
	int first = 0;

	(void)state;
	/* Fourteen columns and a name of 14 columns: everything fits. */
	grid_of(&g, "机关第一党支部", 14);
	assert_int_equal(g.name_w, 14);
	review_grid_layout(&g, 80, 0, 13, &first, &lay);
	assert_int_equal(lay.name_x, 3);
	assert_int_equal(lay.name_w, 14);
	assert_int_equal(lay.counts_x, 3 + 14 + 1);
	assert_int_equal(lay.cells_x, lay.counts_x + 3 * REVIEW_COUNT_W + 1);
	assert_int_equal(lay.first, 0);
	assert_int_equal(lay.ncols, 14);
	assert_true(lay.cells_x + REVIEW_CELL_W * lay.ncols <= 80);
	review_grid_free(&g);

	/* Every rule: the counts go, the name gives way to the cells. */
	grid_of(&g, "幸福社区第一网格党小组联合支部", R_COUNT);
	assert_int_equal(g.name_w, 30);
	review_grid_layout(&g, 80, 0, 0, &first, &lay);
	assert_int_equal(lay.counts_x, -1);
	assert_int_equal(lay.name_w, 80 - 3 - 1 - R_COUNT * REVIEW_CELL_W);
	assert_int_equal(lay.first, 0);
	assert_int_equal(lay.ncols, R_COUNT);
	assert_true(lay.cells_x + REVIEW_CELL_W * lay.ncols <= 80);
	/* Shorter, the counts keep a name of 14 columns. */
	review_grid_free(&g);
	grid_of(&g, "幸福社区第一网格党小组联合支部", 20);
	review_grid_layout(&g, 80, 0, 0, &first, &lay);
	assert_int_equal(lay.name_w, 80 - 3 - 1 - 3 * REVIEW_COUNT_W - 1 - 20 * REVIEW_CELL_W);
	assert_true(lay.name_w >= 14);
	assert_int_equal(lay.counts_x, 3 + lay.name_w + 1);
	assert_int_equal(lay.ncols, 20);
	review_grid_free(&g);
}

static void test_layout_40_columns_scrolls(void **state)
{
	struct review_grid g;
	struct review_layout lay;
	int first = 0, vis;

	(void)state;
	grid_of(&g, "机关第一党支部", 20);
	review_grid_layout(&g, 40, 0, 0, &first, &lay);
	/* No room for the counts; the name keeps a third of the line. */
	assert_int_equal(lay.counts_x, -1);
	assert_int_equal(lay.name_w, 13);
	assert_int_equal(lay.cells_x, 3 + 13 + 1);
	vis = lay.ncols;
	assert_int_equal(vis, (40 - lay.cells_x) / REVIEW_CELL_W);
	assert_true(vis < 20);
	assert_int_equal(lay.first, 0);
	/* The focus past the right edge scrolls just far enough... */
	review_grid_layout(&g, 40, 0, 19, &first, &lay);
	assert_int_equal(first, 20 - vis);
	assert_int_equal(lay.first + lay.ncols, 20);
	/* ... and back, as far as the focus. */
	review_grid_layout(&g, 40, 0, 5, &first, &lay);
	assert_int_equal(first, 5);
	review_grid_layout(&g, 40, 0, 7, &first, &lay);
	assert_int_equal(first, 5);
	/* Wide again: everything fits, no scrolling. */
	review_grid_layout(&g, 120, 0, 7, &first, &lay);
	assert_int_equal(first, 0);
	assert_int_equal(lay.ncols, 20);
	assert_true(lay.counts_x > 0);
	review_grid_free(&g);
}

/* A short name still gets 8 columns, or its heading's width when there
 * is room; an empty grid lays out. */
static void test_layout_small(void **state)
{
	struct review_grid g;
	struct review_layout lay;
	int first = 3;

	(void)state;
	grid_of(&g, "a", 2);
	review_grid_layout(&g, 40, 0, 1, &first, &lay);
	assert_int_equal(lay.name_w, 8);
	assert_int_equal(lay.ncols, 2);
	assert_int_equal(first, 0);
	review_grid_layout(&g, 80, 12, 1, &first, &lay);
	assert_int_equal(lay.name_w, 12);
	assert_true(lay.counts_x > 0);
	/* ... but not at the cost of the cells. */
	review_grid_free(&g);
	grid_of(&g, "a", 14);
	review_grid_layout(&g, 40, 12, 0, &first, &lay);
	assert_int_equal(lay.name_w, 40 - 3 - 1 - 14 * REVIEW_CELL_W);
	assert_int_equal(lay.ncols, 14);
	review_grid_free(&g);
	grid_of(&g, "a", 0);
	review_grid_layout(&g, 40, 0, 0, &first, &lay);
	assert_int_equal(lay.ncols, 0);
	review_grid_free(&g);
}

/* ---- from the engine ------------------------------------------------------------------------ */

struct world {
	struct db *db;
	long long committee, branch1, group1, branch2, assembly;
	struct rules_config cfg;
};

static long long member(struct world *w, long long branch, long long group, const char *name)
{
	struct member_new m = { .name = name, .org_id = branch, .group_id = group, .status = MEMBER_FULL,
				.joined = D("2010-01-01"), .born = -1 };
	long long id;

	assert_int_equal(member_add(w->db, &m, &id), OL_OK);
	return id;
}

static long long held(struct world *w, long long org, enum session_kind k, const char *day)
{
	struct session s = { .org_id = org, .kind = k, .also = SK_NONE, .day = D(day), .minute = -1 };
	long long id;

	assert_int_equal(session_add(w->db, &s, &id), OL_OK);
	assert_int_equal(session_mark_held(w->db, id, D("2026-07-15")), OL_OK);
	return id;
}

static int setup(void **state)
{
	struct world *w = calloc(1, sizeof *w);
	long long m[4];

	date_clock_pin(D("2026-07-15"), -1);
	rules_defaults(&w->cfg);
	assert_int_equal(db_open(NULL, DB_OPEN_MEMORY, &w->db, NULL), OL_OK);
	assert_int_equal(org_add(w->db, "党委", ORG_COMMITTEE, 0, 0, &w->committee), OL_OK);
	assert_int_equal(org_add(w->db, "第一支部", ORG_BRANCH, w->committee, 0, &w->branch1), OL_OK);
	assert_int_equal(org_add(w->db, "第一小组", ORG_GROUP, w->branch1, 0, &w->group1), OL_OK);
	assert_int_equal(org_add(w->db, "第二支部", ORG_BRANCH, w->committee, 0, &w->branch2), OL_OK);
	m[0] = member(w, w->branch1, w->group1, "张三");
	m[1] = member(w, w->branch1, w->group1, "李四");
	m[2] = member(w, w->branch1, 0, "王五");
	m[3] = member(w, w->branch1, 0, "赵六");
	member(w, w->branch2, 0, "周九");
	member(w, w->branch2, 0, "吴十");
	member(w, w->branch2, 0, "郑一");
	held(w, w->branch1, SK_ASSEMBLY, "2026-05-20");
	w->assembly = held(w, w->branch1, SK_ASSEMBLY, "2026-07-10");
	assert_int_equal(attend_set(w->db, w->assembly, m[0], ATTEND_PRESENT, NULL), OL_OK);
	for (int i = 1; i < 4; i++)
		assert_int_equal(attend_set(w->db, w->assembly, m[i], ATTEND_ABSENT, NULL), OL_OK);
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

static void test_load_this_quarter(void **state)
{
	struct world *w = *state;
	struct period q = Q("2026Q3");
	struct review_grid g;
	const struct review_row *b1, *b2;

	review_grid_init(&g, &q, D("2026-07-15"), 0);
	/* As of today: the quarter has not ended. */
	assert_int_equal(g.as_of, D("2026-07-15"));
	assert_int_equal(review_grid_load(w->db, &w->cfg, 0, &g), OL_OK);
	/* The group has no row: its meetings count in its branch's. */
	assert_int_equal(review_grid_find(&g, w->group1), -1);
	b1 = row_of(&g, w->branch1);
	b2 = row_of(&g, w->branch2);
	assert_int_equal(b1->marks[R_GROUP_M], REVIEW_PENDING);
	assert_int_equal(b2->marks[R_GROUP_M], REVIEW_NONE);
	/* The assembly was held, but without a quorum. */
	assert_int_equal(b1->marks[R_ASSEMBLY_Q], REVIEW_OK);
	assert_int_equal(b1->marks[R_QUORUM_ASSEMBLY], REVIEW_OVERDUE);
	assert_int_equal(b2->marks[R_ASSEMBLY_Q], REVIEW_PENDING);
	/* 第一支部 has four members, 第二支部 three: both big enough. */
	assert_int_equal(b1->marks[R_SIZE_MIN], REVIEW_OK);
	assert_int_equal(b2->marks[R_SIZE_MIN], REVIEW_OK);
	assert_int_equal(b1->worst, REVIEW_OVERDUE);
	assert_int_equal(g.rows[0].org_id, w->branch1);
	assert_int_equal(g.nitems, 0);
	review_grid_free(&g);
}

static void test_load_a_past_quarter(void **state)
{
	struct world *w = *state;
	struct period q = Q("2026Q2");
	struct review_grid g;

	review_grid_init(&g, &q, D("2026-07-15"), 0);
	assert_int_equal(g.as_of, D("2026-06-30"));
	assert_int_equal(review_grid_load(w->db, &w->cfg, 0, &g), OL_OK);
	assert_int_equal(row_of(&g, w->branch1)->marks[R_ASSEMBLY_Q], REVIEW_OK);
	/* As of the quarter's last day, its assembly is due, not yet overdue. */
	assert_int_equal(row_of(&g, w->branch2)->marks[R_ASSEMBLY_Q], REVIEW_DUE);
	/* Nothing about the quorum of July. */
	assert_int_equal(row_of(&g, w->branch1)->marks[R_QUORUM_ASSEMBLY], REVIEW_NONE);
	/* Worst first: the branch with more overdue findings (第一支部's group
	 * missed its meetings too). */
	assert_int_equal(g.nrows, 2);
	assert_true(g.rows[0].count[SEV_OVERDUE] > g.rows[1].count[SEV_OVERDUE]);
	assert_int_equal(g.rows[0].org_id, w->branch1);
	review_grid_free(&g);
}

/* The drill-down: one branch with its group's findings and the session
 * behind the quorum finding. */
static void test_load_one_branch_with_items(void **state)
{
	struct world *w = *state;
	struct period q = Q("2026Q3");
	struct review_grid g;
	int first, n, quorum = 0, group = 0;

	review_grid_init(&g, &q, D("2026-07-15"), 1);
	assert_int_equal(review_grid_load(w->db, &w->cfg, w->branch1, &g), OL_OK);
	assert_int_equal(g.nrows, 1);
	n = review_grid_items(&g, w->branch1, &first);
	assert_int_equal(n, g.nitems);
	assert_true(n > 0);
	/* The quorum finding is overdue: it comes first. */
	assert_int_equal(g.items[first].rule, R_QUORUM_ASSEMBLY);
	for (int i = first; i < first + n; i++) {
		const struct review_item *it = &g.items[i];
		if (it->rule == R_QUORUM_ASSEMBLY) {
			quorum++;
			assert_int_equal(it->session_id, w->assembly);
			assert_int_equal(it->severity, SEV_OVERDUE);
		}
		if (it->rule == R_GROUP_M) {
			group++;
			assert_int_equal(it->org_id, w->group1);
			assert_string_equal(it->org, "第一小组");
		}
		assert_int_equal(it->row_id, w->branch1);
		assert_true(it->message[0] != '\0');
	}
	assert_int_equal(quorum, 1);
	assert_int_equal(group, 1);
	review_grid_free(&g);
}

int main(void)
{
	const struct CMUnitTest pure[] = {
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_cells_take_the_worst),
		cmocka_unit_test(test_rows_worst_first),
		cmocka_unit_test(test_ties_by_name),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_items_order),
		cmocka_unit_test(test_layout_80_columns),
		cmocka_unit_test(test_layout_40_columns_scrolls),
		cmocka_unit_test(test_layout_small),
	};
	const struct CMUnitTest engine[] = {
		cmocka_unit_test_setup_teardown(test_load_this_quarter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_a_past_quarter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_one_branch_with_items, setup, teardown),
	};
	int failed;

	/* Widths are display widths: a UTF-8 locale measures 机 as 2. */
	setlocale(LC_ALL, "C.UTF-8");
	failed = cmocka_run_group_tests_name("pure", pure, NULL, NULL);
	return failed + cmocka_run_group_tests_name("engine", engine, NULL, NULL);
}
