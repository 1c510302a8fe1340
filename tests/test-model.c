/* test-model.c - cmocka tests for the model over the store (src/db-org.c,
 * src/db-member.c, src/db-session.c): the organization tree, members and
 * their dated facts (R-PROBATION), roles, dues, sessions, the attendance
 * sheet, minutes and elections (R-TERM, R-TERM-EXTEND).
 *
 * Every test gets a fresh in-memory database holding a small tree and a
 * clock pinned to 2025-06-15:
 *   机关党委 (committee)
 *     第一支部 (branch)  第一小组, 第二小组 (groups)
 *     第二支部 (branch)  二支部小组 (group)
 *     机关总支 (general branch) */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "days.h"
#include "dbquery.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include <orglife/date.h>
#include <orglife/db.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/session.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))
#define MISSING_ID 999999999LL

/* ---- helpers ------------------------------------------------------------ */

struct world {
	struct db *db;
	long long committee, general, branch1, branch2, group1a, group1b, group2;
};

static long long add_org(struct db *db, const char *name, enum org_kind kind, long long parent)
{
	long long id = 0;
	int rc = org_add(db, name, kind, parent, 0, &id);

	if (rc != OL_OK)
		fail_msg("org_add(%s) = %d: %s", name, rc, db_errmsg(db));
	assert_true(id > 0);
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
	date_clock_pin(D("2025-06-15"), 600);
	w->committee = add_org(w->db, "机关党委", ORG_COMMITTEE, 0);
	w->branch1 = add_org(w->db, "第一支部", ORG_BRANCH, w->committee);
	w->group1a = add_org(w->db, "第一小组", ORG_GROUP, w->branch1);
	w->group1b = add_org(w->db, "第二小组", ORG_GROUP, w->branch1);
	w->branch2 = add_org(w->db, "第二支部", ORG_BRANCH, w->committee);
	w->group2 = add_org(w->db, "二支部小组", ORG_GROUP, w->branch2);
	w->general = add_org(w->db, "机关总支", ORG_GENERAL_BRANCH, w->committee);
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

static long long count(struct db *db, const char *table)
{
	char sql[96];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	return query_int(db, sql, 0);
}

/* Sessions whose attendance holds at least one mark. */
static long long sessions_with_marks(struct db *db)
{
	return query_int(db, "SELECT count(*) FROM session WHERE marks IS NOT NULL", 0);
}

static long long add_member(struct db *db, const char *name, long long org, enum member_status status,
			    const char *joined, long long group)
{
	struct member_new mn = {
		.name = name, .org_id = org, .status = status, .joined = D(joined), .group_id = group,
	};
	long long id = 0;
	int rc = member_add(db, &mn, &id);

	if (rc != OL_OK)
		fail_msg("member_add(%s) = %d: %s", name, rc, db_errmsg(db));
	return id;
}

static long long add_full(struct db *db, const char *name, long long branch)
{
	return add_member(db, name, branch, MEMBER_FULL, "2015-07-01", 0);
}

static void event(struct db *db, long long member, enum member_event_kind kind, const char *day)
{
	int rc = member_event_add(db, member, kind, D(day), -1, NULL);

	if (rc != OL_OK)
		fail_msg("member_event_add(%lld, %d, %s) = %d: %s", member, kind, day, rc, db_errmsg(db));
}

static enum member_where where_on(struct db *db, long long id, const char *day)
{
	struct member m;
	enum member_where w;

	assert_int_equal(member_get(db, id, D(day), &m), OL_OK);
	w = m.where;
	member_clear(&m);
	return w;
}

static enum member_status status_on(struct db *db, long long id, const char *day)
{
	struct member m;
	enum member_status s;

	assert_int_equal(member_get(db, id, D(day), &m), OL_OK);
	s = m.status;
	member_clear(&m);
	return s;
}

/* The member's current roles on day as a string ("" for none). */
static void assert_roles(struct db *db, long long id, const char *day, const char *want)
{
	struct member m;

	assert_int_equal(member_get(db, id, D(day), &m), OL_OK);
	if (strcmp(m.roles ? m.roles : "", want) != 0)
		fail_msg("member %lld on %s: roles '%s', want '%s'", id, day, m.roles ? m.roles : "", want);
	member_clear(&m);
}

static long long add_session(struct db *db, long long org, enum session_kind kind, const char *day)
{
	struct session s = { .org_id = org, .kind = kind, .also = SK_NONE, .day = D(day), .minute = -1 };
	long long id = 0;
	int rc = session_add(db, &s, &id);

	if (rc != OL_OK)
		fail_msg("session_add(%s on %s) = %d: %s", session_kind_code(kind), day, rc, db_errmsg(db));
	return id;
}

static enum session_state state_of(struct db *db, long long id)
{
	struct session s;
	enum session_state st;

	assert_int_equal(session_get(db, id, &s), OL_OK);
	st = s.state;
	session_clear(&s);
	return st;
}

/* ---- the attendance sheet, collected ------------------------------------ */

struct line {
	long long id;
	char name[64];
	enum member_status_flag kind;
	int votes;
	enum attend_status status;
	char reason[64];
};

struct sheet {
	size_t n;
	struct line l[32];
};

static int collect(const struct attendee *a, void *ctx)
{
	struct sheet *s = ctx;
	struct line *l;

	assert_true(s->n < N_ELEMS(s->l));
	l = &s->l[s->n++];
	memset(l, 0, sizeof *l);
	l->id = a->member_id;
	snprintf(l->name, sizeof l->name, "%s", a->name ? a->name : "");
	l->kind = a->kind;
	l->votes = a->votes;
	l->status = a->status;
	snprintf(l->reason, sizeof l->reason, "%s", a->reason ? a->reason : "");
	return 0;
}

static void read_sheet(struct db *db, long long session, struct sheet *s)
{
	memset(s, 0, sizeof *s);
	assert_int_equal(session_attendees(db, session, collect, s), OL_OK);
}

struct want {
	const char *name;
	enum member_status_flag kind;
	int votes;
	enum attend_status status;
	const char *reason;
};

static const char *const flag_names[] = { "expected", "away", "extra" };

static void assert_sheet(const struct sheet *s, const struct want *w, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < s->n && i < n; i++) {
		const struct line *l = &s->l[i];
		if (strcmp(l->name, w[i].name) != 0 || l->kind != w[i].kind || l->votes != w[i].votes ||
		    l->status != w[i].status || strcmp(l->reason, w[i].reason ? w[i].reason : "") != 0)
			fail_msg("%s, line %zu: got %s/%s/votes %d/mark %d/'%s', want %s/%s/votes %d/mark %d/'%s'", what, i,
				 l->name, flag_names[l->kind], l->votes, l->status, l->reason, w[i].name,
				 flag_names[w[i].kind], w[i].votes, w[i].status, w[i].reason ? w[i].reason : "");
	}
	if (s->n != n)
		fail_msg("%s: %zu lines, want %zu (line %zu: %s)", what, s->n, n, i,
			 i < s->n ? s->l[i].name : w[i].name);
}

/* ---- the organization tree ---------------------------------------------- */

enum pick { P_NONE, P_COMMITTEE, P_GENERAL, P_BRANCH1, P_BRANCH2, P_GROUP1A, P_GROUP2, P_MISSING };

static long long pick(const struct world *w, enum pick p)
{
	switch (p) {
	case P_NONE: return 0;
	case P_COMMITTEE: return w->committee;
	case P_GENERAL: return w->general;
	case P_BRANCH1: return w->branch1;
	case P_BRANCH2: return w->branch2;
	case P_GROUP1A: return w->group1a;
	case P_GROUP2: return w->group2;
	case P_MISSING: return MISSING_ID;
	}
	return 0;
}

static const struct tree_case {
	enum org_kind kind;
	enum pick parent;
	int want;
} tree_cases[] = {
	{ .kind = ORG_COMMITTEE, .parent = P_NONE, .want = OL_OK },
	{ .kind = ORG_COMMITTEE, .parent = P_COMMITTEE, .want = OL_OK },
	{ .kind = ORG_COMMITTEE, .parent = P_GENERAL, .want = OL_EINVAL },
	{ .kind = ORG_COMMITTEE, .parent = P_BRANCH1, .want = OL_EINVAL },
	{ .kind = ORG_GENERAL_BRANCH, .parent = P_NONE, .want = OL_OK },
	{ .kind = ORG_GENERAL_BRANCH, .parent = P_COMMITTEE, .want = OL_OK },
	{ .kind = ORG_GENERAL_BRANCH, .parent = P_GENERAL, .want = OL_EINVAL },
	{ .kind = ORG_GENERAL_BRANCH, .parent = P_BRANCH1, .want = OL_EINVAL },
	{ .kind = ORG_BRANCH, .parent = P_NONE, .want = OL_OK },
	{ .kind = ORG_BRANCH, .parent = P_COMMITTEE, .want = OL_OK },
	{ .kind = ORG_BRANCH, .parent = P_GENERAL, .want = OL_OK },
	{ .kind = ORG_BRANCH, .parent = P_BRANCH1, .want = OL_EINVAL },
	{ .kind = ORG_BRANCH, .parent = P_GROUP1A, .want = OL_EINVAL },
	{ .kind = ORG_GROUP, .parent = P_NONE, .want = OL_EINVAL },
	{ .kind = ORG_GROUP, .parent = P_COMMITTEE, .want = OL_EINVAL },
	{ .kind = ORG_GROUP, .parent = P_GENERAL, .want = OL_EINVAL },
	{ .kind = ORG_GROUP, .parent = P_BRANCH1, .want = OL_OK },
	{ .kind = ORG_GROUP, .parent = P_GROUP1A, .want = OL_EINVAL },
	{ .kind = ORG_BRANCH, .parent = P_MISSING, .want = OL_ENOTFOUND },
};

static void test_org_group_only_under_branch(void **state)
{
	struct world *w = *state;
	size_t i;

	for (i = 0; i < N_ELEMS(tree_cases); i++) {
		const struct tree_case *c = &tree_cases[i];
		long long before = count(w->db, "org"), id = 0, parent = pick(w, c->parent);
		char name[32];
		struct org o, p;
		int rc;

		snprintf(name, sizeof name, "组织%zu", i);
		rc = org_add(w->db, name, c->kind, parent, 0, &id);
		if (rc != c->want)
			fail_msg("case %zu: a %s under %lld: %d, want %d (%s)", i, org_kind_code(c->kind), parent, rc,
				 c->want, db_errmsg(w->db));
		if (rc != OL_OK) {
			assert_true(strlen(db_errmsg(w->db)) > 0);
			assert_int_equal(count(w->db, "org"), before);
			continue;
		}
		assert_int_equal(count(w->db, "org"), before + 1);
		assert_int_equal(org_get(w->db, id, &o), OL_OK);
		assert_string_equal(o.name, name);
		assert_int_equal(o.kind, c->kind);
		assert_int_equal(o.parent_id, parent);
		if (parent) {
			assert_int_equal(org_get(w->db, parent, &p), OL_OK);
			assert_string_equal(o.parent_name, p.name);
			org_clear(&p);
		} else
			assert_null(o.parent_name);
		org_clear(&o);
	}
}

static void test_org_add_refuses_bad_name_and_term(void **state)
{
	struct world *w = *state;
	long long before = count(w->db, "org"), id;
	struct org o;

	assert_int_equal(org_add(w->db, "", ORG_BRANCH, w->committee, 0, &id), OL_EINVAL);
	assert_int_equal(org_add(w->db, NULL, ORG_BRANCH, w->committee, 0, &id), OL_EINVAL);
	assert_int_equal(org_add(w->db, "第三支部", ORG_BRANCH, w->committee, 11, &id), OL_EINVAL);
	assert_int_equal(org_add(w->db, "第三支部", ORG_BRANCH, w->committee, -1, &id), OL_EINVAL);
	assert_int_equal(count(w->db, "org"), before);
	assert_int_equal(org_add(w->db, "村党支部", ORG_BRANCH, w->committee, 5, &id), OL_OK);
	assert_int_equal(org_get(w->db, id, &o), OL_OK);
	assert_int_equal(o.term_years, 5);
	org_clear(&o);
	assert_int_equal(org_get(w->db, w->branch1, &o), OL_OK);
	assert_int_equal(o.term_years, 0);
	org_clear(&o);
}

