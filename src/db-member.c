/*
 * db-member.c - members, their dated facts, committee roles and dues
 * (member.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/i18n.h>
#include <orglife/member.h>
#include <orglife/org.h>
#include <orglife/pack.h>
#include "db-internal.h"

static const struct {
	const char *code, *label;
} statuses[] = {
	[MEMBER_FULL] = { .code = "full", .label = N_("full member") },
	[MEMBER_PROBATIONARY] = { .code = "probationary", .label = N_("probationary member") },
};

static const struct {
	const char *code, *label;
} wheres[] = {
	[MEMBER_HERE] = { .code = "here", .label = N_("in the branch") },
	[MEMBER_FLOWED_OUT] = { .code = "flowed-out", .label = N_("flowed out") },
	[MEMBER_TRANSFERRED_OUT] = { .code = "transferred-out", .label = N_("transferred out") },
	[MEMBER_LOST] = { .code = "lost", .label = N_("lost contact") },
	[MEMBER_NOT_YET] = { .code = "not-yet", .label = N_("not yet in the branch") },
};

static const struct {
	const char *code, *label, *zh;
} roles[ROLE_COUNT] = {
	[ROLE_SECRETARY] = { .code = "secretary", .label = N_("secretary"), .zh = "书记" },
	[ROLE_DEPUTY] = { .code = "deputy", .label = N_("deputy secretary"), .zh = "副书记" },
	[ROLE_ORGANIZER] = { .code = "organizer", .label = N_("organization member"), .zh = "组织委员" },
	[ROLE_PROPAGANDA] = { .code = "propaganda", .label = N_("propaganda member"), .zh = "宣传委员" },
	[ROLE_DISCIPLINE] = { .code = "discipline", .label = N_("discipline member"), .zh = "纪检委员" },
	[ROLE_COMMITTEE_MEMBER] = { .code = "committee-member", .label = N_("committee member"), .zh = "委员" },
};

static const char *const event_codes[] = {
	[EVENT_FLOW_OUT] = "flow-out",
	[EVENT_TRANSFER_OUT] = "transfer-out",
	[EVENT_TRANSFER_IN] = "transfer-in",
	[EVENT_LOST] = "lost",
	[EVENT_BACK] = "back",
};

const char *member_event_code(enum member_event_kind k)
{
	return (unsigned)k <= EVENT_BACK ? event_codes[k] : NULL;
}

int member_event_parse(const char *s, enum member_event_kind *k)
{
	int i;

	for (i = 0; i <= EVENT_BACK; i++) {
		if (strcmp(s, event_codes[i]) == 0) {
			*k = (enum member_event_kind)i;
			return 0;
		}
	}
	return -1;
}

const char *member_status_code(enum member_status s)
{
	return statuses[s].code;
}

const char *member_status_label(enum member_status s)
{
	return _(statuses[s].label);
}

int member_status_parse(const char *s, enum member_status *st)
{
	if (strcmp(s, "full") == 0 || strcmp(s, "正式党员") == 0)
		*st = MEMBER_FULL;
	else if (strcmp(s, "probationary") == 0 || strcmp(s, "预备党员") == 0)
		*st = MEMBER_PROBATIONARY;
	else
		return -1;
	return 0;
}

const char *member_where_code(enum member_where w)
{
	return wheres[w].code;
}

const char *member_where_label(enum member_where w)
{
	return _(wheres[w].label);
}

const char *role_code(enum role_kind r)
{
	return (unsigned)r < ROLE_COUNT ? roles[r].code : NULL;
}

const char *role_label(enum role_kind r)
{
	return (unsigned)r < ROLE_COUNT ? _(roles[r].label) : "";
}

int role_parse(const char *s, enum role_kind *r)
{
	int i;

	for (i = 0; i < ROLE_COUNT; i++) {
		if (strcmp(s, roles[i].code) == 0 || strcmp(s, roles[i].zh) == 0) {
			*r = (enum role_kind)i;
			return 0;
		}
	}
	return -1;
}

char *role_labels(const char *codes)
{
	struct strbuf b = { 0 }, code = { 0 };
	enum role_kind r;
	const char *p = codes, *comma;

	while (p && *p) {
		comma = strchr(p, ',');
		strbuf_reset(&code);
		strbuf_add(&code, p, comma ? (size_t)(comma - p) : strlen(p));
		if (b.len)
			strbuf_adds(&b, ", ");
		strbuf_adds(&b, role_parse(code.s, &r) == 0 ? role_label(r) : code.s);
		p = comma ? comma + 1 : NULL;
	}
	strbuf_free(&code);
	return strbuf_detach(&b);
}

static enum member_where where_from_text(const unsigned char *s)
{
	int i;

	for (i = 0; s && i <= MEMBER_NOT_YET; i++)
		if (strcmp((const char *)s, wheres[i].code) == 0)
			return (enum member_where)i;
	return MEMBER_HERE;
}

void member_clear(struct member *m)
{
	free(m->name);
	free(m->org_name);
	free(m->group_name);
	free(m->phone);
	free(m->roles);
	free(m->gender);
	free(m->ethnicity);
	memset(m, 0, sizeof *m);
}

/* The columns of a member as of day ?2 (the caller binds it).  "where" is
 * the latest event on or before the day; before a later transfer-in, or
 * before joining, the member is not yet in the branch. */
