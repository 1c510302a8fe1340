/* test-ledger.c - cmocka tests for the rectification ledger (src/db-ledger.c,
 * ledger.h): adding items and what is refused, the categories of the seed
 * checklist, the state machine open -> done -> closed (销号), overdue items
 * (R-LEDGER-DUE), listing by organization subtree and deadline, lookup by
 * id, and the audit rows every write leaves.
 *
 * Every test gets a fresh in-memory database and a clock pinned to
 * 2025-06-15:
 *   机关党委 (committee)
 *     机关总支 (general branch)
 *       第一支部 (branch)  第一小组 (group)
 *     第二支部 (branch)
 * Members: 李明 (第一支部, 第一小组), 王芳 (第一支部), 陈刚 (第二支部). */
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
#include <orglife/ledger.h>
#include <orglife/member.h>
#include <orglife/org.h>

#define MISSING_ID 999999999LL

/* ---- helpers ------------------------------------------------------------ */

struct world {
	struct db *db;
	long long committee, general, branch1, group1, branch2;
	long long liming, wangfang, chengang;
};

static long long add_org(struct db *db, const char *name, enum org_kind kind, long long parent)
{
	long long id = 0;
	int rc = org_add(db, name, kind, parent, 0, &id);

	if (rc != OL_OK)
		fail_msg("org_add(%s) = %d: %s", name, rc, db_errmsg(db));
	return id;
}

