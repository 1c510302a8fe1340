/*
 * db-ledger.c - the rectification ledger (整改台账, ledger.h): adding items,
 * the state machine open -> done -> closed (销号), listing and lookup.
 * Every write is audited by the triggers of the ledger table.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/ledger.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include "db-internal.h"

/* The seed checklist's categories (see ledger.h for what each covers). */
static const struct {
	const char *code, *label, *zh;
} categories[LEDGER_CATEGORY_COUNT] = {
	[LEDGER_POLITICAL] = { .code = "political", .label = N_("weak political awareness"), .zh = "政治意识不强" },
	[LEDGER_LEADERSHIP] = { .code = "leadership", .label = N_("incomplete or divided leadership"),
				.zh = "班子不健全" },
	[LEDGER_MEMBERSHIP] = { .code = "membership", .label = N_("membership records not in order"),
				.zh = "组织关系管理不规范" },
	[LEDGER_ELECTION] = { .code = "election", .label = N_("election not held on time"), .zh = "不按期换届" },
	[LEDGER_DUES] = { .code = "dues", .label = N_("dues not paid in time or in full"), .zh = "党费收缴不及时" },
	[LEDGER_ORG_LIFE] = { .code = "org-life", .label = N_("organizational life not regular"),
			      .zh = "组织生活不规范" },
	[LEDGER_RECRUITMENT] = { .code = "recruitment", .label = N_("admission of members not by the rules"),
				 .zh = "发展党员不规范" },
	[LEDGER_SERVICE] = { .code = "service", .label = N_("not close to the people"), .zh = "联系服务群众不到位" },
	[LEDGER_OPENNESS] = { .code = "openness", .label = N_("party affairs not open"), .zh = "党务事务不公开" },
	[LEDGER_RIGHTS] = { .code = "rights", .label = N_("members' rights not upheld"), .zh = "党员权利保障不落实" },
	[LEDGER_DISCIPLINE] = { .code = "discipline", .label = N_("discipline and conduct"), .zh = "不守规矩" },
	[LEDGER_OTHER] = { .code = "other", .label = N_("other"), .zh = "其他" },
};

static const struct {
	const char *code, *label;
} states[] = {
	[LEDGER_OPEN] = { .code = "open", .label = NC_("ledger state", "open") },
	[LEDGER_DONE] = { .code = "done", .label = NC_("ledger state", "done") },
	[LEDGER_CLOSED] = { .code = "closed", .label = NC_("ledger state", "closed") },
};

const char *ledger_category_code(enum ledger_category c)
{
	return (unsigned)c < LEDGER_CATEGORY_COUNT ? categories[c].code : NULL;
}

const char *ledger_category_label(enum ledger_category c)
{
	return (unsigned)c < LEDGER_CATEGORY_COUNT ? _(categories[c].label) : "";
}

const char *ledger_category_zh(enum ledger_category c)
{
	return (unsigned)c < LEDGER_CATEGORY_COUNT ? categories[c].zh : "";
}

int ledger_category_parse(const char *s, enum ledger_category *c)
{
	int i;

	for (i = 0; s && i < LEDGER_CATEGORY_COUNT; i++) {
		if (strcmp(s, categories[i].code) == 0 || strcmp(s, categories[i].zh) == 0) {
			*c = (enum ledger_category)i;
			return 0;
		}
	}
	return -1;
}

const char *ledger_state_code(enum ledger_state s)
{
	return (unsigned)s <= LEDGER_CLOSED ? states[s].code : NULL;
}

const char *ledger_state_label(enum ledger_state s)
{
	return (unsigned)s <= LEDGER_CLOSED ? i18n_pgettext_expr("ledger state", states[s].label) : "";
}

static enum ledger_state state_from_text(const unsigned char *s)
{
	int i;

	for (i = 0; s && i <= LEDGER_CLOSED; i++)
		if (strcmp((const char *)s, states[i].code) == 0)
			return (enum ledger_state)i;
	return LEDGER_OPEN;
}

void ledger_item_clear(struct ledger_item *it)
{
	free(it->org_name);
	free(it->member_name);
	free(it->problem);
	free(it->measure);
	free(it->owner);
	free(it->done_by);
	free(it->verified_by);
	memset(it, 0, sizeof *it);
}

/* R-LEDGER-DUE */
int ledger_overdue(const struct ledger_item *it, long today)
{
	return it->state != LEDGER_CLOSED && it->due < today;
}