#define MEMBER_COLUMNS \
	"m.id, m.name, m.org_id, o.name, m.group_id, g.name, m.status, m.joined, m.confirmed," \
	" m.probation_until, m.cadre, m.phone," \
	" CASE WHEN m.status = 'full' OR m.confirmed <= ?2 THEN 'full' ELSE 'probationary' END," \
	" CASE WHEN m.joined > ?2 THEN 'not-yet' ELSE coalesce(" \
	"  (SELECT CASE e.kind WHEN 'flow-out' THEN 'flowed-out' WHEN 'transfer-out' THEN 'transferred-out'" \
	"    WHEN 'lost' THEN 'lost' ELSE 'here' END FROM member_event e" \
	"   WHERE e.member_id = m.id AND e.on_date <= ?2 ORDER BY e.on_date DESC, e.id DESC LIMIT 1)," \
	"  CASE WHEN EXISTS (SELECT 1 FROM member_event e WHERE e.member_id = m.id AND e.kind = 'transfer-in')" \
	"   THEN 'not-yet' ELSE 'here' END) END," \
	" (SELECT group_concat(r.role, ',') FROM role r WHERE r.member_id = m.id AND r.from_date <= ?2" \
	"   AND (r.to_date IS NULL OR r.to_date >= ?2))," \
	" m.gender, m.ethnicity, m.born" \
	" FROM member m JOIN org o ON o.id = m.org_id LEFT JOIN org g ON g.id = m.group_id"

static void member_from_row(sqlite3_stmt *st, struct member *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->name = db_col_strdup(st, 1);
	m->org_id = sqlite3_column_int64(st, 2);
	m->org_name = db_col_strdup(st, 3);
	m->group_id = sqlite3_column_int64(st, 4);
	m->group_name = db_col_strdup(st, 5);
	member_status_parse((const char *)sqlite3_column_text(st, 6), &m->admitted);
	m->joined = db_col_day(st, 7);
	m->confirmed = db_col_day(st, 8);
	m->probation_until = db_col_day(st, 9);
	m->cadre = sqlite3_column_int(st, 10);
	m->phone = db_col_strdup(st, 11);
	member_status_parse((const char *)sqlite3_column_text(st, 12), &m->status);
	m->where = where_from_text(sqlite3_column_text(st, 13));
	m->roles = db_col_strdup(st, 14);
	m->gender = db_col_strdup(st, 15);
	m->ethnicity = db_col_strdup(st, 16);
	m->born = db_col_day(st, 17);
}

int member_get(struct db *db, long long id, long day, struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " MEMBER_COLUMNS " WHERE m.id = ?1");
	int rc;

	memset(m, 0, sizeof *m);
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	db_bind_day(st, 2, day);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		member_from_row(st, m);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return OL_OK;
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "reading a member");
	return db_fail(db, OL_ENOTFOUND, _("there is no member %lld: see 'orglife member list'"), id);
}

int member_list(struct db *db, long long org_id, long day, int (*fn)(const struct member *m, void *ctx),
		void *ctx)
{
	sqlite3_stmt *st = db_stmt(db,
		"WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT x.id FROM org x JOIN sub ON x.parent_id = sub.id)"
		" SELECT " MEMBER_COLUMNS
		" WHERE ?1 IS NULL OR m.org_id IN (SELECT id FROM sub) OR m.group_id = ?1"
		" ORDER BY o.name, m.org_id, pinyin_key(m.name), m.id");
	struct member m;
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	db_bind_id(st, 1, org_id);
	db_bind_day(st, 2, day);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		member_from_row(st, &m);
		stop = fn(&m, ctx);
		member_clear(&m);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "listing members");
}