static long long add_member(struct db *db, const char *name, long long branch, long long group)
{
	struct member_new mn = { .name = name, .org_id = branch, .status = MEMBER_FULL, .joined = -1, .group_id = group };
	long long id = 0;
	int rc = member_add(db, &mn, &id);

	if (rc != OL_OK)
		fail_msg("member_add(%s) = %d: %s", name, rc, db_errmsg(db));
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
	w->general = add_org(w->db, "机关总支", ORG_GENERAL_BRANCH, w->committee);
	w->branch1 = add_org(w->db, "第一支部", ORG_BRANCH, w->general);
	w->group1 = add_org(w->db, "第一小组", ORG_GROUP, w->branch1);
	w->branch2 = add_org(w->db, "第二支部", ORG_BRANCH, w->committee);
	w->liming = add_member(w->db, "李明", w->branch1, w->group1);
	w->wangfang = add_member(w->db, "王芳", w->branch1, 0);
	w->chengang = add_member(w->db, "陈刚", w->branch2, 0);
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

static long long ledger_rows(struct db *db)
{
	return query_int(db, "SELECT count(*) FROM ledger", 0);
}

static long long audit_rows(struct db *db)
{
	return query_int(db, "SELECT count(*) FROM audit", 0);
}

/* A valid new item of org, due on due (the other fields filled in). */
static struct ledger_new item_of(long long org, long long member, const char *due)
{
	struct ledger_new n = {
		.org_id = org,
		.member_id = member,
		.category = LEDGER_ORG_LIFE,
		.problem = "支委会未按月召开",
		.measure = "每月第一周召开支委会",
		.owner = "李明",
		.due = D(due),
	};
	return n;
}

static long long add_item(struct db *db, long long org, long long member, const char *due)
{
	struct ledger_new n = item_of(org, member, due);
	long long id = 0;
	int rc = ledger_add(db, &n, &id);

	if (rc != OL_OK)
		fail_msg("ledger_add(%lld, %s) = %d: %s", org, due, rc, db_errmsg(db));
	assert_true(id > 0);
	return id;
}

/* The item's state, done_on, verified_by and verified_on as one string:
 * "done 2025-06-10 - -". */
static void assert_item_state(struct db *db, long long id, const char *want)
{
	struct ledger_item it;
	char done[11] = "-", on[11] = "-", got[128];

	assert_int_equal(ledger_get(db, id, &it), OL_OK);
	if (it.done_on >= 0)
		date_format(it.done_on, done);
	if (it.verified_on >= 0)
		date_format(it.verified_on, on);
	snprintf(got, sizeof got, "%s %s %s %s", ledger_state_code(it.state), done,
		 it.verified_by ? it.verified_by : "-", on);
	ledger_item_clear(&it);
	assert_string_equal(got, want);
}

/* ---- adding ------------------------------------------------------------- */

static void test_add_stores_every_field(void **state)
{
	struct world *w = *state;
	struct ledger_new n = item_of(w->branch1, w->wangfang, "2025-07-31");
	struct ledger_item it;
	long long id = 0;

	n.category = LEDGER_DUES;
	n.problem = "连续三个月未交党费";
	n.measure = "谈心谈话，督促补交";
	n.owner = "组织委员";
	assert_int_equal(ledger_add(w->db, &n, &id), OL_OK);
	assert_int_equal(id % 1000, query_int(w->db, "SELECT value FROM meta WHERE key = 'site'", 0));

	assert_int_equal(ledger_get(w->db, id, &it), OL_OK);
	assert_int_equal(it.id, id);
	assert_int_equal(it.org_id, w->branch1);
	assert_string_equal(it.org_name, "第一支部");
	assert_int_equal(it.member_id, w->wangfang);
	assert_string_equal(it.member_name, "王芳");
	assert_int_equal(it.category, LEDGER_DUES);
	assert_string_equal(it.problem, "连续三个月未交党费");
	assert_string_equal(it.measure, "谈心谈话，督促补交");
	assert_string_equal(it.owner, "组织委员");
	assert_day(it.due, "2025-07-31");
	assert_int_equal(it.state, LEDGER_OPEN);
	assert_day(it.done_on, NULL);
	assert_null(it.verified_by);
	assert_day(it.verified_on, NULL);
	ledger_item_clear(&it);
	assert_query_text(w->db, "SELECT category FROM ledger WHERE id = ?1", id, "dues");
}

static void test_add_without_member_or_category(void **state)
{
	struct world *w = *state;
	struct ledger_new n = item_of(w->committee, 0, "2025-06-01");
	struct ledger_item it;
	long long id = 0;

	n.category = LEDGER_NO_CATEGORY;
	assert_int_equal(ledger_add(w->db, &n, &id), OL_OK);
	assert_int_equal(ledger_get(w->db, id, &it), OL_OK);
	assert_int_equal(it.member_id, 0);
	assert_null(it.member_name);
	assert_int_equal(it.category, LEDGER_NO_CATEGORY);
	assert_null(ledger_category_code(it.category));
	ledger_item_clear(&it);
	assert_query_text(w->db, "SELECT category FROM ledger WHERE id = ?1", id, NULL);
	/* A deadline already past is accepted: items are often recorded late. */
	assert_item_state(w->db, id, "open - - -");
}

/* Texts are stored as given, control characters included. */
static void test_add_keeps_text_as_given(void **state)
{
	struct world *w = *state;
	struct ledger_new n = item_of(w->branch2, 0, "2025-07-01");
	long long id = 0;

	n.problem = "bad\033[2Jtext\n第二行";
	n.owner = "  陈刚 ";
	assert_int_equal(ledger_add(w->db, &n, &id), OL_OK);
	assert_query_text(w->db, "SELECT problem FROM ledger WHERE id = ?1", id, "bad\033[2Jtext\n第二行");
	assert_query_text(w->db, "SELECT owner FROM ledger WHERE id = ?1", id, "  陈刚 ");
}

/* Each refusal writes nothing: no item, no audit row. */
static void test_add_validation(void **state)
{
	struct world *w = *state;
	long long audit = audit_rows(w->db), id = 0;
	struct ledger_new n;

	n = item_of(w->branch1, 0, "2025-07-01");
	n.problem = NULL;
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "--problem"));
	n.problem = "";
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	n.problem = " \t\xE3\x80\x80 "; /* blanks and an ideographic space */
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);

	n = item_of(w->branch1, 0, "2025-07-01");
	n.measure = "";
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "--measure"));

	n = item_of(w->branch1, 0, "2025-07-01");
	n.owner = " ";
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "--owner"));

	n = item_of(w->branch1, 0, "2025-07-01");
	n.due = -1;
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "--due"));

	n = item_of(w->branch1, 0, "2025-07-01");
	n.category = (enum ledger_category)LEDGER_CATEGORY_COUNT;
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);

	n = item_of(MISSING_ID, 0, "2025-07-01");
	assert_int_equal(ledger_add(w->db, &n, &id), OL_ENOTFOUND);

	n = item_of(w->branch1, MISSING_ID, "2025-07-01");
	assert_int_equal(ledger_add(w->db, &n, &id), OL_ENOTFOUND);

	/* A member of another branch. */
	n = item_of(w->branch1, w->chengang, "2025-07-01");
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "陈刚"));
	assert_non_null(strstr(db_errmsg(w->db), "第二支部"));
	assert_null(strchr(db_errmsg(w->db), '\n'));
	/* A branch member outside the party group. */
	n = item_of(w->group1, w->wangfang, "2025-07-01");
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);
	/* Not under the general branch. */
	n = item_of(w->general, w->chengang, "2025-07-01");
	assert_int_equal(ledger_add(w->db, &n, &id), OL_EINVAL);

	assert_int_equal(ledger_rows(w->db), 0);
	assert_int_equal(audit_rows(w->db), audit);
}