#define LEDGER_COLUMNS \
	"l.id, l.org_id, o.name, l.member_id, m.name, l.category, l.problem, l.measure, l.owner, l.due," \
	" l.state, l.done_on, l.verified_by, l.verified_on, l.done_by" \
	" FROM ledger l JOIN org o ON o.id = l.org_id LEFT JOIN member m ON m.id = l.member_id"

static void item_from_row(sqlite3_stmt *st, struct ledger_item *it)
{
	const char *cat = (const char *)sqlite3_column_text(st, 5);

	memset(it, 0, sizeof *it);
	it->id = sqlite3_column_int64(st, 0);
	it->org_id = sqlite3_column_int64(st, 1);
	it->org_name = db_col_strdup(st, 2);
	it->member_id = sqlite3_column_int64(st, 3);
	it->member_name = db_col_strdup(st, 4);
	if (!cat || ledger_category_parse(cat, &it->category) != 0)
		it->category = LEDGER_NO_CATEGORY;
	it->problem = db_col_strdup(st, 6);
	it->measure = db_col_strdup(st, 7);
	it->owner = db_col_strdup(st, 8);
	it->due = db_col_day(st, 9);
	it->state = state_from_text(sqlite3_column_text(st, 10));
	it->done_on = db_col_day(st, 11);
	it->verified_by = db_col_strdup(st, 12);
	it->verified_on = db_col_day(st, 13);
	it->done_by = db_col_strdup(st, 14);
}

int ledger_get(struct db *db, long long id, struct ledger_item *it)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " LEDGER_COLUMNS " WHERE l.id = ?1");
	int rc;

	memset(it, 0, sizeof *it);
	it->category = LEDGER_NO_CATEGORY;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		item_from_row(st, it);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return OL_OK;
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "reading a ledger item");
	return db_fail(db, OL_ENOTFOUND, _("there is no ledger item %lld: see 'orglife ledger list'"), id);
}

int ledger_list(struct db *db, long long org_id, int (*fn)(const struct ledger_item *it, void *ctx), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT x.id FROM org x JOIN sub ON x.parent_id = sub.id)"
		" SELECT " LEDGER_COLUMNS
		" WHERE ?1 IS NULL OR l.org_id IN (SELECT id FROM sub)"
		" ORDER BY l.due, l.id");
	struct ledger_item it;
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	db_bind_id(st, 1, org_id);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		item_from_row(st, &it);
		stop = fn(&it, ctx);
		ledger_item_clear(&it);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "listing the ledger");
}

int ledger_resolve(struct db *db, const char *spec, long long *id)
{
	sqlite3_stmt *st;
	const char *p;
	int rc;

	for (p = spec; *p >= '0' && *p <= '9'; p++)
		;
	if (p == spec || *p || p - spec > 18) {
		return db_fail(db, OL_ENOTFOUND,
			       _("ledger item '%s': give the item's id, the number 'orglife ledger list' shows"), spec);
	}
	if (!(st = db_stmt(db, "SELECT id FROM ledger WHERE id = ?1")))
		return OL_EDB;
	sqlite3_bind_int64(st, 1, strtoll(spec, NULL, 10));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return OL_OK;
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "looking up a ledger item");
	return db_fail(db, OL_ENOTFOUND, _("there is no ledger item %s: see 'orglife ledger list'"), spec);
}

/* The member must belong to org_id or to an organization under it; for a
 * party group, be one of its members. */
static int check_member(struct db *db, long long member_id, long long org_id, const struct org *o)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT x.id FROM org x JOIN sub ON x.parent_id = sub.id)"
		" SELECT 1 FROM member m WHERE m.id = ?2 AND (m.org_id IN (SELECT id FROM sub) OR m.group_id = ?1)");
	struct member m;
	int rc, found;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, org_id);
	sqlite3_bind_int64(st, 2, member_id);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail_sqlite(db, "checking a member's organization");
	if (found)
		return OL_OK;
	if ((rc = member_get(db, member_id, -1, &m)) == OL_OK) {
		rc = db_fail(db, OL_EINVAL,
			     _("%s is a member of %s, not of %s or an organization under it:"
			       " give the member's branch as --org, or leave --member out"),
			     m.name, m.org_name, o->name);
		member_clear(&m);
	}
	return rc;
}