int member_events(struct db *db, long long id, int (*fn)(const struct member_event *e, void *ctx), void *ctx)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, kind, on_date, until, doc FROM member_event WHERE member_id = ?1"
				       " ORDER BY on_date, id");
	struct member_event e;
	int rc, stop = 0;

	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, id);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (member_event_parse((const char *)sqlite3_column_text(st, 1), &e.kind) != 0)
			continue;
		e.id = sqlite3_column_int64(st, 0);
		e.day = db_col_day(st, 2);
		e.until = db_col_day(st, 3);
		e.doc = (const char *)sqlite3_column_text(st, 4);
		stop = fn(&e, ctx);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading a member's changes");
}

static const struct db_resolve_spec member_spec = {
	.what = N_("member"),
	.by_id = "SELECT id FROM member WHERE id = ?1",
	.by_name = "SELECT m.id, m.name, o.name FROM member m JOIN org o ON o.id = m.org_id"
		   " WHERE m.name = ?1 ORDER BY m.id",
	.list_cmd = "orglife member list",
};

int member_resolve(struct db *db, const char *spec, long long *id)
{
	return db_resolve(db, &member_spec, spec, id);
}

/* The org must exist and be of the given kind. */
static int expect_kind(struct db *db, long long id, enum org_kind kind, struct org *o)
{
	int rc = org_get(db, id, o);

	if (rc != OL_OK)
		return rc;
	if (o->kind != kind) {
		rc = db_fail(db, OL_EINVAL, _("%s is a %s, not a %s"), o->name, org_kind_label(o->kind), org_kind_label(kind));
		org_clear(o);
	}
	return rc;
}

static int check_group(struct db *db, long long group_id, long long branch_id)
{
	struct org g;
	int rc = expect_kind(db, group_id, ORG_GROUP, &g);

	if (rc != OL_OK)
		return rc;
	if (g.parent_id != branch_id) {
		rc = db_fail(db, OL_EINVAL, _("the party group %s belongs to another branch: choose one of this branch's groups"),
			     g.name);
	}
	org_clear(&g);
	return rc;
}

/* Nobody joins before they are born: refused with both dates named. */
static int check_born(struct db *db, long born, long joined)
{
	char b[11], j[11];

	if (born < 0 || joined < 0 || born <= joined)
		return OL_OK;
	date_format(born, b);
	date_format(joined, j);
	return db_fail(db, OL_EINVAL, _("born on %s but joined on %s: one of the dates is wrong"), b, j);
}

static const char *or_null(const char *s)
{
	return s && *s ? s : NULL;
}

int member_add(struct db *db, const struct member_new *mn, long long *id)
{
	struct org o;
	sqlite3_stmt *st;
	long born = mn->born > 0 ? mn->born : -1;
	int rc;

	if (!mn->name || !*mn->name)
		return db_fail(db, OL_EINVAL, _("a member needs a name"));
	if (mn->status == MEMBER_PROBATIONARY && mn->joined < 0)
		return db_fail(db, OL_EINVAL,
			       _("a probationary member needs --joined: the day the branch assembly admitted them"));
	if ((rc = check_born(db, born, mn->joined)) != OL_OK)
		return rc;
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = expect_kind(db, mn->org_id, ORG_BRANCH, &o);
	if (rc == OL_OK) {
		org_clear(&o);
		if (mn->group_id)
			rc = check_group(db, mn->group_id, mn->org_id);
	}
	if (rc == OL_OK)
		rc = db_next_id(db, "member", id);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO member(id, name, org_id, group_id, status, joined, cadre, phone,"
				 " gender, ethnicity, born) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, *id);
			sqlite3_bind_text(st, 2, mn->name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(st, 3, mn->org_id);
			db_bind_id(st, 4, mn->group_id);
			sqlite3_bind_text(st, 5, member_status_code(mn->status), -1, SQLITE_STATIC);
			db_bind_day(st, 6, mn->joined);
			sqlite3_bind_int(st, 7, mn->cadre ? 1 : 0);
			db_bind_text(st, 8, mn->phone && *mn->phone ? mn->phone : NULL);
			db_bind_text(st, 9, or_null(mn->gender));
			db_bind_text(st, 10, or_null(mn->ethnicity));
			db_bind_day(st, 11, born);
			rc = db_step_done(db, st, "adding a member");
		}
	}
	/* Expected from joining on: in everyone's quorums, with their own months. */
	if (rc == OL_OK)
		db_summary_touch(db, mn->org_id, 0, -1, -1, SUM_ORGS | SUM_LIFE);
	return db_tx_end(db, rc);
}