static void assert_parent(struct db *db, long long id, long long parent)
{
	struct org o;

	assert_int_equal(org_get(db, id, &o), OL_OK);
	if (o.parent_id != parent)
		fail_msg("org %lld: parent %lld, want %lld", id, o.parent_id, parent);
	org_clear(&o);
}

static void test_org_edit_refuses_cycles(void **state)
{
	struct world *w = *state;
	/* Committees may nest, so only they can make a cycle. */
	long long a = add_org(w->db, "甲党委", ORG_COMMITTEE, 0);
	long long b = add_org(w->db, "乙党委", ORG_COMMITTEE, a);
	long long c = add_org(w->db, "丙党委", ORG_COMMITTEE, b);
	const struct {
		long long id, parent;
	} cycles[] = {
		{ .id = a, .parent = a }, { .id = a, .parent = b }, { .id = a, .parent = c },
		{ .id = b, .parent = b }, { .id = b, .parent = c }, { .id = c, .parent = c },
	};
	struct org_changes ch = { .set_parent = 1 };
	size_t i;

	for (i = 0; i < N_ELEMS(cycles); i++) {
		ch.parent_id = cycles[i].parent;
		if (org_edit(w->db, cycles[i].id, &ch) != OL_EINVAL)
			fail_msg("moving %lld under %lld was not refused", cycles[i].id, cycles[i].parent);
		assert_true(strlen(db_errmsg(w->db)) > 0);
		assert_parent(w->db, a, 0);
		assert_parent(w->db, b, a);
		assert_parent(w->db, c, b);
	}
	/* Moves that keep a tree are fine. */
	ch.parent_id = a;
	assert_int_equal(org_edit(w->db, c, &ch), OL_OK);
	assert_parent(w->db, c, a);
	ch.parent_id = 0;
	assert_int_equal(org_edit(w->db, b, &ch), OL_OK);
	assert_parent(w->db, b, 0);
	ch.parent_id = c;
	assert_int_equal(org_edit(w->db, b, &ch), OL_OK);
	assert_parent(w->db, b, c);
	/* Moves that break the kinds are refused too. */
	ch.parent_id = w->group1a;
	assert_int_equal(org_edit(w->db, w->branch2, &ch), OL_EINVAL);
	assert_parent(w->db, w->branch2, w->committee);
	ch.parent_id = w->committee;
	assert_int_equal(org_edit(w->db, w->group2, &ch), OL_EINVAL);
	assert_parent(w->db, w->group2, w->branch2);
	ch.parent_id = MISSING_ID;
	assert_int_equal(org_edit(w->db, w->branch2, &ch), OL_ENOTFOUND);
	assert_parent(w->db, w->branch2, w->committee);
	assert_int_equal(org_edit(w->db, MISSING_ID, &ch), OL_ENOTFOUND);
}

static void test_org_edit_renames_and_keeps_the_rest(void **state)
{
	struct world *w = *state;
	struct org_changes rename = { .name = "一支部", .term_years = 5 };
	struct org_changes keep = { 0 };
	struct org_changes empty = { .name = "" };
	struct org o;

	assert_int_equal(org_edit(w->db, w->branch1, &rename), OL_OK);
	assert_int_equal(org_edit(w->db, w->branch1, &keep), OL_OK);
	assert_int_equal(org_edit(w->db, w->branch1, &empty), OL_EINVAL);
	assert_int_equal(org_get(w->db, w->branch1, &o), OL_OK);
	assert_string_equal(o.name, "一支部");
	assert_int_equal(o.term_years, 5);
	assert_int_equal(o.parent_id, w->committee);
	assert_int_equal(o.kind, ORG_BRANCH);
	org_clear(&o);
	assert_int_equal(org_get(w->db, w->group1a, &o), OL_OK);
	assert_string_equal(o.parent_name, "一支部");
	org_clear(&o);
}

/* member_add refuses a group of another branch; moving a group with its
 * members must not create such members either: either the move is
 * refused or the members follow their group. */
static void test_org_edit_keeps_members_groups_in_their_branch(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "张伟", w->branch1, MEMBER_FULL, NULL, w->group1a);
	struct org_changes ch = { .set_parent = 1, .parent_id = w->branch2 };
	struct member m;
	struct org g;
	char why[512] = "";
	int rc = org_edit(w->db, w->group1a, &ch);

	assert_int_equal(member_get(w->db, id, D("2025-06-15"), &m), OL_OK);
	assert_int_equal(org_get(w->db, m.group_id, &g), OL_OK);
	if (g.parent_id != m.org_id)
		snprintf(why, sizeof why, "org_edit = %d: member %s is in %s but in the group %s of another branch (%lld)",
			 rc, m.name, m.org_name, g.name, g.parent_id);
	org_clear(&g);
	member_clear(&m);
	if (why[0])
		fail_msg("%s", why);
	/* An empty group moves freely. */
	assert_int_equal(org_edit(w->db, w->group1b, &ch), OL_OK);
	assert_parent(w->db, w->group1b, w->branch2);
}

static void test_org_resolve_by_id_and_name(void **state)
{
	struct world *w = *state;
	long long twin1 = add_org(w->db, "联合支部", ORG_BRANCH, w->committee);
	long long twin2 = add_org(w->db, "联合支部", ORG_BRANCH, w->general);
	char spec[32], id1[32], id2[32];
	long long id = 0;

	snprintf(spec, sizeof spec, "%lld", w->branch2);
	assert_int_equal(org_resolve(w->db, spec, &id), OL_OK);
	assert_int_equal(id, w->branch2);

	id = 0;
	assert_int_equal(org_resolve(w->db, "第一小组", &id), OL_OK);
	assert_int_equal(id, w->group1a);

	assert_int_equal(org_resolve(w->db, "联合支部", &id), OL_EAMBIG);
	snprintf(id1, sizeof id1, "%lld", twin1);
	snprintf(id2, sizeof id2, "%lld", twin2);
	if (!strstr(db_errmsg(w->db), id1) || !strstr(db_errmsg(w->db), id2))
		fail_msg("the ambiguity message lacks %s or %s: %s", id1, id2, db_errmsg(w->db));

	assert_int_equal(org_resolve(w->db, "没有这个支部", &id), OL_ENOTFOUND);
	assert_non_null(strstr(db_errmsg(w->db), "没有这个支部"));
	assert_int_equal(org_resolve(w->db, "999999999", &id), OL_ENOTFOUND);
	/* Case and spacing matter: names are matched exactly. */
	assert_int_equal(org_resolve(w->db, " 第一支部", &id), OL_ENOTFOUND);
}

static void test_org_branch_of(void **state)
{
	struct world *w = *state;

	assert_int_equal(org_branch_of(w->db, w->branch1), w->branch1);
	assert_int_equal(org_branch_of(w->db, w->group1b), w->branch1);
	assert_int_equal(org_branch_of(w->db, w->group2), w->branch2);
	assert_int_equal(org_branch_of(w->db, w->committee), 0);
	assert_int_equal(org_branch_of(w->db, w->general), 0);
	assert_int_equal(org_branch_of(w->db, MISSING_ID), 0);
}

struct org_line {
	char name[64];
	int depth, members;
};

struct org_lines {
	size_t n;
	struct org_line l[16];
};

static int collect_org(const struct org *o, void *ctx)
{
	struct org_lines *ls = ctx;

	assert_true(ls->n < N_ELEMS(ls->l));
	snprintf(ls->l[ls->n].name, sizeof ls->l[ls->n].name, "%s", o->name);
	ls->l[ls->n].depth = o->depth;
	ls->l[ls->n].members = o->members;
	ls->n++;
	return 0;
}

static void test_org_list_parents_first_siblings_by_name(void **state)
{
	struct world *w = *state;
	static const struct org_line want[] = {
		{ .name = "机关党委", .depth = 0, .members = 3 },
		{ .name = "机关总支", .depth = 1, .members = 0 },
		{ .name = "第一支部", .depth = 1, .members = 2 },
		{ .name = "第一小组", .depth = 2, .members = 1 },
		{ .name = "第二小组", .depth = 2, .members = 0 },
		{ .name = "第二支部", .depth = 1, .members = 1 },
		{ .name = "二支部小组", .depth = 2, .members = 0 },
	};
	struct org_lines got = { 0 };
	size_t i;

	add_member(w->db, "张伟", w->branch1, MEMBER_FULL, NULL, w->group1a);
	add_member(w->db, "李娜", w->branch1, MEMBER_FULL, NULL, 0);
	add_member(w->db, "王芳", w->branch2, MEMBER_FULL, NULL, 0);
	assert_int_equal(org_list(w->db, collect_org, &got), OL_OK);
	assert_int_equal(got.n, N_ELEMS(want));
	for (i = 0; i < got.n; i++) {
		if (strcmp(got.l[i].name, want[i].name) != 0 || got.l[i].depth != want[i].depth ||
		    got.l[i].members != want[i].members)
			fail_msg("line %zu: %s depth %d members %d, want %s depth %d members %d", i, got.l[i].name,
				 got.l[i].depth, got.l[i].members, want[i].name, want[i].depth, want[i].members);
	}
}

/* ---- members ------------------------------------------------------------ */

static const struct add_case {
	const char *what;
	const char *name;
	enum pick org;
	enum member_status status;
	const char *joined;
	enum pick group;
	int want;
} add_cases[] = {
	{ .what = "no name", .name = "", .org = P_BRANCH1, .status = MEMBER_FULL, .joined = NULL, .group = P_NONE,
	  .want = OL_EINVAL },
	{ .what = "NULL name", .name = NULL, .org = P_BRANCH1, .status = MEMBER_FULL, .joined = NULL, .group = P_NONE,
	  .want = OL_EINVAL },
	{ .what = "probationary without joined", .name = "李娜", .org = P_BRANCH1, .status = MEMBER_PROBATIONARY,
	  .joined = NULL, .group = P_NONE, .want = OL_EINVAL },
	{ .what = "in a committee", .name = "李娜", .org = P_COMMITTEE, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_NONE, .want = OL_EINVAL },
	{ .what = "in a general branch", .name = "李娜", .org = P_GENERAL, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_NONE, .want = OL_EINVAL },
	{ .what = "in a group instead of a branch", .name = "李娜", .org = P_GROUP1A, .status = MEMBER_FULL,
	  .joined = NULL, .group = P_NONE, .want = OL_EINVAL },
	{ .what = "in no organization", .name = "李娜", .org = P_MISSING, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_NONE, .want = OL_ENOTFOUND },
	{ .what = "group of another branch", .name = "李娜", .org = P_BRANCH1, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_GROUP2, .want = OL_EINVAL },
	{ .what = "a branch as group", .name = "李娜", .org = P_BRANCH1, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_BRANCH2, .want = OL_EINVAL },
	{ .what = "a missing group", .name = "李娜", .org = P_BRANCH1, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_MISSING, .want = OL_ENOTFOUND },
	{ .what = "full, joined unknown", .name = "张伟", .org = P_BRANCH1, .status = MEMBER_FULL, .joined = NULL,
	  .group = P_NONE, .want = OL_OK },
	{ .what = "full in a group", .name = "王芳", .org = P_BRANCH2, .status = MEMBER_FULL, .joined = "2001-07-01",
	  .group = P_GROUP2, .want = OL_OK },
	{ .what = "probationary", .name = "刘洋", .org = P_BRANCH1, .status = MEMBER_PROBATIONARY, .joined = "2025-01-10",
	  .group = P_GROUP1A, .want = OL_OK },
	{ .what = "probationary, admitted after today", .name = "陈静", .org = P_BRANCH1, .status = MEMBER_PROBATIONARY,
	  .joined = "2025-07-01", .group = P_NONE, .want = OL_OK },
};