int ledger_add(struct db *db, const struct ledger_new *n, long long *id)
{
	struct org o = { 0 };
	sqlite3_stmt *st;
	int rc;

	if (text_is_blank(n->problem))
		return db_fail(db, OL_EINVAL, _("a ledger item needs the problem found: give --problem"));
	if (text_is_blank(n->measure))
		return db_fail(db, OL_EINVAL, _("a ledger item needs the measure that rectifies it: give --measure"));
	if (text_is_blank(n->owner))
		return db_fail(db, OL_EINVAL, _("a ledger item needs the person responsible: give --owner"));
	if (n->due < 0)
		return db_fail(db, OL_EINVAL, _("a ledger item needs a deadline: give --due"));
	if (n->category != LEDGER_NO_CATEGORY && !ledger_category_code(n->category))
		return db_fail(db, OL_EINVAL, _("unknown ledger category: see 'orglife ledger add'"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = org_get(db, n->org_id, &o);
	if (rc == OL_OK && n->member_id)
		rc = check_member(db, n->member_id, n->org_id, &o);
	if (rc == OL_OK)
		rc = db_next_id(db, "ledger", id);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO ledger(id, org_id, member_id, category, problem, measure, owner, due, state)"
				 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open')");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, *id);
			sqlite3_bind_int64(st, 2, n->org_id);
			db_bind_id(st, 3, n->member_id);
			db_bind_text(st, 4, ledger_category_code(n->category));
			sqlite3_bind_text(st, 5, n->problem, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 6, n->measure, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 7, n->owner, -1, SQLITE_TRANSIENT);
			db_bind_day(st, 8, n->due);
			rc = db_step_done(db, st, "adding a ledger item");
		}
	}
	org_clear(&o);
	return db_tx_end(db, rc);
}

/* Something that has happened is recorded on today or an earlier day. */
static int in_future(long day)
{
	return day > date_today();
}

int ledger_done(struct db *db, long long id, const char *by, long day)
{
	struct ledger_item it;
	sqlite3_stmt *st;
	char buf[11];
	int rc;

	if (by && text_is_blank(by))
		return db_fail(db, OL_EINVAL, _("--by is empty: give who did the work, or leave --by out"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = ledger_get(db, id, &it);
	if (rc == OL_OK && it.state == LEDGER_DONE) {
		date_format(it.done_on, buf);
		rc = db_fail(db, OL_ESTATE,
			     _("ledger item %lld was already done on %s: close it with 'orglife ledger verify %lld'"),
			     id, buf, id);
	} else if (rc == OL_OK && it.state == LEDGER_CLOSED) {
		date_format(it.verified_on, buf);
		rc = db_fail(db, OL_ESTATE, _("ledger item %lld was already verified and closed on %s: there is nothing to do"),
			     id, buf);
	}
	if (rc == OL_OK && in_future(day)) {
		date_format(day, buf);
		rc = db_fail(db, OL_EINVAL, _("ledger item %lld cannot be recorded done on %s, after today:"
					      " give --on today or an earlier day"), id, buf);
	}
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE ledger SET state = 'done', done_on = ?2, done_by = ?3 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			db_bind_day(st, 2, day);
			db_bind_text(st, 3, by);
			rc = db_step_done(db, st, "recording a ledger item done");
		}
	}
	ledger_item_clear(&it);
	return db_tx_end(db, rc);
}

int ledger_verify(struct db *db, long long id, const char *by, long day)
{
	struct ledger_item it;
	sqlite3_stmt *st;
	char buf[11];
	int rc;

	if (by && text_is_blank(by))
		return db_fail(db, OL_EINVAL, _("--by is empty: give who verified the item, or leave --by out"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = ledger_get(db, id, &it);
	if (rc == OL_OK && it.state == LEDGER_OPEN)
		rc = db_fail(db, OL_ESTATE,
			     _("ledger item %lld is still open: record it done first with 'orglife ledger done %lld'"), id,
			     id);
	else if (rc == OL_OK && it.state == LEDGER_CLOSED) {
		date_format(it.verified_on, buf);
		rc = db_fail(db, OL_ESTATE, _("ledger item %lld was already verified on %s: it is closed"), id, buf);
	} else if (rc == OL_OK && day < it.done_on) {
		date_format(it.done_on, buf);
		rc = db_fail(db, OL_EINVAL,
			     _("ledger item %lld was done on %s: it can be verified on that day or later; give --on accordingly"), id, buf);
	}
	if (rc == OL_OK && in_future(day)) {
		date_format(day, buf);
		rc = db_fail(db, OL_EINVAL, _("ledger item %lld cannot be recorded verified on %s, after today:"
					      " give --on today or an earlier day"), id, buf);
	}
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE ledger SET state = 'closed', verified_by = ?2, verified_on = ?3 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			db_bind_text(st, 2, by);
			db_bind_day(st, 3, day);
			rc = db_step_done(db, st, "verifying a ledger item");
		}
	}
	ledger_item_clear(&it);
	return db_tx_end(db, rc);
}