/* The member's name made harmless for a message (replacing m->name, as
 * the caller is about to clear m anyway). */
static const char *shown_name(struct member *m)
{
	char *safe = text_sanitize(m->name, 0);

	free(m->name);
	m->name = safe;
	return safe;
}

int member_edit(struct db *db, long long id, const struct member_changes *c)
{
	struct member m;
	sqlite3_stmt *st;
	int rc;

	if (c->name && !*c->name)
		return db_fail(db, OL_EINVAL, _("a member needs a name"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, id, -1, &m);
	if (rc == OL_OK && c->set_group && c->group_id)
		rc = check_group(db, c->group_id, m.org_id);
	if (rc == OL_OK && c->set_joined && m.admitted == MEMBER_PROBATIONARY)
		rc = db_fail(db, OL_ESTATE, _("%s was admitted as a probationary member, whose probation runs from the day"
					      " they joined: that day cannot be changed"), shown_name(&m));
	if (rc == OL_OK)
		rc = check_born(db, c->set_born ? c->born : m.born, c->set_joined ? c->joined : m.joined);
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE member SET name = ?2, group_id = ?3, cadre = ?4, phone = ?5, gender = ?6,"
				 " ethnicity = ?7, born = ?8, joined = ?9 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			const char *phone = c->phone ? c->phone : m.phone;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, c->name ? c->name : m.name, -1, SQLITE_TRANSIENT);
			db_bind_id(st, 3, c->set_group ? c->group_id : m.group_id);
			sqlite3_bind_int(st, 4, c->cadre >= 0 ? c->cadre : m.cadre);
			db_bind_text(st, 5, phone && *phone ? phone : NULL);
			db_bind_text(st, 6, or_null(c->gender ? c->gender : m.gender));
			db_bind_text(st, 7, or_null(c->ethnicity ? c->ethnicity : m.ethnicity));
			db_bind_day(st, 8, c->set_born ? c->born : m.born);
			db_bind_day(st, 9, c->set_joined ? c->joined : m.joined);
			rc = db_step_done(db, st, "changing a member");
		}
	}
	/* The group and the day of joining decide where they were expected. */
	if (rc == OL_OK && (c->set_group || c->set_joined))
		db_summary_touch(db, m.org_id, 0, -1, -1, SUM_ORGS | SUM_LIFE);
	member_clear(&m);
	return db_tx_end(db, rc);
}

/* R-PROBATION: probation ends one year after admission. */
long member_probation_end(const struct member *m)
{
	if (m->admitted != MEMBER_PROBATIONARY || m->confirmed >= 0 || m->joined < 0)
		return -1;
	/* R-PROBATION: a year after admission, or the extension's end. */
	return m->probation_until >= 0 ? m->probation_until : date_add_years(m->joined, 1);
}

int member_confirm(struct db *db, long long id, long day)
{
	struct member m;
	sqlite3_stmt *st;
	char buf[11] = "";
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, id, day, &m);
	if (rc == OL_OK && m.admitted != MEMBER_PROBATIONARY)
		rc = db_fail(db, OL_ESTATE, _("%s was admitted as a full member: there is nothing to confirm"), shown_name(&m));
	else if (rc == OL_OK && m.confirmed >= 0) {
		date_format(m.confirmed, buf);
		rc = db_fail(db, OL_ESTATE, _("%s was already confirmed on %s"), shown_name(&m), buf);
	} else if (rc == OL_OK) {
		/* An extended probation ends when the extension does. */
		long end = member_probation_end(&m);
		if (day < end) {
			date_format(end, buf);
			rc = db_fail(db, OL_EINVAL, _("%s's probation ends on %s: confirmation can be recorded from then"),
				     shown_name(&m), buf);
		}
	}
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE member SET confirmed = ?2 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			db_bind_day(st, 2, day);
			rc = db_step_done(db, st, "confirming a member");
		}
	}
	/* A vote from that day on: the quorums. */
	if (rc == OL_OK)
		db_summary_touch(db, m.org_id, 0, day, -1, SUM_ORGS);
	member_clear(&m);
	return db_tx_end(db, rc);
}