static void test_member_add_validation(void **state)
{
	struct world *w = *state;
	size_t i;

	for (i = 0; i < N_ELEMS(add_cases); i++) {
		const struct add_case *c = &add_cases[i];
		struct member_new mn = {
			.name = c->name, .org_id = pick(w, c->org), .status = c->status, .joined = D(c->joined),
			.group_id = pick(w, c->group), .cadre = (int)(i % 2), .phone = i % 2 ? "13912345678" : NULL,
		};
		long long before = count(w->db, "member"), id = 0;
		struct member m;
		struct org o;
		int rc = member_add(w->db, &mn, &id);

		if (rc != c->want)
			fail_msg("%s: %d, want %d (%s)", c->what, rc, c->want, db_errmsg(w->db));
		if (rc != OL_OK) {
			assert_true(strlen(db_errmsg(w->db)) > 0);
			assert_int_equal(count(w->db, "member"), before);
			continue;
		}
		assert_int_equal(member_get(w->db, id, D("2025-06-15"), &m), OL_OK);
		assert_string_equal(m.name, c->name);
		assert_int_equal(m.org_id, mn.org_id);
		assert_int_equal(org_get(w->db, mn.org_id, &o), OL_OK);
		assert_string_equal(m.org_name, o.name);
		org_clear(&o);
		assert_int_equal(m.group_id, mn.group_id);
		if (mn.group_id) {
			assert_int_equal(org_get(w->db, mn.group_id, &o), OL_OK);
			assert_string_equal(m.group_name, o.name);
			org_clear(&o);
		} else
			assert_null(m.group_name);
		assert_int_equal(m.admitted, c->status);
		assert_int_equal(m.status, c->status);
		assert_int_equal(m.joined, mn.joined);
		assert_int_equal(m.confirmed, -1);
		assert_int_equal(m.probation_until, -1);
		assert_int_equal(m.cadre, mn.cadre);
		if (mn.phone)
			assert_string_equal(m.phone, mn.phone);
		else
			assert_null(m.phone);
		assert_null(m.roles);
		assert_int_equal(m.where, mn.joined > D("2025-06-15") ? MEMBER_NOT_YET : MEMBER_HERE);
		member_clear(&m);
	}
}

static const struct {
	const char *day;
	enum member_status status;
} status_days[] = {
	{ .day = "2024-03-01", .status = MEMBER_PROBATIONARY },
	{ .day = "2025-03-01", .status = MEMBER_PROBATIONARY },
	{ .day = "2025-03-04", .status = MEMBER_PROBATIONARY },
	{ .day = "2025-03-05", .status = MEMBER_FULL },
	{ .day = "2025-03-06", .status = MEMBER_FULL },
	{ .day = "2030-01-01", .status = MEMBER_FULL },
};

static int find_status(const struct member *m, void *ctx)
{
	long long *want = ctx;

	if (m->id == want[0]) {
		want[1] = m->status;
		return 0;
	}
	return 0;
}

static void test_member_status_as_of_day_follows_confirmation(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "刘洋", w->branch1, MEMBER_PROBATIONARY, "2024-03-01", 0);
	long long probe[2];
	struct member m;
	size_t i;

	assert_int_equal(member_confirm(w->db, id, D("2025-03-05")), OL_OK);
	for (i = 0; i < N_ELEMS(status_days); i++) {
		if (status_on(w->db, id, status_days[i].day) != status_days[i].status)
			fail_msg("on %s: status %d, want %d", status_days[i].day, status_on(w->db, id, status_days[i].day),
				 status_days[i].status);
		/* member_list reports the same status as of the day. */
		probe[0] = id;
		probe[1] = -1;
		assert_int_equal(member_list(w->db, w->branch1, D(status_days[i].day), find_status, probe), OL_OK);
		assert_int_equal(probe[1], status_days[i].status);
	}
	assert_int_equal(member_get(w->db, id, D("2030-01-01"), &m), OL_OK);
	assert_int_equal(m.admitted, MEMBER_PROBATIONARY);
	assert_day(m.confirmed, "2025-03-05");
	member_clear(&m);
}

/* R-PROBATION: admitted on 29 February, the year of probation ends on
 * 28 February of the next year. */
static void test_member_confirm_on_anniversary_of_leap_day(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "刘洋", w->branch1, MEMBER_PROBATIONARY, "2024-02-29", 0);
	long long full = add_full(w->db, "张伟", w->branch1);
	static const struct {
		const char *day;
		int want;
		const char *confirmed;
	} steps[] = {
		{ .day = "2024-02-29", .want = OL_EINVAL, .confirmed = NULL },
		{ .day = "2024-12-31", .want = OL_EINVAL, .confirmed = NULL },
		{ .day = "2025-02-27", .want = OL_EINVAL, .confirmed = NULL },
		{ .day = "2025-02-28", .want = OL_OK, .confirmed = "2025-02-28" },
		{ .day = "2025-03-01", .want = OL_ESTATE, .confirmed = "2025-02-28" },
		{ .day = "2025-02-28", .want = OL_ESTATE, .confirmed = "2025-02-28" },
	};
	struct member m;
	size_t i;

	for (i = 0; i < N_ELEMS(steps); i++) {
		int rc = member_confirm(w->db, id, D(steps[i].day));
		if (rc != steps[i].want)
			fail_msg("confirm on %s: %d, want %d (%s)", steps[i].day, rc, steps[i].want, db_errmsg(w->db));
		if (rc == OL_EINVAL)
			assert_non_null(strstr(db_errmsg(w->db), "2025-02-28"));
		assert_int_equal(member_get(w->db, id, -1, &m), OL_OK);
		assert_day(m.confirmed, steps[i].confirmed);
		member_clear(&m);
	}
	assert_int_equal(member_confirm(w->db, full, D("2025-06-01")), OL_ESTATE);
	assert_int_equal(member_get(w->db, full, -1, &m), OL_OK);
	assert_int_equal(m.confirmed, -1);
	member_clear(&m);
	assert_int_equal(member_confirm(w->db, MISSING_ID, D("2025-06-01")), OL_ENOTFOUND);
}

/* An extended probation ends when the extension does. */
static void test_member_confirm_waits_for_extension_end(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "刘洋", w->branch1, MEMBER_PROBATIONARY, "2024-03-10", 0);
	struct member m;

	assert_int_equal(member_extend_probation(w->db, id, D("2025-12-10")), OL_OK);
	assert_int_equal(member_confirm(w->db, id, D("2025-03-10")), OL_EINVAL);
	assert_int_equal(member_confirm(w->db, id, D("2025-12-09")), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "2025-12-10"));
	assert_int_equal(status_on(w->db, id, "2025-12-09"), MEMBER_PROBATIONARY);
	assert_int_equal(member_confirm(w->db, id, D("2025-12-10")), OL_OK);
	assert_int_equal(member_get(w->db, id, D("2025-12-10"), &m), OL_OK);
	assert_day(m.confirmed, "2025-12-10");
	assert_day(m.probation_until, "2025-12-10");
	assert_int_equal(m.status, MEMBER_FULL);
	member_clear(&m);
}

/* R-PROBATION: one extension, ending 6 to 12 months after the year of
 * probation ends (both ends included). */
static const struct {
	const char *joined, *until;
	int want;
} extensions[] = {
	{ .joined = "2024-03-10", .until = "2025-09-09", .want = OL_EINVAL },
	{ .joined = "2024-03-10", .until = "2025-09-10", .want = OL_OK },
	{ .joined = "2024-03-10", .until = "2025-12-31", .want = OL_OK },
	{ .joined = "2024-03-10", .until = "2026-03-10", .want = OL_OK },
	{ .joined = "2024-03-10", .until = "2026-03-11", .want = OL_EINVAL },
	{ .joined = "2024-03-10", .until = "2025-03-10", .want = OL_EINVAL },
	/* From a leap day: the year ends 2025-02-28. */
	{ .joined = "2024-02-29", .until = "2025-08-27", .want = OL_EINVAL },
	{ .joined = "2024-02-29", .until = "2025-08-28", .want = OL_OK },
	{ .joined = "2024-02-29", .until = "2026-02-28", .want = OL_OK },
	{ .joined = "2024-02-29", .until = "2026-03-01", .want = OL_EINVAL },
};

static void test_member_extend_probation_window_boundaries(void **state)
{
	struct world *w = *state;
	struct member m;
	size_t i;

	for (i = 0; i < N_ELEMS(extensions); i++) {
		char name[32];
		long long id;
		int rc;

		snprintf(name, sizeof name, "预备党员%zu", i);
		id = add_member(w->db, name, w->branch1, MEMBER_PROBATIONARY, extensions[i].joined, 0);
		rc = member_extend_probation(w->db, id, D(extensions[i].until));
		if (rc != extensions[i].want)
			fail_msg("joined %s, extend until %s: %d, want %d (%s)", extensions[i].joined, extensions[i].until,
				 rc, extensions[i].want, db_errmsg(w->db));
		assert_int_equal(member_get(w->db, id, D(extensions[i].until), &m), OL_OK);
		assert_day(m.probation_until, rc == OL_OK ? extensions[i].until : NULL);
		/* Still probationary while the extension runs. */
		assert_int_equal(m.status, MEMBER_PROBATIONARY);
		member_clear(&m);
	}
}

static void test_member_extend_probation_only_once_and_only_on_probation(void **state)
{
	struct world *w = *state;
	long long p = add_member(w->db, "刘洋", w->branch1, MEMBER_PROBATIONARY, "2024-03-10", 0);
	long long c = add_member(w->db, "陈静", w->branch1, MEMBER_PROBATIONARY, "2024-03-10", 0);
	long long f = add_full(w->db, "张伟", w->branch1);
	struct member m;

	assert_int_equal(member_extend_probation(w->db, p, D("2025-12-10")), OL_OK);
	assert_int_equal(member_extend_probation(w->db, p, D("2026-01-10")), OL_ESTATE);
	assert_int_equal(member_get(w->db, p, -1, &m), OL_OK);
	assert_day(m.probation_until, "2025-12-10");
	member_clear(&m);

	assert_int_equal(member_confirm(w->db, c, D("2025-03-10")), OL_OK);
	assert_int_equal(member_extend_probation(w->db, c, D("2025-12-10")), OL_ESTATE);
	assert_int_equal(member_extend_probation(w->db, f, D("2025-12-10")), OL_ESTATE);
	assert_int_equal(member_get(w->db, c, -1, &m), OL_OK);
	assert_int_equal(m.probation_until, -1);
	member_clear(&m);
	assert_int_equal(member_get(w->db, f, -1, &m), OL_OK);
	assert_int_equal(m.probation_until, -1);
	member_clear(&m);
}

/* Where a member is, from the latest event on or before the day. */
static void test_member_events_set_where_on_each_day(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "张伟", w->branch1, MEMBER_FULL, "2020-01-01", 0);
	static const struct {
		const char *day;
		enum member_where where;
	} days[] = {
		{ .day = "2019-12-31", .where = MEMBER_NOT_YET },
		{ .day = "2020-01-01", .where = MEMBER_HERE },
		{ .day = "2025-01-09", .where = MEMBER_HERE },
		{ .day = "2025-01-10", .where = MEMBER_FLOWED_OUT },
		{ .day = "2025-02-28", .where = MEMBER_FLOWED_OUT },
		{ .day = "2025-03-01", .where = MEMBER_HERE },
		{ .day = "2025-03-31", .where = MEMBER_HERE },
		{ .day = "2025-04-01", .where = MEMBER_LOST },
		{ .day = "2025-04-30", .where = MEMBER_LOST },
		{ .day = "2025-05-01", .where = MEMBER_HERE },
		{ .day = "2025-05-31", .where = MEMBER_HERE },
		{ .day = "2025-06-01", .where = MEMBER_TRANSFERRED_OUT },
		{ .day = "2026-06-01", .where = MEMBER_TRANSFERRED_OUT },
	};
	size_t i;

	assert_int_equal(member_event_add(w->db, id, EVENT_FLOW_OUT, D("2025-01-10"), D("2026-01-10"), "活动证 A-001"),
			 OL_OK);
	event(w->db, id, EVENT_BACK, "2025-03-01");
	event(w->db, id, EVENT_LOST, "2025-04-01");
	event(w->db, id, EVENT_BACK, "2025-05-01");
	assert_int_equal(member_event_add(w->db, id, EVENT_TRANSFER_OUT, D("2025-06-01"), -1, "介绍信 17"), OL_OK);

	for (i = 0; i < N_ELEMS(days); i++) {
		enum member_where got = where_on(w->db, id, days[i].day);
		if (got != days[i].where)
			fail_msg("on %s: %s, want %s", days[i].day, member_where_code(got), member_where_code(days[i].where));
	}
	assert_query_text(w->db,
		"SELECT group_concat(kind || ' ' || on_date || ' ' || coalesce(until, '-') || ' ' || coalesce(doc, '-'), '; ')"
		" FROM (SELECT * FROM member_event WHERE member_id = ?1 ORDER BY on_date)", id,
		"flow-out 2025-01-10 2026-01-10 活动证 A-001; back 2025-03-01 - -; lost 2025-04-01 - -;"
		" back 2025-05-01 - -; transfer-out 2025-06-01 - 介绍信 17");
}

