/*
 * db-facts.c - loading the facts the obligations engine reads (facts.h).
 *
 * One statement per kind of fact, each read in the order the engine wants,
 * so loading is a handful of sequential scans.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <orglife/date.h>
#include <orglife/facts.h>
#include <orglife/i18n.h>
#include <orglife/pack.h>
#include "db-internal.h"

/* Grows *arr (of elements of size sz) to hold one more; returns the slot. */
static void *grow(void *arr_p, int *n, int *cap, size_t sz)
{
	void **arr = arr_p;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = xrealloc(*arr, (size_t)*cap * sz);
	}
	return (char *)*arr + (size_t)(*n)++ * sz;
}

static int load_orgs(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, coalesce(parent_id, 0), name, kind, coalesce(term_years, 0)"
				       " FROM org ORDER BY id");
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_org *o = grow(&f->orgs, &f->norgs, &cap, sizeof *o);
		const char *kind = (const char *)sqlite3_column_text(st, 3);
		o->id = sqlite3_column_int64(st, 0);
		o->parent_id = sqlite3_column_int64(st, 1);
		o->name = db_col_strdup(st, 2);
		o->kind = ORG_BRANCH;
		if (kind)
			org_kind_parse(kind, &o->kind);
		o->term_years = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading organizations");
}

static int load_members(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, org_id, coalesce(group_id, 0), name, status, joined, confirmed,"
				       " probation_until, cadre FROM member ORDER BY id");
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_member *m = grow(&f->members, &f->nmembers, &cap, sizeof *m);
		const char *status = (const char *)sqlite3_column_text(st, 4);
		memset(m, 0, sizeof *m);
		m->id = sqlite3_column_int64(st, 0);
		m->org_id = sqlite3_column_int64(st, 1);
		m->group_id = sqlite3_column_int64(st, 2);
		m->name = db_col_strdup(st, 3);
		m->admitted = MEMBER_FULL;
		if (status)
			member_status_parse(status, &m->admitted);
		m->joined = db_col_day(st, 5);
		m->confirmed = db_col_day(st, 6);
		m->probation_until = db_col_day(st, 7);
		m->cadre = sqlite3_column_int(st, 8);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading members");
}

static int load_events(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT member_id, kind, on_date, until, doc IS NOT NULL"
				       " FROM member_event ORDER BY member_id, on_date, id");
	int rc, cap = 0, mi = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_event *e = grow(&f->events, &f->nevents, &cap, sizeof *e);
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		e->member_id = sqlite3_column_int64(st, 0);
		e->kind = EVENT_BACK;
		if (kind)
			member_event_parse(kind, &e->kind);
		e->day = db_col_day(st, 2);
		e->until = db_col_day(st, 3);
		e->has_doc = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail_sqlite(db, "reading members' events");
	/* Both lists are by member id: give each member its slice. */
	for (int i = 0; i < f->nevents; i++) {
		while (mi < f->nmembers && f->members[mi].id < f->events[i].member_id)
			mi++;
		if (mi < f->nmembers && f->members[mi].id == f->events[i].member_id) {
			if (f->members[mi].nevents++ == 0)
				f->members[mi].first_event = i;
		}
	}
	return OL_OK;
}

static int load_roles(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT member_id, org_id, role, from_date, to_date FROM role"
				       " ORDER BY org_id, from_date, id");
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_role *r = grow(&f->roles, &f->nroles, &cap, sizeof *r);
		const char *role = (const char *)sqlite3_column_text(st, 2);
		r->member_id = sqlite3_column_int64(st, 0);
		r->org_id = sqlite3_column_int64(st, 1);
		r->role = ROLE_COMMITTEE_MEMBER;
		if (role)
			role_parse(role, &r->role);
		r->from = db_col_day(st, 3);
		r->to = db_col_day(st, 4);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading committee roles");
}

static enum session_kind kind_of(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	enum session_kind k;

	return s && session_kind_parse(s, &k) == 0 ? k : SK_NONE;
}

static int load_sessions(struct db *db, const struct facts_window *w, struct facts *f)
{
	/* Cancelled sessions never count; planned ones show as planned; the
	 * marks of held ones are read with them. */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT id, org_id, coalesce(lecturer_id, 0), kind, also_kind, state = 'held', day,"
		" CASE WHEN state = 'held' AND day >= ?3 THEN marks END FROM session"
		" WHERE (day >= ?1 OR (day >= ?2 AND (kind IN ('lesson', 'org-life', 'appraisal')"
		"  OR also_kind IN ('lesson', 'org-life', 'appraisal')))) AND state <> 'cancelled'"
		" ORDER BY org_id, day, id");
	struct marks m = { 0 };
	int rc, cap = 0, capm = 0;

	if (!st)
		return OL_EDB;
	db_bind_day(st, 1, w->sessions_from);
	db_bind_day(st, 2, w->yearly_from < w->sessions_from ? w->yearly_from : w->sessions_from);
	db_bind_day(st, 3, w->marks_from);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_session *s = grow(&f->sessions, &f->nsessions, &cap, sizeof *s);
		memset(s, 0, sizeof *s);
		s->id = sqlite3_column_int64(st, 0);
		s->org_id = sqlite3_column_int64(st, 1);
		s->lecturer_id = sqlite3_column_int64(st, 2);
		s->kind = kind_of(st, 3);
		s->also = kind_of(st, 4);
		s->state = sqlite3_column_int(st, 5) ? SESSION_HELD : SESSION_PLANNED;
		s->day = db_col_day(st, 6);
		if (marks_decode(sqlite3_column_blob(st, 7), (size_t)sqlite3_column_bytes(st, 7), &m) != 0) {
			sqlite3_reset(st);
			marks_free(&m);
			return db_fail(db, OL_EDB, _("the attendance of session %lld is damaged: restore it from a backup"),
				       s->id);
		}
		s->first_mark = f->nmarks;
		s->nmarks = (int)m.n;
		for (size_t k = 0; k < m.n; k++) {
			struct fact_mark *fm = grow(&f->marks, &f->nmarks, &capm, sizeof *fm);
			fm->member_id = m.v[k].member_id;
			fm->status = (enum attend_status)m.v[k].status;
		}
	}
	sqlite3_reset(st);
	marks_free(&m);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading sessions");
}