int member_extend_probation(struct db *db, long long id, long until)
{
	struct member m;
	sqlite3_stmt *st;
	char lo[11], hi[11];
	long end;
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, id, until, &m);
	if (rc == OL_OK && (m.admitted != MEMBER_PROBATIONARY || m.confirmed >= 0))
		rc = db_fail(db, OL_ESTATE, _("%s is not on probation: only a probationary member's probation can be extended"), shown_name(&m));
	else if (rc == OL_OK && m.probation_until >= 0) {
		date_format(m.probation_until, lo);
		rc = db_fail(db, OL_ESTATE, _("%s's probation was already extended (until %s): it can be extended only once"), shown_name(&m), lo);
	}
	if (rc == OL_OK) {
		end = date_add_years(m.joined, 1);
		if (until < date_add_months(end, 6) || until > date_add_months(end, 12)) {
			date_format(date_add_months(end, 6), lo);
			date_format(date_add_months(end, 12), hi);
			rc = db_fail(db, OL_EINVAL, _("an extension of %s's probation runs 6 to 12 months: give --until between %s and %s"),
				     m.name, lo, hi);
		}
	}
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE member SET probation_until = ?2 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			db_bind_day(st, 2, until);
			rc = db_step_done(db, st, "extending probation");
		}
	}
	member_clear(&m);
	return db_tx_end(db, rc);
}

/* Does the member's history allow this event on that day? */
static int event_allowed(enum member_event_kind kind, enum member_where w, int had_events)
{
	switch (kind) {
	case EVENT_FLOW_OUT:
		return w == MEMBER_HERE;
	case EVENT_TRANSFER_OUT:
		return w == MEMBER_HERE || w == MEMBER_FLOWED_OUT || w == MEMBER_LOST;
	case EVENT_TRANSFER_IN:
		return w == MEMBER_TRANSFERRED_OUT || w == MEMBER_NOT_YET || (w == MEMBER_HERE && !had_events);
	case EVENT_LOST:
		return w == MEMBER_HERE || w == MEMBER_FLOWED_OUT;
	case EVENT_BACK:
		return w == MEMBER_LOST || w == MEMBER_FLOWED_OUT;
	}
	return 0;
}

int member_event_add(struct db *db, long long id, enum member_event_kind kind, long day, long until,
		     const char *doc)
{
	struct member m;
	sqlite3_stmt *st;
	long long eid;
	long latest = -1;
	int rc, had = 0;
	char buf[11];

	if (until >= 0 && until < day)
		return db_fail(db, OL_EINVAL, _("the certificate's --valid-until lies before --on: check the dates"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, id, day, &m);
	if (rc == OL_OK) {
		/* Facts are recorded in date order, so each one is checked
		 * against the whole history before it. */
		st = db_stmt(db, "SELECT count(*), max(on_date) FROM member_event WHERE member_id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_step(st) == SQLITE_ROW) {
				had = sqlite3_column_int(st, 0) > 0;
				latest = db_col_day(st, 1);
			}
			sqlite3_reset(st);
		}
	}
	if (rc == OL_OK && latest > day) {
		date_format(latest, buf);
		rc = db_fail(db, OL_EINVAL, _("%s's latest recorded change is on %s: record changes in date order"),
			     shown_name(&m), buf);
	}
	if (rc == OL_OK && !event_allowed(kind, m.where, had)) {
		date_format(day, buf);
		rc = db_fail(db, OL_ESTATE, _("%s is %s on %s, so '%s' does not apply: check the member and the date"),
			     m.name, member_where_label(m.where), buf, event_codes[kind]);
	}
	if (rc == OL_OK)
		rc = db_next_id(db, "member_event", &eid);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO member_event(id, member_id, kind, on_date, until, doc)"
				 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, eid);
			sqlite3_bind_int64(st, 2, id);
			sqlite3_bind_text(st, 3, event_codes[kind], -1, SQLITE_STATIC);
			db_bind_day(st, 4, day);
			db_bind_day(st, 5, until);
			db_bind_text(st, 6, doc);
			rc = db_step_done(db, st, "recording a member's event");
		}
	}
	/* Away or back from that day on; someone who transfers in was not
	 * here before either. */
	if (rc == OL_OK)
		db_summary_touch(db, m.org_id, 0, kind == EVENT_TRANSFER_IN ? -1 : day, -1, SUM_ORGS | SUM_LIFE);
	member_clear(&m);
	return db_tx_end(db, rc);
}