/* An event must follow from where the member is on its day.  The history
 * is walked in date order (facts are recorded in date order): each step
 * either records an event or tries events that its state refuses. */
static const struct event_step {
	const char *what;
	enum member_event_kind kind;
	const char *day;
	int want; /* OL_OK: recorded */
} event_steps[] = {
	{ .what = "flow-out before joining", .kind = EVENT_FLOW_OUT, .day = "2019-06-01", .want = OL_ESTATE },
	{ .what = "back while here", .kind = EVENT_BACK, .day = "2024-12-01", .want = OL_ESTATE },
	{ .what = "", .kind = EVENT_FLOW_OUT, .day = "2025-01-10", .want = OL_OK },
	{ .what = "flow-out while flowed out", .kind = EVENT_FLOW_OUT, .day = "2025-02-01", .want = OL_ESTATE },
	{ .what = "transfer-in while flowed out", .kind = EVENT_TRANSFER_IN, .day = "2025-02-01", .want = OL_ESTATE },
	{ .what = "", .kind = EVENT_BACK, .day = "2025-03-01", .want = OL_OK },
	{ .what = "back while here again", .kind = EVENT_BACK, .day = "2025-03-15", .want = OL_ESTATE },
	{ .what = "transfer-in while here after events", .kind = EVENT_TRANSFER_IN, .day = "2025-03-15",
	  .want = OL_ESTATE },
	{ .what = "", .kind = EVENT_LOST, .day = "2025-04-01", .want = OL_OK },
	{ .what = "flow-out while lost", .kind = EVENT_FLOW_OUT, .day = "2025-04-15", .want = OL_ESTATE },
	{ .what = "lost while lost", .kind = EVENT_LOST, .day = "2025-04-15", .want = OL_ESTATE },
	{ .what = "transfer-in while lost", .kind = EVENT_TRANSFER_IN, .day = "2025-04-15", .want = OL_ESTATE },
	{ .what = "", .kind = EVENT_BACK, .day = "2025-05-01", .want = OL_OK },
	{ .what = "", .kind = EVENT_TRANSFER_OUT, .day = "2025-06-01", .want = OL_OK },
	{ .what = "lost after transfer-out", .kind = EVENT_LOST, .day = "2025-06-15", .want = OL_ESTATE },
	{ .what = "back after transfer-out", .kind = EVENT_BACK, .day = "2025-06-15", .want = OL_ESTATE },
	{ .what = "flow-out after transfer-out", .kind = EVENT_FLOW_OUT, .day = "2025-06-15", .want = OL_ESTATE },
	{ .what = "transfer-out twice", .kind = EVENT_TRANSFER_OUT, .day = "2025-06-15", .want = OL_ESTATE },
};

static void test_member_events_in_wrong_state_refused(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "张伟", w->branch1, MEMBER_FULL, "2020-01-01", 0);
	long long recorded = 0;
	size_t i;

	for (i = 0; i < N_ELEMS(event_steps); i++) {
		const struct event_step *e = &event_steps[i];
		enum member_where before = where_on(w->db, id, e->day);
		int rc = member_event_add(w->db, id, e->kind, D(e->day), -1, NULL);

		if (rc != e->want)
			fail_msg("step %zu %s (%d on %s): %d, want %d (%s)", i, e->what, e->kind, e->day, rc, e->want,
				 db_errmsg(w->db));
		if (rc == OL_OK) {
			recorded++;
		} else {
			assert_true(strlen(db_errmsg(w->db)) > 0);
			assert_int_equal(where_on(w->db, id, e->day), before);
		}
		assert_int_equal(count(w->db, "member_event"), recorded);
	}
	/* Facts are recorded in date order. */
	assert_int_equal(member_event_add(w->db, id, EVENT_TRANSFER_IN, D("2025-05-15"), -1, NULL), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-01"));
	/* A certificate valid until before it was issued. */
	assert_int_equal(member_event_add(w->db, id, EVENT_TRANSFER_IN, D("2025-07-01"), D("2025-06-30"), NULL), OL_EINVAL);
	assert_int_equal(member_event_add(w->db, MISSING_ID, EVENT_LOST, D("2025-07-01"), -1, NULL), OL_ENOTFOUND);
	assert_int_equal(count(w->db, "member_event"), recorded);
	assert_int_equal(where_on(w->db, id, "2025-07-01"), MEMBER_TRANSFERRED_OUT);
}

static void test_member_events_other_paths(void **state)
{
	struct world *w = *state;
	long long lost_away = add_full(w->db, "李娜", w->branch1);
	long long returner = add_full(w->db, "王芳", w->branch1);
	long long newcomer = add_member(w->db, "刘洋", w->branch1, MEMBER_FULL, "2010-07-01", 0);

	/* Lost while flowed out, then back. */
	event(w->db, lost_away, EVENT_FLOW_OUT, "2025-01-10");
	event(w->db, lost_away, EVENT_LOST, "2025-02-10");
	assert_int_equal(where_on(w->db, lost_away, "2025-02-09"), MEMBER_FLOWED_OUT);
	assert_int_equal(where_on(w->db, lost_away, "2025-02-10"), MEMBER_LOST);
	event(w->db, lost_away, EVENT_BACK, "2025-03-10");
	assert_int_equal(where_on(w->db, lost_away, "2025-03-10"), MEMBER_HERE);

	/* Transferred out, then in again. */
	event(w->db, returner, EVENT_TRANSFER_OUT, "2025-02-01");
	assert_int_equal(member_event_add(w->db, returner, EVENT_BACK, D("2025-03-01"), -1, NULL), OL_ESTATE);
	event(w->db, returner, EVENT_TRANSFER_IN, "2025-04-01");
	assert_int_equal(where_on(w->db, returner, "2025-03-31"), MEMBER_TRANSFERRED_OUT);
	assert_int_equal(where_on(w->db, returner, "2025-04-01"), MEMBER_HERE);

	/* Joined the party elsewhere, transferred in: not here before that. */
	event(w->db, newcomer, EVENT_TRANSFER_IN, "2025-04-01");
	assert_int_equal(where_on(w->db, newcomer, "2025-03-31"), MEMBER_NOT_YET);
	assert_int_equal(where_on(w->db, newcomer, "2025-04-01"), MEMBER_HERE);
	assert_int_equal(member_event_add(w->db, newcomer, EVENT_TRANSFER_IN, D("2025-05-01"), -1, NULL), OL_ESTATE);
}

#define NAMES_SIZE 512

/* Appends the member's name to the comma-separated list in ctx. */
static int collect_names(const struct member *m, void *ctx)
{
	char *b = ctx;
	size_t n = strlen(b);

	snprintf(b + n, NAMES_SIZE - n, "%s%s", n ? "," : "", m->name);
	return 0;
}

static void test_member_list_scope(void **state)
{
	struct world *w = *state;
	char names[NAMES_SIZE];

	add_member(w->db, "B-in-group", w->branch1, MEMBER_FULL, NULL, w->group1a);
	add_member(w->db, "A-no-group", w->branch1, MEMBER_FULL, NULL, 0);
	add_member(w->db, "C-other-group", w->branch1, MEMBER_FULL, NULL, w->group1b);
	add_member(w->db, "D-branch2", w->branch2, MEMBER_FULL, NULL, 0);

	memset(names, 0, sizeof names);
	assert_int_equal(member_list(w->db, w->branch1, D("2025-06-15"), collect_names, names), OL_OK);
	assert_string_equal(names, "A-no-group,B-in-group,C-other-group");
	memset(names, 0, sizeof names);
	assert_int_equal(member_list(w->db, w->group1a, D("2025-06-15"), collect_names, names), OL_OK);
	assert_string_equal(names, "B-in-group");
	memset(names, 0, sizeof names);
	/* By branch (第一支部 before 第二支部), then name. */
	assert_int_equal(member_list(w->db, w->committee, D("2025-06-15"), collect_names, names), OL_OK);
	assert_string_equal(names, "A-no-group,B-in-group,C-other-group,D-branch2");
	memset(names, 0, sizeof names);
	assert_int_equal(member_list(w->db, 0, D("2025-06-15"), collect_names, names), OL_OK);
	assert_string_equal(names, "A-no-group,B-in-group,C-other-group,D-branch2");
}

static void test_member_edit_changes_and_keeps(void **state)
{
	struct world *w = *state;
	long long id = add_member(w->db, "张伟", w->branch1, MEMBER_PROBATIONARY, "2025-01-10", w->group1a);
	struct member_changes keep = { .cadre = -1 };
	struct member_changes move = { .set_group = 1, .group_id = w->group1b, .cadre = 1, .phone = "13800000000" };
	struct member_changes foreign = { .set_group = 1, .group_id = w->group2, .cadre = -1 };
	struct member_changes branch = { .set_group = 1, .group_id = w->branch2, .cadre = -1 };
	struct member_changes leave = { .name = "张伟伟", .set_group = 1, .group_id = 0, .cadre = -1, .phone = "" };
	struct member_changes noname = { .name = "", .cadre = -1 };
	struct member m;

	assert_int_equal(member_edit(w->db, id, &move), OL_OK);
	assert_int_equal(member_edit(w->db, id, &keep), OL_OK);
	assert_int_equal(member_edit(w->db, id, &foreign), OL_EINVAL);
	assert_int_equal(member_edit(w->db, id, &branch), OL_EINVAL);
	assert_int_equal(member_edit(w->db, id, &noname), OL_EINVAL);
	assert_int_equal(member_get(w->db, id, D("2025-06-15"), &m), OL_OK);
	assert_string_equal(m.name, "张伟");
	assert_int_equal(m.group_id, w->group1b);
	assert_string_equal(m.group_name, "第二小组");
	assert_int_equal(m.cadre, 1);
	assert_string_equal(m.phone, "13800000000");
	/* Facts that are not edited stay. */
	assert_int_equal(m.admitted, MEMBER_PROBATIONARY);
	assert_day(m.joined, "2025-01-10");
	assert_int_equal(m.org_id, w->branch1);
	member_clear(&m);

	assert_int_equal(member_edit(w->db, id, &leave), OL_OK);
	assert_int_equal(member_get(w->db, id, D("2025-06-15"), &m), OL_OK);
	assert_string_equal(m.name, "张伟伟");
	assert_int_equal(m.group_id, 0);
	assert_null(m.phone);
	assert_int_equal(m.cadre, 1);
	member_clear(&m);
	assert_int_equal(member_edit(w->db, MISSING_ID, &keep), OL_ENOTFOUND);
}

/* ---- roles and dues ----------------------------------------------------- */