/* A member belongs to the organization or to one under it. */
static void test_add_member_in_subtree(void **state)
{
	struct world *w = *state;

	add_item(w->db, w->branch1, w->wangfang, "2025-07-01");
	add_item(w->db, w->group1, w->liming, "2025-07-01");
	add_item(w->db, w->general, w->liming, "2025-07-01");
	add_item(w->db, w->committee, w->chengang, "2025-07-01");
	add_item(w->db, w->committee, w->wangfang, "2025-07-01");
	assert_int_equal(ledger_rows(w->db), 5);
}

static void test_categories_by_code_and_chinese_name(void **state)
{
	enum ledger_category c;
	int i;

	(void)state;
	for (i = 0; i < LEDGER_CATEGORY_COUNT; i++) {
		const char *code = ledger_category_code((enum ledger_category)i);
		assert_non_null(code);
		assert_int_equal(ledger_category_parse(code, &c), 0);
		assert_int_equal(c, i);
		assert_int_equal(ledger_category_parse(ledger_category_zh((enum ledger_category)i), &c), 0);
		assert_int_equal(c, i);
		assert_true(strlen(ledger_category_label((enum ledger_category)i)) > 0);
	}
	assert_int_equal(ledger_category_parse("org-life", &c), 0);
	assert_int_equal(c, LEDGER_ORG_LIFE);
	assert_int_equal(ledger_category_parse("组织生活不规范", &c), 0);
	assert_int_equal(c, LEDGER_ORG_LIFE);
	assert_int_equal(ledger_category_parse("政治意识不强", &c), 0);
	assert_int_equal(c, LEDGER_POLITICAL);
	assert_int_equal(ledger_category_parse("党费收缴不及时", &c), 0);
	assert_int_equal(c, LEDGER_DUES);
	assert_int_equal(ledger_category_parse("Political", &c), -1);
	assert_int_equal(ledger_category_parse("", &c), -1);
	assert_int_equal(ledger_category_parse("morale", &c), -1);
	assert_null(ledger_category_code(LEDGER_NO_CATEGORY));
	assert_string_equal(ledger_category_label(LEDGER_NO_CATEGORY), "");
	assert_string_equal(ledger_state_code(LEDGER_OPEN), "open");
	assert_string_equal(ledger_state_code(LEDGER_DONE), "done");
	assert_string_equal(ledger_state_code(LEDGER_CLOSED), "closed");
}

/* ---- the state machine ---------------------------------------------------- */