int role_set(struct db *db, long long member_id, enum role_kind role, long from, long to)
{
	struct member m;
	sqlite3_stmt *st;
	long long rid, other = 0;
	int rc;

	if (to >= 0 && to < from)
		return db_fail(db, OL_EINVAL, _("--to lies before --from: check the dates"));
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, member_id, from, &m);
	if (rc == OL_OK && m.where != MEMBER_HERE) {
		char buf[11];
		date_format(from, buf);
		rc = db_fail(db, OL_ESTATE, _("%s is %s on %s and cannot take a role then"), shown_name(&m),
			     member_where_label(m.where), buf);
	}
	if (rc == OL_OK) {
		/* One holder at a time for the secretary; no member holds a role twice. */
		st = db_stmt(db, "SELECT member_id FROM role WHERE org_id = ?1 AND role = ?2"
				 " AND (member_id = ?3 OR role = 'secretary')"
				 " AND from_date <= coalesce(?5, '9999-12-31') AND (to_date IS NULL OR to_date >= ?4) LIMIT 1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, m.org_id);
			sqlite3_bind_text(st, 2, role_code(role), -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, member_id);
			db_bind_day(st, 4, from);
			db_bind_day(st, 5, to);
			if (sqlite3_step(st) == SQLITE_ROW)
				other = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
		}
		if (other == member_id)
			rc = db_fail(db, OL_ESTATE, _("%s already holds that role then: end it first with 'orglife role end'"), shown_name(&m));
		else if (other)
			rc = db_fail(db, OL_ESTATE, _("the branch already has a secretary then (member %lld): end that term first with 'orglife role end'"),
				     other);
	}
	if (rc == OL_OK)
		rc = db_next_id(db, "role", &rid);
	if (rc == OL_OK) {
		st = db_stmt(db, "INSERT INTO role(id, member_id, org_id, role, from_date, to_date)"
				 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, rid);
			sqlite3_bind_int64(st, 2, member_id);
			sqlite3_bind_int64(st, 3, m.org_id);
			sqlite3_bind_text(st, 4, role_code(role), -1, SQLITE_STATIC);
			db_bind_day(st, 5, from);
			db_bind_day(st, 6, to);
			rc = db_step_done(db, st, "setting a role");
		}
	}
	/* Committee meetings expect role holders; the secretary's lessons. */
	if (rc == OL_OK)
		db_summary_touch(db, m.org_id, 0, from, to, SUM_ORGS | SUM_LIFE);
	member_clear(&m);
	return db_tx_end(db, rc);
}

int role_end(struct db *db, long long member_id, enum role_kind role, long on)
{
	sqlite3_stmt *st;
	long long rid = 0, org = 0;
	int rc;

	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	st = db_stmt(db, "SELECT id, org_id FROM role WHERE member_id = ?1 AND role = ?2 AND from_date <= ?3"
			 " AND (to_date IS NULL OR to_date >= ?3) ORDER BY from_date DESC LIMIT 1");
	if (!st)
		rc = OL_EDB;
	else {
		sqlite3_bind_int64(st, 1, member_id);
		sqlite3_bind_text(st, 2, role_code(role), -1, SQLITE_STATIC);
		db_bind_day(st, 3, on);
		if (sqlite3_step(st) == SQLITE_ROW) {
			rid = sqlite3_column_int64(st, 0);
			org = sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
	}
	if (rc == OL_OK && !rid) {
		char buf[11];
		date_format(on, buf);
		rc = db_fail(db, OL_ENOTFOUND, _("member %lld holds no %s role on %s: see 'orglife member list'"),
			     member_id, role_label(role), buf);
	}
	if (rc == OL_OK) {
		st = db_stmt(db, "UPDATE role SET to_date = ?2 WHERE id = ?1");
		if (!st)
			rc = OL_EDB;
		else {
			sqlite3_bind_int64(st, 1, rid);
			db_bind_day(st, 2, on);
			rc = db_step_done(db, st, "ending a role");
		}
	}
	if (rc == OL_OK)
		db_summary_touch(db, org, 0, on, -1, SUM_ORGS | SUM_LIFE);
	return db_tx_end(db, rc);
}

/* A member's payments, decoded (empty when none); OL_EDB when damaged. */
static int load_payments(struct db *db, long long member_id, struct payments *p)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT payments FROM dues WHERE member_id = ?1");
	int rc = OL_OK;

	p->n = 0;
	if (!st)
		return OL_EDB;
	sqlite3_bind_int64(st, 1, member_id);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    payments_decode(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), p) != 0)
		rc = db_fail(db, OL_EDB, _("the dues record of member %lld is damaged: restore it from a backup"),
			     member_id);
	sqlite3_reset(st);
	return rc;
}