static void test_roles_one_secretary_at_a_time(void **state)
{
	struct world *w = *state;
	long long a = add_full(w->db, "张伟", w->branch1);
	long long b = add_full(w->db, "李娜", w->branch1);
	long long other = add_full(w->db, "王芳", w->branch2);
	char aid[32];

	snprintf(aid, sizeof aid, "%lld", a);
	assert_int_equal(role_set(w->db, a, ROLE_SECRETARY, D("2024-01-01"), -1), OL_OK);
	/* Overlaps with a's open-ended term. */
	assert_int_equal(role_set(w->db, b, ROLE_SECRETARY, D("2024-06-01"), -1), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), aid));
	assert_int_equal(role_set(w->db, b, ROLE_SECRETARY, D("2023-01-01"), D("2024-01-01")), OL_ESTATE);
	/* Ends the day before a's term: fine. */
	assert_int_equal(role_set(w->db, b, ROLE_SECRETARY, D("2023-01-01"), D("2023-12-31")), OL_OK);
	/* The same member twice. */
	assert_int_equal(role_set(w->db, a, ROLE_SECRETARY, D("2025-01-01"), -1), OL_ESTATE);
	/* Another branch has its own secretary. */
	assert_int_equal(role_set(w->db, other, ROLE_SECRETARY, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(role_set(w->db, b, ROLE_DEPUTY, D("2025-03-01"), D("2025-02-01")), OL_EINVAL);
	assert_int_equal(count(w->db, "role"), 3);

	/* to_date is the last day in office. */
	assert_int_equal(role_end(w->db, a, ROLE_SECRETARY, D("2025-03-31")), OL_OK);
	assert_roles(w->db, a, "2025-03-31", "secretary");
	assert_roles(w->db, a, "2025-04-01", "");
	assert_roles(w->db, a, "2023-12-31", "");
	assert_roles(w->db, b, "2023-12-31", "secretary");
	assert_roles(w->db, b, "2024-01-01", "");
	assert_query_text(w->db, "SELECT to_date FROM role WHERE member_id = ?1", a, "2025-03-31");
	assert_int_equal(role_set(w->db, b, ROLE_SECRETARY, D("2025-03-31"), -1), OL_ESTATE);
	assert_int_equal(role_set(w->db, b, ROLE_SECRETARY, D("2025-04-01"), -1), OL_OK);
	assert_roles(w->db, b, "2025-04-01", "secretary");
	/* Nothing left to end. */
	assert_int_equal(role_end(w->db, a, ROLE_SECRETARY, D("2025-05-01")), OL_ENOTFOUND);
	assert_int_equal(role_end(w->db, a, ROLE_ORGANIZER, D("2025-05-01")), OL_ENOTFOUND);
	assert_query_text(w->db, "SELECT to_date FROM role WHERE member_id = ?1", a, "2025-03-31");
}

static void test_roles_fixed_term_and_several_roles(void **state)
{
	struct world *w = *state;
	long long a = add_full(w->db, "张伟", w->branch1);

	assert_int_equal(role_set(w->db, a, ROLE_DEPUTY, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(role_set(w->db, a, ROLE_ORGANIZER, D("2025-01-01"), D("2025-01-31")), OL_OK);
	assert_roles(w->db, a, "2024-12-31", "deputy");
	assert_roles(w->db, a, "2025-02-01", "deputy");
	{
		struct member m;
		assert_int_equal(member_get(w->db, a, D("2025-01-31"), &m), OL_OK);
		assert_non_null(m.roles);
		assert_true(strcmp(m.roles, "deputy,organizer") == 0 || strcmp(m.roles, "organizer,deputy") == 0);
		member_clear(&m);
	}
	assert_int_equal(role_set(w->db, a, ROLE_ORGANIZER, D("2025-01-15"), D("2025-03-01")), OL_ESTATE);
	assert_int_equal(role_set(w->db, a, ROLE_ORGANIZER, D("2025-02-01"), -1), OL_OK);
	assert_roles(w->db, a, "2024-12-31", "deputy");
}

/* Only someone in the branch on the first day takes a role. */
static void test_roles_refused_while_away(void **state)
{
	struct world *w = *state;
	long long away = add_full(w->db, "张伟", w->branch1);
	long long later = add_member(w->db, "刘洋", w->branch1, MEMBER_PROBATIONARY, "2025-07-01", 0);

	event(w->db, away, EVENT_FLOW_OUT, "2025-03-01");
	assert_int_equal(role_set(w->db, away, ROLE_ORGANIZER, D("2025-04-01"), -1), OL_ESTATE);
	assert_int_equal(role_set(w->db, later, ROLE_ORGANIZER, D("2025-06-01"), -1), OL_ESTATE);
	assert_int_equal(count(w->db, "role"), 0);
	assert_int_equal(role_set(w->db, away, ROLE_ORGANIZER, D("2025-01-01"), D("2025-02-28")), OL_OK);
	assert_roles(w->db, away, "2025-02-28", "organizer");
	assert_int_equal(role_set(w->db, MISSING_ID, ROLE_ORGANIZER, D("2025-01-01"), -1), OL_ENOTFOUND);
}

static void test_dues_twice_for_a_month_refused(void **state)
{
	struct world *w = *state;
	long long a = add_full(w->db, "张伟", w->branch1), amount;
	long paid;

	assert_int_equal(dues_pay(w->db, a, 2025, 3, 2000, D("2025-03-10")), OL_OK);
	assert_int_equal(dues_pay(w->db, a, 2025, 3, 2500, D("2025-03-20")), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), "2025-03"));
	assert_int_equal(dues_get(w->db, a, 2025, 3, &amount, &paid), OL_OK);
	assert_true(amount == 2000);
	assert_day(paid, "2025-03-10");
	assert_int_equal(dues_pay(w->db, a, 2025, 4, -1, D("2025-04-02")), OL_OK);
	assert_int_equal(dues_get(w->db, a, 2025, 4, &amount, &paid), OL_OK);
	assert_true(amount == -1);
	assert_int_equal(dues_pay(w->db, a, 2025, 5, -200, D("2025-05-02")), OL_EINVAL);
	assert_int_equal(dues_pay(w->db, MISSING_ID, 2025, 5, 100, D("2025-05-02")), OL_ENOTFOUND);
	assert_int_equal(dues_get(w->db, a, 2025, 5, &amount, &paid), OL_ENOTFOUND);
	/* Up to a million yuan; more is refused, and the record stays readable. */
	assert_int_equal(dues_pay(w->db, a, 2025, 6, 100000001, D("2025-06-02")), OL_EINVAL);
	assert_int_equal(dues_pay(w->db, a, 2025, 6, 100000000, D("2025-06-02")), OL_OK);
	assert_int_equal(dues_get(w->db, a, 2025, 6, &amount, &paid), OL_OK);
	assert_true(amount == 100000000);
	assert_int_equal(dues_pay(w->db, a, 2025, 7, 1, D("2025-07-02")), OL_OK);
	/* Every payment accepted (four) is in the audit log. */
	assert_int_equal(query_int(w->db, "SELECT count(*) FROM audit WHERE target LIKE 'dues:%'", 0), 4);
}

/* ---- sessions ----------------------------------------------------------- */

static const struct session_case {
	const char *what;
	enum pick org;
	enum session_kind kind, also;
	const char *day;
	int want;
} session_cases[] = {
	{ .what = "assembly of a branch", .org = P_BRANCH1, .kind = SK_ASSEMBLY, .also = SK_NONE, .day = "2025-06-20",
	  .want = OL_OK },
	{ .what = "theme day that is also a lesson", .org = P_BRANCH1, .kind = SK_THEME_DAY, .also = SK_LESSON,
	  .day = "2025-06-21", .want = OL_OK },
	{ .what = "group meeting of a group", .org = P_GROUP1A, .kind = SK_GROUP, .also = SK_NONE, .day = "2025-06-22",
	  .want = OL_OK },
	{ .what = "lesson of a group", .org = P_GROUP1A, .kind = SK_LESSON, .also = SK_NONE, .day = "2025-06-23",
	  .want = OL_OK },
	{ .what = "committee meeting of a branch", .org = P_BRANCH2, .kind = SK_COMMITTEE, .also = SK_NONE,
	  .day = "2025-06-24", .want = OL_OK },
	{ .what = "group meeting of a branch", .org = P_BRANCH1, .kind = SK_GROUP, .also = SK_NONE, .day = "2025-06-20",
	  .want = OL_EINVAL },
	{ .what = "group meeting of a committee", .org = P_COMMITTEE, .kind = SK_GROUP, .also = SK_NONE,
	  .day = "2025-06-20", .want = OL_EINVAL },
	{ .what = "assembly of a group", .org = P_GROUP1A, .kind = SK_ASSEMBLY, .also = SK_NONE, .day = "2025-06-20",
	  .want = OL_EINVAL },
	{ .what = "committee meeting of a group", .org = P_GROUP1A, .kind = SK_COMMITTEE, .also = SK_NONE,
	  .day = "2025-06-20", .want = OL_EINVAL },
	{ .what = "also the same kind", .org = P_BRANCH1, .kind = SK_THEME_DAY, .also = SK_THEME_DAY,
	  .day = "2025-06-20", .want = OL_EINVAL },
	{ .what = "also assembly on assembly", .org = P_BRANCH1, .kind = SK_ASSEMBLY, .also = SK_ASSEMBLY,
	  .day = "2025-06-20", .want = OL_EINVAL },
	{ .what = "no day", .org = P_BRANCH1, .kind = SK_ASSEMBLY, .also = SK_NONE, .day = NULL, .want = OL_EINVAL },
	{ .what = "no kind", .org = P_BRANCH1, .kind = SK_NONE, .also = SK_LESSON, .day = "2025-06-20",
	  .want = OL_EINVAL },
	{ .what = "kind out of range", .org = P_BRANCH1, .kind = SK_COUNT, .also = SK_NONE, .day = "2025-06-20",
	  .want = OL_EINVAL },
	{ .what = "missing organization", .org = P_MISSING, .kind = SK_ASSEMBLY, .also = SK_NONE, .day = "2025-06-20",
	  .want = OL_ENOTFOUND },
};

static void test_session_add_validation(void **state)
{
	struct world *w = *state;
	size_t i;

	for (i = 0; i < N_ELEMS(session_cases); i++) {
		const struct session_case *c = &session_cases[i];
		char place[] = "党员活动室", topic[] = "学习党章";
		struct session s = {
			.org_id = pick(w, c->org), .kind = c->kind, .also = c->also, .day = D(c->day),
			.minute = (int)(i % 2 ? 870 : -1), .place = place, .topic = i % 2 ? topic : NULL,
		};
		struct session got;
		long long before = count(w->db, "session"), id = 0;
		int rc = session_add(w->db, &s, &id);

		if (rc != c->want)
			fail_msg("%s: %d, want %d (%s)", c->what, rc, c->want, db_errmsg(w->db));
		if (rc != OL_OK) {
			assert_true(strlen(db_errmsg(w->db)) > 0);
			assert_int_equal(count(w->db, "session"), before);
			continue;
		}
		assert_int_equal(session_get(w->db, id, &got), OL_OK);
		assert_int_equal(got.org_id, s.org_id);
		assert_int_equal(got.kind, c->kind);
		assert_int_equal(got.also, c->also);
		assert_int_equal(got.day, s.day);
		assert_int_equal(got.minute, s.minute);
		assert_string_equal(got.place, "党员活动室");
		if (s.topic)
			assert_string_equal(got.topic, s.topic);
		else
			assert_null(got.topic);
		assert_int_equal(got.state, SESSION_PLANNED);
		assert_int_equal(got.moved_from, -1);
		assert_int_equal(got.approved_on, -1);
		assert_null(got.minutes);
		assert_int_equal(got.host_id, 0);
		session_clear(&got);
	}
}

/* session.h: "Host and recorder must belong to its organization; the
 * lecturer may come from anywhere." */
static void test_session_host_and_recorder_belong_to_its_org(void **state)
{
	struct world *w = *state;
	long long mine = add_full(w->db, "张伟", w->branch1);
	long long grouped = add_member(w->db, "李娜", w->branch1, MEMBER_FULL, NULL, w->group1a);
	long long theirs = add_full(w->db, "王芳", w->branch2);
	const struct {
		const char *what;
		enum pick org;
		long long host, recorder, lecturer;
		int want;
	} cases[] = {
		{ .what = "host of another branch", .org = P_BRANCH1, .host = theirs, .recorder = 0, .lecturer = 0,
		  .want = OL_EINVAL },
		{ .what = "recorder of another branch", .org = P_BRANCH1, .host = mine, .recorder = theirs,
		  .lecturer = 0, .want = OL_EINVAL },
		{ .what = "missing host", .org = P_BRANCH1, .host = MISSING_ID, .recorder = 0, .lecturer = 0,
		  .want = OL_ENOTFOUND },
		{ .what = "missing lecturer", .org = P_BRANCH1, .host = 0, .recorder = 0, .lecturer = MISSING_ID,
		  .want = OL_ENOTFOUND },
		{ .what = "branch member hosting a group's lesson", .org = P_GROUP1A, .host = mine, .recorder = 0,
		  .lecturer = 0, .want = OL_EINVAL },
		{ .what = "branch members, lecturer from elsewhere", .org = P_BRANCH1, .host = mine,
		  .recorder = grouped, .lecturer = theirs, .want = OL_OK },
		{ .what = "group member hosting the group's lesson", .org = P_GROUP1A, .host = grouped,
		  .recorder = grouped, .lecturer = mine, .want = OL_OK },
		{ .what = "a committee's session, hosted from a branch", .org = P_COMMITTEE, .host = theirs,
		  .recorder = mine, .lecturer = 0, .want = OL_OK },
	};
	size_t i;

	for (i = 0; i < N_ELEMS(cases); i++) {
		struct session s = { .org_id = pick(w, cases[i].org), .kind = SK_LESSON, .also = SK_NONE,
				     .day = D("2025-06-20"), .minute = -1, .host_id = cases[i].host,
				     .recorder_id = cases[i].recorder, .lecturer_id = cases[i].lecturer };
		struct session got;
		long long before = count(w->db, "session"), id = 0;
		int rc = session_add(w->db, &s, &id);

		if (rc != cases[i].want)
			fail_msg("%s: %d, want %d (%s)", cases[i].what, rc, cases[i].want, db_errmsg(w->db));
		if (rc != OL_OK) {
			assert_int_equal(count(w->db, "session"), before);
			continue;
		}
		assert_int_equal(session_get(w->db, id, &got), OL_OK);
		assert_int_equal(got.host_id, cases[i].host);
		assert_int_equal(got.recorder_id, cases[i].recorder);
		assert_int_equal(got.lecturer_id, cases[i].lecturer);
		if (cases[i].lecturer == theirs)
			assert_string_equal(got.lecturer_name, "王芳");
		if (cases[i].host == grouped)
			assert_string_equal(got.host_name, "李娜");
		session_clear(&got);
	}
	assert_int_equal(count(w->db, "session"), 3);
}

static void test_session_held_not_before_its_day(void **state)
{
	struct world *w = *state;
	long long id = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-06-20");
	long long late = add_session(w->db, w->branch1, SK_LESSON, "2025-06-20");

	assert_int_equal(session_mark_held(w->db, id, D("2025-06-19")), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-20"));
	assert_int_equal(state_of(w->db, id), SESSION_PLANNED);
	assert_int_equal(session_mark_held(w->db, id, D("2025-06-20")), OL_OK);
	assert_int_equal(state_of(w->db, id), SESSION_HELD);
	/* Held is final. */
	assert_int_equal(session_mark_held(w->db, id, D("2025-06-21")), OL_ESTATE);
	assert_int_equal(session_cancel(w->db, id), OL_ESTATE);
	assert_int_equal(session_move(w->db, id, D("2025-06-27"), -1), OL_ESTATE);
	assert_int_equal(state_of(w->db, id), SESSION_HELD);
	/* Recorded afterwards. */
	assert_int_equal(session_mark_held(w->db, late, D("2025-08-01")), OL_OK);
	assert_int_equal(state_of(w->db, late), SESSION_HELD);
	assert_int_equal(session_mark_held(w->db, MISSING_ID, D("2025-08-01")), OL_ENOTFOUND);
}

static void test_session_cancel_only_planned(void **state)
{
	struct world *w = *state;
	long long id = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-06-20");
	struct session s;

	assert_int_equal(session_cancel(w->db, id), OL_OK);
	assert_int_equal(state_of(w->db, id), SESSION_CANCELLED);
	assert_int_equal(session_cancel(w->db, id), OL_ESTATE);
	assert_int_equal(session_mark_held(w->db, id, D("2025-06-20")), OL_ESTATE);
	assert_int_equal(session_move(w->db, id, D("2025-06-27"), -1), OL_ESTATE);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_int_equal(s.state, SESSION_CANCELLED);
	assert_day(s.day, "2025-06-20");
	assert_int_equal(s.moved_from, -1);
	session_clear(&s);
	assert_int_equal(session_cancel(w->db, MISSING_ID), OL_ENOTFOUND);
}

static int count_sessions(const struct session *s, void *ctx)
{
	(void)s;
	++*(int *)ctx;
	return 0;
}

/* A place is kept once, under an id every database computes the same way,
 * and sessions and the audit log still show its name. */
static void test_session_places_kept_once(void **state)
{
	struct world *w = *state;
	char hall[] = "党员活动室", room[] = "社区会议室";
	struct session in = { .org_id = w->branch1, .kind = SK_LESSON, .also = SK_NONE, .day = D("2025-06-10"),
			      .minute = -1, .place = hall };
	struct session s;
	long long a, b, c;

	assert_int_equal(session_add(w->db, &in, &a), OL_OK);
	in.day = D("2025-07-10");
	assert_int_equal(session_add(w->db, &in, &b), OL_OK);
	in.place = room;
	assert_int_equal(session_add(w->db, &in, &c), OL_OK);
	assert_int_equal(count(w->db, "place"), 2);
	assert_int_equal(session_get(w->db, b, &s), OL_OK);
	assert_string_equal(s.place, "党员活动室");
	session_clear(&s);
	assert_int_equal(query_int(w->db, "SELECT count(*) FROM audit WHERE after LIKE '%\"place\":\"社区会议室\"%'", 0), 1);
	/* No place: none stored. */
	in.place = NULL;
	assert_int_equal(session_add(w->db, &in, &c), OL_OK);
	assert_int_equal(session_get(w->db, c, &s), OL_OK);
	assert_null(s.place);
	session_clear(&s);
	assert_int_equal(count(w->db, "place"), 2);
}

static void test_session_move_keeps_first_original_day(void **state)
{
	struct world *w = *state;
	struct session in = { .org_id = w->branch1, .kind = SK_ASSEMBLY, .also = SK_NONE, .day = D("2025-06-10"),
			      .minute = 570 };
	struct session s;
	long long id;
	int n;

	assert_int_equal(session_add(w->db, &in, &id), OL_OK);
	assert_int_equal(session_move(w->db, id, D("2025-06-17"), 870), OL_OK);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_day(s.day, "2025-06-17");
	assert_int_equal(s.minute, 870);
	assert_day(s.moved_from, "2025-06-10");
	assert_int_equal(s.state, SESSION_PLANNED);
	session_clear(&s);

	assert_int_equal(session_move(w->db, id, D("2025-06-24"), -1), OL_OK);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_day(s.day, "2025-06-24");
	assert_int_equal(s.minute, -1);
	assert_day(s.moved_from, "2025-06-10");
	session_clear(&s);

	/* Only the time changes: not a move. */
	assert_int_equal(session_move(w->db, id, D("2025-06-24"), 540), OL_OK);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_day(s.day, "2025-06-24");
	assert_int_equal(s.minute, 540);
	assert_day(s.moved_from, "2025-06-10");
	session_clear(&s);

	n = 0;
	assert_int_equal(session_list(w->db, w->branch1, D("2025-06-10"), D("2025-06-17"), count_sessions, &n), OL_OK);
	assert_int_equal(n, 0);
	assert_int_equal(session_list(w->db, w->branch1, D("2025-06-24"), D("2025-06-24"), count_sessions, &n), OL_OK);
	assert_int_equal(n, 1);
	assert_int_equal(session_move(w->db, MISSING_ID, D("2025-06-24"), -1), OL_ENOTFOUND);
}

static void test_session_time_change_is_not_a_move(void **state)
{
	struct world *w = *state;
	struct session in = { .org_id = w->branch1, .kind = SK_LESSON, .also = SK_NONE, .day = D("2025-06-10"),
			      .minute = -1 };
	struct session s;
	long long id;

	assert_int_equal(session_add(w->db, &in, &id), OL_OK);
	assert_int_equal(session_move(w->db, id, D("2025-06-10"), 870), OL_OK);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_day(s.day, "2025-06-10");
	assert_int_equal(s.minute, 870);
	assert_int_equal(s.moved_from, -1);
	session_clear(&s);
	/* Moved away, it was moved from its first day; moved back, it is where
	 * it was planned and not moved at all. */
	assert_int_equal(session_move(w->db, id, D("2025-06-12"), 870), OL_OK);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_day(s.moved_from, "2025-06-10");
	session_clear(&s);
	assert_int_equal(session_move(w->db, id, D("2025-06-10"), 870), OL_OK);
	assert_int_equal(session_get(w->db, id, &s), OL_OK);
	assert_day(s.day, "2025-06-10");
	assert_day(s.moved_from, NULL);
	session_clear(&s);
}

/* ---- the attendance sheet ----------------------------------------------- */

/* Branch 1 on 2025-06-20, as PRODUCT §2 describes who is expected. */
static void make_branch_people(struct world *w)
{
	long long id;

	add_full(w->db, "An", w->branch1);
	add_member(w->db, "Bai", w->branch1, MEMBER_PROBATIONARY, "2025-01-10", 0);
	id = add_full(w->db, "Cao", w->branch1);
	event(w->db, id, EVENT_FLOW_OUT, "2025-05-01");
	id = add_full(w->db, "Deng", w->branch1);
	event(w->db, id, EVENT_TRANSFER_OUT, "2025-04-01");
	id = add_full(w->db, "Fang", w->branch1);
	event(w->db, id, EVENT_LOST, "2025-03-01");
	add_member(w->db, "Gao", w->branch1, MEMBER_PROBATIONARY, "2025-07-01", 0);
	id = add_full(w->db, "Han", w->branch1);
	event(w->db, id, EVENT_FLOW_OUT, "2025-02-01");
	event(w->db, id, EVENT_BACK, "2025-05-01");
	add_member(w->db, "Jin", w->branch1, MEMBER_FULL, "2012-07-01", w->group1b);
	id = add_full(w->db, "Kong", w->branch1);
	event(w->db, id, EVENT_FLOW_OUT, "2025-06-21");
	id = add_full(w->db, "Lu", w->branch1);
	event(w->db, id, EVENT_TRANSFER_OUT, "2025-06-20");
	id = add_member(w->db, "Ma", w->branch1, MEMBER_FULL, "2011-07-01", 0);
	event(w->db, id, EVENT_TRANSFER_IN, "2025-07-01");
	add_full(w->db, "Zhou", w->branch2);
}

static const struct want branch_sheet[] = {
	{ .name = "An", .kind = ATTENDEE_EXPECTED, .votes = 1 },
	{ .name = "Bai", .kind = ATTENDEE_EXPECTED, .votes = 0 },
	{ .name = "Han", .kind = ATTENDEE_EXPECTED, .votes = 1 },
	{ .name = "Jin", .kind = ATTENDEE_EXPECTED, .votes = 1 },
	{ .name = "Kong", .kind = ATTENDEE_EXPECTED, .votes = 1 },
	{ .name = "Cao", .kind = ATTENDEE_AWAY, .votes = 0 },
	{ .name = "Deng", .kind = ATTENDEE_AWAY, .votes = 0 },
	{ .name = "Fang", .kind = ATTENDEE_AWAY, .votes = 0 },
	{ .name = "Lu", .kind = ATTENDEE_AWAY, .votes = 0 },
};

static void test_attendees_of_branch_sessions(void **state)
{
	struct world *w = *state;
	static const enum session_kind kinds[] = { SK_ASSEMBLY, SK_LESSON, SK_THEME_DAY, SK_ORG_LIFE, SK_APPRAISAL, SK_OTHER };
	struct sheet s;
	size_t i;

	make_branch_people(w);
	for (i = 0; i < N_ELEMS(kinds); i++) {
		long long id = add_session(w->db, w->branch1, kinds[i], "2025-06-20");
		read_sheet(w->db, id, &s);
		assert_sheet(&s, branch_sheet, N_ELEMS(branch_sheet), session_kind_code(kinds[i]));
	}
}

static long long member_named(struct db *db, const char *name)
{
	long long id = 0;

	assert_int_equal(member_resolve(db, name, &id), OL_OK);
	return id;
}

static void test_attendees_marks_away_and_extra(void **state)
{
	struct world *w = *state;
	static const struct want want[] = {
		{ .name = "An", .kind = ATTENDEE_EXPECTED, .votes = 1, .status = ATTEND_PRESENT },
		{ .name = "Bai", .kind = ATTENDEE_EXPECTED, .votes = 0, .status = ATTEND_LATE, .reason = "堵车" },
		{ .name = "Han", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "Jin", .kind = ATTENDEE_EXPECTED, .votes = 1, .status = ATTEND_ABSENT },
		{ .name = "Kong", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "Cao", .kind = ATTENDEE_AWAY, .votes = 0, .status = ATTEND_EXCUSED, .reason = "外出务工" },
		{ .name = "Deng", .kind = ATTENDEE_AWAY, .votes = 0 },
		{ .name = "Fang", .kind = ATTENDEE_AWAY, .votes = 0 },
		{ .name = "Lu", .kind = ATTENDEE_AWAY, .votes = 0 },
		/* Not yet admitted that day, but marked. */
		{ .name = "Gao", .kind = ATTENDEE_EXTRA, .votes = 0, .status = ATTEND_PRESENT },
	};
	struct sheet s;
	long long id;

	make_branch_people(w);
	id = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-06-20");
	assert_int_equal(attend_set(w->db, id, member_named(w->db, "An"), ATTEND_PRESENT, NULL), OL_OK);
	assert_int_equal(attend_set(w->db, id, member_named(w->db, "Bai"), ATTEND_LATE, "堵车"), OL_OK);
	assert_int_equal(attend_set(w->db, id, member_named(w->db, "Jin"), ATTEND_ABSENT, NULL), OL_OK);
	assert_int_equal(attend_set(w->db, id, member_named(w->db, "Cao"), ATTEND_EXCUSED, "外出务工"), OL_OK);
	assert_int_equal(attend_set(w->db, id, member_named(w->db, "Gao"), ATTEND_PRESENT, NULL), OL_OK);
	read_sheet(w->db, id, &s);
	assert_sheet(&s, want, N_ELEMS(want), "marked assembly");
}

/* Rosters in pinyin order, 曾 under z and 单 under s as surnames, one
 * surname's people together; the order of bytes would be 单 张 曾 李 章 蔡. */
static void test_rosters_in_pinyin_order(void **state)
{
	struct world *w = *state;
	static const char *const expected[] = { "张三", "曾国藩", "蔡明", "单田芳", "李四", "章丽" };
	static const struct want want[] = {
		{ .name = "蔡明", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "李四", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "单田芳", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "曾国藩", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "张三", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "章丽", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		/* Marked, though not yet admitted that day: apart, in the same order. */
		{ .name = "李娜", .kind = ATTENDEE_EXTRA, .votes = 0, .status = ATTEND_PRESENT },
		{ .name = "张伟", .kind = ATTENDEE_EXTRA, .votes = 0, .status = ATTEND_PRESENT },
	};
	char names[NAMES_SIZE] = "";
	struct sheet s;
	long long id, zhang, li;

	for (size_t i = 0; i < N_ELEMS(expected); i++)
		add_full(w->db, expected[i], w->branch2);
	zhang = add_member(w->db, "张伟", w->branch2, MEMBER_PROBATIONARY, "2025-07-01", 0);
	li = add_member(w->db, "李娜", w->branch2, MEMBER_PROBATIONARY, "2025-07-01", 0);
	assert_int_equal(member_list(w->db, w->branch2, D("2025-07-15"), collect_names, names), OL_OK);
	assert_string_equal(names, "蔡明,李娜,李四,单田芳,曾国藩,张三,张伟,章丽");
	id = add_session(w->db, w->branch2, SK_ASSEMBLY, "2025-06-20");
	assert_int_equal(attend_set(w->db, id, zhang, ATTEND_PRESENT, NULL), OL_OK);
	assert_int_equal(attend_set(w->db, id, li, ATTEND_PRESENT, NULL), OL_OK);
	read_sheet(w->db, id, &s);
	assert_sheet(&s, want, N_ELEMS(want), "sheet in pinyin order");
}

static void test_attendees_of_committee_meeting_are_role_holders(void **state)
{
	struct world *w = *state;
	long long an = add_full(w->db, "An", w->branch1);
	long long bai = add_full(w->db, "Bai", w->branch1);
	long long cao = add_full(w->db, "Cao", w->branch1);
	long long deng = add_full(w->db, "Deng", w->branch1);
	long long fang = add_full(w->db, "Fang", w->branch1);
	long long gao = add_full(w->db, "Gao", w->branch1);
	long long zhou = add_full(w->db, "Zhou", w->branch2);
	static const struct want want[] = {
		{ .name = "An", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "Cao", .kind = ATTENDEE_EXPECTED, .votes = 1 },
		{ .name = "Deng", .kind = ATTENDEE_EXPECTED, .votes = 1, .status = ATTEND_PRESENT },
		{ .name = "Fang", .kind = ATTENDEE_EXTRA, .votes = 0, .status = ATTEND_PRESENT },
	};
	struct sheet s;
	long long id;

	assert_int_equal(role_set(w->db, an, ROLE_SECRETARY, D("2024-01-01"), -1), OL_OK);
	assert_int_equal(role_set(w->db, bai, ROLE_ORGANIZER, D("2024-01-01"), D("2025-06-19")), OL_OK);
	assert_int_equal(role_set(w->db, cao, ROLE_COMMITTEE_MEMBER, D("2025-06-20"), -1), OL_OK);
	assert_int_equal(role_set(w->db, deng, ROLE_PROPAGANDA, D("2024-01-01"), D("2025-06-20")), OL_OK);
	assert_int_equal(role_set(w->db, gao, ROLE_DEPUTY, D("2025-06-21"), -1), OL_OK);
	assert_int_equal(role_set(w->db, zhou, ROLE_SECRETARY, D("2024-01-01"), -1), OL_OK);
	id = add_session(w->db, w->branch1, SK_COMMITTEE, "2025-06-20");
	assert_int_equal(attend_set(w->db, id, deng, ATTEND_PRESENT, NULL), OL_OK);
	/* A branch member without a role may sit in, and is listed apart. */
	assert_int_equal(attend_set(w->db, id, fang, ATTEND_PRESENT, NULL), OL_OK);
	read_sheet(w->db, id, &s);
	assert_sheet(&s, want, N_ELEMS(want), "committee meeting");
}

static void test_attendees_of_group_meeting_are_group_members(void **state)
{
	struct world *w = *state;
	long long an = add_member(w->db, "An", w->branch1, MEMBER_FULL, NULL, w->group1a);
	long long bai = add_member(w->db, "Bai", w->branch1, MEMBER_PROBATIONARY, "2025-01-10", w->group1a);
	long long cao = add_member(w->db, "Cao", w->branch1, MEMBER_FULL, NULL, w->group1b);
	long long deng = add_full(w->db, "Deng", w->branch1);
	static const struct want want[] = {
		{ .name = "An", .kind = ATTENDEE_EXPECTED, .votes = 1, .status = ATTEND_PRESENT },
		{ .name = "Bai", .kind = ATTENDEE_EXPECTED, .votes = 0 },
	};
	struct sheet s;
	long long id = add_session(w->db, w->group1a, SK_GROUP, "2025-06-20");

	(void)bai;
	assert_int_equal(attend_set(w->db, id, an, ATTEND_PRESENT, NULL), OL_OK);
	/* Outside the group: another group, or no group. */
	assert_int_equal(attend_set(w->db, id, cao, ATTEND_PRESENT, NULL), OL_EINVAL);
	assert_int_equal(attend_set(w->db, id, deng, ATTEND_PRESENT, NULL), OL_EINVAL);
	read_sheet(w->db, id, &s);
	assert_sheet(&s, want, N_ELEMS(want), "group meeting");
	assert_int_equal(sessions_with_marks(w->db), 1);
	/* The one mark made is in the audit log; the refused ones are not. */
	assert_int_equal(query_int(w->db, "SELECT count(*) FROM audit WHERE target LIKE 'attendance:%'", 0), 1);
	/* Marking the same again changes and records nothing. */
	assert_int_equal(attend_set(w->db, id, an, ATTEND_PRESENT, NULL), OL_OK);
	assert_int_equal(query_int(w->db, "SELECT count(*) FROM audit WHERE target LIKE 'attendance:%'", 0), 1);
}

/* Voting rights: full members vote; probationary members do not, until
 * their confirmation day. */
static void test_votes_follow_confirmation_day(void **state)
{
	struct world *w = *state;
	long long liu = add_member(w->db, "Liu", w->branch1, MEMBER_PROBATIONARY, "2024-03-01", 0);
	long long chen = add_member(w->db, "Chen", w->branch1, MEMBER_PROBATIONARY, "2024-03-01", 0);
	long long before = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-03-04");
	long long on = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-03-05");
	long long later = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-12-01");
	struct sheet s;
	const struct want want_before[] = {
		{ .name = "Chen", .kind = ATTENDEE_EXPECTED, .votes = 0 },
		{ .name = "Liu", .kind = ATTENDEE_EXPECTED, .votes = 0 },
	};
	const struct want want_on[] = {
		{ .name = "Chen", .kind = ATTENDEE_EXPECTED, .votes = 0 },
		{ .name = "Liu", .kind = ATTENDEE_EXPECTED, .votes = 1 },
	};

	assert_int_equal(member_confirm(w->db, liu, D("2025-03-05")), OL_OK);
	/* Chen's probation is extended: still no vote. */
	assert_int_equal(member_extend_probation(w->db, chen, D("2026-03-01")), OL_OK);
	read_sheet(w->db, before, &s);
	assert_sheet(&s, want_before, N_ELEMS(want_before), "before confirmation");
	read_sheet(w->db, on, &s);
	assert_sheet(&s, want_on, N_ELEMS(want_on), "on the confirmation day");
	read_sheet(w->db, later, &s);
	assert_sheet(&s, want_on, N_ELEMS(want_on), "later");
}

static void test_attend_set_marks_and_refusals(void **state)
{
	struct world *w = *state;
	long long an = add_full(w->db, "An", w->branch1);
	long long zhou = add_full(w->db, "Zhou", w->branch2);
	long long id = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-06-20");
	long long off = add_session(w->db, w->branch1, SK_LESSON, "2025-06-27");
	long long whole = add_session(w->db, w->committee, SK_LESSON, "2025-06-28");
	struct sheet s;

	assert_int_equal(attend_set(w->db, id, an, ATTEND_PRESENT, NULL), OL_OK);
	read_sheet(w->db, id, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.l[0].status, ATTEND_PRESENT);

	assert_int_equal(attend_set(w->db, id, an, ATTEND_EXCUSED, "出差"), OL_OK);
	read_sheet(w->db, id, &s);
	assert_int_equal(s.l[0].status, ATTEND_EXCUSED);
	assert_string_equal(s.l[0].reason, "出差");

	/* A reason goes with late, excused or absent only. */
	assert_int_equal(attend_set(w->db, id, an, ATTEND_PRESENT, "准时"), OL_EINVAL);
	read_sheet(w->db, id, &s);
	assert_int_equal(s.l[0].status, ATTEND_EXCUSED);
	assert_string_equal(s.l[0].reason, "出差");

	/* ATTEND_NONE clears the mark. */
	assert_int_equal(attend_set(w->db, id, an, ATTEND_NONE, NULL), OL_OK);
	read_sheet(w->db, id, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.l[0].status, ATTEND_NONE);
	assert_string_equal(s.l[0].reason, "");
	assert_int_equal(sessions_with_marks(w->db), 0);

	/* Someone of another branch. */
	assert_int_equal(attend_set(w->db, id, zhou, ATTEND_PRESENT, NULL), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "Zhou"));
	assert_int_equal(attend_set(w->db, id, MISSING_ID, ATTEND_PRESENT, NULL), OL_ENOTFOUND);
	assert_int_equal(attend_set(w->db, MISSING_ID, an, ATTEND_PRESENT, NULL), OL_ENOTFOUND);
	/* A cancelled session. */
	assert_int_equal(session_cancel(w->db, off), OL_OK);
	assert_int_equal(attend_set(w->db, off, an, ATTEND_PRESENT, NULL), OL_ESTATE);
	assert_int_equal(sessions_with_marks(w->db), 0);
	/* A session of the committee counts everyone under it. */
	assert_int_equal(attend_set(w->db, whole, zhou, ATTEND_PRESENT, NULL), OL_OK);
	assert_int_equal(attend_set(w->db, whole, an, ATTEND_LATE, NULL), OL_OK);
	read_sheet(w->db, whole, &s);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.l[0].name, "An");
	assert_int_equal(s.l[0].status, ATTEND_LATE);
	assert_string_equal(s.l[1].name, "Zhou");
	assert_int_equal(s.l[1].status, ATTEND_PRESENT);
}

/* ---- minutes ------------------------------------------------------------ */

static void assert_minutes(struct db *db, long long id, const char *text, const char *approved)
{
	struct session s;

	assert_int_equal(session_get(db, id, &s), OL_OK);
	if (text)
		assert_string_equal(s.minutes, text);
	else
		assert_null(s.minutes);
	assert_day(s.approved_on, approved);
	session_clear(&s);
}

static void test_minutes_locked_once_approved(void **state)
{
	struct world *w = *state;
	long long id = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-06-10");

	assert_int_equal(minutes_set(w->db, id, "会议记录（初稿）"), OL_OK);
	/* Not held yet. */
	assert_int_equal(minutes_approve(w->db, id, D("2025-06-10")), OL_ESTATE);
	assert_minutes(w->db, id, "会议记录（初稿）", NULL);
	assert_int_equal(session_mark_held(w->db, id, D("2025-06-10")), OL_OK);
	assert_int_equal(minutes_set(w->db, id, "会议记录"), OL_OK);
	assert_int_equal(minutes_approve(w->db, id, D("2025-06-11")), OL_OK);
	assert_minutes(w->db, id, "会议记录", "2025-06-11");

	assert_int_equal(minutes_set(w->db, id, "改过的记录"), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-11"));
	assert_int_equal(minutes_set(w->db, id, ""), OL_ESTATE);
	assert_int_equal(minutes_approve(w->db, id, D("2025-06-12")), OL_ESTATE);
	assert_minutes(w->db, id, "会议记录", "2025-06-11");
}

static void test_minutes_approve_needs_held_and_text(void **state)
{
	struct world *w = *state;
	long long none = add_session(w->db, w->branch1, SK_ASSEMBLY, "2025-06-10");
	long long cleared = add_session(w->db, w->branch1, SK_LESSON, "2025-06-10");
	long long cancelled = add_session(w->db, w->branch1, SK_THEME_DAY, "2025-06-10");

	assert_int_equal(session_mark_held(w->db, none, D("2025-06-10")), OL_OK);
	assert_int_equal(minutes_approve(w->db, none, D("2025-06-11")), OL_ESTATE);
	assert_minutes(w->db, none, NULL, NULL);

	assert_int_equal(session_mark_held(w->db, cleared, D("2025-06-10")), OL_OK);
	assert_int_equal(minutes_set(w->db, cleared, "记录"), OL_OK);
	assert_int_equal(minutes_set(w->db, cleared, ""), OL_OK);
	assert_minutes(w->db, cleared, NULL, NULL);
	assert_int_equal(minutes_approve(w->db, cleared, D("2025-06-11")), OL_ESTATE);
	assert_minutes(w->db, cleared, NULL, NULL);

	assert_int_equal(minutes_set(w->db, cancelled, "记录"), OL_OK);
	assert_int_equal(session_cancel(w->db, cancelled), OL_OK);
	assert_int_equal(minutes_approve(w->db, cancelled, D("2025-06-11")), OL_ESTATE);
	assert_minutes(w->db, cancelled, "记录", NULL);
	assert_int_equal(minutes_set(w->db, MISSING_ID, "x"), OL_ENOTFOUND);
	assert_int_equal(minutes_approve(w->db, MISSING_ID, D("2025-06-11")), OL_ENOTFOUND);
}

/* ---- elections (R-TERM, R-TERM-EXTEND) ---------------------------------- */

static void assert_election(struct db *db, long long id, const char *want)
{
	assert_query_text(db,
		"SELECT on_date || ' ' || term_years || ' ' || coalesce(session_id, '-') || ' ' || coalesce(ext_until, '-')"
		" || ' ' || coalesce(ext_approval, '-') FROM election WHERE id = ?1", id, want);
}

static void test_election_term_defaults(void **state)
{
	struct world *w = *state;
	long long village, e, sid, other_sid;
	char want[96];

	assert_int_equal(org_add(w->db, "村党支部", ORG_BRANCH, w->committee, 5, &village), OL_OK);
	/* R-TERM: 3 years by default ... */
	assert_int_equal(election_add(w->db, w->branch1, D("2023-05-10"), 0, 0, &e), OL_OK);
	assert_election(w->db, e, "2023-05-10 3 - - -");
	/* ... the organization's own term (村: 5) ... */
	assert_int_equal(election_add(w->db, village, D("2021-03-01"), 0, 0, &e), OL_OK);
	assert_election(w->db, e, "2021-03-01 5 - - -");
	/* ... or what the election says. */
	assert_int_equal(election_add(w->db, village, D("2022-03-01"), 2, 0, &e), OL_OK);
	assert_election(w->db, e, "2022-03-01 2 - - -");

	sid = add_session(w->db, w->branch2, SK_ASSEMBLY, "2024-04-01");
	other_sid = add_session(w->db, w->branch1, SK_ASSEMBLY, "2024-04-01");
	assert_int_equal(election_add(w->db, w->branch2, D("2024-04-01"), 0, sid, &e), OL_OK);
	snprintf(want, sizeof want, "2024-04-01 3 %lld - -", sid);
	assert_election(w->db, e, want);

	assert_int_equal(count(w->db, "election"), 4);
	assert_int_equal(election_add(w->db, w->branch2, D("2024-04-01"), 0, other_sid, &e), OL_EINVAL);
	assert_int_equal(election_add(w->db, w->group1a, D("2024-04-01"), 0, 0, &e), OL_EINVAL);
	assert_int_equal(election_add(w->db, w->branch1, D("2024-04-01"), 11, 0, &e), OL_EINVAL);
	assert_int_equal(election_add(w->db, w->branch1, D("2024-04-01"), -1, 0, &e), OL_EINVAL);
	assert_int_equal(election_add(w->db, MISSING_ID, D("2024-04-01"), 0, 0, &e), OL_ENOTFOUND);
	assert_int_equal(election_add(w->db, w->branch1, D("2024-04-01"), 0, MISSING_ID, &e), OL_ENOTFOUND);
	assert_int_equal(count(w->db, "election"), 4);
}

static void test_election_extend_runs_past_term_end(void **state)
{
	struct world *w = *state;
	long long old, latest, leap;
	static const struct {
		const char *until;
		int want;
	} tries[] = {
		{ .until = "2026-05-09", .want = OL_EINVAL },
		{ .until = "2026-05-10", .want = OL_EINVAL }, /* the term's last day is not past it */
		{ .until = "2026-05-11", .want = OL_OK },
	};
	size_t i;

	assert_int_equal(election_add(w->db, w->branch1, D("2020-05-10"), 0, 0, &old), OL_OK);
	assert_int_equal(election_add(w->db, w->branch1, D("2023-05-10"), 0, 0, &latest), OL_OK);
	assert_int_equal(election_extend(w->db, w->branch1, D("2026-11-10"), ""), OL_EINVAL);
	assert_int_equal(election_extend(w->db, w->branch1, D("2026-11-10"), NULL), OL_EINVAL);
	for (i = 0; i < N_ELEMS(tries); i++) {
		int rc = election_extend(w->db, w->branch1, D(tries[i].until), "组织部〔2026〕3号");
		if (rc != tries[i].want)
			fail_msg("extend until %s: %d, want %d (%s)", tries[i].until, rc, tries[i].want, db_errmsg(w->db));
		if (rc != OL_OK) {
			assert_non_null(strstr(db_errmsg(w->db), "2026-05-10"));
			assert_election(w->db, latest, "2023-05-10 3 - - -");
		}
	}
	/* The latest election carries the extension. */
	assert_election(w->db, latest, "2023-05-10 3 - 2026-05-11 组织部〔2026〕3号");
	assert_election(w->db, old, "2020-05-10 3 - - -");

	/* A term from a leap day ends on 28 February. */
	assert_int_equal(election_add(w->db, w->branch2, D("2024-02-29"), 0, 0, &leap), OL_OK);
	assert_int_equal(election_extend(w->db, w->branch2, D("2027-02-28"), "批复"), OL_EINVAL);
	assert_int_equal(election_extend(w->db, w->branch2, D("2027-03-01"), "批复"), OL_OK);
	assert_election(w->db, leap, "2024-02-29 3 - 2027-03-01 批复");

	assert_int_equal(election_extend(w->db, w->general, D("2027-03-01"), "批复"), OL_ENOTFOUND);
}

#define T(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_org_group_only_under_branch),
		T(test_org_add_refuses_bad_name_and_term),
		T(test_org_edit_refuses_cycles),
		T(test_org_edit_renames_and_keeps_the_rest),
		T(test_org_edit_keeps_members_groups_in_their_branch),
		T(test_org_resolve_by_id_and_name),
		T(test_org_branch_of),
		T(test_org_list_parents_first_siblings_by_name),
		T(test_member_add_validation),
		T(test_member_status_as_of_day_follows_confirmation),
		T(test_member_confirm_on_anniversary_of_leap_day),
		T(test_member_confirm_waits_for_extension_end),
		T(test_member_extend_probation_window_boundaries),
		T(test_member_extend_probation_only_once_and_only_on_probation),
		T(test_member_events_set_where_on_each_day),
		T(test_member_events_in_wrong_state_refused),
		T(test_member_events_other_paths),
		T(test_member_list_scope),
		T(test_member_edit_changes_and_keeps),
		T(test_roles_one_secretary_at_a_time),
		T(test_roles_fixed_term_and_several_roles),
		T(test_roles_refused_while_away),
		T(test_dues_twice_for_a_month_refused),
		T(test_session_add_validation),
		T(test_session_host_and_recorder_belong_to_its_org),
		T(test_session_held_not_before_its_day),
		T(test_session_cancel_only_planned),
		T(test_session_places_kept_once),
		T(test_session_move_keeps_first_original_day),
		T(test_session_time_change_is_not_a_move),
		T(test_attendees_of_branch_sessions),
		T(test_attendees_marks_away_and_extra),
		T(test_rosters_in_pinyin_order),
		T(test_attendees_of_committee_meeting_are_role_holders),
		T(test_attendees_of_group_meeting_are_group_members),
		T(test_votes_follow_confirmation_day),
		T(test_attend_set_marks_and_refusals),
		T(test_minutes_locked_once_approved),
		T(test_minutes_approve_needs_held_and_text),
		T(test_election_term_defaults),
		T(test_election_extend_runs_past_term_end),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