static int load_elections(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, org_id, coalesce(session_id, 0), on_date, term_years, ext_until"
				       " FROM election ORDER BY org_id, on_date, id");
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_election *e = grow(&f->elections, &f->nelections, &cap, sizeof *e);
		e->id = sqlite3_column_int64(st, 0);
		e->org_id = sqlite3_column_int64(st, 1);
		e->session_id = sqlite3_column_int64(st, 2);
		e->day = db_col_day(st, 3);
		e->term_years = sqlite3_column_int(st, 4);
		e->ext_until = db_col_day(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading elections");
}

static int load_dues(struct db *db, const struct facts_window *w, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT member_id, payments FROM dues ORDER BY member_id");
	int rc, cap = 0, y, m, d, until;

	if (!st)
		return OL_EDB;
	date_to_ymd(w->as_of, &y, &m, &d);
	until = y * 12 + m - 1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long member = sqlite3_column_int64(st, 0);
		int latest;
		if (payments_latest(sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1), until, &latest) != 0) {
			sqlite3_reset(st);
			return db_fail(db, OL_EDB, _("the dues record of member %lld is damaged: restore it from a backup"),
				       member);
		}
		if (latest >= 0) {
			struct fact_dues *fd = grow(&f->dues, &f->ndues, &cap, sizeof *fd);
			fd->member_id = member;
			fd->month = latest;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading dues");
}

static int load_ledger(struct db *db, struct facts *f)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, org_id, coalesce(member_id, 0), due, state = 'done', problem"
				       " FROM ledger WHERE state <> 'closed' ORDER BY org_id, due, id");
	int rc, cap = 0;

	if (!st)
		return OL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fact_ledger *l = grow(&f->ledger, &f->nledger, &cap, sizeof *l);
		l->id = sqlite3_column_int64(st, 0);
		l->org_id = sqlite3_column_int64(st, 1);
		l->member_id = sqlite3_column_int64(st, 2);
		l->due = db_col_day(st, 3);
		l->state = sqlite3_column_int(st, 4) ? LEDGER_FACT_DONE : LEDGER_FACT_OPEN;
		l->problem = db_col_strdup(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? OL_OK : db_fail_sqlite(db, "reading the rectification ledger");
}

int facts_load(struct db *db, const struct facts_window *w, struct facts *f)
{
	int rc;

	memset(f, 0, sizeof *f);
	f->from = w->sessions_from;
	f->marks_from = w->marks_from > w->sessions_from ? w->marks_from : w->sessions_from;
	/* One read transaction: the facts are one consistent snapshot. */
	if ((rc = db_read_begin(db)) != OL_OK)
		return rc;
	rc = load_orgs(db, f);
	if (rc == OL_OK)
		rc = load_members(db, f);
	if (rc == OL_OK)
		rc = load_events(db, f);
	if (rc == OL_OK)
		rc = load_roles(db, f);
	if (rc == OL_OK)
		rc = load_sessions(db, w, f);
	if (rc == OL_OK)
		rc = load_elections(db, f);
	if (rc == OL_OK)
		rc = load_dues(db, w, f);
	if (rc == OL_OK)
		rc = load_ledger(db, f);
	db_read_end(db);
	if (rc != OL_OK)
		facts_free(f);
	return rc;
}

void facts_free(struct facts *f)
{
	int i;

	for (i = 0; i < f->norgs; i++)
		free(f->orgs[i].name);
	for (i = 0; i < f->nmembers; i++)
		free(f->members[i].name);
	for (i = 0; i < f->nledger; i++)
		free(f->ledger[i].problem);
	free(f->orgs);
	free(f->members);
	free(f->events);
	free(f->roles);
	free(f->sessions);
	free(f->marks);
	free(f->elections);
	free(f->dues);
	free(f->ledger);
	memset(f, 0, sizeof *f);
}

const struct fact_org *facts_org(const struct facts *f, long long id)
{
	int lo = 0, hi = f->norgs - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->orgs[mid].id == id)
			return &f->orgs[mid];
		if (f->orgs[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

const struct fact_member *facts_member(const struct facts *f, long long id)
{
	int lo = 0, hi = f->nmembers - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->members[mid].id == id)
			return &f->members[mid];
		if (f->members[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}