int dues_pay(struct db *db, long long member_id, int year, int month, long long amount_fen, long paid_on)
{
	struct member m;
	struct payments p = { 0 };
	struct payment pay = { .month = year * 12 + month - 1, .amount_fen = amount_fen, .paid_on = paid_on };
	sqlite3_stmt *st;
	unsigned char *blob;
	char mon[8], target[64], after[96];
	size_t len;
	int rc;

	if (amount_fen < -1)
		return db_fail(db, OL_EINVAL, _("a negative amount is not a payment: give --amount in yuan, e.g. 12.50"));
	if (amount_fen > PAYMENT_MAX_FEN)
		return db_fail(db, OL_EINVAL, _("%lld.%02lld yuan is more than one month's dues can be: check --amount"),
			       amount_fen / 100, amount_fen % 100);
	snprintf(mon, sizeof mon, "%04d-%02d", year, month);
	if ((rc = db_tx_begin(db)) != OL_OK)
		return rc;
	rc = member_get(db, member_id, paid_on, &m);
	if (rc == OL_OK)
		rc = load_payments(db, member_id, &p);
	if (rc == OL_OK && payments_get(&p, pay.month))
		rc = db_fail(db, OL_ESTATE, _("%s's dues for %s are already recorded"), shown_name(&m), mon);
	if (rc == OL_OK) {
		payments_add(&p, &pay);
		blob = payments_encode(&p, &len);
		st = db_stmt(db, "INSERT INTO dues(member_id, payments) VALUES (?1, ?2)"
				 " ON CONFLICT(member_id) DO UPDATE SET payments = excluded.payments");
		if (!st) {
			free(blob);
			rc = OL_EDB;
		} else {
			sqlite3_bind_int64(st, 1, member_id);
			sqlite3_bind_blob(st, 2, blob, (int)len, free);
			rc = db_step_done(db, st, "recording dues");
		}
	}
	if (rc == OL_OK)
		rc = db_summary_paid(db, member_id, pay.month);
	if (rc == OL_OK) {
		char day[11];
		date_format(paid_on, day);
		snprintf(target, sizeof target, "dues:%lld:%s", member_id, mon);
		if (amount_fen >= 0)
			snprintf(after, sizeof after, "{\"amount_fen\":%lld,\"paid_on\":\"%s\"}", amount_fen, day);
		else
			snprintf(after, sizeof after, "{\"amount_fen\":null,\"paid_on\":\"%s\"}", day);
		rc = db_audit(db, "insert", target, NULL, after);
	}
	payments_free(&p);
	member_clear(&m);
	return db_tx_end(db, rc);
}

int dues_list(struct db *db, long long member_id, struct payments *p)
{
	return load_payments(db, member_id, p);
}

int dues_get(struct db *db, long long member_id, int year, int month, long long *amount_fen, long *paid_on)
{
	struct payments p = { 0 };
	const struct payment *pay;
	int rc = load_payments(db, member_id, &p);

	if (rc == OL_OK) {
		pay = payments_get(&p, year * 12 + month - 1);
		if (pay) {
			*amount_fen = pay->amount_fen;
			*paid_on = pay->paid_on;
		} else
			rc = db_fail(db, OL_ENOTFOUND, _("no dues are recorded for member %lld for %04d-%02d"), member_id,
				     year, month);
	}
	payments_free(&p);
	return rc;
}