static void test_done_then_verify_closes(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-06-30");

	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-10")), OL_OK);
	assert_item_state(w->db, id, "done 2025-06-10 - -");
	assert_int_equal(ledger_verify(w->db, id, "机关党委组织部", D("2025-06-12")), OL_OK);
	assert_item_state(w->db, id, "closed 2025-06-10 机关党委组织部 2025-06-12");
}

static void test_done_twice_refused(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-06-30");

	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-10")), OL_OK);
	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-11")), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-10"));
	assert_non_null(strstr(db_errmsg(w->db), "ledger verify"));
	assert_item_state(w->db, id, "done 2025-06-10 - -");
}

static void test_verify_before_done_refused(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-06-30");
	long long audit = audit_rows(w->db);

	assert_int_equal(ledger_verify(w->db, id, "组织部", D("2025-06-15")), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), "ledger done"));
	assert_item_state(w->db, id, "open - - -");
	assert_int_equal(audit_rows(w->db), audit);
}

static void test_verify_checks_who_and_when(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-06-30");

	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-10")), OL_OK);
	/* Who verified is optional, but an empty name is a mistake. */
	assert_int_equal(ledger_verify(w->db, id, "", D("2025-06-12")), OL_EINVAL);
	assert_int_equal(ledger_verify(w->db, id, "\xE3\x80\x80", D("2025-06-12")), OL_EINVAL);
	/* Not before the day it was done, not after today. */
	assert_int_equal(ledger_verify(w->db, id, "组织部", D("2025-06-09")), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-10"));
	assert_int_equal(ledger_verify(w->db, id, "组织部", D("2025-06-16")), OL_EINVAL);
	assert_item_state(w->db, id, "done 2025-06-10 - -");
	/* The day it was done, and today, are both fine. */
	assert_int_equal(ledger_verify(w->db, id, "组织部", D("2025-06-10")), OL_OK);
	assert_item_state(w->db, id, "closed 2025-06-10 组织部 2025-06-10");
	/* --by is optional (PRODUCT.md §4): closed, with no one named. */
	id = add_item(w->db, w->branch1, 0, "2025-06-30");
	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-10")), OL_OK);
	assert_int_equal(ledger_verify(w->db, id, NULL, D("2025-06-12")), OL_OK);
	assert_item_state(w->db, id, "closed 2025-06-10 - 2025-06-12");
}

static void test_closed_item_stays_closed(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-06-30");

	assert_int_equal(ledger_done(w->db, id, "宣传委员", D("2025-06-15")), OL_OK);
	assert_int_equal(ledger_verify(w->db, id, "组织部", D("2025-06-15")), OL_OK);
	assert_int_equal(ledger_verify(w->db, id, "纪委", D("2025-06-15")), OL_ESTATE);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-15"));
	{
		struct ledger_item it;
		assert_int_equal(ledger_get(w->db, id, &it), OL_OK);
		assert_non_null(it.done_by);
		assert_string_equal(it.done_by, "宣传委员");
		ledger_item_clear(&it);
	}
	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-15")), OL_ESTATE);
	assert_item_state(w->db, id, "closed 2025-06-15 组织部 2025-06-15");
}

static void test_done_not_after_today(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-06-30");

	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-16")), OL_EINVAL);
	assert_non_null(strstr(db_errmsg(w->db), "2025-06-16"));
	assert_item_state(w->db, id, "open - - -");
	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-15")), OL_OK);
	assert_item_state(w->db, id, "done 2025-06-15 - -");
}

static void test_unknown_item_refused(void **state)
{
	struct world *w = *state;
	struct ledger_item it;

	assert_int_equal(ledger_get(w->db, MISSING_ID, &it), OL_ENOTFOUND);
	ledger_item_clear(&it);
	assert_int_equal(ledger_done(w->db, MISSING_ID, NULL, D("2025-06-15")), OL_ENOTFOUND);
	assert_int_equal(ledger_done(w->db, MISSING_ID, "", D("2025-06-15")), OL_EINVAL);
	assert_int_equal(ledger_verify(w->db, MISSING_ID, "组织部", D("2025-06-15")), OL_ENOTFOUND);
	assert_non_null(strstr(db_errmsg(w->db), "ledger list"));
}

/* R-LEDGER-DUE: not closed and past the deadline. */
static void test_overdue(void **state)
{
	struct ledger_item it = { .due = D("2025-06-14"), .state = LEDGER_OPEN };
	long today = D("2025-06-15");

	(void)state;
	assert_true(ledger_overdue(&it, today));
	it.state = LEDGER_DONE; /* done but not yet verified: still counts */
	assert_true(ledger_overdue(&it, today));
	it.state = LEDGER_CLOSED;
	assert_false(ledger_overdue(&it, today));
	it.state = LEDGER_OPEN;
	it.due = today; /* the deadline itself is not overdue */
	assert_false(ledger_overdue(&it, today));
}

/* ---- listing and lookup ------------------------------------------------ */

struct collected {
	char ids[256];
	int n, stop_after;
};

static int collect(const struct ledger_item *it, void *p)
{
	struct collected *c = p;
	size_t len = strlen(c->ids);

	snprintf(c->ids + len, sizeof c->ids - len, "%s%lld", len ? " " : "", it->id);
	c->n++;
	return c->stop_after && c->n == c->stop_after ? 7 : 0;
}

static void assert_list(struct db *db, long long org, const char *want)
{
	struct collected c = { .ids = "" };

	assert_int_equal(ledger_list(db, org, collect, &c), OL_OK);
	assert_string_equal(c.ids, want);
}

static void test_list_filters_subtree_and_orders_by_due(void **state)
{
	struct world *w = *state;
	char want[256];
	long long b1 = add_item(w->db, w->branch1, w->wangfang, "2025-07-01");
	long long b2 = add_item(w->db, w->branch2, 0, "2025-06-01");
	long long com = add_item(w->db, w->committee, 0, "2025-08-01");
	long long grp = add_item(w->db, w->group1, w->liming, "2025-05-01");
	long long gen = add_item(w->db, w->general, 0, "2025-07-01");
	struct collected c = { .ids = "", .stop_after = 2 };

	snprintf(want, sizeof want, "%lld %lld %lld %lld %lld", grp, b2, b1, gen, com);
	assert_list(w->db, 0, want);
	assert_list(w->db, w->committee, want);
	snprintf(want, sizeof want, "%lld %lld %lld", grp, b1, gen);
	assert_list(w->db, w->general, want);
	snprintf(want, sizeof want, "%lld %lld", grp, b1);
	assert_list(w->db, w->branch1, want);
	snprintf(want, sizeof want, "%lld", grp);
	assert_list(w->db, w->group1, want);
	snprintf(want, sizeof want, "%lld", b2);
	assert_list(w->db, w->branch2, want);

	/* Closing an item keeps it in the list, in its place. */
	assert_int_equal(ledger_done(w->db, b2, NULL, D("2025-06-01")), OL_OK);
	assert_int_equal(ledger_verify(w->db, b2, "组织部", D("2025-06-02")), OL_OK);
	snprintf(want, sizeof want, "%lld %lld %lld %lld %lld", grp, b2, b1, gen, com);
	assert_list(w->db, 0, want);

	/* fn's nonzero value stops the listing and is returned. */
	assert_int_equal(ledger_list(w->db, 0, collect, &c), 7);
	assert_int_equal(c.n, 2);
}

static void test_list_of_empty_ledger(void **state)
{
	struct world *w = *state;

	assert_list(w->db, 0, "");
	assert_list(w->db, w->branch1, "");
}

static void test_resolve_by_id_only(void **state)
{
	struct world *w = *state;
	long long id = add_item(w->db, w->branch1, 0, "2025-07-01"), got = 0;
	char text[32];

	snprintf(text, sizeof text, "%lld", id);
	assert_int_equal(ledger_resolve(w->db, text, &got), OL_OK);
	assert_int_equal(got, id);

	assert_int_equal(ledger_resolve(w->db, "支委会未按月召开", &got), OL_ENOTFOUND);
	assert_non_null(strstr(db_errmsg(w->db), "'支委会未按月召开'"));
	assert_non_null(strstr(db_errmsg(w->db), "ledger list"));
	assert_int_equal(ledger_resolve(w->db, "", &got), OL_ENOTFOUND);
	assert_int_equal(ledger_resolve(w->db, "12a", &got), OL_ENOTFOUND);
	assert_int_equal(ledger_resolve(w->db, "-1", &got), OL_ENOTFOUND);
	assert_int_equal(ledger_resolve(w->db, "99999999999999999999999", &got), OL_ENOTFOUND);
	assert_int_equal(ledger_resolve(w->db, "999999999", &got), OL_ENOTFOUND);
	assert_non_null(strstr(db_errmsg(w->db), "999999999"));
	/* A name is shown harmlessly. */
	assert_int_equal(ledger_resolve(w->db, "x\033[2J", &got), OL_ENOTFOUND);
	assert_null(strchr(db_errmsg(w->db), '\033'));
	assert_int_equal(got, id);
}

/* ---- the audit log ------------------------------------------------------- */

/* The SQL of expr over the latest audit row of ledger item ?1. */
#define LAST_AUDIT(expr) "SELECT " expr " FROM audit WHERE target = 'ledger:' || ?1 ORDER BY id DESC LIMIT 1"

static void test_every_write_is_audited(void **state)
{
	struct world *w = *state;
	long long before = audit_rows(w->db);
	long long id = add_item(w->db, w->branch1, w->wangfang, "2025-07-01");

	assert_int_equal(audit_rows(w->db), before + 1);
	assert_query_text(w->db, LAST_AUDIT("action || ' ' || json_extract(after, '$.state')"), id, "insert open");
	assert_query_text(w->db, LAST_AUDIT("json_extract(after, '$.problem')"), id, "支委会未按月召开");

	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-14")), OL_OK);
	assert_int_equal(audit_rows(w->db), before + 2);
	assert_query_text(w->db,
			  LAST_AUDIT("action || ' ' || json_extract(before, '$.state') || ' ' ||"
				     " json_extract(after, '$.state') || ' ' || json_extract(after, '$.done_on')"),
			  id, "update open done 2025-06-14");

	/* Refused writes leave no row. */
	assert_int_equal(ledger_done(w->db, id, NULL, D("2025-06-14")), OL_ESTATE);
	assert_int_equal(ledger_verify(w->db, id, "", D("2025-06-15")), OL_EINVAL);
	assert_int_equal(audit_rows(w->db), before + 2);

	assert_int_equal(ledger_verify(w->db, id, "机关党委", D("2025-06-15")), OL_OK);
	assert_int_equal(audit_rows(w->db), before + 3);
	assert_query_text(w->db,
			  LAST_AUDIT("json_extract(after, '$.state') || ' ' || json_extract(after, '$.verified_by')"
				     " || ' ' || json_extract(after, '$.verified_on')"),
			  id, "closed 机关党委 2025-06-15");
}

#define T(f) cmocka_unit_test_setup_teardown(f, world_setup, world_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_add_stores_every_field),
		T(test_add_without_member_or_category),
		T(test_add_keeps_text_as_given),
		T(test_add_validation),
		T(test_add_member_in_subtree),
		T(test_categories_by_code_and_chinese_name),
		T(test_done_then_verify_closes),
		T(test_done_twice_refused),
		T(test_verify_before_done_refused),
		T(test_verify_checks_who_and_when),
		T(test_closed_item_stays_closed),
		T(test_done_not_after_today),
		T(test_unknown_item_refused),
		T(test_overdue),
		T(test_list_filters_subtree_and_orders_by_due),
		T(test_list_of_empty_ledger),
		T(test_resolve_by_id_only),
		T(test_every_write_is_audited),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
